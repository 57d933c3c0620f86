import { course, filler, requirement, run, unmet } from './scenario';

describe('Minnesota LICSW (40 h / 2 years; 12 clinical since 8/1/2020)', () => {
  const license = { issuedOn: '2008-10-01', birthDate: '1970-09-03' };
  const cycle = { start: '2024-10-01', end: '2026-09-30', index: 9 };
  const base = [
    course('2024-11-16', 2, 'live-online', { topics: ['ethics'] }),
    course('2025-02-22', 4, 'live-online', { topics: ['cultural-competence'] }),
    ...filler(['2025-04-05', '2025-08-23', '2026-01-10'], 6, 'self-study', { practice: 'macro', macroAreas: ['research-evaluation'] }),
  ];

  it('meets the rules', () => {
    const e = run('MN', 'LICSW', { license, cycle, asOf: '2026-09-30', credits: [...base, ...filler(['2025-05-17', '2026-03-07'], 8, 'live-in-person', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual([]);
    expect(requirement(e, 'practice:clinical').requiredHours).toBe(12);
  });

  it('flags clinical content below 12 h', () => {
    const e = run('MN', 'LICSW', { license, cycle, asOf: '2026-09-30', credits: [...base, course('2025-05-17', 8, 'live-in-person', { practice: 'clinical' }), course('2026-03-07', 8, 'live-in-person')] });
    expect(unmet(e)).toEqual(['practice:clinical']);
  });

  it('judged a cycle ending before 8/1/2020 by the 24-hour clinical rule', () => {
    const e = run('MN', 'LICSW', { license, cycle: { start: '2018-10-01', end: '2020-07-31', index: 6 }, asOf: '2020-07-31', credits: [] });
    expect(requirement(e, 'practice:clinical').requiredHours).toBe(24);
  });
});
