import { course, filler, requirement, run, unmet } from './scenario';

describe('California LCSW (36 h / 2 years, issue-date cycle)', () => {
  const license = { issuedOn: '2016-06-01' };
  const cycle = { start: '2024-06-01', end: '2026-05-31', index: 5 };
  const career = [
    course('2010-03-12', 7, 'live-in-person', { topics: ['hiv-aids'], practice: 'clinical', title: 'HIV/AIDS assessment and treatment' }),
    course('2021-04-20', 6, 'live-online', { topics: ['suicide-prevention'], practice: 'clinical', title: 'Suicide risk assessment and intervention' }),
  ];
  const telehealth = course('2023-10-05', 3, 'self-study', { topics: ['telehealth'], practice: 'clinical', title: 'Telehealth law, ethics and practice' });
  const cycleCredits = [
    course('2024-09-14', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'], title: 'California law and ethics' }),
    ...filler(['2024-11-02', '2025-02-08', '2025-06-21', '2025-10-11', '2026-01-17'], 6, 'live-online', { practice: 'clinical' }),
  ];

  it('meets the rules with the one-time courses taken in earlier cycles', () => {
    const e = run('CA', 'LCSW', { license, cycle, asOf: '2026-05-31', credits: [...career, telehealth, ...cycleCredits] });
    expect(unmet(e)).toEqual([]);
    expect(e.status).toBe('met');
    expect(e.ruleSet.version).toBe('2023-07-01');
    expect(requirement(e, 'topic:hiv-aids').met).toBe(true);
    expect(e.totals).toMatchObject({ requiredHours: 36, countedHours: 36 });
  });

  it('credits an HIV/AIDS course taken in the cycle toward the 36 h (16 CCR 1887.3(b); only substitutes are not credited)', () => {
    const hiv = course('2025-03-08', 7, 'live-online', { topics: ['hiv-aids'], practice: 'clinical', title: 'HIV/AIDS assessment and treatment' });
    const e = run('CA', 'LCSW', {
      license,
      cycle,
      asOf: '2026-05-31',
      credits: [hiv, career[1], telehealth, cycleCredits[0], ...filler(['2024-11-02', '2025-06-21', '2025-10-11', '2026-01-17'], 6, 'live-online', { practice: 'clinical' })],
    });
    expect(requirement(e, 'topic:hiv-aids')).toMatchObject({ met: true, allocations: [{ creditId: hiv.id, hours: 7 }] });
    expect(e.excluded.filter((x) => x.reason === 'not-credited')).toEqual([]);
    expect(e.totals).toMatchObject({ requiredHours: 36, countedHours: 37 });
    expect(e.status).toBe('met');
  });

  it('flags the one-time telehealth course when it was never taken', () => {
    const e = run('CA', 'LCSW', { license, cycle, asOf: '2026-05-31', credits: [...career, ...cycleCredits] });
    expect(unmet(e)).toEqual(['topic:telehealth']);
    expect(e.status).toBe('in-progress');
  });
});
