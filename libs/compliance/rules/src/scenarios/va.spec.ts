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

  it('counts at most 2 h of unpaid social work services at a health department or free clinic', () => {
    const credits = [
      course('2024-09-07', 6, 'live-online', { topics: ['ethics', 'laws-and-rules'] }),
      ...filler(['2024-10-19', '2025-03-22', '2025-09-27'], 6, 'live-online', { practice: 'clinical' }),
      course('2026-03-14', 6, 'volunteer-service', { practice: 'clinical', title: 'Free clinic, 18 hours of service' }),
    ];
    const e = run('VA', 'LCSW', { license, cycle, asOf: '2026-06-30', credits });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(26);
    expect(e.excluded).toEqual([expect.objectContaining({ ruleCode: 'cap:format:volunteer-service', hours: 4 })]);
  });
});
