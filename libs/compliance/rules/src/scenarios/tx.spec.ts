import { course, filler, requirement, run, unmet } from './scenario';

describe('Texas LCSW (30 h / 2 years, birth month)', () => {
  const license = { issuedOn: '2013-07-10', birthDate: '1980-07-22', roles: ['direct-care', 'supervisor'] };
  const cycle = { start: '2024-08-01', end: '2026-07-31', index: 6 };
  const core = [
    course('2024-10-05', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'], title: 'Ethics and Texas rules' }),
    course('2025-01-18', 6, 'live-in-person', { topics: ['supervision'], title: 'Supervision for LCSW-S' }),
    course('2025-03-02', 1, 'self-study', { topics: ['human-trafficking'], title: 'HHSC human trafficking prevention' }),
    ...filler(['2025-05-10', '2025-09-20'], 7, 'live-online', { practice: 'clinical' }),
  ];

  it('meets the rules for a supervising, direct-care LCSW', () => {
    const e = run('TX', 'LCSW', { license, cycle, asOf: '2026-07-31', credits: [...core, course('2026-02-07', 3, 'live-online', { topics: ['cultural-competence'] })] });
    expect(unmet(e)).toEqual([]);
    expect(requirement(e, 'topic:supervision').requiredHours).toBe(6);
  });

  it('flags missing cultural diversity hours', () => {
    const e = run('TX', 'LCSW', { license, cycle, asOf: '2026-07-31', credits: [...core, course('2026-02-07', 3, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:cultural-competence']);
  });

  it('gives the legacy LMSW-AP the LMSW rules', () => {
    const e = run('TX', 'LMSW-AP', { license: { ...license, roles: [] }, cycle, asOf: '2026-07-31', credits: [...core, course('2026-02-07', 3, 'live-online', { topics: ['cultural-competence'] })] });
    expect(e.requirements.map((r) => r.code)).toEqual(['total', 'topic:ethics+laws-and-rules', 'topic:cultural-competence']);
    expect(e.status).toBe('met');
  });
});
