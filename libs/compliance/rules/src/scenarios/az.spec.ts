import { course, filler, run, unmet } from './scenario';

describe('Arizona LCSW (30 h / 2 years; ethics, cultural competency and the AZ tutorial)', () => {
  const license = { issuedOn: '2012-11-01' };
  const cycle = { start: '2024-11-01', end: '2026-10-31', index: 7 };
  const base = [
    course('2025-01-11', 3, 'live-online', { topics: ['ethics'] }),
    course('2025-02-15', 3, 'live-online', { topics: ['cultural-competence'] }),
    ...filler(['2025-05-03', '2025-09-20', '2026-03-28'], 7, 'live-in-person', { practice: 'clinical' }),
  ];

  it('meets the rules', () => {
    const e = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-06', 3, 'self-study', { topics: ['laws-and-rules'], title: 'Arizona Statutes/Regulations Tutorial' })] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags the missing Arizona tutorial', () => {
    const e = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-06', 3, 'self-study', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:laws-and-rules']);
  });

  it('caps Board meeting attendance at 6 h and Board or ARC service at 10 h (R4-6-802(B))', () => {
    const tutorial = course('2026-06-06', 3, 'self-study', { topics: ['laws-and-rules'], title: 'Arizona Statutes/Regulations Tutorial' });
    const credits = [
      course('2025-01-11', 3, 'live-online', { topics: ['ethics'] }),
      course('2025-02-15', 3, 'live-online', { topics: ['cultural-competence'] }),
      tutorial,
      course('2025-04-17', 8, 'board-meeting', { practice: 'macro', macroAreas: ['policy-advocacy'], title: 'Board of Behavioral Health Examiners meetings (4)' }),
      course('2025-10-01', 12, 'board-service', { practice: 'macro', macroAreas: ['administration-leadership'], title: 'Academic Review Committee member' }),
      course('2026-02-07', 3, 'live-in-person', { practice: 'clinical' }),
    ];
    const e = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits });
    // 3 + 3 + 3 + 6 of 8 + 10 of 12 + 3 = 28 of 30.
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(28);
    const lost = (code: string) => e.excluded.filter((x) => x.ruleCode === code).reduce((sum, x) => sum + x.hours, 0);
    expect(lost('cap:format:board-meeting')).toBe(2);
    expect(lost('cap:format:board-service')).toBe(2);
    // Logged as "other", the same hours are not capped: the board's caps name these activities only.
    const asOther = run('AZ', 'LCSW', { license, cycle, asOf: '2026-10-31', credits: credits.map((c) => (c.format === 'board-meeting' || c.format === 'board-service' ? { ...c, format: 'other' as const } : c)) });
    expect(asOther.totals.countedHours).toBe(32);
  });
});
