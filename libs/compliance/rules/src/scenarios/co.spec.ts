import { course, filler, run, unmet } from './scenario';

describe('Colorado LCSW (40 PDH / 2 years ending Aug 31 of odd years; <= 20 PDH per activity category)', () => {
  const license = { issuedOn: '2011-04-01' };
  const cycle = { start: '2023-09-01', end: '2025-08-31', index: 8 };

  it('meets the rules with coursework, independent learning and volunteer service', () => {
    const e = run('CO', 'LCSW', {
      license, cycle, asOf: '2025-08-31',
      credits: [
        ...filler(['2023-11-04', '2024-03-09', '2024-09-14', '2025-02-08'], 5, 'live-online', { practice: 'clinical' }),
        course('2025-06-14', 5, 'self-study', { practice: 'clinical', title: 'Reading: journal articles on trauma treatment' }),
        course('2025-07-31', 15, 'other', { practice: 'macro', macroAreas: ['community-practice'], title: 'Volunteer service, community mental health coalition' }),
      ],
    });
    expect(unmet(e)).toEqual([]);
  });

  it('counts at most 20 PDH of coursework even when all 40 hours are courses', () => {
    const e = run('CO', 'LCSW', { license, cycle, asOf: '2025-08-31', credits: filler(['2023-11-04', '2024-03-09', '2024-09-14', '2025-02-08', '2025-06-14'], 8, 'live-in-person', { practice: 'clinical' }) });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(20);
    expect(e.excluded.every((x) => x.ruleCode === 'cap:activity:coursework')).toBe(true);
  });

  it('caps volunteer service, consultation and supervision at 20 PDH each, not together', () => {
    const credits = [
      course('2023-12-02', 16, 'volunteer-service', { practice: 'macro', macroAreas: ['community-practice'], title: 'Crisis line volunteer' }),
      course('2024-02-10', 8, 'professional-service', { practice: 'macro', macroAreas: ['policy-advocacy'], title: 'NASW-CO legislative committee' }),
      course('2024-06-01', 12, 'consultation', { practice: 'clinical', title: 'Peer consultation group' }),
      course('2025-01-18', 12, 'supervision-activity', { practice: 'clinical', title: 'Clinical supervision received' }),
    ];
    const e = run('CO', 'LCSW', { license, cycle, asOf: '2025-08-31', credits });
    // Volunteer service 16 + 8 = 24 → 20; consultation 12; supervision 12: 44 counted of 48.
    expect(unmet(e)).toEqual([]);
    expect(e.totals.countedHours).toBe(44);
    expect(e.excluded).toEqual([expect.objectContaining({ ruleCode: 'cap:activity:volunteer-service', hours: 4 })]);
  });

  it('puts activities of no named category (research, a board meeting, other) under one 20 PDH cap', () => {
    const credits = [
      course('2023-12-02', 12, 'research', { practice: 'macro', macroAreas: ['research-evaluation'], title: 'Program evaluation study' }),
      course('2024-06-01', 12, 'other', { practice: 'general', title: 'Reading group' }),
      ...filler(['2024-09-14', '2025-02-08'], 8, 'live-online', { practice: 'clinical' }),
    ];
    const e = run('CO', 'LCSW', { license, cycle, asOf: '2025-08-31', credits });
    expect(e.totals.countedHours).toBe(36);
    expect(e.excluded).toEqual([expect.objectContaining({ ruleCode: 'cap:format:other', hours: 4 })]);
  });
});
