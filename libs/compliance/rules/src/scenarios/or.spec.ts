import { course, filler, run, unmet } from './scenario';

describe('Oregon LCSW (40 h / 2 years by birth month; CE must be clinical in nature)', () => {
  const license = { issuedOn: '2009-06-01', birthDate: '1972-06-09' };
  const cycle = { start: '2023-07-01', end: '2025-06-30', index: 9 };
  const required = [course('2023-09-23', 6, 'live-online', { topics: ['ethics'] }), course('2024-01-27', 2, 'self-study', { topics: ['suicide-prevention'], practice: 'clinical' })];

  it('meets the rules with clinical hours', () => {
    const e = run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [...required, ...filler(['2024-03-16', '2024-08-10', '2024-12-07', '2025-04-12'], 8, 'live-in-person', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual([]);
    expect(e.advocacy.macroCountsTowardRenewal).toBe('no');
  });

  it('does not count macro hours for an LCSW and flags the total', () => {
    const e = run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [...required, ...filler(['2024-03-16', '2024-08-10', '2024-12-07'], 8, 'live-in-person', { practice: 'clinical' }), course('2025-04-12', 8, 'live-in-person', { practice: 'macro', macroAreas: ['policy-advocacy'] })] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.excluded.some((x) => x.ruleCode === 'cap:practice:macro' && x.hours === 8)).toBe(true);
  });

  it('counts agency in-service programs for at most half the hours (OAR 877-025-0006(3))', () => {
    const inService = filler(['2024-03-16', '2024-08-10', '2024-12-07', '2025-04-12'], 7, 'live-in-person', { practice: 'clinical', approvals: ['in-service'] });
    const e = run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [...required, ...inService, course('2025-05-03', 4, 'live-online', { practice: 'clinical', approvals: ['NASW'] })] });
    // 6 + 2 + 4 approved, and 20 of the 28 in-service hours: 32 of 40.
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(32);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:approval:employer').reduce((sum, x) => sum + x.hours, 0)).toBe(8);
  });

  it('counts language courses for at most 25% of the hours (OAR 877-025-0006(8))', () => {
    // A 4-quarter-credit Spanish course logged as 16 h, with 24 h of clinical workshops beside it.
    const spanish = course('2024-09-20', 16, 'academic', { topics: ['language-course'], practice: 'clinical', title: 'Spanish for social workers' });
    const workshops = filler(['2024-03-16', '2024-12-07', '2025-04-12'], 8, 'live-in-person', { practice: 'clinical' });
    const e = run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [...required, ...workshops, spanish] });
    // 6 + 2 + 24, and 10 of the course's 16 hours (a quarter of 40): 42 of 40.
    expect(unmet(e)).toEqual([]);
    expect(e.totals.countedHours).toBe(42);
    expect(e.excluded).toContainEqual(expect.objectContaining({ creditId: spanish.id, hours: 6, reason: 'over-cap', ruleCode: 'cap:topic:language-course' }));
    // Without the workshops the cap leaves the licensee short, and the plan asks for other hours.
    const short = run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [...required, spanish] });
    expect(short.totals.countedHours).toBe(18);
    expect(short.totals.remainingHours).toBe(22);
  });

  it('applies the language-course cap to an RBSW as a share of its 20 hours', () => {
    const spanish = course('2024-09-20', 10, 'academic', { topics: ['language-course'] });
    const e = run('OR', 'RBSW', { license, cycle, asOf: '2025-06-30', credits: [course('2023-09-23', 6, 'live-online', { topics: ['ethics'] }), spanish] });
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:topic:language-course').reduce((sum, x) => sum + x.hours, 0)).toBe(5);
  });

  it('lets an LMSW count macro hours', () => {
    const e = run('OR', 'LMSW', { license, cycle, asOf: '2025-06-30', credits: [...required, ...filler(['2024-03-16', '2024-08-10'], 7, 'live-in-person', { practice: 'clinical' }), course('2025-04-12', 8, 'live-in-person', { practice: 'macro', macroAreas: ['policy-advocacy'] })] });
    expect(unmet(e)).toEqual([]);
  });

  it('asks a supervising LCSW for 6 h of supervision training within the last five years', () => {
    const supervisor = { ...license, roles: ['supervisor'] };
    const clinicalHours = filler(['2024-03-16', '2024-08-10', '2024-12-07', '2025-04-12'], 8, 'live-in-person', { practice: 'clinical' });
    const none = run('OR', 'LCSW', { license: supervisor, cycle, asOf: '2025-06-30', credits: [...required, ...clinicalHours] });
    expect(unmet(none)).toEqual(['topic:supervision']);
    expect(none.plan.find((p) => p.code === 'topic:supervision')?.accepts.completedOnOrAfter).toBe('2020-07-01');
    // Taken in the previous period (2021), within five years of 2025-06-30: met, and not counted toward this period's 40.
    const earlier = course('2021-11-06', 6, 'live-online', { topics: ['supervision'], practice: 'clinical', title: 'Clinical supervision update' });
    const met = run('OR', 'LCSW', { license: supervisor, cycle, asOf: '2025-06-30', credits: [earlier, ...required, ...clinicalHours] });
    expect(unmet(met)).toEqual([]);
    expect(met.totals.countedHours).toBe(40);
    // Not a supervisor: not asked.
    expect(run('OR', 'LCSW', { license, cycle, asOf: '2025-06-30', credits: [] }).requirements.map((r) => r.code)).not.toContain('topic:supervision');
  });
});

