import type { CycleRule } from '@mezzo/compliance-engine';
import { cycleFromRenewalDate, needsRenewalDate } from './renewal-cycle';

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
