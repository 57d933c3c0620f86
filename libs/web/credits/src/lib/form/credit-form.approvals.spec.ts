import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { ApprovalBodyDto } from '@mezzo/shared-contracts';
import { APPROVAL_BODIES_PATH } from '../data/approval-bodies.api';
import { CREDITS_PATH } from '../data/credits.api';
import { CreditFormPage } from './credit-form.page';

const BODIES: ApprovalBodyDto[] = [
  {
    code: 'ACE',
    label: 'ASWB Approved Continuing Education',
    aliases: ['ASWB ACE', 'ASWB'],
    acceptedBy: ['NJ', 'NY'],
  },
  {
    code: 'NASW',
    label: 'National Association of Social Workers',
    aliases: ['NASW national'],
    acceptedBy: ['NJ'],
  },
];

const UNKNOWN_HINT = (text: string) =>
  `Boards recognise approval bodies by these codes; “${text}” is not one of them, so rules that list accepted bodies will not count this credit.`;

describe('CreditFormPage approving body', () => {
  let fixture: ComponentFixture<CreditFormPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;

  const stable = () => fixture.whenStable();
  const bodyField = () =>
    (Array.from(el.querySelectorAll('mat-form-field label'))
      .find((l) => l.textContent?.trim().startsWith('Approving body 1'))
      ?.closest('mat-form-field') ?? null) as HTMLElement | null;
  const bodyInput = () => {
    const i = bodyField()?.querySelector<HTMLInputElement>('input');
    if (!i) throw new Error('No approving body input');
    return i;
  };
  const typeBody = async (value: string) => {
    const i = bodyInput();
    i.focus();
    i.value = value;
    i.dispatchEvent(new Event('input'));
    await stable();
  };
  const leaveBody = async () => {
    bodyInput().dispatchEvent(new Event('blur'));
    await stable();
  };
  const key = async (keyCode: number, name: string) => {
    const event = new KeyboardEvent('keydown', { key: name, bubbles: true });
    // jsdom leaves keyCode 0; Material's key manager reads it.
    Object.defineProperty(event, 'keyCode', { value: keyCode });
    // Let the panel finish opening (it settles after a render) before pressing a key in it.
    await new Promise((resolve) => setTimeout(resolve, 20));
    await stable();
    bodyInput().dispatchEvent(event);
    await stable();
  };
  const options = () =>
    Array.from(document.querySelectorAll<HTMLElement>('mat-option')).map((o) =>
      o.textContent?.replace(/\s+/g, ' ').trim(),
    );
  const hint = () =>
    bodyField()?.querySelector('mat-hint')?.textContent?.trim() ?? null;
  const addApproval = async () => {
    Array.from(el.querySelectorAll<HTMLButtonElement>('button'))
      .find((b) => b.textContent?.trim() === 'Add an approval')
      ?.click();
    await stable();
  };

  async function open(answer: ApprovalBodyDto[] | 'fail'): Promise<void> {
    TestBed.configureTestingModule({
      imports: [CreditFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    jest.spyOn(TestBed.inject(Router), 'navigateByUrl').mockResolvedValue(true);
    fixture = TestBed.createComponent(CreditFormPage);
    el = fixture.nativeElement;
    await stable();
    const req = backend.expectOne({ method: 'GET', url: APPROVAL_BODIES_PATH });
    if (answer === 'fail') {
      req.flush(
        { statusCode: 404, code: 'not_found', message: 'Not found' },
        { status: 404, statusText: 'Not Found' },
      );
    } else {
      req.flush(answer);
    }
    await stable();
    await addApproval();
  }

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('offers the known bodies with label and code, and choosing one fills the code', async () => {
    await open(BODIES);
    const input = bodyInput();
    expect(input.getAttribute('role')).toBe('combobox');
    await typeBody('na');
    expect(input.getAttribute('aria-expanded')).toBe('true');
    expect(options()).toEqual([
      'National Association of Social Workers (NASW)',
    ]);
    await typeBody('');
    expect(options()).toEqual([
      'ASWB Approved Continuing Education (ACE)',
      'National Association of Social Workers (NASW)',
    ]);
    Array.from(document.querySelectorAll<HTMLElement>('mat-option'))[1].click();
    await stable();
    expect(input.value).toBe('NASW');
    expect(hint()).toBeNull();
  });

  it('can be used from the keyboard', async () => {
    await open(BODIES);
    await typeBody('aswb');
    expect(options()).toEqual(['ASWB Approved Continuing Education (ACE)']);
    await key(40, 'ArrowDown');
    expect(bodyInput().getAttribute('aria-activedescendant')).toBe(
      document.querySelector('mat-option')?.id,
    );
    await key(13, 'Enter');
    expect(bodyInput().value).toBe('ACE');
  });

  it('warns under the field when boards would not recognise the body, but keeps it', async () => {
    await open(BODIES);
    await typeBody('  State board of Oz ');
    await leaveBody();
    expect(hint()).toBe(UNKNOWN_HINT('State board of Oz'));
    expect(bodyInput().value).toBe('  State board of Oz ');

    await typeBody(' nasw ');
    expect(hint()).toBeNull();
  });

  it('turns another spelling of a known body into its code when the field is left', async () => {
    await open(BODIES);
    await typeBody(' aswb ace ');
    expect(hint()).toBeNull();
    await leaveBody();
    expect(bodyInput().value).toBe('ACE');
  });

  it('reads spacing inside a known spelling as the engine does (ASWB  ACE is ACE)', async () => {
    await open(BODIES);
    await typeBody('ASWB \t ACE');
    expect(hint()).toBeNull();
    await leaveBody();
    expect(bodyInput().value).toBe('ACE');
  });

  it('stays a plain text field, with nothing said, when the list cannot be had', async () => {
    await open('fail');
    const input = bodyInput();
    expect(input.getAttribute('role')).toBeNull();
    await typeBody('ASWB ACE');
    await leaveBody();
    expect(options()).toEqual([]);
    expect(hint()).toBeNull();
    expect(input.value).toBe('ASWB ACE');
    expect(el.querySelector('mz-alert')).toBeNull();
    backend.expectNone(CREDITS_PATH);
  });
});
