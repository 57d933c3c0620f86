import { course, filler, run, unmet } from './scenario';

describe('Washington LICSW (36 h / 2 years; board and community service capped at 6)', () => {
  const license = { issuedOn: '2016-03-15', birthDate: '1979-03-15' };
  const cycle = { start: '2024-03-15', end: '2026-03-14', index: 4 };
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
});
