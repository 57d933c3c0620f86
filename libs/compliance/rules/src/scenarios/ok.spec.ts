import { course, requirement, run, unmet } from './scenario';

describe('Oklahoma LSW-Adm (16 h every calendar year; 8 h Category I live)', () => {
  const license = { issuedOn: '2012-04-01' };
  const cycle = { start: '2025-01-01', end: '2025-12-31', index: 14 };
  const ace = { approvals: ['ACE'] };
  const macro = { ...ace, practice: 'macro' as const, macroAreas: ['administration-leadership' as const] };

  it('meets the rules', () => {
    const e = run('OK', 'LSW-Adm', { license, cycle, asOf: '2025-12-31', credits: [course('2025-02-20', 3, 'live-online', { ...ace, topics: ['ethics'] }), course('2025-05-15', 6, 'live-in-person', macro), course('2025-09-10', 7, 'self-study', macro)] });
    expect(unmet(e)).toEqual([]);
  });

  it('flags Category I (live) hours when everything was recorded', () => {
    const e = run('OK', 'LSW-Adm', { license, cycle, asOf: '2025-12-31', credits: [course('2025-02-20', 3, 'self-study', { ...ace, topics: ['ethics'] }), course('2025-05-15', 13, 'self-study', macro)] });
    expect(unmet(e)).toEqual(['format:live']);
  });

  it('holding LCSW too: 22 h of which 14 Category I (6 more per additional license); one set of 3 ethics hours', () => {
    const credits = [course('2025-02-20', 3, 'live-online', { ...ace, topics: ['ethics'] }), course('2025-05-15', 6, 'live-in-person', macro), course('2025-09-10', 7, 'self-study', macro)];
    const dual = run('OK', 'LSW-Adm', { license: { ...license, otherLicenses: ['LCSW'] }, cycle, asOf: '2025-12-31', credits });
    expect(unmet(dual)).toEqual(['total', 'format:live']);
    expect(requirement(dual, 'total')).toMatchObject({ requiredHours: 22, countedHours: 16 });
    expect(requirement(dual, 'format:live')).toMatchObject({ requiredHours: 14, countedHours: 9 });
    expect(requirement(dual, 'topic:ethics')).toMatchObject({ requiredHours: 3, met: true });
    expect(requirement(dual, 'total').note).toMatch(/^Includes 6 h for 1 other license held \(LCSW\): OAC 675:15-1-3\(a\)/);
    const more = run('OK', 'LSW-Adm', { license: { ...license, otherLicenses: ['LCSW'] }, cycle, asOf: '2025-12-31', credits: [...credits, course('2025-10-01', 6, 'live-online', macro)] });
    expect(unmet(more)).toEqual([]);
  });
});
