import { course, filler, requirement, run, unmet } from './scenario';

describe('North Carolina CSWM (40 h / 2 years; macro credential, same rule)', () => {
  const license = { issuedOn: '2014-07-01' };
  const cycle = { start: '2024-07-01', end: '2026-06-30', index: 6 };
  const ethics = course('2024-09-12', 4, 'live-online', { topics: ['ethics'] });
  const macro = { practice: 'macro' as const, macroAreas: ['administration-leadership' as const] };

  it('meets the rules with 20 h of distance learning', () => {
    const e = run('NC', 'CSWM', { license, cycle, asOf: '2026-06-30', credits: [ethics, ...filler(['2024-11-01', '2025-02-01', '2025-05-01', '2025-08-01'], 5, 'self-study', macro), ...filler(['2025-10-18', '2026-03-14'], 8, 'live-in-person', macro)] });
    expect(unmet(e)).toEqual([]);
    expect(e.advocacy.macroHours).toBe(36);
  });

  it('caps distance learning at half the hours and flags the total', () => {
    const e = run('NC', 'CSWM', { license, cycle, asOf: '2026-06-30', credits: [ethics, ...filler(['2024-11-01', '2025-02-01', '2025-05-01', '2025-08-01', '2025-11-01', '2026-02-01'], 5, 'self-study', macro), course('2026-03-14', 6, 'live-in-person', macro)] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(30);
  });
});

describe('North Carolina: a period shorter than two years (21 NCAC 63 .0401(a); board CE page)', () => {
  const ethics = (on: string, hours = 4) => course(on, hours, 'live-in-person', { topics: ['ethics'] });

  it('an LCSW whose first period ends less than two years after issue needs 30 h, still 4 of ethics', () => {
    // Issued 2025-03-10; the renewal date on the license ends the first period on 2027-01-31.
    const short = { license: { issuedOn: '2025-03-10' }, cycle: { start: '2025-03-10', end: '2027-01-31' }, asOf: '2026-11-22' };
    const e = run('NC', 'LCSW', { ...short, credits: [ethics('2025-06-01'), ...filler(['2025-09-01', '2026-01-15', '2026-05-20'], 8, 'live-in-person', { practice: 'clinical' }), course('2026-09-01', 2, 'live-online')] });
    expect([e.totals.requiredHours, requirement(e, 'topic:ethics').requiredHours]).toEqual([30, 4]);
    expect(unmet(e)).toEqual([]);
    // Distance learning is capped at half the required hours: 15 of 30.
    const online = run('NC', 'LCSW', { ...short, credits: [ethics('2025-06-01'), ...filler(['2025-09-01', '2026-01-15', '2026-05-20', '2026-08-01'], 5, 'self-study'), course('2026-09-01', 6, 'live-in-person')] });
    expect(online.totals.countedHours).toBe(25);
    expect(online.excluded.map((x) => [x.reason, x.hours])).toEqual([['over-cap', 5]]);
    // The same license with the derived two-year period: 40 h.
    const full = run('NC', 'LCSW', { license: { issuedOn: '2025-03-10' }, asOf: '2026-11-22', credits: [] });
    expect([full.cycle.end, full.totals.requiredHours, requirement(full, 'topic:ethics').requiredHours]).toEqual(['2027-03-09', 40, 4]);
  });

  it('an LCSWA prorates by month: 20 h and 2 ethics for a year, 10 h and 1 for six months', () => {
    const issuedOn = '2025-07-01';
    const at = (end: string) => run('NC', 'LCSWA', { license: { issuedOn }, cycle: { start: issuedOn, end }, asOf: end, credits: [] });
    const year = at('2026-06-30');
    expect([year.totals.requiredHours, requirement(year, 'topic:ethics').requiredHours]).toEqual([20, 2]);
    const half = at('2025-12-31');
    expect([half.totals.requiredHours, requirement(half, 'topic:ethics').requiredHours]).toEqual([10, 1]);
    // Seven started months: ethics by quarter cycles (2 h), the total by month (40 × 7/24 → 12 h).
    const seven = at('2026-01-20');
    expect([seven.totals.requiredHours, requirement(seven, 'topic:ethics').requiredHours]).toEqual([12, 2]);
    // The full two years: 40 h and 4 of ethics, never the 30 h of the other credentials.
    const whole = run('NC', 'LCSWA', { license: { issuedOn }, asOf: '2026-11-22', credits: [] });
    expect([whole.cycle.end, whole.totals.requiredHours, requirement(whole, 'topic:ethics').requiredHours]).toEqual(['2027-06-30', 40, 4]);
  });
});
