import { course, filler, run, unmet } from './scenario';

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
