import { course, filler, run, unmet } from './scenario';

describe('Virginia LCSW (30 h every 2 years, attested at even-year June 30 renewals)', () => {
  const license = { issuedOn: '2013-03-01' };
  const cycle = { start: '2024-07-01', end: '2026-06-30', index: 7 };
  const rest = filler(['2024-10-19', '2025-03-22', '2025-09-27', '2026-02-28'], 6, 'live-online', { practice: 'clinical' });

  it('meets the rules', () => {
    const e = run('VA', 'LCSW', { license, cycle, asOf: '2026-06-30', credits: [course('2024-09-07', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'] }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags ethics/standards/law below 6 h', () => {
    const e = run('VA', 'LCSW', { license, cycle, asOf: '2026-06-30', credits: [course('2024-09-07', 3, 'live-online', { topics: ['ethics'] }), course('2024-09-08', 3, 'live-online'), ...rest] });
    expect(unmet(e)).toEqual(['topic:ethics+laws-and-rules']);
  });
});
