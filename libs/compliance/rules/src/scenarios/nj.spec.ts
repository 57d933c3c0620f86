import { course, filler, run, unmet } from './scenario';

describe('New Jersey LCSW (40 h, 20 clinical, ethics and cultural competence not from the clinical 20)', () => {
  const license = { issuedOn: '2012-05-01' };

  it('derives the biennium ending Aug 31 of an even year and meets the rules', () => {
    const e = run('NJ', 'LCSW', {
      license, asOf: '2026-08-31',
      credits: [
        ...filler(['2024-10-05', '2025-01-25', '2025-04-26', '2025-09-13'], 5, 'live-online', { practice: 'clinical' }),
        course('2025-02-08', 5, 'live-online', { topics: ['ethics'] }),
        course('2025-06-14', 3, 'self-study', { topics: ['cultural-competence'] }),
        ...filler(['2025-11-08', '2026-03-21'], 6, 'live-in-person', { practice: 'macro', macroAreas: ['community-practice'] }),
      ],
    });
    expect(e.cycle).toMatchObject({ start: '2024-09-01', end: '2026-08-31' });
    expect(unmet(e)).toEqual([]);
  });

  it('does not let clinical hours double as ethics hours', () => {
    const e = run('NJ', 'LCSW', {
      license, asOf: '2026-08-31',
      credits: [
        ...filler(['2024-10-05', '2025-01-25', '2025-04-26'], 5, 'live-online', { practice: 'clinical' }),
        course('2025-02-08', 2, 'live-online', { practice: 'clinical' }),
        course('2025-05-10', 5, 'live-online', { topics: ['ethics'], practice: 'clinical', title: 'Clinical ethics' }),
        course('2025-06-14', 3, 'self-study', { topics: ['cultural-competence'] }),
        ...filler(['2025-11-08', '2026-03-21'], 7.5, 'live-in-person'),
      ],
    });
    expect(e.totals.countedHours).toBe(40);
    expect(unmet(e).length).toBe(1);
    expect(['practice:clinical', 'topic:ethics']).toContain(unmet(e)[0]);
  });

  it('asks a licensee licensed in the second year of the biennium for 20 h with 10 clinical, 3 ethics and 2 cultural competence', () => {
    // Licensed 2025-10-01, in the second year of 2024-09-01..2026-08-31: N.J.A.C. 13:44G-6.2(b).
    const e = run('NJ', 'LCSW', { license: { issuedOn: '2025-10-01' }, asOf: '2026-08-31', credits: [] });
    expect(e.cycle.firstRenewal).toBe(true);
    expect(e.requirements.map((r) => [r.code, r.requiredHours])).toEqual([
      ['total', 20],
      ['practice:clinical', 10],
      ['topic:ethics', 3],
      ['topic:cultural-competence', 2],
    ]);
    const met = run('NJ', 'LSW', {
      license: { issuedOn: '2025-10-01' }, asOf: '2026-08-31',
      credits: [
        course('2025-11-08', 3, 'live-online', { topics: ['ethics'] }),
        course('2026-01-10', 2, 'self-study', { topics: ['cultural-competence'] }),
        ...filler(['2026-02-07', '2026-04-18'], 5, 'live-in-person'),
      ],
    });
    expect(met.totals.requiredHours).toBe(15);
    expect(unmet(met)).toEqual([]);
  });
});

