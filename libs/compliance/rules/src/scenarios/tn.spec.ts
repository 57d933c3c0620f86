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

  it('requires twice the per-year hours over the 2-year period (18 / 24 / 30 / 30, inferred)', () => {
    const total = (code: string) => requirement(run('TN', code, { license, cycle, asOf: '2025-12-31', credits: [] }), 'total').requiredHours;
    expect(['LBSW', 'LMSW', 'LAPSW', 'LCSW'].map(total)).toEqual([18, 24, 30, 30]);
  });
});
