import { course, filler, requirement, run, unmet } from './scenario';

describe('Michigan LMSW-Macro (45 h / 3 years from issue date)', () => {
  const license = { issuedOn: '2011-09-01' };
  const cycle = { start: '2023-09-01', end: '2026-08-31', index: 5 };
  const ace = { approvals: ['ACE'] };
  const trafficking = course('2024-01-13', 2, 'live-online', { ...ace, topics: ['human-trafficking'], title: 'Identifying victims of human trafficking' });
  const base = [
    course('2023-11-04', 5, 'live-in-person', { ...ace, topics: ['ethics'] }),
    course('2024-02-10', 2, 'live-online', { ...ace, topics: ['pain-management'] }),
    ...filler(['2024-05-18', '2024-10-26', '2025-04-12', '2025-10-18'], 6, 'live-in-person', { ...ace, practice: 'macro', macroAreas: ['policy-advocacy', 'community-practice'] }),
    ...filler(['2024-07-01', '2025-01-15', '2026-03-01'], 4, 'self-study', { ...ace, practice: 'macro', macroAreas: ['administration-leadership'] }),
  ];

  it('meets the rules with a macro-heavy portfolio and 3 h of implicit bias', () => {
    const e = run('MI', 'LMSW-Macro', { license, cycle, asOf: '2026-08-31', credits: [trafficking, ...base, course('2026-05-02', 3, 'self-study', { ...ace, topics: ['implicit-bias'] })] });
    expect(unmet(e)).toEqual([]);
    expect(requirement(e, 'topic:implicit-bias').requiredHours).toBe(3);
    expect(requirement(e, 'format:live').requiredHours).toBe(22.5);
    expect(e.advocacy.status).toBe('balanced');
  });

  it('flags implicit bias when only 1 of the 3 hours (1 per year) was taken', () => {
    const e = run('MI', 'LMSW-Macro', { license, cycle, asOf: '2026-08-31', credits: [trafficking, ...base, course('2026-05-02', 1, 'self-study', { ...ace, topics: ['implicit-bias'] }), course('2026-05-03', 2, 'self-study', ace)] });
    expect(unmet(e)).toEqual(['topic:implicit-bias']);
  });
});
