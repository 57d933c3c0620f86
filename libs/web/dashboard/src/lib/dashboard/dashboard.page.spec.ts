import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { type ComponentFixture, TestBed } from '@angular/core/testing';
import { provideRouter } from '@angular/router';
import type { ComplianceDto, LicenseDto } from '@mezzo/shared-contracts';
import { LICENSES_PATH } from '@mezzo/web-licenses';
import { LicenseeDashboardPage } from './dashboard.page';

const license = (id: string, jurisdiction: string): LicenseDto => ({
  id,
  jurisdiction,
  licenseType: 'LCSW',
  number: `${jurisdiction}-1`,
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
});

const compliance = (l: LicenseDto): ComplianceDto => ({
  license: l,
  overdue: null,
  rules: { board: { name: 'Board', url: 'https://example.test' }, notes: [] },
  credits: {},
  evaluation: {
    jurisdiction: l.jurisdiction,
    licenseType: 'LCSW',
    ruleSet: { version: '1', effectiveFrom: '2018-09-01' },
    cycle: {
      start: '2026-09-01',
      end: '2028-08-31',
      firstRenewal: false,
      daysLeft: 648,
    },
    status: 'in-progress',
    totals: { requiredHours: 40, countedHours: 10, remainingHours: 30 },
    requirements: [],
    excluded: [],
    advocacy: {
      clinicalHours: 9,
      macroHours: 1,
      generalHours: 0,
      macroShare: 0.1,
      floorHours: 4,
      status: 'thin',
      macroCountsTowardRenewal: 'yes',
      note: '',
    },
    plan: [
      {
        code: 'topic:ethics',
        hours: 5,
        description: '5 more hours of Ethics',
        accepts: { topics: ['ethics'] },
      },
      {
        code: 'topic:cultural-competence',
        hours: 3,
        description: '3 more hours of Social and cultural competence',
        accepts: {},
      },
      {
        code: 'practice:clinical',
        hours: 10,
        description: '10 more clinical hours',
        accepts: {},
      },
      {
        code: 'total',
        hours: 12,
        description: '12 more hours of any accepted CE',
        accepts: {},
      },
    ],
  },
});

describe('LicenseeDashboardPage', () => {
  let fixture: ComponentFixture<LicenseeDashboardPage>;
  let el: HTMLElement;
  let backend: HttpTestingController;
  const text = () => el.textContent?.replace(/\s+/g, ' ') ?? '';

  beforeEach(() => {
    TestBed.configureTestingModule({
      imports: [LicenseeDashboardPage],
      providers: [
        provideRouter([]),
        provideHttpClient(),
        provideHttpClientTesting(),
      ],
    });
    backend = TestBed.inject(HttpTestingController);
    fixture = TestBed.createComponent(LicenseeDashboardPage);
    el = fixture.nativeElement;
    TestBed.tick();
  });

  afterEach(() => backend.verify());

  it('guides a new licensee to add their first license', async () => {
    expect(el.querySelector('mat-progress-bar')).not.toBeNull();
    backend.expectOne(`${LICENSES_PATH}?includeRetired=false`).flush([]);
    await fixture.whenStable();
    expect(el.querySelector('mat-progress-bar')).toBeNull();
    expect(el.querySelector('h2')?.textContent).toContain(
      'Start with your first license',
    );
    const links = Array.from(el.querySelectorAll('a')).map((a) => [
      a.textContent?.trim(),
      a.getAttribute('href'),
    ]);
    expect(links).toContainEqual(['Add your first license', '/licenses/new']);
    expect(links).toContainEqual(['Log a credit', '/credits/new']);
  });

  it('fetches every license’s compliance in parallel and shows a card for each', async () => {
    const nj = license('a', 'NJ');
    const ny = license('b', 'NY');
    backend.expectOne(`${LICENSES_PATH}?includeRetired=false`).flush([nj, ny]);
    // Both compliance requests are in flight before either is answered.
    const reqNj = backend.expectOne(`${LICENSES_PATH}/a/compliance`);
    const reqNy = backend.expectOne(`${LICENSES_PATH}/b/compliance`);
    reqNy.flush(
      { statusCode: 500, code: 'internal_error', message: 'x' },
      { status: 500, statusText: 'Error' },
    );
    reqNj.flush(compliance(nj));
    await fixture.whenStable();
    const cards = Array.from(el.querySelectorAll('.mz-card'));
    expect(cards).toHaveLength(2);
    expect(cards[0].querySelector('h3 a')?.getAttribute('href')).toBe(
      '/licenses/a',
    );
    expect(cards[0].textContent).toContain('648 days left');
    expect(cards[0].textContent).toContain('5 h — 5 more hours of Ethics');
    expect(cards[0].textContent).toContain('and 1 more on the license page');
    expect(cards[0].querySelector('mz-advocacy-flag')?.textContent).toContain(
      'Thin',
    );
    expect(cards[1].textContent).toContain('could not be loaded');
    expect(text()).toContain('NY LCSW');
  });

  it('puts the most urgent license first: overdue, then fewest days left, met last', async () => {
    const at = (
      id: string,
      jurisdiction: string,
      status: 'met' | 'in-progress' | 'overdue',
      daysLeft: number,
    ): [LicenseDto, ComplianceDto] => {
      const l = license(id, jurisdiction);
      const c = compliance(l);
      return [
        l,
        {
          ...c,
          // The license's standing: overdue comes from the ended cycle before the current one.
          license: { ...c.license, status },
          evaluation: {
            ...c.evaluation,
            status: status === 'overdue' ? 'in-progress' : status,
            cycle: { ...c.evaluation.cycle, daysLeft },
          },
          overdue:
            status === 'overdue'
              ? {
                  ...c.evaluation,
                  status: 'overdue',
                  cycle: {
                    start: '2024-09-01',
                    end: '2026-08-31',
                    firstRenewal: false,
                    daysLeft: 0,
                  },
                  totals: {
                    requiredHours: 40,
                    countedHours: 31,
                    remainingHours: 9,
                  },
                }
              : null,
        },
      ];
    };
    const all = [
      at('ca', 'CA', 'met', 30),
      at('nj', 'NJ', 'in-progress', 600),
      at('ny', 'NY', 'overdue', 0),
      at('tn', 'TN', 'in-progress', 39),
    ];
    backend
      .expectOne(`${LICENSES_PATH}?includeRetired=false`)
      .flush(all.map(([l]) => l));
    for (const [l, c] of all)
      backend.expectOne(`${LICENSES_PATH}/${l.id}/compliance`).flush(c);
    await fixture.whenStable();
    const order = Array.from(el.querySelectorAll('.mz-card h3')).map((h) =>
      h.textContent?.trim(),
    );
    expect(order).toEqual(['NY LCSW', 'TN LCSW', 'NJ LCSW', 'CA LCSW']);
    const ny = el.querySelector('.mz-card');
    expect(ny?.querySelector('mz-status-chip')?.textContent).toContain(
      'Overdue',
    );
    expect(
      ny?.querySelector('.mz-card__overdue')?.textContent?.replace(/\s+/g, ' '),
    ).toContain('Overdue: the cycle that ended Aug 31, 2026 was 9 h short.');
    expect(el.querySelectorAll('.mz-card__overdue')).toHaveLength(1);
  });
});
