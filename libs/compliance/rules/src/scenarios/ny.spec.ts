import { course, filler, run, unmet } from './scenario';

describe('New York LCSW (36 h / 3-year registration, self-study <= 12)', () => {
  const license = { issuedOn: '2012-03-15' };
  const cycle = { start: '2023-04-01', end: '2026-03-31', index: 4 };
  const nysed = { approvals: ['NYSED'] };
  const childAbuse = course('2012-01-10', 2, 'live-in-person', { approvals: ['NYSED'], topics: ['child-abuse-reporting'], title: 'Identification and reporting of child abuse' });

  it('meets the rules incl. the boundaries course of periods starting on/after 4/1/2023', () => {
    const e = run('NY', 'LCSW', {
      license, cycle, asOf: '2026-03-31',
      credits: [
        childAbuse,
        course('2023-09-12', 3, 'live-online', { ...nysed, topics: ['boundaries'], practice: 'clinical' }),
        ...filler(['2024-01-20', '2024-06-08', '2025-02-15'], 4, 'self-study', { ...nysed, practice: 'clinical' }),
        ...filler(['2024-03-09', '2024-10-19', '2025-05-17'], 7, 'live-in-person', { ...nysed, practice: { clinical: 4, macro: 3 }, macroAreas: ['administration-leadership'] }),
      ],
    });
    expect(unmet(e)).toEqual([]);
    expect(e.ruleSet.version).toBe('2026-03-31');
    expect(e.advocacy.macroCountsTowardRenewal).toBe('yes');
  });

  it('excludes self-study above 12 hours and flags the total', () => {
    const e = run('NY', 'LCSW', {
      license, cycle, asOf: '2026-03-31',
      credits: [
        childAbuse,
        course('2023-09-12', 3, 'live-online', { ...nysed, topics: ['boundaries'] }),
        ...filler(['2024-01-20', '2024-06-08', '2025-02-15', '2025-09-13', '2026-01-10'], 4, 'self-study', nysed),
        ...filler(['2024-03-09', '2024-10-19'], 6.5, 'live-in-person', nysed),
      ],
    });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(28);
    expect(e.excluded.some((x) => x.reason === 'over-cap' && x.ruleCode === 'cap:format:self-study')).toBe(true);
  });

  it('does not count courses from providers NYSED has not approved', () => {
    const e = run('NY', 'LMSW', {
      license, cycle, asOf: '2026-03-31',
      credits: [childAbuse, course('2023-09-12', 3, 'live-online', { topics: ['boundaries'], approvals: ['ACE'] }), ...filler(['2024-03-09', '2024-10-19', '2025-05-17'], 11, 'live-in-person', nysed)],
    });
    expect(unmet(e)).toEqual(['total', 'topic:boundaries']);
    expect(e.excluded.map((x) => x.reason)).toContain('approval-not-accepted');
  });

  describe('child-abuse course: the curriculum offered from 9/1/2025, due 11/17/2026', () => {
    // Registered 2024-04-01..2027-03-31: the cycle ends after 11/17/2026, so the 2026-11-17 version judges it.
    const later = { start: '2024-04-01', end: '2027-03-31', index: 5 };
    const ce = [
      course('2024-09-12', 3, 'live-online', { ...nysed, topics: ['boundaries'] }),
      ...filler(['2024-10-19', '2025-05-17', '2026-01-10'], 11, 'live-in-person', nysed),
    ];

    it('no longer accepts a course taken before 9/1/2025, and the plan asks for one completed since', () => {
      const e = run('NY', 'LCSW', { license, cycle: later, asOf: '2026-11-22', credits: [childAbuse, ...ce] });
      expect(e.ruleSet.version).toBe('2026-11-17');
      expect(unmet(e)).toEqual(['topic:child-abuse-reporting']);
      const item = e.plan.find((p) => p.code === 'topic:child-abuse-reporting');
      expect(item?.accepts.completedOnOrAfter).toBe('2025-09-01');
      expect(item?.description).toContain('completed on or after 2025-09-01');
    });

    it('accepts the updated course, taken on or after 9/1/2025, without crediting it toward the 36 hours', () => {
      const updated = course('2025-09-01', 2, 'self-study', { approvals: ['NYSED'], topics: ['child-abuse-reporting'], title: 'Child abuse: updated curriculum' });
      const e = run('NY', 'LMSW', { license, cycle: later, asOf: '2026-11-22', credits: [childAbuse, updated, ...ce] });
      expect(unmet(e)).toEqual([]);
      expect(e.totals.countedHours).toBe(36);
    });

    it('cycles ending before 11/17/2026 are judged by the earlier version, which does not date the course', () => {
      const e = run('NY', 'LCSW', { license, cycle: { start: '2023-10-01', end: '2026-09-30', index: 4 }, asOf: '2026-09-30', credits: [childAbuse, ...ce] });
      expect(e.ruleSet.version).toBe('2026-03-31');
      expect(unmet(e)).toEqual([]);
    });
  });
});
