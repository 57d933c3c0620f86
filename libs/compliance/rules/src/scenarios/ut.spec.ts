import { course, filler, run, unmet } from './scenario';

describe('Utah LCSW (40 h / cycle ending Sept 30 of even years)', () => {
  const license = { issuedOn: '2013-01-15' };
  const cycle = { start: '2024-10-01', end: '2026-09-30', index: 7 };
  const base = [course('2024-12-06', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'] }), course('2025-02-07', 15, 'self-study', { practice: 'clinical' }), ...filler(['2025-06-13', '2026-01-16'], 8.5, 'live-in-person', { practice: 'clinical' })];

  it('meets the rules', () => {
    const e = run('UT', 'LCSW', { license, cycle, asOf: '2026-09-30', credits: [...base, course('2026-04-10', 2, 'live-online', { topics: ['suicide-prevention'], practice: 'clinical' })] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags the suicide prevention course', () => {
    const e = run('UT', 'LCSW', { license, cycle, asOf: '2026-09-30', credits: [...base, course('2026-04-10', 2, 'live-online', { practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:suicide-prevention']);
  });
});
