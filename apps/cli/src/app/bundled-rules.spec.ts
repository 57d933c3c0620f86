/** Every bundled rule set must evaluate: a crash here would be a crash of `mezzo evaluate` for that license. */
import { evaluate, type Credit, type Evaluation } from '@mezzo/compliance-engine';
import { bundledRules } from './rule-source';

const credits: Credit[] = [
  { id: 'a', title: 'Ethics', completedOn: '2025-03-01', hours: 3, format: 'live-online', topics: ['ethics'], practice: { clinical: 1, macro: 1, general: 1 }, approvals: [{ body: 'ACE' }] },
  { id: 'b', title: 'Policy', completedOn: '2025-09-01', hours: 6, format: 'self-study', topics: [], practice: { clinical: 0, macro: 6, general: 0 }, macroAreas: ['policy-advocacy'] },
  { id: 'c', title: 'Clinical', completedOn: '2026-01-15', hours: 20, format: 'live-in-person', topics: ['suicide-prevention'], practice: { clinical: 20, macro: 0, general: 0 }, approvals: [{ body: 'board' }] },
];

describe('bundled rule sets', () => {
  const all = bundledRules.jurisdictions().flatMap((j) => j.licenseTypes.map((lt) => [j.jurisdiction, lt.code, lt] as const));

  it('are present', () => {
    expect(all.length).toBeGreaterThan(0);
  });

  it.each(all)('%s %s evaluates with its counted hours accounted for', (jurisdiction, code, licenseType) => {
    const e: Evaluation = evaluate(
      { jurisdiction, licenseType },
      { jurisdiction, licenseType: code, license: { issuedOn: '2012-03-04', birthDate: '1980-07-19' }, asOf: '2026-06-30', credits },
    );
    expect(['met', 'in-progress', 'overdue']).toContain(e.status);
    const total = e.requirements[0];
    expect(total.allocations.reduce((s, a) => s + Math.round(a.hours * 100), 0)).toBe(Math.round(e.totals.countedHours * 100));
    expect(['yes', 'capped', 'no']).toContain(e.advocacy.macroCountsTowardRenewal);
  });
});
