import { evaluate } from './evaluate';
import { credit, req, rules, testSource, transcript, version } from '../testing/fixtures';
import type { FirstRenewalRule } from '../model/rule-set.types';

// Cycle 2025-01-01..2026-12-31 (730 days); issued 2026-01-01 → held 365 days, in the second year.
const firstCycle = (credits = [credit(10)]) => transcript(credits, { license: { issuedOn: '2026-01-01' } });
const withFirst = (rule: FirstRenewalRule) => version({ firstRenewal: rule, requirements: [req('topic:ethics', 4, { topics: ['ethics'] })] });

describe('first renewal', () => {
  it('exempt: nothing is required in the first cycle', () => {
    const e = evaluate(rules(withFirst({ kind: 'exempt', source: testSource })), firstCycle([]));
    expect(e.cycle.firstRenewal).toBe(true);
    expect(e.status).toBe('met');
    expect(e.totals.requiredHours).toBe(0);
  });

  it('exempt with except: only the listed requirements stay due, with their full hours', () => {
    const v = version({
      firstRenewal: { kind: 'exempt', except: ['topic:child-abuse-reporting'], source: testSource },
      requirements: [req('topic:ethics', 4, { topics: ['ethics'] }), req('topic:child-abuse-reporting', 2, { topics: ['child-abuse-reporting'] })],
      caps: [{ code: 'cap:format:self-study', label: 'Self-study', max: { shareOfTotal: 0.5 }, match: { formats: ['self-study'] }, source: testSource }],
    });
    const none = evaluate(rules(v), firstCycle([]));
    expect(none.totals.requiredHours).toBe(0);
    expect(none.status).toBe('in-progress');
    expect(none.requirements.map((r) => [r.code, r.requiredHours, r.met])).toEqual([
      ['total', 0, true],
      ['topic:ethics', 0, true],
      ['topic:child-abuse-reporting', 2, false],
    ]);
    expect(none.plan.map((p) => [p.code, p.hours])).toEqual([['topic:child-abuse-reporting', 2]]);
    // A share-of-total cap is a share of the full total here, so it cannot shut the exception out.
    const done = evaluate(rules(v), firstCycle([credit(2, { topics: ['child-abuse-reporting'], format: 'self-study', completedOn: '2026-03-01' })]));
    expect(done.status).toBe('met');
    expect(done.excluded).toEqual([]);
    // Not the first renewal: everything is due as usual.
    const later = evaluate(rules(v), transcript([], { license: { issuedOn: '2020-01-01' } }));
    expect(later.requirements.map((r) => r.requiredHours)).toEqual([40, 4, 2]);
  });

  it('full: the whole requirement applies', () => {
    expect(evaluate(rules(withFirst({ kind: 'full', source: testSource })), firstCycle()).totals.requiredHours).toBe(40);
  });

  it('prorate: scaled by the share of the cycle held, rounded up', () => {
    const e = evaluate(rules(withFirst({ kind: 'prorate', source: testSource })), firstCycle());
    expect(e.totals.requiredHours).toBe(20);
    expect(e.requirements[1].requiredHours).toBe(2);
  });

  it('fraction applies only when issued after the given month of the cycle', () => {
    const rule: FirstRenewalRule = { kind: 'fraction', fraction: 0.5, whenIssuedAfterMonths: 12, source: testSource };
    expect(evaluate(rules(withFirst(rule)), firstCycle()).totals.requiredHours).toBe(20);
    const early = transcript([], { license: { issuedOn: '2025-12-31' } });
    expect(evaluate(rules(withFirst(rule)), early).totals.requiredHours).toBe(40);
  });

  it('prorate by month: started calendar months held over the cycle\'s months (NC LCSWA 40/20/10, ethics 4/2/1)', () => {
    const byMonth = withFirst({ kind: 'prorate', by: 'month', source: testSource });
    const held = (issuedOn: string) => evaluate(rules(byMonth), transcript([], { license: { issuedOn } }));
    // 12 months (2026-01-01 … 2026-12-31): 20 h and 2 ethics, where days would give 365/730.
    expect(held('2026-01-01').requirements.map((r) => r.requiredHours)).toEqual([20, 2]);
    // 6 months (2026-07-01 … 2026-12-31, 184 days): 10 h and 1 ethics hour; by day it is 10.08 → 11 h.
    expect(held('2026-07-01').requirements.map((r) => r.requiredHours)).toEqual([10, 1]);
    expect(evaluate(rules(withFirst({ kind: 'prorate', source: testSource })), transcript([], { license: { issuedOn: '2026-07-01' } })).totals.requiredHours).toBe(11);
    // A started month counts whole: 6 months and 15 days is 7 months → 40 × 7/24 = 11.67 → 12 h; ethics 4 × 7/24 → 2.
    expect(held('2026-06-16').requirements.map((r) => r.requiredHours)).toEqual([12, 2]);
    // The whole cycle held: nothing is reduced.
    expect(held('2025-01-01').requirements.map((r) => r.requiredHours)).toEqual([40, 4]);
  });

  it('fraction whenShorterThanCycle: only a first period shorter than the cycle is reduced (NC: 30 of 40 h)', () => {
    const v = version({
      firstRenewal: { kind: 'fraction', fraction: 0.75, whenShorterThanCycle: true, source: testSource },
      requirements: [{ ...req('topic:ethics', 4, { topics: ['ethics'] }), firstRenewalHours: 4 }],
      cycle: { months: 24, anchor: 'issue-date', source: testSource },
    });
    const at = (issuedOn: string, cycle?: { start: string; end: string }) =>
      evaluate(rules(v), transcript([], { license: { issuedOn }, asOf: '2026-06-30', ...(cycle ? { cycle } : {}) })).requirements.map((r) => r.requiredHours);
    // Derived from the issue date: always a full two years, even from a leap day (clamped anniversary).
    expect(at('2025-03-10')).toEqual([40, 4]);
    expect(at('2024-02-29')).toEqual([40, 4]);
    // A renewal date less than two years after issue: 30 h, ethics kept at 4.
    expect(at('2025-03-10', { start: '2025-03-10', end: '2027-01-31' })).toEqual([30, 4]);
    // Exactly two years: full.
    expect(at('2025-03-10', { start: '2025-03-10', end: '2027-03-09' })).toEqual([40, 4]);
    // Not the first period: full.
    expect(at('2020-03-10', { start: '2025-02-01', end: '2027-01-31' })).toEqual([40, 4]);
  });

  it('firstRenewalHours replaces the scaled minimum when, and only when, the renewal is reduced', () => {
    // NJ-like: half the total, but the board names 3 ethics hours rather than half of 5.
    const named = (rule: FirstRenewalRule) =>
      version({ firstRenewal: rule, requirements: [req('topic:ethics', 5, { topics: ['ethics'] }, { firstRenewalHours: 3 }), req('topic:cultural-competence', 3, { topics: ['cultural-competence'] })] });
    const fraction: FirstRenewalRule = { kind: 'fraction', fraction: 0.5, whenIssuedAfterMonths: 12, source: testSource };
    const hours = (e: ReturnType<typeof evaluate>) => e.requirements.map((r) => [r.code, r.requiredHours]);
    expect(hours(evaluate(rules(named(fraction)), firstCycle([])))).toEqual([
      ['total', 20],
      ['topic:ethics', 3],
      ['topic:cultural-competence', 1.5],
    ]);
    // Issued in the first year: not reduced, the full minimum.
    expect(hours(evaluate(rules(named(fraction)), transcript([], { license: { issuedOn: '2025-12-31' } })))).toEqual([
      ['total', 40],
      ['topic:ethics', 5],
      ['topic:cultural-competence', 3],
    ]);
    // Prorated with part of the cycle held: reduced, so named; a later cycle: full.
    expect(hours(evaluate(rules(named({ kind: 'prorate', source: testSource })), firstCycle([])))[1]).toEqual(['topic:ethics', 3]);
    expect(hours(evaluate(rules(named(fraction)), transcript([], { license: { issuedOn: '2020-01-01' } })))[1]).toEqual(['topic:ethics', 5]);
    // Exempt and full renewals are not "reduced": exempt asks nothing, full asks the full minimum.
    expect(hours(evaluate(rules(named({ kind: 'exempt', source: testSource })), firstCycle([])))[1]).toEqual(['topic:ethics', 0]);
    expect(hours(evaluate(rules(named({ kind: 'full', source: testSource })), firstCycle([])))[1]).toEqual(['topic:ethics', 5]);
  });

  it('later cycles are not scaled', () => {
    const e = evaluate(rules(withFirst({ kind: 'exempt', source: testSource })), transcript([], { license: { issuedOn: '2020-01-01' } }));
    expect(e.cycle.firstRenewal).toBe(false);
    expect(e.totals.requiredHours).toBe(40);
  });
});

describe('carryover', () => {
  const v = version({ carryover: { maxHours: 8, excludedTopics: ['ethics'], source: testSource } });

  it('applies brought-in hours up to the cap toward the total only', () => {
    const e = evaluate(rules(v), transcript([credit(30)], { carryoverHours: 12 }));
    expect(e.totals.countedHours).toBe(38);
    expect(e.carryover).toEqual({ broughtIn: 12, applied: 8, nextCycle: 0 });
    expect(e.requirements[0].allocations).toContainEqual({ creditId: 'carryover', hours: 8 });
  });

  it('ignores carryover when the rule set allows none', () => {
    expect(evaluate(rules(version()), transcript([credit(30)], { carryoverHours: 5 })).totals.countedHours).toBe(30);
  });

  it('offers surplus to the next cycle, capped, never from excluded topics', () => {
    const e = evaluate(rules(v), transcript([credit(40), credit(6, { topics: ['ethics'] }), credit(3)]));
    expect(e.carryover?.nextCycle).toBe(8);
    const ethicsOnly = evaluate(rules(v), transcript([credit(40, { topics: ['ethics'] }), credit(2)]));
    expect(ethicsOnly.carryover?.nextCycle).toBe(2);
  });
});
