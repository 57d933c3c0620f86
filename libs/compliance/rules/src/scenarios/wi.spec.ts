import { course, filler, run, unmet } from './scenario';

describe('Wisconsin LCSW (30 h / biennium ending Feb 28 of odd years)', () => {
  const license = { issuedOn: '2012-08-01' };
  const cycle = { start: '2023-03-01', end: '2025-02-28', index: 7 };
  const rest = filler(['2023-06-10', '2023-11-18', '2024-04-13', '2024-10-05'], 6.5, 'live-online', { practice: 'clinical' });

  it('meets the rules', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits: [course('2023-04-15', 4, 'live-online', { topics: ['ethics', 'boundaries'] }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags ethics and boundaries below 4 h', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits: [course('2023-04-15', 2, 'live-online', { topics: ['ethics'] }), course('2023-04-16', 2, 'live-online'), ...rest] });
    expect(unmet(e)).toEqual(['topic:ethics+boundaries']);
  });

  it('applies no carryover: the 30 hours fall within the credential period', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', carryoverHours: 6, credits: [course('2023-04-15', 4, 'live-online', { topics: ['ethics', 'boundaries'] }), ...rest.slice(0, 3)] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(23.5);
  });

  it('counts at most 15 h of in-house agency training that no listed organization approved (MPSW 19.03(1)(f))', () => {
    const inHouse = filler(['2023-05-06', '2023-09-09', '2024-01-13', '2024-06-08'], 5, 'live-in-person', { practice: 'clinical', approvals: ['In-house training'] });
    const credits = [course('2023-04-15', 4, 'live-online', { topics: ['ethics', 'boundaries'], approvals: ['NASW'] }), ...inHouse, course('2024-11-16', 6, 'live-online', { practice: 'clinical', approvals: ['NASW'] })];
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits });
    // 4 + 15 of the 20 in-house hours + 6 = 25 of 30.
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(25);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:approval:employer').reduce((sum, x) => sum + x.hours, 0)).toBe(5);
    // The same training approved by NASW counts in full.
    const approved = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits: credits.map((c) => ({ ...c, approvals: [{ body: 'NASW' }] })) });
    expect(approved.totals.countedHours).toBe(30);
  });
});
