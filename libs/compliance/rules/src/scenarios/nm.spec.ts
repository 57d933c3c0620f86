import { course, filler, requirement, run, unmet } from './scenario';

describe('New Mexico LCSW (30 h / 2 years ending June 30; ethics from 10/07/2025)', () => {
  const license = { issuedOn: '2015-06-15' };
  const nasw = { approvals: ['NASW'] };
  const rest = filler(['2025-10-18', '2026-02-14', '2026-07-11', '2027-01-23'], 5.25, 'live-online', { ...nasw, practice: 'clinical' });

  it('meets the 2025 rule', () => {
    const e = run('NM', 'LCSW', { license, cycle: { start: '2025-07-01', end: '2027-06-30', index: 6 }, asOf: '2027-06-30', credits: [course('2025-08-09', 6, 'live-online', { ...nasw, topics: ['cultural-competence'] }), course('2025-09-06', 3, 'live-online', { ...nasw, topics: ['ethics'] }), ...rest] });
    expect(e.ruleSet.version).toBe('2025-10-07');
    expect(unmet(e)).toEqual([]);
  });

  it('flags the new ethics requirement', () => {
    const e = run('NM', 'LCSW', { license, cycle: { start: '2025-07-01', end: '2027-06-30', index: 6 }, asOf: '2027-06-30', credits: [course('2025-08-09', 6, 'live-online', { ...nasw, topics: ['cultural-competence'] }), course('2025-09-06', 3, 'live-online', nasw), ...rest] });
    expect(unmet(e)).toEqual(['topic:ethics']);
  });

  it('judged the cycle ending 6/30/2025 by the old rule (no ethics minimum)', () => {
    const e = run('NM', 'LCSW', { license, cycle: { start: '2023-07-01', end: '2025-06-30', index: 5 }, asOf: '2025-06-30', credits: [] });
    expect(e.requirements.map((r) => r.code)).toEqual(['total', 'topic:cultural-competence']);
    expect(requirement(e, 'topic:cultural-competence').requiredHours).toBe(6);
    expect(e.ruleSet.version).toBe('2002-06-19');
  });
});
