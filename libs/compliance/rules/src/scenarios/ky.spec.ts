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
});
