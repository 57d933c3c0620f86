import { course, filler, requirement, run, unmet } from './scenario';

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
    // The 2 general medical-errors hours are exempt from the cap (exceptTopics): 6 of the 10 macro hours count.
    expect(e.totals.countedHours).toBe(26);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:practice:non-clinical').reduce((s, x) => s + x.hours, 0)).toBe(4);
    expect(e.advocacy.macroCountsTowardRenewal).toBe('capped');
  });

  describe('board-mandated topic hours are exempt from the non-clinical cap (exceptTopics)', () => {
    // Third biennium (index 6): medical errors 2, ethics & boundaries 3, DV 2, laws & rules 3 = 10 h.
    const third = { start: '2025-04-01', end: '2027-03-31', index: 6 };
    const mandated = [
      course('2025-05-03', 2, 'live-online', { topics: ['medical-errors'], practice: 'general' }),
      course('2025-06-14', 3, 'live-online', { topics: ['ethics'], practice: 'general' }),
      course('2025-07-19', 2, 'self-study', { topics: ['domestic-violence'], practice: 'general' }),
      course('2025-09-06', 3, 'live-online', { topics: ['laws-and-rules'], practice: 'general' }),
    ];

    it('counts general-tagged mandated hours beyond the 6 h cap, and still caps other general hours', () => {
      const other = filler(['2025-10-11', '2026-02-07'], 4, 'live-online', { practice: 'general', title: 'Practice management' });
      const e = run('FL', 'LCSW', { license, cycle: third, asOf: '2027-03-31', credits: [...mandated, ...other, ...filler(['2026-04-11', '2026-09-12'], 7, 'live-in-person', { practice: 'clinical' })] });
      expect(unmet(e)).toEqual([]);
      // 10 mandated + 6 of the 8 other general hours + 14 clinical.
      expect(e.totals.countedHours).toBe(30);
      for (const code of ['topic:medical-errors', 'topic:ethics+boundaries', 'topic:domestic-violence', 'topic:laws-and-rules']) expect(requirement(e, code).met).toBe(true);
      const overCap = e.excluded.filter((x) => x.ruleCode === 'cap:practice:non-clinical');
      expect(overCap.reduce((s, x) => s + x.hours, 0)).toBe(2);
      expect(overCap.every((x) => other.some((c) => c.id === x.creditId))).toBe(true);
    });

    it('does not tell a mandated topic to be clinical once the cap is reached', () => {
      const e = run('FL', 'LCSW', { license, cycle: third, asOf: '2026-06-30', credits: [mandated[0], ...filler(['2025-10-11', '2026-02-07'], 4, 'live-online', { practice: 'general' })] });
      const laws = e.plan.find((p) => p.code === 'topic:laws-and-rules');
      expect(laws?.accepts).toEqual({ topics: ['laws-and-rules'] });
      expect(e.plan.find((p) => p.code === 'total')?.accepts.practice).toBe('clinical');
    });

    it('exempts the same topics for CMSW', () => {
      const e = run('FL', 'CMSW', { license, cycle: third, asOf: '2027-03-31', credits: [...mandated, ...filler(['2025-10-11', '2026-02-07'], 4, 'live-online', { practice: 'general' })] });
      expect(e.totals.countedHours).toBe(16);
      expect(unmet(e)).toEqual(['total']);
    });
  });

  it('requires ethics and boundaries in the other biennium, and DV plus laws and rules every third', () => {
    const e = run('FL', 'LCSW', { license, cycle: { start: '2025-04-01', end: '2027-03-31', index: 6 }, asOf: '2027-03-31', credits: [] });
    expect(e.requirements.map((r) => r.code)).toEqual(['total', 'topic:medical-errors', 'topic:ethics+boundaries', 'topic:domestic-violence', 'topic:laws-and-rules']);
  });

  it("rotates ethics and teletherapy statewide, by biennium, whatever the license's own cycle number", () => {
    // Licensed a biennium later than the licensee above: the cycle ending 2027 is this license's 5th,
    // yet the statewide rotation (ethics in the biennium ending 3/31/2023, then every other one) asks for ethics.
    const later = { issuedOn: '2017-06-01' };
    const ethicsYear = run('FL', 'LCSW', { license: later, cycle: { start: '2025-04-01', end: '2027-03-31', index: 5 }, asOf: '2026-06-30', credits: [] });
    expect(ethicsYear.requirements.map((r) => r.code)).toContain('topic:ethics+boundaries');
    expect(ethicsYear.requirements.map((r) => r.code)).not.toContain('topic:telehealth');
    const teleYear = run('FL', 'LCSW', { license: later, cycle: { start: '2027-04-01', end: '2029-03-31', index: 6 }, asOf: '2028-06-30', credits: [] });
    expect(teleYear.requirements.map((r) => r.code)).toContain('topic:telehealth');
    expect(teleYear.requirements.map((r) => r.code)).not.toContain('topic:ethics+boundaries');
    // Derived cycle (no explicit one): the biennium containing 2026-11-22 ends 3/31/2027, an ethics year.
    const derived = run('FL', 'LCSW', { license: later, asOf: '2026-11-22', credits: [] });
    expect(derived.cycle.end).toBe('2027-03-31');
    expect(derived.requirements.map((r) => r.code)).toContain('topic:ethics+boundaries');
  });
});

