import { course, filler, run, unmet } from './scenario';

describe('Florida LCSW (30 h / biennium ending March 31 of odd years)', () => {
  const license = { issuedOn: '2015-06-01' };
  const cycle = { start: '2023-04-01', end: '2025-03-31', index: 5 };
  const required = [
    course('2023-06-10', 2, 'self-study', { topics: ['medical-errors'], title: 'Prevention of medical errors' }),
    course('2023-08-19', 3, 'live-online', { topics: ['telehealth'], practice: 'clinical', title: 'Provision of teletherapy' }),
  ];

  it('meets the rules in a teletherapy biennium with general hours under the 6 h cap', () => {
    const e = run('FL', 'LCSW', { license, cycle, asOf: '2025-03-31', credits: [...required, ...filler(['2023-11-04', '2024-03-16', '2024-08-24', '2025-01-11', '2025-02-22'], 5, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual([]);
    expect(e.requirements.map((r) => r.code)).toEqual(['total', 'topic:medical-errors', 'topic:telehealth']);
  });

  it('caps non-clinical (macro) hours at 6 and flags the total', () => {
    const e = run('FL', 'LCSW', {
      license, cycle, asOf: '2025-03-31',
      credits: [
        ...required,
        ...filler(['2023-11-04', '2024-03-16', '2024-08-24'], 5, 'live-online', { practice: 'clinical' }),
        ...filler(['2024-05-04', '2024-10-12'], 5, 'live-in-person', { practice: 'macro', macroAreas: ['policy-advocacy'], title: 'Mental health policy advocacy' }),
      ],
    });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(24);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:practice:non-clinical').reduce((s, x) => s + x.hours, 0)).toBe(6);
    expect(e.advocacy.macroCountsTowardRenewal).toBe('capped');
  });

  it('requires ethics and boundaries in the other biennium, and DV plus laws and rules every third', () => {
    const e = run('FL', 'LCSW', { license, cycle: { start: '2025-04-01', end: '2027-03-31', index: 6 }, asOf: '2027-03-31', credits: [] });
    expect(e.requirements.map((r) => r.code)).toEqual(['total', 'topic:medical-errors', 'topic:ethics+boundaries', 'topic:domestic-violence', 'topic:laws-and-rules']);
  });
});
