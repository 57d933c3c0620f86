import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import type { Evaluation, Source } from '@mezzo/compliance-engine';
import type { ComplianceDto } from '@mezzo/shared-contracts';
import { LICENSES_PATH } from '../data/licenses.api';
import { LicenseCompliancePage } from './license-compliance.page';

const source: Source = {
  citation: 'N.J.A.C. 13:44G-6.2',
  url: 'https://example.test/njac-13-44g-6-2',
  readOn: '2026-11-01',
  confidence: 'high',
};

const evaluation: Evaluation = {
  jurisdiction: 'NJ',
  licenseType: 'LCSW',
  ruleSet: { version: '2018-09-01', effectiveFrom: '2018-09-01' },
  cycle: {
    start: '2026-09-01',
    end: '2028-08-31',
    firstRenewal: false,
    daysLeft: 648,
  },
  status: 'in-progress',
  totals: { requiredHours: 40, countedHours: 10, remainingHours: 30 },
  requirements: [
    {
      code: 'total',
      label: 'Total hours',
      requiredHours: 40,
      countedHours: 10,
      remainingHours: 30,
      met: false,
      allocations: [
        { creditId: 'c1', hours: 6 },
        { creditId: 'c2', hours: 3 },
        { creditId: 'c3', hours: 1 },
      ],
      source,
    },
    {
      code: 'practice:clinical',
      label: 'Directly related to clinical practice',
      requiredHours: 20,
      countedHours: 6,
      remainingHours: 14,
      met: false,
      allocations: [{ creditId: 'c1', hours: 6 }],
      source,
      note: 'At least 20 of the 40 credits.',
    },
    {
      code: 'topic:ethics',
      label: 'Ethics',
      requiredHours: 3,
      countedHours: 3,
      remainingHours: 0,
      met: true,
      allocations: [{ creditId: 'c2', hours: 3 }],
      source,
    },
  ],
  excluded: [
    {
      creditId: 'c4',
      hours: 8,
      reason: 'outside-cycle',
      detail: 'Completed outside the renewal cycle',
    },
    {
      creditId: 'c5',
      hours: 2,
      reason: 'over-cap',
      detail: 'Self-study hours above the 20-hour cap (N.J.A.C. 13:44G-6.4)',
    },
  ],
  advocacy: {
    clinicalHours: 6,
    macroHours: 1,
    generalHours: 3,
    macroShare: 0.1,
    floorHours: 4,
    status: 'thin',
    macroCountsTowardRenewal: 'yes',
    note: 'Not addressed.',
  },
  plan: [
    {
      code: 'practice:clinical',
      hours: 14,
      description: '14 more hours of Directly related to clinical practice',
      accepts: { practice: 'clinical' },
    },
    {
      code: 'total',
      hours: 16,
      description: '16 more hours of any accepted CE',
      accepts: {},
    },
  ],
};

const compliance: ComplianceDto = {
  license: {
    id: 'lic-1',
    jurisdiction: 'NJ',
    licenseType: 'LCSW',
    number: '44SC0001',
    issuedOn: '2018-03-10',
    birthDate: null,
    renewsOn: null,
    roles: [],
    retiredAt: null,
    version: 1,
    renewedThrough: null,
    cycle: { start: '2026-09-01', end: '2028-08-31', daysLeft: 648 },
    status: 'in-progress',
    overdue: null,
  },
  evaluation,
  overdue: null,
  rules: {
    board: {
      name: 'New Jersey Board of Social Work Examiners',
      url: 'https://example.test/nj-board',
    },
    notes: [
      'Carryover of at most 8 hours; none for ethics.',
      'Telehealth training is a condition of practice, not renewal CE.',
    ],
  },
  credits: {
    c1: { title: 'DBT skills', completedOn: '2026-10-02', hours: 6 },
    c2: { title: 'Ethics and boundaries', completedOn: '2026-10-20', hours: 3 },
    c3: { title: 'Advocacy day', completedOn: '2026-11-02', hours: 1 },
    c4: {
      title: 'Motivational interviewing',
      completedOn: '2025-09-20',
      hours: 8,
    },
    c5: { title: 'Self-paced CBT', completedOn: '2026-10-10', hours: 2 },
  },
};

describe('LicenseCompliancePage', () => {
  let fixture: ComponentFixture<LicenseCompliancePage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';

  beforeEach(async () => {
    TestBed.configureTestingModule({
      imports: [LicenseCompliancePage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LicenseCompliancePage);
    fixture.componentRef.setInput('id', 'lic-1');
    el = fixture.nativeElement;
    // Not whenStable: the pending request keeps the page unstable until it is answered.
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('shows a progress bar while loading, then the license', async () => {
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.querySelector('h1')?.textContent).toContain('NJ LCSW');
    expect(el.querySelector('mz-status-chip')?.textContent).toContain(
      'In progress',
    );
    expect(text()).toContain('648 days left');
    expect(text()).toContain('10 h of 40 h');
  });

  it('renders every requirement with its progress, source and credits', async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    const reqs = Array.from(el.querySelectorAll('.mz-req'));
    expect(reqs.map((r) => r.querySelector('h3')?.textContent?.trim())).toEqual(
      ['Total hours', 'Directly related to clinical practice', 'Ethics'],
    );
    const clinical = reqs[1];
    expect(
      clinical
        .querySelector('[role="progressbar"]')
        ?.getAttribute('aria-valuetext'),
    ).toBe('6 h of 20 h');
    expect(clinical.textContent).toContain('14 h to go');
    expect(clinical.textContent).toContain('At least 20 of the 40 credits.');
    const link = clinical.querySelector<HTMLAnchorElement>('.mz-req__source a');
    expect(link?.href).toBe('https://example.test/njac-13-44g-6-2');
    expect(clinical.querySelector('details')?.textContent).toContain(
      'DBT skills — 6 h',
    );
    expect(reqs[2].textContent).toContain('✓ Met');
  });

  it("lists a requirement's credits and the hours not counted newest first, not in id order", async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    const lines = (selector: string) =>
      Array.from(el.querySelectorAll(selector)).map((li) =>
        li.textContent?.replace(/\s+/g, ' ').trim(),
      );
    // The engine lists c1, c2, c3 (by id); they were completed on Oct 2, Oct 20 and Nov 2.
    expect(lines('.mz-req:first-child details li')).toEqual([
      expect.stringContaining('Advocacy day'),
      expect.stringContaining('Ethics and boundaries'),
      expect.stringContaining('DBT skills'),
    ]);
    // c4 (2025) before c5 (2026) in the evaluation.
    expect(lines('.mz-excl li')).toEqual([
      expect.stringContaining('Self-paced CBT'),
      expect.stringContaining('Motivational interviewing'),
    ]);
  });

  it('renders the plan and the excluded hours in plain words', async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    const plan = Array.from(el.querySelectorAll('.mz-plan li')).map((li) =>
      li.textContent?.replace(/\s+/g, ' ').trim(),
    );
    expect(plan).toEqual([
      '14 h:14 more hours of Directly related to clinical practice',
      '16 h:16 more hours of any accepted CE',
    ]);
    expect(text()).toContain('Motivational interviewing — 8 h');
    expect(text()).toContain('Completed outside this renewal cycle');
    // The engine's fixed sentence would only say the label again.
    expect(text()).not.toContain('Completed outside the renewal cycle');
    expect(text()).toContain(
      'Above a limit the board sets: Self-study hours above the 20-hour cap',
    );
    expect(
      el.querySelector('mz-advocacy-panel mz-advocacy-flag')?.textContent,
    ).toContain('Thin');
  });

  it("names the board and lists the rule set's notes, folded, with their count", async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    const about = el.querySelector('[aria-labelledby="mz-rules-heading"]');
    const board = about?.querySelector<HTMLAnchorElement>('p a');
    expect(board?.href).toBe('https://example.test/nj-board');
    expect(board?.textContent).toContain(
      'New Jersey Board of Social Work Examiners',
    );
    const details = about?.querySelector('details');
    expect(details?.open).toBe(false);
    expect(details?.querySelector('summary')?.textContent).toContain(
      '(2 notes)',
    );
    expect(
      Array.from(details?.querySelectorAll('li') ?? []).map((li) =>
        li.textContent?.trim(),
      ),
    ).toEqual([
      'Carryover of at most 8 hours; none for ethics.',
      'Telehealth training is a condition of practice, not renewal CE.',
    ]);
  });

  it('leaves the notes out when the rule set has none', async () => {
    backend
      .expectOne(`${LICENSES_PATH}/lic-1/compliance`)
      .flush({ ...compliance, rules: { ...compliance.rules, notes: [] } });
    await fixture.whenStable();
    const about = el.querySelector('[aria-labelledby="mz-rules-heading"]');
    expect(about?.textContent).toContain('The board has the last word');
    expect(about?.querySelector('details')).toBeNull();
  });

  it('says how much is still needed: the total short, or more when open requirements need more', async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    const sentence = () =>
      el
        .querySelector('#mz-total-heading ~ p')
        ?.textContent?.replace(/\s+/g, ' ')
        .trim();
    // 14 clinical + 16 more: the plan asks for exactly what the total lacks.
    expect(sentence()).toBe('30 h still needed.');
    /** The page again with these totals and one open requirement in the plan. */
    const show = async (
      totals: Evaluation['totals'],
      code: string,
      hours: number,
    ) => {
      fixture.componentInstance['compliance'].reload();
      backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush({
        ...compliance,
        evaluation: {
          ...evaluation,
          totals,
          plan: [
            { code, hours, description: `${hours} more hours`, accepts: {} },
          ],
        },
      } satisfies ComplianceDto);
      await fixture.whenStable();
    };

    // Plan items that add up to the shortfall, in hours a float sum would get wrong (2.7 + 0.1).
    fixture.componentInstance['compliance'].reload();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush({
      ...compliance,
      evaluation: {
        ...evaluation,
        totals: { requiredHours: 40, countedHours: 37.2, remainingHours: 2.8 },
        plan: [
          {
            code: 'topic:ethics',
            hours: 2.7,
            description: 'ethics',
            accepts: {},
          },
          { code: 'total', hours: 0.1, description: 'any', accepts: {} },
        ],
      },
    } satisfies ComplianceDto);
    await fixture.whenStable();
    expect(sentence()).toBe('2.8 h still needed.');

    // NM: 1.5 h short of the total, but 3 h of cultural awareness still open.
    await show(
      { requiredHours: 40, countedHours: 38.5, remainingHours: 1.5 },
      'topic:cultural-competence',
      3,
    );
    expect(sentence()).toBe(
      '1.5 h short of the total, but the requirements still open need more: What is left lists 3 h.',
    );

    // The total met, ethics not.
    await show(
      { requiredHours: 40, countedHours: 41, remainingHours: 0 },
      'topic:ethics',
      2,
    );
    expect(sentence()).toBe(
      'The total is met, but some requirements are not: What is left lists 2 h.',
    );
  });

  it('shows an overdue cycle with what was missing, and records the renewal with Undo', async () => {
    const late: ComplianceDto = {
      ...compliance,
      license: {
        ...compliance.license,
        status: 'overdue',
        overdue: {
          start: '2024-09-01',
          end: '2026-08-31',
          requiredHours: 40,
          countedHours: 34,
          remainingHours: 6,
        },
      },
      overdue: {
        ...evaluation,
        cycle: {
          start: '2024-09-01',
          end: '2026-08-31',
          firstRenewal: false,
          daysLeft: 0,
        },
        status: 'overdue',
        totals: { requiredHours: 40, countedHours: 34, remainingHours: 6 },
        plan: [
          {
            code: 'topic:ethics',
            hours: 2,
            description: '2 more hours of Ethics',
            accepts: { topics: ['ethics'] },
          },
        ],
      },
    };
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(late);
    await fixture.whenStable();
    expect(el.querySelector('mz-status-chip')?.textContent).toContain(
      'Overdue',
    );
    const section = el.querySelector<HTMLElement>('.mz-overdue');
    const said = section?.textContent?.replace(/\s+/g, ' ') ?? '';
    expect(said).toContain('Overdue: the cycle that ended Aug 31, 2026');
    expect(said).toContain(
      'The cycle Sep 1, 2024 – Aug 31, 2026 ended with 6 h of its 40 h required missing in Mezzo.',
    );
    expect(said).toContain('2 more hours of Ethics');
    // The current cycle is still shown beneath.
    expect(text()).toContain('648 days left');

    Array.from(section!.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('I renewed this license'))!
      .click();
    TestBed.tick();
    const put = backend.expectOne(`${LICENSES_PATH}/lic-1/renewed-through`);
    expect(put.request.method).toBe('PUT');
    expect(put.request.body).toEqual({
      renewedThrough: '2026-08-31',
      version: 1,
    });
    put.flush({
      ...compliance.license,
      version: 2,
      renewedThrough: '2026-08-31',
    });
    await fixture.whenStable();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    expect(el.querySelector('.mz-overdue')).toBeNull();
    expect(el.querySelector('mz-status-chip')?.textContent).toContain(
      'In progress',
    );
    expect(document.activeElement).toBe(el.querySelector('h1'));

    // Undo puts the earlier confirmation back, at the version the renewal left.
    const undo = Array.from(
      document.querySelectorAll<HTMLButtonElement>(
        '.mat-mdc-snack-bar-container button',
      ),
    ).find((b) => b.textContent?.includes('Undo'));
    expect(undo).toBeDefined();
    undo!.click();
    await fixture.whenStable();
    const back = backend.expectOne(`${LICENSES_PATH}/lic-1/renewed-through`);
    expect(back.request.body).toEqual({ renewedThrough: null, version: 2 });
    back.flush({ ...compliance.license, version: 3 });
    await fixture.whenStable();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(late);
    await fixture.whenStable();
    expect(el.querySelector('.mz-overdue')).not.toBeNull();
  });

  it('shows a retired license as retired, not as in progress, and reinstates it', async () => {
    const retired: ComplianceDto = {
      ...compliance,
      license: { ...compliance.license, retiredAt: '2026-11-20T10:00:00Z' },
    };
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(retired);
    await fixture.whenStable();
    expect(el.querySelector('mz-status-chip')).toBeNull();
    expect(text()).not.toContain('days left');
    expect(text()).toContain('Retired on Nov 20, 2026');
    const reinstate = Array.from(el.querySelectorAll('button')).find((b) =>
      b.textContent?.includes('Reinstate license'),
    );
    expect(reinstate).toBeDefined();
    reinstate!.click();
    TestBed.tick();
    const req = backend.expectOne(`${LICENSES_PATH}/lic-1/reinstate`);
    expect(req.request.method).toBe('POST');
    req.flush({ ...compliance.license, version: 3 });
    await fixture.whenStable();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    expect(el.querySelector('mz-status-chip')?.textContent).toContain(
      'In progress',
    );
    expect(text()).toContain('648 days left');
    expect(document.activeElement).toBe(el.querySelector('h1'));
  });

  it('undoes a retirement from the snackbar after the page has been left for the list', async () => {
    const router = TestBed.inject(Router);
    const navigate = jest.spyOn(router, 'navigate').mockResolvedValue(true);
    jest.spyOn(router, 'navigateByUrl').mockResolvedValue(true);
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Retire license'))!
      .click();
    await fixture.whenStable();
    const confirm = Array.from(
      document.querySelectorAll<HTMLButtonElement>(
        'mat-dialog-container button',
      ),
    ).find((b) => b.textContent?.includes('Retire license'));
    confirm!.click();
    // The dialog closes after its exit animation (a timer in jsdom).
    let retire = backend.match(`${LICENSES_PATH}/lic-1/retire`);
    for (let i = 0; i < 50 && retire.length === 0; i++) {
      await new Promise((r) => setTimeout(r, 20));
      await fixture.whenStable();
      retire = backend.match(`${LICENSES_PATH}/lic-1/retire`);
    }
    expect(retire).toHaveLength(1);
    retire[0].flush({
      ...compliance.license,
      retiredAt: '2026-11-22T10:00:00Z',
    });
    await fixture.whenStable();
    // The page goes away (the list replaces it) before anyone presses Undo.
    fixture.destroy();
    const undo = Array.from(
      document.querySelectorAll<HTMLButtonElement>(
        '.mat-mdc-snack-bar-container button',
      ),
    ).find((b) => b.textContent?.includes('Undo'));
    expect(undo).toBeDefined();
    undo!.click();
    const back = backend.expectOne(`${LICENSES_PATH}/lic-1/reinstate`);
    expect(back.request.method).toBe('POST');
    back.flush({ ...compliance.license, version: 3 });
    expect(navigate).toHaveBeenCalledWith(['/licenses', 'lic-1']);
  });

  it('says a missing license may be deleted, with no pointless Try again', async () => {
    backend
      .expectOne(`${LICENSES_PATH}/lic-1/compliance`)
      .flush(
        { statusCode: 404, code: 'not_found', message: 'Not found' },
        { status: 404, statusText: 'Not Found' },
      );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'This license could not be loaded. It may have been deleted, or the link may be wrong.',
    );
    expect(
      Array.from(el.querySelectorAll('button')).some((b) =>
        b.textContent?.includes('Try again'),
      ),
    ).toBe(false);
  });

  it('says when it could not load and tries again', async () => {
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(
      {
        statusCode: 500,
        code: 'internal_error',
        message: 'Something went wrong on our side',
      },
      { status: 500, statusText: 'Internal Server Error' },
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'This license could not be loaded.',
    );
    Array.from(el.querySelectorAll('button'))
      .find((b) => b.textContent?.includes('Try again'))
      ?.click();
    TestBed.tick();
    backend.expectOne(`${LICENSES_PATH}/lic-1/compliance`).flush(compliance);
    await fixture.whenStable();
    expect(el.querySelector('h1')?.textContent).toContain('NJ LCSW');
  });
});
