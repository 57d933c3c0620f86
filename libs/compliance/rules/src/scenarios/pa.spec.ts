import { course, filler, run, unmet } from './scenario';

describe('Pennsylvania LSW (30 h / biennium ending Feb 28 of odd years)', () => {
  const license = { issuedOn: '2014-05-01' };
  const cycle = { start: '2023-03-01', end: '2025-02-28', index: 6 };
  const ace = { approvals: ['ACE'] };
  const required = [
    course('2023-05-06', 3, 'live-online', { ...ace, topics: ['ethics'] }),
    course('2023-07-15', 2, 'self-study', { ...ace, topics: ['child-abuse-reporting'], title: 'Act 31 child abuse recognition and reporting' }),
    course('2023-07-16', 1, 'self-study', { ...ace, topics: ['suicide-prevention'], title: 'Act 74 suicide prevention' }),
  ];

  it('meets the rules with approved providers', () => {
    const e = run('PA', 'LSW', { license, cycle, asOf: '2025-02-28', credits: [...required, ...filler(['2023-10-14', '2024-04-20', '2024-11-09'], 8, 'live-online', { ...ace, practice: { clinical: 4, macro: 4 }, macroAreas: ['community-practice'] })] });
    expect(unmet(e)).toEqual([]);
  });

  it('does not count an unapproved workshop and flags the total', () => {
    const e = run('PA', 'LSW', {
      license, cycle, asOf: '2025-02-28',
      credits: [...required, ...filler(['2023-10-14', '2024-04-20'], 9, 'live-online', ace), course('2024-11-09', 6, 'live-in-person', { title: 'Agency retreat (no CE approval)' })],
    });
    expect(unmet(e)).toEqual(['total']);
    expect(e.excluded.map((x) => x.reason)).toEqual(['approval-not-accepted']);
  });

  describe('first renewal: exempt except the 2 h Act 31 training', () => {
    const newLicense = { issuedOn: '2023-09-15' };

    it('still requires Act 31 and nothing else', () => {
      const e = run('PA', 'LSW', { license: newLicense, cycle, asOf: '2025-01-15', credits: [] });
      expect(e.cycle.firstRenewal).toBe(true);
      expect(e.totals.requiredHours).toBe(0);
      expect(unmet(e)).toEqual(['topic:child-abuse-reporting']);
      expect(e.plan.map((p) => [p.code, p.hours])).toEqual([['topic:child-abuse-reporting', 2]]);
      expect(e.status).toBe('in-progress');
    });

    it('is met with the Act 31 course alone', () => {
      const e = run('PA', 'LCSW', { license: newLicense, cycle, asOf: '2025-02-28', credits: [course('2024-02-10', 2, 'self-study', { ...ace, topics: ['child-abuse-reporting'] })] });
      expect(unmet(e)).toEqual([]);
      expect(e.status).toBe('met');
    });
  });
});
