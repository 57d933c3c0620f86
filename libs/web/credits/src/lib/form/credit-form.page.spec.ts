import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { CREDITS_PATH } from '../data/credits.api';
import { CreditFormPage } from './credit-form.page';

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
  });

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
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
});
