import { course, filler, requirement, run, unmet } from './scenario';

describe('Illinois LCSW (30 h / 2 years ending Nov 30 of odd years)', () => {
  const license = { issuedOn: '2011-02-01', roles: ['serves-adults-26-plus'] };
  const cycle = { start: '2023-12-01', end: '2025-11-30', index: 8 };
  const base = [
    course('2024-02-10', 3, 'live-online', { topics: ['ethics'] }),
    course('2024-04-13', 3, 'live-online', { topics: ['cultural-competence'] }),
    course('2024-05-01', 1, 'self-study', { topics: ['sexual-harassment'] }),
    course('2024-05-02', 1, 'self-study', { topics: ['implicit-bias'] }),
    course('2024-05-03', 2, 'self-study', { topics: ['child-abuse-reporting'], title: 'DCFS mandated reporter training' }),
    ...filler(['2024-09-21', '2025-03-15', '2025-08-09'], 6.5, 'live-online', { practice: 'clinical' }),
  ];

  it('meets the rules incl. the dementia hour for a clinician serving adults', () => {
    const e = run('IL', 'LCSW', { license, cycle, asOf: '2025-11-30', credits: [...base, course('2025-10-04', 1, 'self-study', { topics: ['dementia'] })] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags the dementia hour (every renewal period, per P.A. 102-0399)', () => {
    const e = run('IL', 'LCSW', { license, cycle, asOf: '2025-11-30', credits: [...base, course('2025-10-04', 1, 'self-study', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:dementia']);
  });

  it('adds the one-time clinical supervision training from the period ending 11/30/2027', () => {
    const e = run('IL', 'LCSW', { license, cycle: { start: '2025-12-01', end: '2027-11-30', index: 9 }, asOf: '2027-11-30', credits: [] });
    expect(e.ruleSet.version).toBe('2027-11-30');
    expect(requirement(e, 'topic:supervision').requiredHours).toBe(6);
  });
});
