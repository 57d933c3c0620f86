import { course, filler, run, unmet } from './scenario';

describe('Massachusetts LICSW (30 h / 2 years on the birthday; anti-racism from 9/28/2023)', () => {
  const license = { issuedOn: '2009-05-20', birthDate: '1975-05-20' };
  const cycle = { start: '2024-05-20', end: '2026-05-19', index: 9 };
  const nasw = { approvals: ['NASW'] };
  const rest = [...filler(['2024-09-14', '2025-01-18', '2025-06-21'], 7, 'live-online', { ...nasw, practice: { clinical: 4, macro: 3 }, macroAreas: ['policy-advocacy'] }), course('2025-11-15', 6, 'self-study', { approvals: ['APA'] })];

  it('meets the rules with the 3 h anti-oppression content', () => {
    const e = run('MA', 'LICSW', { license, cycle, asOf: '2026-05-19', credits: [course('2024-07-13', 3, 'live-online', { ...nasw, topics: ['anti-oppression'] }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags missing anti-racism / anti-discrimination hours', () => {
    const e = run('MA', 'LICSW', { license, cycle, asOf: '2026-05-19', credits: [course('2024-07-13', 3, 'live-online', nasw), ...rest] });
    expect(unmet(e)).toEqual(['topic:anti-oppression']);
  });

  it('caps courses approved only for other professions at 25%', () => {
    const e = run('MA', 'LICSW', { license, cycle, asOf: '2026-05-19', credits: [course('2024-07-13', 3, 'live-online', { ...nasw, topics: ['anti-oppression'] }), ...filler(['2024-09-14', '2025-01-18'], 7, 'live-online', nasw), ...filler(['2025-06-21', '2025-11-15'], 6.5, 'self-study', { approvals: ['APA'] })] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(24.5);
  });

  it('counts in full a course approved by both ASWB ACE and APA (social-work approved)', () => {
    const dual = { approvals: ['ACE', 'APA'] };
    const e = run('MA', 'LICSW', { license, cycle, asOf: '2026-05-19', credits: [course('2024-07-13', 3, 'live-online', { ...nasw, topics: ['anti-oppression'] }), course('2024-09-14', 12, 'live-online', nasw), course('2025-06-21', 15, 'self-study', dual)] });
    expect(unmet(e)).toEqual([]);
    expect(e.totals.countedHours).toBe(30);
  });

  it('caps credits without any recognized social-work approval at 25%', () => {
    const e = run('MA', 'LICSW', { license, cycle, asOf: '2026-05-19', credits: [course('2024-07-13', 3, 'live-online', { ...nasw, topics: ['anti-oppression'] }), course('2024-09-14', 17, 'live-online', nasw), course('2025-06-21', 10, 'live-in-person')] });
    expect(unmet(e)).toEqual(['total']);
    expect(e.totals.countedHours).toBe(27.5);
  });
});
