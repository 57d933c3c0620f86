import { course, filler, run, unmet } from './scenario';

describe('Ohio LISW-S (30 h / 2 years from licensure)', () => {
  const license = { issuedOn: '2010-05-10', roles: ['supervisor'] };
  const cycle = { start: '2024-05-10', end: '2026-05-09', index: 9 };
  const ace = { approvals: ['ACE'] };
  const base = [course('2024-08-03', 3, 'self-study', { ...ace, topics: ['ethics'] }), ...filler(['2024-10-05', '2025-03-01', '2025-09-13'], 8, 'self-study', { ...ace, practice: 'clinical' })];

  it('meets the rules (all hours may be distance learning)', () => {
    const e = run('OH', 'LISW', { license, cycle, asOf: '2026-05-09', credits: [...base, course('2026-01-24', 3, 'live-online', { ...ace, topics: ['supervision'] })] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags the supervisory training of an LISW-S', () => {
    const e = run('OH', 'LISW', { license, cycle, asOf: '2026-05-09', credits: [...base, course('2026-01-24', 3, 'live-online', { ...ace, practice: 'clinical' })] });
    expect(unmet(e)).toEqual(['topic:supervision']);
  });

  it('requires 15 h of a social work assistant renewing after 4/5/2023 (HB 509), 30 h before', () => {
    const swa = { issuedOn: '2015-02-01' };
    const after = run('OH', 'SWA', { license: swa, cycle: { start: '2024-02-01', end: '2026-01-31', index: 6 }, asOf: '2026-01-31', credits: [course('2024-06-01', 3, 'live-online', { ...ace, topics: ['ethics'] }), course('2025-06-01', 12, 'self-study', ace)] });
    expect(after.totals.requiredHours).toBe(15);
    expect(after.status).toBe('met');
    const before = run('OH', 'SWA', { license: swa, cycle: { start: '2021-02-01', end: '2023-01-31', index: 5 }, asOf: '2023-01-31', credits: [] });
    expect(before.totals.requiredHours).toBe(30);
  });
});
