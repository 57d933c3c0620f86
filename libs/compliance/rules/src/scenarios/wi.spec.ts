import { course, filler, run, unmet } from './scenario';

describe('Wisconsin LCSW (30 h / biennium ending Feb 28 of odd years)', () => {
  const license = { issuedOn: '2012-08-01' };
  const cycle = { start: '2023-03-01', end: '2025-02-28', index: 7 };
  const rest = filler(['2023-06-10', '2023-11-18', '2024-04-13', '2024-10-05'], 6.5, 'live-online', { practice: 'clinical' });

  it('meets the rules', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits: [course('2023-04-15', 4, 'live-online', { topics: ['ethics', 'boundaries'] }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags ethics and boundaries below 4 h', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', credits: [course('2023-04-15', 2, 'live-online', { topics: ['ethics'] }), course('2023-04-16', 2, 'live-online'), ...rest] });
    expect(unmet(e)).toEqual(['topic:ethics+boundaries']);
  });

  it('applies no carryover: the 30 hours fall within the credential period', () => {
    const e = run('WI', 'LCSW', { license, cycle, asOf: '2025-02-28', carryoverHours: 6, credits: [course('2023-04-15', 4, 'live-online', { topics: ['ethics', 'boundaries'] }), ...rest.slice(0, 3)] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(23.5);
  });
});
