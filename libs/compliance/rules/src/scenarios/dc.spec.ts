import { course, filler, requirement, run, unmet } from './scenario';

describe('District of Columbia LICSW (40 h / term ending July 31 of odd years)', () => {
  const license = { issuedOn: '2011-09-01' };
  const cycle = { start: '2023-08-01', end: '2025-07-31', index: 7 };
  const rest = [
    course('2023-10-14', 2, 'live-online', { topics: ['cultural-competence'], title: 'LGBTQ cultural competency' }),
    course('2024-01-20', 4, 'live-online', { topics: ['public-health-priority'], practice: 'macro', macroAreas: ['community-practice'], title: 'DC public health priority: opioid overdose prevention' }),
    course('2024-03-02', 12, 'self-study', { practice: 'clinical' }),
    ...filler(['2024-06-08', '2024-11-16'], 8, 'live-in-person', { practice: 'clinical' }),
  ];

  it('meets the rules with live ethics', () => {
    const e = run('DC', 'LICSW', { license, cycle, asOf: '2025-07-31', credits: [course('2023-09-16', 6, 'live-online', { topics: ['ethics', 'boundaries'] }), ...rest] });
    expect(unmet(e)).toEqual([]);
    expect(requirement(e, 'topic:public-health-priority').requiredHours).toBe(4);
  });

  it('flags ethics taken as a recorded course', () => {
    const e = run('DC', 'LICSW', { license, cycle, asOf: '2025-07-31', credits: [course('2023-09-16', 6, 'self-study', { topics: ['ethics', 'boundaries'] }), ...rest] });
    expect(unmet(e)).toContain('topic:ethics+boundaries');
  });
});
