import { course, filler, run, unmet } from './scenario';

describe('Georgia LCSW (35 h / cycle ending Sept 30 of even years)', () => {
  const license = { issuedOn: '2012-01-05' };
  const cycle = { start: '2024-10-01', end: '2026-09-30', index: 8 };
  const rest = [...filler(['2025-01-11', '2025-03-08'], 5, 'self-study', { practice: 'clinical' }), ...filler(['2025-05-17', '2025-09-27', '2026-02-21', '2026-06-13'], 5, 'live-in-person', { practice: 'clinical' })];

  it('meets the rules with synchronous ethics and 10 h online', () => {
    const e = run('GA', 'LCSW', { license, cycle, asOf: '2026-09-30', credits: [course('2024-11-09', 5, 'live-online', { topics: ['ethics'], title: 'Ethics webinar (synchronous)' }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('does not accept recorded (asynchronous) ethics', () => {
    const e = run('GA', 'LCSW', { license, cycle, asOf: '2026-09-30', credits: [course('2024-11-09', 5, 'self-study', { topics: ['ethics'], title: 'Recorded ethics course' }), ...rest] });
    expect(unmet(e)).toEqual(['total', 'topic:ethics']);
  });

  it('counts at most 5 h of independent study (presentations, articles) under the 2020 rule', () => {
    const credits = [
      course('2024-11-09', 5, 'live-online', { topics: ['ethics'], title: 'Ethics webinar (synchronous)' }),
      ...filler(['2025-05-17', '2025-09-27', '2026-02-21', '2026-06-13'], 5, 'live-in-person', { practice: 'clinical' }),
      course('2025-04-12', 6, 'teaching', { practice: 'clinical', title: 'Conference presentation' }),
      course('2026-03-07', 4, 'publication', { practice: 'clinical', title: 'Journal article' }),
    ];
    const e = run('GA', 'LCSW', { license, cycle, asOf: '2026-09-30', credits });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(30);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:activity:independent-study').reduce((s, x) => s + x.hours, 0)).toBe(5);
  });

  it('counts independent research as independent study', () => {
    const credits = [
      course('2024-11-09', 5, 'live-online', { topics: ['ethics'], title: 'Ethics webinar (synchronous)' }),
      ...filler(['2025-05-17', '2025-09-27', '2026-02-21', '2026-06-13', '2026-08-01'], 5, 'live-in-person', { practice: 'clinical' }),
      course('2025-04-12', 3, 'research', { practice: 'macro', macroAreas: ['research-evaluation'], title: 'Independent research' }),
      course('2026-03-07', 4, 'publication', { practice: 'clinical', title: 'Journal article' }),
    ];
    const e = run('GA', 'LCSW', { license, cycle, asOf: '2026-09-30', credits });
    expect(e.totals.countedHours).toBe(35);
    expect(e.excluded.filter((x) => x.ruleCode === 'cap:activity:independent-study').reduce((s, x) => s + x.hours, 0)).toBe(2);
  });
});
