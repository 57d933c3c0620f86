import { course, filler, run, unmet } from './scenario';

describe('Maryland LCSW-C (40 CEUs / 2 years ending Oct 31 of even years; anti-oppression from 10/31/2024)', () => {
  const license = { issuedOn: '2010-03-01' };
  const cycle = { start: '2024-11-01', end: '2026-10-31', index: 9 };
  const ace = { approvals: ['ACE'] };
  const base = [course('2024-12-07', 3, 'live-online', { ...ace, topics: ['ethics'] }), ...filler(['2025-02-22', '2025-06-28', '2025-11-15', '2026-04-18'], 8.5, 'live-online', { ...ace, practice: 'clinical' })];

  it('meets the 2024 rule', () => {
    const e = run('MD', 'LCSW-C', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-20', 3, 'live-online', { ...ace, topics: ['anti-oppression'], practice: 'macro', macroAreas: ['policy-advocacy'], title: 'Racial equity and social justice in practice' })] });
    expect(unmet(e)).toEqual([]);
  });

  it('requires the anti-oppression hours to be Category I (Board-authorized sponsor)', () => {
    const e = run('MD', 'LCSW-C', { license, cycle, asOf: '2026-10-31', credits: [...base, course('2026-06-20', 3, 'live-online', { topics: ['anti-oppression'], title: 'Anti-racism workshop (no sponsor approval)' })] });
    expect(unmet(e)).toEqual(['topic:anti-oppression+implicit-bias']);
  });
});
