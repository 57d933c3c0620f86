import { course, filler, run, unmet } from './scenario';

describe('Kentucky LCSW (30 h / 3 years; KBSW-approved Kentucky ethics)', () => {
  const license = { issuedOn: '2014-06-15' };
  const cycle = { start: '2023-06-15', end: '2026-06-14', index: 3 };
  const rest = [course('2023-10-07', 1.5, 'self-study', { topics: ['pediatric-head-trauma'] }), course('2024-02-10', 6, 'live-online', { topics: ['suicide-prevention'], practice: 'clinical' }), ...filler(['2024-06-22', '2025-01-18', '2025-08-16'], 6.5, 'live-in-person', { practice: 'clinical' })];

  it('meets the rules incl. the 6-yearly pediatric head trauma and suicide training', () => {
    const e = run('KY', 'LCSW', { license, cycle, asOf: '2026-06-14', credits: [course('2023-09-09', 3, 'self-study', { topics: ['ethics'], approvals: ['board'], title: 'Kentucky social work ethics (KBSW-ETHICS approved)' }), ...rest] });
    expect(unmet(e)).toEqual([]);
  });

  it('does not accept an ethics course without KBSW approval', () => {
    const e = run('KY', 'LCSW', { license, cycle, asOf: '2026-06-14', credits: [course('2023-09-09', 3, 'self-study', { topics: ['ethics'], approvals: ['ACE'] }), ...rest] });
    expect(unmet(e)).toEqual(['topic:ethics']);
  });

  describe('board-approved supervisor (3 h refresher each renewal period)', () => {
    const ethics = course('2023-09-09', 3, 'self-study', { topics: ['ethics'], approvals: ['board'], title: 'Kentucky social work ethics (KBSW-ETHICS approved)' });
    const supervisor = { ...license, roles: ['supervisor'] };

    it('accepts a KBSW-approved supervisor refresher', () => {
      const e = run('KY', 'LCSW', { license: supervisor, cycle, asOf: '2026-06-14', credits: [ethics, course('2025-11-08', 3, 'live-online', { topics: ['supervision'], approvals: ['board'], title: 'KBSW supervisor refresher' }), ...rest] });
      expect(unmet(e)).toEqual([]);
    });

    it('does not accept a supervision course approved only by ASWB ACE', () => {
      const e = run('KY', 'LCSW', { license: supervisor, cycle, asOf: '2026-06-14', credits: [ethics, course('2025-11-08', 3, 'live-online', { topics: ['supervision'], approvals: ['ACE'] }), ...rest] });
      expect(unmet(e)).toEqual(['topic:supervision']);
    });
  });

  it('accepts head trauma and suicide training from the previous period while within six years, not after', () => {
    const ethics = course('2026-09-12', 3, 'self-study', { topics: ['ethics'], approvals: ['board'], title: 'Kentucky social work ethics (KBSW-ETHICS approved)' });
    const hours = filler(['2026-10-03', '2027-04-17', '2028-01-22', '2028-09-09'], 6.75, 'live-in-person', { practice: 'clinical' });
    // Next period 2026-06-15..2029-06-14: the 2023/2024 courses of `rest` are within six years of its end.
    const next = run('KY', 'LCSW', { license, cycle: { start: '2026-06-15', end: '2029-06-14', index: 4 }, asOf: '2029-06-14', credits: [ethics, ...rest.slice(0, 2), ...hours] });
    expect(unmet(next)).toEqual([]);
    // The period after: they are more than six years old by 2032-06-14.
    const after = run('KY', 'LCSW', { license, cycle: { start: '2029-06-15', end: '2032-06-14', index: 5 }, asOf: '2032-06-14', credits: rest.slice(0, 2) });
    expect(unmet(after)).toEqual(expect.arrayContaining(['topic:pediatric-head-trauma', 'topic:suicide-prevention']));
  });
});

