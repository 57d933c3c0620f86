import { course, filler, requirement, run, unmet } from './scenario';

describe('Tennessee LCSW (biennial accounting; 30 h inferred from 15 h/year)', () => {
  const license = { issuedOn: '2010-02-01' };
  const cycle = { start: '2024-01-01', end: '2025-12-31', index: 7 };
  const required = [course('2024-03-02', 3, 'live-online', { topics: ['ethics'] }), course('2025-03-01', 3, 'live-online', { topics: ['laws-and-rules'] }), course('2024-06-01', 2, 'self-study', { topics: ['suicide-prevention'], practice: 'clinical' })];

  it('meets the rules (ethics 3 h per year, multimedia <= 2/3)', () => {
    const e = run('TN', 'LCSW', { license, cycle, asOf: '2025-12-31', credits: [...required, ...filler(['2024-05-04', '2025-05-17'], 5.5, 'self-study', { practice: { clinical: 3.5, macro: 2 }, macroAreas: ['administration-leadership'] }), ...filler(['2024-09-21', '2025-10-11'], 5.5, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual([]);
    expect(requirement(e, 'topic:ethics+laws-and-rules').requiredHours).toBe(6);
  });

  it('caps multimedia at two thirds and flags the total', () => {
    const e = run('TN', 'LCSW', { license, cycle, asOf: '2025-12-31', credits: [course('2024-03-02', 6, 'self-study', { topics: ['ethics'] }), course('2024-06-01', 2, 'self-study', { topics: ['suicide-prevention'] }), ...filler(['2024-05-04', '2024-09-21', '2025-05-17'], 6, 'self-study', { practice: 'clinical' }), course('2025-10-11', 4, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(24);
  });

  it('tells a holder of another Tennessee license that each license needs its own credits, except ethics and rules hours', () => {
    const e = run('TN', 'LCSW', { license: { ...license, otherLicenses: ['LAPSW'] }, cycle, asOf: '2025-12-31', credits: required });
    expect(requirement(e, 'total').note).toBe(
      "Also holding LAPSW: each license's hours must come from different credits, except hours on ethics or laws and rules (Tenn. Comp. R. & Regs. 1365-01-.09(3)(b)-(c)). This evaluation counts every credit given, including any used for the other license.",
    );
    // The hours themselves are unchanged: the engine cannot split credits it sees one license at a time.
    expect(requirement(e, 'total').requiredHours).toBe(30);
    expect(requirement(run('TN', 'LCSW', { license, cycle, asOf: '2025-12-31', credits: required }), 'total').note).toBeUndefined();
  });

  it('requires twice the per-year hours over the 2-year period (18 / 24 / 30 / 30, inferred)', () => {
    const total = (code: string) => requirement(run('TN', code, { license, cycle, asOf: '2025-12-31', credits: [] }), 'total').requiredHours;
    expect(['LBSW', 'LMSW', 'LAPSW', 'LCSW'].map(total)).toEqual([18, 24, 30, 30]);
  });

  it('accepts the 2 h Tullis suicide course for five years, from an earlier period too', () => {
    const hours = [
      course('2026-03-07', 3, 'live-online', { topics: ['ethics'] }),
      course('2027-03-06', 3, 'live-online', { topics: ['laws-and-rules'] }),
      ...filler(['2026-05-02', '2026-09-19', '2027-05-15', '2027-10-09'], 6, 'live-online', { practice: 'clinical' }),
    ];
    // Taken 2024-06-01: within five years of 2027-12-31, so the next period is met without a new one.
    const next = run('TN', 'LCSW', { license, cycle: { start: '2026-01-01', end: '2027-12-31', index: 8 }, asOf: '2027-12-31', credits: [required[2], ...hours] });
    expect(requirement(next, 'topic:suicide-prevention').met).toBe(true);
    // By the end of 2029 it is more than five years old.
    const later = run('TN', 'LCSW', { license, cycle: { start: '2028-01-01', end: '2029-12-31', index: 9 }, asOf: '2029-12-31', credits: [required[2]] });
    expect(requirement(later, 'topic:suicide-prevention').met).toBe(false);
  });
});

