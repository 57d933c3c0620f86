import { course, filler, requirement, run, unmet } from './scenario';

describe('Washington LICSW (36 h / 2 years; board and community service capped at 6)', () => {
  const license = { issuedOn: '2016-03-15', birthDate: '1979-03-15' };
  // Suicide training is due in cycles 2, 5, 8, ... (first full reporting period, then every 6 years);
  // health equity in even cycles (every 4 years): both are due in cycle 8.
  const cycle = { start: '2024-03-15', end: '2026-03-14', index: 8 };
  const required = [
    course('2024-05-04', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'] }),
    course('2024-08-17', 6, 'live-in-person', { topics: ['suicide-prevention'], practice: 'clinical' }),
    course('2024-11-09', 2, 'self-study', { topics: ['health-equity'] }),
  ];

  it('meets the rules incl. suicide (every 6 years) and health equity (every 4 years) due this period', () => {
    const e = run('WA', 'LICSW', { license, cycle, asOf: '2026-03-14', credits: [...required, ...filler(['2025-01-25', '2025-06-07', '2025-10-04'], 6, 'live-online', { practice: 'clinical' }), course('2025-12-01', 4, 'other', { practice: 'macro', macroAreas: ['community-practice'], title: 'County behavioral health board' })] });
    expect(unmet(e)).toEqual([]);
    expect(e.requirements.map((r) => r.code)).toContain('topic:suicide-prevention');
  });

  it('counts at most 6 h of board and community service', () => {
    const e = run('WA', 'LICSW', { license, cycle, asOf: '2026-03-14', credits: [...required, ...filler(['2025-01-25', '2025-06-07'], 5, 'live-online', { practice: 'clinical' }), course('2025-12-01', 12, 'other', { practice: 'macro', macroAreas: ['policy-advocacy'], title: 'State advisory council service' })] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.excluded.some((x) => x.ruleCode === 'cap:activity:other-learning' && x.hours === 6)).toBe(true);
  });

  it('counts every activity that is not a course toward the same 6 h (WAC 246-809-610(5))', () => {
    const activities = [
      course('2025-02-01', 3, 'professional-service', { practice: 'macro', macroAreas: ['policy-advocacy'], title: 'State advisory council' }),
      course('2025-04-05', 3, 'volunteer-service', { practice: 'macro', macroAreas: ['community-practice'], title: 'Food bank board' }),
      course('2025-07-12', 2, 'consultation', { practice: 'clinical', title: 'Peer consultation' }),
      course('2025-09-06', 2, 'research', { practice: 'macro', macroAreas: ['research-evaluation'], title: 'Outcome study' }),
      course('2025-11-01', 2, 'publication', { practice: 'clinical', title: 'Journal article' }),
    ];
    const e = run('WA', 'LICSW', { license, cycle, asOf: '2026-03-14', credits: [...required, ...filler(['2025-01-25', '2025-06-07', '2025-10-04'], 6, 'live-online', { practice: 'clinical' }), ...activities] });
    // 14 + 18 of courses, 6 of the 12 activity hours: 38 → 36 needed, met; 6 h excluded by the one cap.
    expect(unmet(e)).toEqual([]);
    expect(e.totals.countedHours).toBe(38);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:activity:other-learning').reduce((sum, x) => sum + x.hours, 0)).toBe(6);
  });

  it('counts at most 26 h of training sponsored by the employer (WAC 246-809-610(4))', () => {
    const agency = filler(['2024-12-07', '2025-02-22', '2025-05-10', '2025-08-16', '2025-11-15'], 6, 'live-in-person', { practice: 'clinical', approvals: ['employer'] });
    const e = run('WA', 'LICSW', { license, cycle, asOf: '2026-03-14', credits: [...required, ...agency] });
    // 14 required + 26 of the 30 agency hours = 40: met, 4 h over the cap.
    expect(unmet(e)).toEqual([]);
    expect(e.totals.countedHours).toBe(40);
    expect(e.excluded).toEqual([expect.objectContaining({ ruleCode: 'cap:approval:employer', hours: 4 })]);
  });

  describe('suicide training: first in the first full reporting period after licensure (RCW 43.70.442)', () => {
    const newLicense = { issuedOn: '2023-06-01', birthDate: '1990-03-15' };
    const codes = (index: number, start: string, end: string) =>
      run('WA', 'LASW', { license: newLicense, cycle: { start, end, index }, asOf: end, credits: [] }).requirements.map((r) => r.code);

    it('is not due in the period that starts on the issue date', () => {
      expect(codes(1, '2023-06-01', '2025-03-15')).not.toContain('topic:suicide-prevention');
    });

    it('is due from the first full period on, met by a course within the last six years (a rolling window)', () => {
      expect(codes(2, '2025-03-16', '2027-03-15')).toContain('topic:suicide-prevention');
      const period = (index: number, start: string, end: string, credits: ReturnType<typeof filler>) =>
        run('WA', 'LASW', { license: newLicense, cycle: { start, end, index }, asOf: end, credits });
      const taken = filler(['2025-06-01'], 6, 'live-online', { topics: ['suicide-prevention'], title: 'Suicide assessment, treatment and management' });
      // Taken in period 2: still valid at the end of periods 3 and 4 (within six years), no longer in period 5.
      expect(requirement(period(3, '2027-03-16', '2029-03-15', taken), 'topic:suicide-prevention')).toMatchObject({ met: true });
      expect(requirement(period(4, '2029-03-16', '2031-03-15', taken), 'topic:suicide-prevention')).toMatchObject({ met: true });
      const fifth = period(5, '2031-03-16', '2033-03-15', taken);
      expect(requirement(fifth, 'topic:suicide-prevention')).toMatchObject({ met: false });
      expect(fifth.plan.find((p) => p.code === 'topic:suicide-prevention')?.accepts.completedOnOrAfter).toBe('2027-03-16');
    });
  });

  it('requires the 6 h suicide training of associates too, within the last six years', () => {
    const associate = { issuedOn: '2024-09-10', birthDate: '1995-01-20' };
    const e = run('WA', 'LSWAIC', { license: associate, cycle: { start: '2025-01-21', end: '2026-01-20', index: 2 }, asOf: '2026-01-20', credits: [...filler(['2025-03-01', '2025-06-01', '2025-09-01'], 6, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:suicide-prevention']);
    expect(requirement(e, 'topic:suicide-prevention').requiredHours).toBe(6);
    // Taken in the second annual period: the later periods' renewals accept it until six years have passed.
    const taken = filler(['2025-10-01'], 6, 'live-online', { topics: ['suicide-prevention'] });
    const later = run('WA', 'LSWAIC', { license: associate, cycle: { start: '2026-01-21', end: '2027-01-20', index: 3 }, asOf: '2027-01-20', credits: taken });
    expect(requirement(later, 'topic:suicide-prevention').met).toBe(true);
    const expired = run('WA', 'LSWAIC', { license: associate, cycle: { start: '2031-01-21', end: '2032-01-20', index: 8 }, asOf: '2032-01-20', credits: taken });
    expect(requirement(expired, 'topic:suicide-prevention').met).toBe(false);
  });
});
