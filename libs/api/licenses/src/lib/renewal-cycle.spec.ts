import type { CycleRule } from '@mezzo/compliance-engine';
import fc from 'fast-check';
import {
  acceptsRenewalDate,
  cycleFromPrintedDate,
  cycleFromRenewalDate,
  needsRenewalDate,
} from './renewal-cycle';

const source: CycleRule['source'] = {
  citation: 'test',
  url: 'https://example.org',
  readOn: '2026-11-22',
  confidence: 'high',
};
const nm: CycleRule = {
  anchor: 'fixed',
  months: 24,
  month: 6,
  day: 30,
  source,
};
const tn: CycleRule = {
  anchor: 'fixed',
  months: 24,
  month: 12,
  day: 31,
  source,
};

describe('cycles that follow the licensee’s renewal date', () => {
  it('is needed only for fixed multi-year dates without parity or end year', () => {
    expect(needsRenewalDate(nm)).toBe(true);
    expect(needsRenewalDate({ ...nm, parity: 'even' })).toBe(false);
    expect(needsRenewalDate({ ...nm, months: 36, endYear: 2025 })).toBe(false);
    expect(needsRenewalDate({ ...nm, months: 12 })).toBe(false);
    expect(
      needsRenewalDate({ anchor: 'birth-month', months: 24, source }),
    ).toBe(false);
  });

  it('puts the cycle in the licensee’s years, whichever renewal date they give', () => {
    // NM, renewing in odd years: 2025-07-01 … 2027-06-30 holds May 2026.
    expect(cycleFromRenewalDate(nm, '2027-06-30', '2026-05-01')).toEqual({
      start: '2025-07-01',
      end: '2027-06-30',
    });
    expect(cycleFromRenewalDate(nm, '2021-06-30', '2026-05-01')).toEqual({
      start: '2025-07-01',
      end: '2027-06-30',
    });
    // Even years: the cycle ending 2026-06-30.
    expect(cycleFromRenewalDate(nm, '2026-06-30', '2026-05-01')).toEqual({
      start: '2024-07-01',
      end: '2026-06-30',
    });
    // The last day belongs to the cycle; the day after starts the next.
    expect(cycleFromRenewalDate(nm, '2026-06-30', '2026-06-30')?.end).toBe(
      '2026-06-30',
    );
    expect(cycleFromRenewalDate(nm, '2026-06-30', '2026-07-01')).toEqual({
      start: '2026-07-01',
      end: '2028-06-30',
    });
    expect(cycleFromRenewalDate(tn, '2027-12-31', '2026-11-22')).toEqual({
      start: '2026-01-01',
      end: '2027-12-31',
    });
  });

  it('ends the cycle the year before the renewal year where CE is earned in the years before it (TN)', () => {
    const tnRule: CycleRule = { ...tn, endsBeforeRenewalYear: true };
    // Renewing 2027-06-30: CE in 2025 and 2026, so the deadline is before the license lapses.
    expect(cycleFromRenewalDate(tnRule, '2027-06-30', '2026-11-22')).toEqual({
      start: '2025-01-01',
      end: '2026-12-31',
    });
    // A license expiring on December 31 still earns its CE in the two years before.
    expect(cycleFromRenewalDate(tnRule, '2027-12-31', '2026-11-22')).toEqual({
      start: '2025-01-01',
      end: '2026-12-31',
    });
    // After that period, the next one (for the 2029 renewal).
    expect(cycleFromRenewalDate(tnRule, '2027-06-30', '2027-03-01')).toEqual({
      start: '2027-01-01',
      end: '2028-12-31',
    });
    // The other parity.
    expect(cycleFromRenewalDate(tnRule, '2026-08-31', '2026-11-22')).toEqual({
      start: '2026-01-01',
      end: '2027-12-31',
    });
  });

  it('leaves other cycles to the engine', () => {
    expect(
      cycleFromRenewalDate(
        { ...nm, parity: 'odd' },
        '2027-06-30',
        '2026-05-01',
      ),
    ).toBeNull();
  });
});

describe('cycles that follow the licensee, placed by the date printed on the license', () => {
  const issueDate: CycleRule = { anchor: 'issue-date', months: 24, source };
  const birthMonth: CycleRule = { anchor: 'birth-month', months: 24, source };

  it('is offered where cycles follow the licensee or the years are the license’s, not for statewide dates', () => {
    expect(acceptsRenewalDate(issueDate)).toBe(true);
    expect(acceptsRenewalDate(birthMonth)).toBe(true);
    expect(acceptsRenewalDate({ anchor: 'birthday', months: 12, source })).toBe(
      true,
    );
    expect(acceptsRenewalDate(nm)).toBe(true);
    expect(acceptsRenewalDate({ ...nm, parity: 'even' })).toBe(false);
    expect(
      cycleFromPrintedDate(
        { ...nm, parity: 'even' },
        '2026-06-30',
        '2026-05-01',
        '2020-01-01',
      ),
    ).toBeNull();
  });

  it('starts the first cycle on the issue date, so it may be shorter than a full one (NC)', () => {
    // Issued 2025-03-10, expiring 2027-01-31: a first period of 22 months.
    expect(
      cycleFromPrintedDate(issueDate, '2027-01-31', '2026-11-22', '2025-03-10'),
    ).toEqual({
      start: '2025-03-10',
      end: '2027-01-31',
      index: 1,
    });
    // Before the issue date: the first cycle.
    expect(
      cycleFromPrintedDate(issueDate, '2027-01-31', '2025-01-01', '2025-03-10')
        ?.start,
    ).toBe('2025-03-10');
    // After it: full cycles ending on the same day, counted on.
    expect(
      cycleFromPrintedDate(issueDate, '2027-01-31', '2027-02-01', '2025-03-10'),
    ).toEqual({
      start: '2027-02-01',
      end: '2029-01-31',
      index: 2,
    });
    // The cycle's last day still belongs to it.
    expect(
      cycleFromPrintedDate(issueDate, '2027-01-31', '2027-01-31', '2025-03-10')
        ?.end,
    ).toBe('2027-01-31');
  });

  it('places earlier and later cycles from a renewal date in another cycle', () => {
    // A date printed on an old license (2021-09-30) still places today's cycle.
    expect(
      cycleFromPrintedDate(issueDate, '2021-09-30', '2026-11-22', '2015-10-01'),
    ).toEqual({
      start: '2025-10-01',
      end: '2027-09-30',
      index: 6,
    });
    // A month's last day stays the last day (leap years), for birth-month cycles too.
    expect(
      cycleFromPrintedDate(
        birthMonth,
        '2027-02-28',
        '2028-06-01',
        '2020-01-15',
      ),
    ).toEqual({
      start: '2027-03-01',
      end: '2029-02-28',
      index: 5,
    });
    expect(
      cycleFromPrintedDate(birthMonth, '2026-02-28', '2028-01-01', '2020-01-15')
        ?.end,
    ).toBe('2028-02-29');
    // Three-year cycles (NY, KY, MI).
    expect(
      cycleFromPrintedDate(
        { anchor: 'issue-date', months: 36, source },
        '2027-05-31',
        '2026-11-22',
        '2021-06-15',
      ),
    ).toEqual({
      start: '2024-06-01',
      end: '2027-05-31',
      index: 2,
    });
  });
});

describe('cycles placed by a printed date, for any dates', () => {
  const day = (n: number) =>
    new Date(n * 86_400_000).toISOString().slice(0, 10);
  const next = (iso: string) =>
    day(Date.parse(`${iso}T00:00:00Z`) / 86_400_000 + 1);
  // 1960-01-01 … 2099-12-31 as day numbers.
  const days = fc.integer({ min: -3653, max: 47_481 });
  const rules: CycleRule[] = [
    { anchor: 'issue-date', months: 12, source },
    { anchor: 'issue-date', months: 24, source },
    { anchor: 'issue-date', months: 36, source },
    { anchor: 'birth-month', months: 24, source },
    { anchor: 'birthday', months: 12, source },
  ];

  it('holds the date asked for, starts no earlier than the issue date, and tiles with the next cycle', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...rules),
        days,
        fc.integer({ min: 1, max: 4000 }),
        days,
        (rule, issued, after, asOf) => {
          const issuedOn = day(issued);
          const renewsOn = day(issued + after);
          const target = asOf < issued ? issuedOn : day(asOf);
          const c = cycleFromPrintedDate(rule, renewsOn, day(asOf), issuedOn);
          expect(c).not.toBeNull();
          if (!c) return;
          expect(c.start <= target && target <= c.end).toBe(true);
          expect(c.start >= issuedOn).toBe(true);
          expect(c.index >= 1).toBe(true);
          // The first cycle starts on the issue date; a later one the day after the one before.
          if (c.index === 1) expect(c.start).toBe(issuedOn);
          const following = cycleFromPrintedDate(
            rule,
            renewsOn,
            next(c.end),
            issuedOn,
          );
          expect(following?.start).toBe(next(c.end));
          expect(following?.index).toBe(c.index + 1);
          // A full cycle after the first: as many months as the rule says, give or take month ends.
          if (c.index > 1) {
            const months =
              (Number(c.end.slice(0, 4)) - Number(c.start.slice(0, 4))) * 12 +
              (Number(c.end.slice(5, 7)) - Number(c.start.slice(5, 7)));
            expect([rule.months - 1, rule.months]).toContain(months);
          }
        },
      ),
      { numRuns: 2000 },
    );
  });
});
