import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { LicenseDto, LicenseTypeOptionDto } from '@mezzo/shared-contracts';
import { LICENSES_PATH, RULE_SETS_PATH } from '../data/licenses.api';
import { LicenseFormPage } from './license-form.page';

const options: LicenseTypeOptionDto[] = [
  {
    jurisdiction: 'NJ',
    jurisdictionName: 'New Jersey',
    licenseType: 'LCSW',
    licenseTypeName: 'Licensed Clinical Social Worker',
    anchor: 'fixed',
    totalHours: 40,
    cycleMonths: 24,
    needsRenewalDate: false,
    acceptsRenewalDate: false,
  },
  {
    jurisdiction: 'NJ',
    jurisdictionName: 'New Jersey',
    licenseType: 'LSW',
    licenseTypeName: 'Licensed Social Worker',
    anchor: 'fixed',
    totalHours: 40,
    cycleMonths: 24,
    needsRenewalDate: false,
    acceptsRenewalDate: false,
  },
  {
    jurisdiction: 'TX',
    jurisdictionName: 'Texas',
    licenseType: 'LCSW',
    licenseTypeName: 'Licensed Clinical Social Worker',
    anchor: 'birth-month',
    totalHours: 30,
    cycleMonths: 24,
    needsRenewalDate: false,
    acceptsRenewalDate: true,
  },
  {
    jurisdiction: 'NM',
    jurisdictionName: 'New Mexico',
    licenseType: 'LCSW',
    licenseTypeName: 'Licensed Clinical Social Worker',
    anchor: 'fixed',
    totalHours: 30,
    cycleMonths: 24,
    needsRenewalDate: true,
    acceptsRenewalDate: true,
  },
  {
    jurisdiction: 'CA',
    jurisdictionName: 'California',
    licenseType: 'ASW',
    licenseTypeName: 'Associate Clinical Social Worker',
    anchor: 'issue-date',
    totalHours: 3,
    cycleMonths: 12,
    needsRenewalDate: false,
    acceptsRenewalDate: true,
  },
  {
    jurisdiction: 'NC',
    jurisdictionName: 'North Carolina',
    licenseType: 'LCSW',
    licenseTypeName: 'Licensed Clinical Social Worker',
    anchor: 'issue-date',
    totalHours: 40,
    cycleMonths: 24,
    needsRenewalDate: false,
    acceptsRenewalDate: true,
  },
];

const license: LicenseDto = {
  id: 'lic-1',
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  number: '44SC0001',
  issuedOn: '2018-03-10',
  birthDate: null,
  renewsOn: null,
  roles: [],
  retiredAt: null,
  version: 3,
  renewedThrough: null,
  cycle: { start: '2026-09-01', end: '2028-08-31', daysLeft: 600 },
  status: 'in-progress',
  overdue: null,
};

describe('LicenseFormPage', () => {
  let fixture: ComponentFixture<LicenseFormPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  let navigate: jest.SpyInstance;

  const stable = () => fixture.whenStable();
  const field = (label: string) => {
    const labelEl = Array.from(
      el.querySelectorAll('mat-form-field label'),
    ).find((l) => l.textContent?.trim().startsWith(label)) as
      HTMLLabelElement | undefined;
    return labelEl ? labelEl.closest('mat-form-field') : null;
  };
  const input = (label: string) => {
    const target = field(label)?.querySelector<HTMLInputElement>('input');
    if (!target) throw new Error(`No input labelled ${label}`);
    return target;
  };
  const type = (label: string, value: string) => {
    const i = input(label);
    i.value = value;
    i.dispatchEvent(new Event('input'));
    i.dispatchEvent(new Event('blur'));
  };
  const choose = async (label: string, option: string) => {
    const select = field(label)?.querySelector<HTMLElement>('mat-select');
    if (!select) throw new Error(`No select labelled ${label}`);
    select.click();
    await stable();
    const opt = Array.from(
      document.querySelectorAll<HTMLElement>('mat-option'),
    ).find((o) => o.textContent?.trim().startsWith(option));
    if (!opt) throw new Error(`No option ${option}`);
    opt.click();
    await stable();
  };
  const errorUnder = (label: string) =>
    field(label)?.querySelector('mat-error')?.textContent?.trim() ?? null;
  const submit = async () => {
    el.querySelector('form')?.dispatchEvent(new Event('submit'));
    await stable();
  };

  async function create(id?: string) {
    TestBed.configureTestingModule({
      imports: [LicenseFormPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    navigate = jest
      .spyOn(TestBed.inject(Router), 'navigate')
      .mockResolvedValue(true);
    fixture = TestBed.createComponent(LicenseFormPage);
    if (id) fixture.componentRef.setInput('id', id);
    el = fixture.nativeElement;
    await stable();
    backend.expectOne(RULE_SETS_PATH).flush(options);
    if (id) backend.expectOne(`${LICENSES_PATH}/${id}`).flush(license);
    await stable();
  }

  afterEach(() => {
    backend.verify();
    document.querySelector('.cdk-overlay-container')?.remove();
  });

  it('filters license types by jurisdiction and asks for no birth date for a fixed cycle', async () => {
    await create();
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LSW');
    expect(field('Birth date')).toBeNull();
    expect(el.textContent).toContain(
      'Licensed Social Worker: 40 hours every 24 months',
    );
    // The closed select shows the code alone, so a long name cannot be cut off on a phone.
    expect(
      el
        .querySelector('mat-select[formcontrolname="licenseType"]')
        ?.querySelector('.mat-mdc-select-value-text')
        ?.textContent?.trim(),
    ).toBe('LSW');
  });

  it('shows and requires the birth date for a birth-month type', async () => {
    await create();
    await choose('State or jurisdiction', 'Texas');
    await choose('License type', 'LCSW');
    expect(field('Birth date')).not.toBeNull();
    type('License number', 'TX-1');
    type('Issue date', '2018-03-10');
    await submit();
    expect(errorUnder('Birth date')).toBe(
      'This license renews by your birth date: enter it.',
    );
    backend.expectNone(LICENSES_PATH);

    type('Birth date', '1980-05-02');
    await submit();
    const req = backend.expectOne({ method: 'POST', url: LICENSES_PATH });
    expect(req.request.body).toEqual({
      jurisdiction: 'TX',
      licenseType: 'LCSW',
      number: 'TX-1',
      issuedOn: '2018-03-10',
      birthDate: '1980-05-02',
      renewsOn: null,
      roles: [],
    });
    req.flush(
      { ...license, id: 'new-1' },
      { status: 201, statusText: 'Created' },
    );
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/licenses', 'new-1']);
  });

  it('asks for the renewal date on the license where the rules leave the years open', async () => {
    await create();
    await choose('State or jurisdiction', 'New Mexico');
    await choose('License type', 'LCSW');
    expect(field('Birth date')).toBeNull();
    type('License number', 'NM-1');
    type('Issue date', '2019-08-01');
    await submit();
    expect(errorUnder('Renewal date on your license')).toContain(
      'Enter the renewal (expiration) date printed on your license',
    );
    backend.expectNone(LICENSES_PATH);
    type('Renewal date on your license', '2027-06-30');
    await submit();
    const req = backend.expectOne({ method: 'POST', url: LICENSES_PATH });
    expect(req.request.body).toMatchObject({
      jurisdiction: 'NM',
      renewsOn: '2027-06-30',
    });
    req.flush(
      { ...license, id: 'nm-1' },
      { status: 201, statusText: 'Created' },
    );
    await stable();
    expect(field('Renewal date on your license')).not.toBeNull();
  });

  it('says in plain words when the renewal or birth date is on the wrong side of the issue date', async () => {
    await create();
    await choose('State or jurisdiction', 'New Mexico');
    await choose('License type', 'LCSW');
    type('License number', 'NM-2');
    type('Issue date', '2019-03-01');
    type('Renewal date on your license', '2018-03-01');
    await submit();
    expect(errorUnder('Renewal date on your license')).toBe(
      'The renewal date must be after the issue date.',
    );
    backend.expectNone(LICENSES_PATH);

    await choose('State or jurisdiction', 'Texas');
    await choose('License type', 'LCSW');
    type('Birth date', '2019-03-01');
    await submit();
    expect(errorUnder('Birth date')).toBe(
      'The birth date must be before the issue date.',
    );
    backend.expectNone(LICENSES_PATH);
  });

  it('never blocks the form on a date left in a field another license type hid', async () => {
    await create();
    await choose('State or jurisdiction', 'New Mexico');
    await choose('License type', 'LCSW');
    type('License number', 'NJ-3');
    type('Issue date', '2019-03-01');
    type('Renewal date on your license', '2018-03-01');
    await choose('State or jurisdiction', 'Texas');
    await choose('License type', 'LCSW');
    type('Birth date', '2020-01-01');
    // New Jersey LSW asks for neither date: both fields go away with their mistakes.
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LSW');
    expect(field('Birth date')).toBeNull();
    expect(field('Renewal date on your license')).toBeNull();
    await submit();
    const req = backend.expectOne({ method: 'POST', url: LICENSES_PATH });
    expect(req.request.body).toMatchObject({
      jurisdiction: 'NJ',
      licenseType: 'LSW',
      birthDate: null,
      renewsOn: null,
    });
    req.flush(
      { ...license, id: 'nj-3' },
      { status: 201, statusText: 'Created' },
    );
    await stable();
  });

  it('checks the other dates again when the issue date changes', async () => {
    await create();
    await choose('State or jurisdiction', 'New Mexico');
    await choose('License type', 'LCSW');
    type('License number', 'NM-4');
    type('Issue date', '2019-03-01');
    type('Renewal date on your license', '2018-03-01');
    await submit();
    expect(errorUnder('Renewal date on your license')).toBe(
      'The renewal date must be after the issue date.',
    );
    type('Issue date', '2017-03-01');
    await stable();
    expect(errorUnder('Renewal date on your license')).toBeNull();
    backend.expectNone(LICENSES_PATH);
  });

  it('holds unsaved input until it is saved (the route then asks before leaving it)', async () => {
    await create();
    const page = fixture.componentInstance;
    expect(page.hasUnsavedChanges()).toBe(false);
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LSW');
    type('License number', 'NJ-9');
    type('Issue date', '2018-03-10');
    expect(page.hasUnsavedChanges()).toBe(true);
    await submit();
    backend
      .expectOne({ method: 'POST', url: LICENSES_PATH })
      .flush(
        { ...license, id: 'nj-9' },
        { status: 201, statusText: 'Created' },
      );
    await stable();
    expect(navigate).toHaveBeenCalledWith(['/licenses', 'nj-9']);
    expect(page.hasUnsavedChanges()).toBe(false);
  });

  it('starts an edit with nothing unsaved', async () => {
    await create('lic-1');
    expect(fixture.componentInstance.hasUnsavedChanges()).toBe(false);
  });

  it('offers an optional renewal date where cycles follow the licensee, and none for a statewide date', async () => {
    await create();
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LCSW');
    expect(field('Renewal date on your license')).toBeNull();
    await choose('State or jurisdiction', 'North Carolina');
    await choose('License type', 'LCSW');
    expect(field('Renewal date on your license (optional)')).not.toBeNull();
    expect(el.textContent).toContain(
      'Empty: every 2 years from the issue date.',
    );
    await choose('State or jurisdiction', 'California');
    await choose('License type', 'ASW');
    expect(el.textContent).toContain('Empty: every year from the issue date.');
    await choose('State or jurisdiction', 'Texas');
    await choose('License type', 'LCSW');
    expect(el.textContent).toContain('Empty: by your birth date.');
    await choose('State or jurisdiction', 'North Carolina');
    await choose('License type', 'LCSW');
    type('License number', 'NC-1');
    type('Issue date', '2025-03-10');
    // Left empty: no error, and no date sent.
    await submit();
    const plain = backend.expectOne({ method: 'POST', url: LICENSES_PATH });
    expect(plain.request.body).toMatchObject({
      jurisdiction: 'NC',
      renewsOn: null,
    });
    plain.flush(
      { message: 'try again', code: 'internal' },
      { status: 503, statusText: 'Unavailable' },
    );
    await stable();
    // Given: sent as typed.
    type('Renewal date on your license', '2027-01-31');
    await submit();
    const dated = backend.expectOne({ method: 'POST', url: LICENSES_PATH });
    expect(dated.request.body).toMatchObject({
      jurisdiction: 'NC',
      renewsOn: '2027-01-31',
    });
  });

  it('puts the server’s field messages under their fields', async () => {
    await create();
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LCSW');
    type('License number', 'X');
    type('Issue date', '2018-03-10');
    await submit();
    backend.expectOne({ method: 'POST', url: LICENSES_PATH }).flush(
      {
        statusCode: 400,
        code: 'validation_failed',
        message: 'Invalid',
        fields: { number: ['number is already used by another license'] },
      },
      { status: 400, statusText: 'Bad Request' },
    );
    await stable();
    expect(errorUnder('License number')).toBe(
      'number is already used by another license',
    );
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Some fields need your attention.',
    );
  });

  it('sends the version on edit and offers a reload on a 409', async () => {
    await create('lic-1');
    expect(input('License number').value).toBe('44SC0001');
    type('License number', '44SC0002');
    await submit();
    const req = backend.expectOne({
      method: 'PATCH',
      url: `${LICENSES_PATH}/lic-1`,
    });
    expect(req.request.body).toMatchObject({ number: '44SC0002', version: 3 });
    req.flush(
      { statusCode: 409, code: 'conflict', message: 'Stale' },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(el.textContent).toContain('This license was changed elsewhere');
    const reload = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Reload the license'),
    );
    reload?.click();
    backend
      .expectOne(`${LICENSES_PATH}/lic-1`)
      .flush({ ...license, number: 'FROM-ELSEWHERE', version: 4 });
    await stable();
    expect(el.textContent).not.toContain('This license was changed elsewhere');
    expect(input('License number').value).toBe('FROM-ELSEWHERE');
  });

  it('shows "already tracked" under the number, not as a change made elsewhere', async () => {
    await create();
    await choose('State or jurisdiction', 'New Jersey');
    await choose('License type', 'LSW');
    type('License number', '44SC0001');
    type('Issue date', '2018-03-10');
    await submit();
    backend.expectOne({ method: 'POST', url: LICENSES_PATH }).flush(
      {
        statusCode: 409,
        code: 'conflict',
        message: 'You already track NJ LSW 44SC0001',
        fields: { number: ['You already track this license'] },
      },
      { status: 409, statusText: 'Conflict' },
    );
    await stable();
    expect(errorUnder('License number')).toBe('You already track this license');
    expect(el.textContent).not.toContain('This license was changed elsewhere');
  });
});
