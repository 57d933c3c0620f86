import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import {
  Router,
  provideRouter,
  withComponentInputBinding,
} from '@angular/router';
import { RouterTestingHarness } from '@angular/router/testing';
import { APPROVAL_BODIES_PATH } from '../data/approval-bodies.api';
import { CREDITS_PATH } from '../data/credits.api';
import { CreditFormPage } from './credit-form.page';

/** Answers the credit's save (as c9), then refuses its certificate upload with 415 and `message`. */
async function saveThenRefuseUpload(
  backend: HttpTestingController,
  stable: () => Promise<unknown>,
  message: string,
): Promise<void> {
  backend
    .expectOne({ method: 'POST', url: CREDITS_PATH })
    .flush({ id: 'c9' }, { status: 201, statusText: 'Created' });
  await stable();
  backend
    .expectOne({ method: 'POST', url: '/api/credits/c9/certificates' })
    .flush(
      { statusCode: 415, code: 'unsupported_media_type', message },
      { status: 415, statusText: 'Unsupported Media Type' },
    );
  await stable();
}

describe('CreditFormPage', () => {
  let fixture: ComponentFixture<CreditFormPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigateByUrl: jest.SpyInstance;

  const stable = () => fixture.whenStable();
  const field = (label: string) =>
    (Array.from(el.querySelectorAll('mat-form-field label'))
      .find((l) => l.textContent?.trim().startsWith(label))
      ?.closest('mat-form-field') ?? null) as HTMLElement | null;
  const type = async (label: string, value: string) => {
    const i = field(label)?.querySelector<HTMLInputElement>('input');
    if (!i) throw new Error(`No input labelled ${label}`);
    i.value = value;
    i.dispatchEvent(new Event('input'));
    i.dispatchEvent(new Event('blur'));
    await stable();
  };
  const button = (name: string) => {
    const b = Array.from(el.querySelectorAll<HTMLButtonElement>('button')).find(
      (x) => x.textContent?.trim() === name,
    );
    if (!b) throw new Error(`No button ${name}`);
    return b;
  };
  const chooseFormat = async (option: string) => {
    field('Format')?.querySelector<HTMLElement>('mat-select')?.click();
    await stable();
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))
      .find((o) => o.textContent?.trim() === option)
      ?.click();
    await stable();
  };
  const splitText = () =>
    el.querySelector('.mz-split')?.textContent?.replace(/\s+/g, ' ').trim();
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
  };

  const pick = async (file: File) => {
    const input = el.querySelector<HTMLInputElement>(
      'mz-file-picker input[type="file"]',
    );
    if (!input) throw new Error('No file input');
    Object.defineProperty(input, 'files', {
      value: [file],
      configurable: true,
    });
    input.dispatchEvent(new Event('change'));
    await stable();
  };
  const value = (label: string) =>
    field(label)?.querySelector<HTMLInputElement>('input')?.value;
  const certificatePdf = () =>
    new File(['%PDF-1.4 certificate'], 'ethics.pdf', {
      type: 'application/pdf',
    });

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [CreditFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(CreditFormPage);
    el = fixture.nativeElement;
    await stable();
    backend.expectOne(APPROVAL_BODIES_PATH).flush([]);
    await stable();
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('names each approval body once: its code after the name only when the name lacks it', () => {
    const suffix = (code: string, label: string) =>
      (
        fixture.componentInstance as unknown as {
          codeSuffix(b: {
            code: string;
            label: string;
            aliases: string[];
            acceptedBy: string[];
          }): string;
        }
      ).codeSuffix({ code, label, aliases: [], acceptedBy: [] });
    expect(suffix('ACE', 'ASWB Approved Continuing Education (ACE)')).toBe('');
    expect(
      suffix(
        'NASW',
        'National Association of Social Workers (NASW, national or chapter)',
      ),
    ).toBe('');
    expect(suffix('board', "The licensing state's own social work board")).toBe(
      ' (board)',
    );
    expect(suffix('XYZ', 'XYZ')).toBe('');
  });

  it('checks live that the practice split adds up to the hours', async () => {
    await type('Hours', '3');
    expect(splitText()).toBe(
      '✗ The split adds up to 0 h, but the credit is 3 h.',
    );
    await type('Clinical hours', '2');
    await type('Macro hours', '0.5');
    expect(splitText()).toBe(
      '✗ The split adds up to 2.5 h, but the credit is 3 h.',
    );
    await type('General hours', '0.5');
    expect(splitText()).toBe('✓ The split adds up to 3 h.');
  });

  it('puts all hours in one level with one click', async () => {
    await type('Hours', '4');
    button('All general').click();
    await stable();
    expect(splitText()).toBe('✓ The split adds up to 4 h.');
    expect(field('General hours')?.querySelector('input')?.value).toBe('4');
  });

  it('does not send a credit whose split does not add up', async () => {
    await type('Course title', 'Policy practice');
    await type('Completion date', '2026-10-01');
    await type('Hours', '3');
    await chooseFormat('Live online (synchronous)');
    await type('Clinical hours', '1');
    await submit();
    backend.expectNone(CREDITS_PATH);
    expect(el.querySelector('.mz-split')?.getAttribute('role')).toBe('alert');
    expect(document.activeElement).toBe(
      field('Clinical hours')?.querySelector('input'),
    );
  });

  it('asks for macro areas only once some hours are macro, and sends them', async () => {
    expect(el.textContent).not.toContain('Macro areas');
    await type('Course title', 'Testifying on budget bills');
    await type('Completion date', '2026-10-01');
    await type('Hours', '2');
    await chooseFormat('Live online (synchronous)');
    button('All macro').click();
    await stable();
    expect(
      el.querySelector('mat-chip-listbox[aria-label="Macro areas"]'),
    ).not.toBeNull();
    Array.from(el.querySelectorAll<HTMLElement>('mat-chip-option'))
      .find((c) => c.textContent?.includes('Policy and advocacy'))
      ?.querySelector<HTMLElement>('button, [role="option"]')
      ?.click();
    await stable();
    await submit();
    const req = backend.expectOne({ method: 'POST', url: CREDITS_PATH });
    expect(req.request.body).toEqual({
      title: 'Testifying on budget bills',
      provider: null,
      completedOn: '2026-10-01',
      hours: 2,
      format: 'live-online',
      topics: [],
      practice: { clinical: 0, macro: 2, general: 0 },
      macroAreas: ['policy-advocacy'],
      approvals: [],
    });
    req.flush({}, { status: 201, statusText: 'Created' });
    await stable();
    expect(navigateByUrl).toHaveBeenCalledWith('/credits');

    button('All clinical').click();
    await stable();
    expect(
      el.querySelector('mat-chip-listbox[aria-label="Macro areas"]'),
    ).toBeNull();
  });

  it('keeps an all-in-one-level split in step when the hours change, and leaves a mixed split alone', async () => {
    const value = (label: string) =>
      field(label)?.querySelector<HTMLInputElement>('input')?.value;
    await type('Hours', '3');
    button('All clinical').click();
    await stable();
    await type('Hours', '2.5');
    expect([
      value('Clinical hours'),
      value('Macro hours'),
      value('General hours'),
    ]).toEqual(['2.5', '0', '0']);
    await type('Macro hours', '1');
    await type('Clinical hours', '1.5');
    await type('Hours', '4');
    expect([value('Clinical hours'), value('Macro hours')]).toEqual([
      '1.5',
      '1',
    ]);
  });

  it('maps the server’s field errors onto the form', async () => {
    await type('Course title', 'X');
    await type('Completion date', '2026-10-01');
    await type('Hours', '1');
    await chooseFormat('Other');
    button('All general').click();
    await stable();
    await submit();
    backend.expectOne({ method: 'POST', url: CREDITS_PATH }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        fields: { title: ['title is too vague'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(
      field('Course title')?.querySelector('mat-error')?.textContent?.trim(),
    ).toBe('title is too vague');
  });

  it('reads a certificate PDF into the empty fields, keeps what was typed, and attaches it on save', async () => {
    await type('Provider', 'My own provider');
    await pick(certificatePdf());
    const prefill = backend.expectOne({
      method: 'POST',
      url: '/api/certificates/prefill',
    });
    expect((prefill.request.body as FormData).get('file')).toBeInstanceOf(File);
    prefill.flush({
      title: 'Ethics in Telehealth Practice',
      provider: 'Garden State CE',
      aceProviderNumber: '1234',
      approvalPeriod: { start: '2024-01-01', end: '2027-01-01' },
      hours: 3,
      completedOn: '2025-02-14',
      format: 'live-online',
      categories: ['Ethics', 'Clinical'],
      topics: ['ethics'],
      practiceLevel: 'clinical',
      confidence: { title: 0.9 },
    });
    await stable();

    expect(value('Course title')).toBe('Ethics in Telehealth Practice');
    expect(value('Provider')).toBe('My own provider');
    expect(value('Completion date')).toBe('2025-02-14');
    expect(value('Hours')).toBe('3');
    expect(value('Approving body 1')).toBe('ACE');
    expect(value('Approval number 1')).toBe('1234');
    expect(splitText()).toBe('✓ The split adds up to 3 h.');
    expect(el.querySelector('mz-alert')?.textContent).toContain(
      'Filled in from ethics.pdf: Course title, Completion date, Hours, Format, Topics, Practice split, Approval (ACE provider number).',
    );

    await submit();
    const create = backend.expectOne({ method: 'POST', url: CREDITS_PATH });
    expect(create.request.body).toMatchObject({
      title: 'Ethics in Telehealth Practice',
      provider: 'My own provider',
      completedOn: '2025-02-14',
      hours: 3,
      format: 'live-online',
      topics: ['ethics'],
      practice: { clinical: 3, macro: 0, general: 0 },
      approvals: [{ body: 'ACE', number: '1234' }],
    });
    create.flush({ id: 'c1' }, { status: 201, statusText: 'Created' });
    await stable();
    expect(navigateByUrl).not.toHaveBeenCalled();
    const upload = backend.expectOne({
      method: 'POST',
      url: '/api/credits/c1/certificates',
    });
    expect(((upload.request.body as FormData).get('file') as File).name).toBe(
      'ethics.pdf',
    );
    upload.flush(
      { id: 'f1', creditId: 'c1', fileName: 'ethics.pdf' },
      { status: 201, statusText: 'Created' },
    );
    await stable();
    expect(navigateByUrl).toHaveBeenCalledWith('/credits');
  });

  it('refuses a file too large or not a certificate before sending anything', async () => {
    await pick(
      new File([new Uint8Array(10 * 1024 * 1024 + 1)], 'scan.pdf', {
        type: 'application/pdf',
      }),
    );
    expect(el.querySelector('mz-alert')?.textContent).toContain(
      'certificates can be at most 10 MB',
    );
    await pick(new File(['hello'], 'notes.txt', { type: 'text/plain' }));
    expect(el.querySelector('mz-alert')?.textContent).toContain(
      '“notes.txt” is not a PDF, PNG or JPEG file.',
    );
    backend.expectNone('/api/certificates/prefill');
  });

  it('keeps the saved credit when its certificate does not upload, and says so on its edit page', async () => {
    const navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    // An image has no text to read: it is only attached.
    await pick(new File(['png'], 'scan.png', { type: 'image/png' }));
    backend.expectNone('/api/certificates/prefill');
    await type('Course title', 'Boundaries in rural practice');
    await type('Completion date', '2026-10-01');
    await type('Hours', '2');
    await chooseFormat('Self-study (asynchronous)');
    button('All clinical').click();
    await stable();
    await submit();
    await saveThenRefuseUpload(backend, stable, 'Not a PDF, PNG or JPEG');
    expect(navigate).toHaveBeenCalledWith(['/credits', 'c9', 'edit'], {
      queryParams: { certificate: 'failed' },
      state: { certificateProblem: 'Not a PDF, PNG or JPEG' },
    });
    expect(navigateByUrl).not.toHaveBeenCalled();
  });
  const fieldError = (label: string) =>
    field(label)?.querySelector('mat-error')?.textContent?.trim();
  const fillValidCredit = async () => {
    await type('Course title', 'Boundaries in rural practice');
    await type('Completion date', '2026-10-01');
    await type('Hours', '2');
    await chooseFormat('Self-study (asynchronous)');
    button('All clinical').click();
    await stable();
  };

  it('holds what was typed, or a chosen certificate, until the credit is saved', async () => {
    const page = fixture.componentInstance;
    expect(page.hasUnsavedChanges()).toBe(false);
    await fillValidCredit();
    expect(page.hasUnsavedChanges()).toBe(true);
    await submit();
    backend
      .expectOne({ method: 'POST', url: CREDITS_PATH })
      .flush({ id: 'c9' }, { status: 201, statusText: 'Created' });
    await stable();
    expect(navigateByUrl).toHaveBeenCalledWith('/credits');
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('counts a chosen certificate as unsaved input even before anything is typed', async () => {
    await pick(certificatePdf());
    // The PDF is read to prefill the form; the file itself waits for the save.
    backend
      .expectOne({ method: 'POST', url: '/api/certificates/prefill' })
      .flush({ categories: [], topics: [], confidence: {} });
    await stable();
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(true);
  });

  it('asks for at most two decimals in plain words before sending', async () => {
    await fillValidCredit();
    await type('Hours', '1.255');
    await type('Clinical hours', '1.255');
    expect(fieldError('Hours')).toBe('Use at most two decimals, e.g. 1.25');
    expect(fieldError('Clinical hours')).toBe(
      'Use at most two decimals, e.g. 1.25',
    );
    await submit();
    backend.expectNone(CREDITS_PATH);

    await type('Hours', '1.25');
    await type('Clinical hours', '1.25');
    expect(fieldError('Hours')).toBeUndefined();
    expect(fieldError('Clinical hours')).toBeUndefined();
    await submit();
    expect(
      backend.expectOne({ method: 'POST', url: CREDITS_PATH }).request.body,
    ).toMatchObject({ hours: 1.25, practice: { clinical: 1.25 } });
  });

  it('puts the keyboard on a split amount with too many decimals', async () => {
    await fillValidCredit();
    await type('Macro hours', '0.125');
    await submit();
    backend.expectNone(CREDITS_PATH);
    expect(document.activeElement).toBe(
      field('Macro hours')?.querySelector('input'),
    );
    expect(fieldError('Macro hours')).toBe(
      'Use at most two decimals, e.g. 1.25',
    );
  });

  it('refuses a completion date before 1950 in plain words', async () => {
    await fillValidCredit();
    await type('Completion date', '1949-12-31');
    expect(fieldError('Completion date')).toBe('Enter a date from 1950 on');
    expect(
      field('Completion date')?.querySelector('input')?.getAttribute('min'),
    ).toBe('1950-01-01');
    await submit();
    backend.expectNone(CREDITS_PATH);

    await type('Completion date', '1950-01-01');
    expect(fieldError('Completion date')).toBeUndefined();
    await submit();
    backend.expectOne({ method: 'POST', url: CREDITS_PATH });
  });

  it('lets a long field error take its own room instead of running over the next field', () => {
    const fields = Array.from(el.querySelectorAll('mat-form-field'));
    expect(fields.length).toBeGreaterThan(0);
    for (const f of fields) {
      expect(
        f.querySelector('.mat-mdc-form-field-subscript-dynamic-size'),
      ).not.toBeNull();
    }
  });

  it('drops a file the server finds is not a PDF, PNG or JPEG, and says so at the certificate', async () => {
    await pick(
      new File(['just some notes'], 'fake.pdf', { type: 'application/pdf' }),
    );
    backend
      .expectOne({ method: 'POST', url: '/api/certificates/prefill' })
      .flush(
        {
          statusCode: 415,
          code: 'unsupported_media_type',
          message: 'The file must be a PDF',
        },
        { status: 415, statusText: 'Unsupported Media Type' },
      );
    await stable();
    const certificate = el.querySelector('fieldset.mz-cert');
    const alert = certificate?.querySelector('mz-alert');
    expect(alert?.textContent).toContain(
      '“fake.pdf” is not a PDF, PNG or JPEG file, so it was not attached.',
    );
    expect(alert?.textContent).not.toContain('will still be attached');
    expect(certificate?.querySelector('.mz-pending')).toBeNull();
    expect(
      certificate
        ?.querySelector('mz-file-picker input')
        ?.getAttribute('aria-describedby'),
    ).toBe('mz-cert-hint mz-cert-error');
    expect(alert?.id).toBe('mz-cert-error');

    await fillValidCredit();
    await submit();
    backend
      .expectOne({ method: 'POST', url: CREDITS_PATH })
      .flush({ id: 'c3' }, { status: 201, statusText: 'Created' });
    await stable();
    backend.expectNone('/api/credits/c3/certificates');
    expect(navigateByUrl).toHaveBeenCalledWith('/credits');
  });

  it('still attaches a PDF the server could not read for another reason', async () => {
    await pick(certificatePdf());
    backend
      .expectOne({ method: 'POST', url: '/api/certificates/prefill' })
      .flush(
        {
          statusCode: 400,
          code: 'validation_failed',
          message: 'The PDF could not be read',
        },
        { status: 400, statusText: 'Bad Request' },
      );
    await stable();
    expect(el.querySelector('.mz-pending')?.textContent).toContain(
      'ethics.pdf',
    );
    expect(el.querySelector('mz-alert')?.textContent).toContain(
      'the file will still be attached',
    );
  });
});

describe('CreditFormPage, when the certificate does not upload after saving', () => {
  it('shows the server’s reason on the saved credit’s edit page', async () => {
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: 'credits', children: [] },
            { path: 'credits/new', component: CreditFormPage },
            { path: 'credits/:id/edit', component: CreditFormPage },
          ],
          withComponentInputBinding(),
        ),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    const backend = TestBed.inject(HttpTestingController);
    const harness = await RouterTestingHarness.create('/credits/new');
    const stable = () => harness.fixture.whenStable();
    backend.expectOne(APPROVAL_BODIES_PATH).flush([]);
    await stable();
    const el = harness.routeNativeElement as HTMLElement;
    const input = (label: string) =>
      Array.from(el.querySelectorAll('mat-form-field label'))
        .find((l) => l.textContent?.trim().startsWith(label))
        ?.closest('mat-form-field')
        ?.querySelector<HTMLInputElement>('input');
    const type = async (label: string, value: string) => {
      const i = input(label);
      if (!i) throw new Error(`No input labelled ${label}`);
      i.value = value;
      i.dispatchEvent(new Event('input'));
      await stable();
    };

    const picker = el.querySelector<HTMLInputElement>(
      'mz-file-picker input[type="file"]',
    );
    Object.defineProperty(picker, 'files', {
      value: [new File(['png'], 'scan.png', { type: 'image/png' })],
    });
    picker?.dispatchEvent(new Event('change'));
    await type('Course title', 'Boundaries in rural practice');
    await type('Completion date', '2026-10-01');
    await type('Hours', '2');
    await type('Clinical hours', '2');
    const page = harness.routeDebugElement?.componentInstance as CreditFormPage;
    // The format select needs an overlay; the value is what matters here.
    (
      page as unknown as { form: { patchValue(v: object): void } }
    ).form.patchValue({ format: 'self-study' });
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
    await saveThenRefuseUpload(
      backend,
      stable,
      'The file must be one of PDF, PNG, JPEG',
    );
    backend.expectOne('/api/credits/c9').flush({
      id: 'c9',
      title: 'Boundaries in rural practice',
      provider: null,
      completedOn: '2026-10-01',
      hours: 2,
      format: 'self-study',
      topics: [],
      practice: { clinical: 2, macro: 0, general: 0 },
      macroAreas: [],
      approvals: [],
      version: 1,
    });
    await stable();
    backend.expectOne('/api/credits/c9/certificates').flush([]);
    await stable();

    expect(TestBed.inject(Router).url).toBe(
      '/credits/c9/edit?certificate=failed',
    );
    expect(
      harness.routeNativeElement
        ?.querySelector('mz-alert')
        ?.textContent?.trim(),
    ).toBe(
      'The credit was saved, but its certificate did not upload. The file must be one of PDF, PNG, JPEG. Attach it again under Certificates below.',
    );
    backend.verify();
  });
});
