import { evaluate } from './evaluate';
import { credit, req, rules, testSource, transcript, version } from '../testing/fixtures';
import type { Frequency, RuleSetVersion } from '../model/rule-set.types';
import { cyclesSince } from './applicability';
import { toDay } from '../dates/iso-date';

const codes = (e: ReturnType<typeof evaluate>) => e.requirements.map((r) => r.code);
const withFrequency = (frequency: Frequency, hours = 3): RuleSetVersion => version({ requirements: [req('topic:ethics', hours, { topics: ['ethics'] }, { frequency })] });
// Issued 2021-01-10: cycle 1 = 2021-01-10..2022-12-31, cycle 2 ends 2024, cycle 3 ends 2026.
const inCycle = (index: number, credits = [credit(40)]) =>
  transcript(credits, { license: { issuedOn: '2021-01-10' }, asOf: `${2020 + 2 * index}-06-30` });

describe('frequency', () => {
  it('every-nth-cycle is due in cycles n, 2n, …', () => {
    const v = withFrequency({ kind: 'every-nth-cycle', n: 2 });
    expect(codes(evaluate(rules(v), inCycle(1)))).toEqual(['total']);
    expect(codes(evaluate(rules(v), inCycle(2)))).toEqual(['total', 'topic:ethics']);
    expect(codes(evaluate(rules(v), inCycle(3)))).toEqual(['total']);
  });

  it('alternating requirements take turns', () => {
    const v = version({
      requirements: [
        req('topic:ethics', 3, { topics: ['ethics'] }, { frequency: { kind: 'alternating', group: 'fl', index: 0, of: 2 } }),
        req('topic:telehealth', 2, { topics: ['telehealth'] }, { frequency: { kind: 'alternating', group: 'fl', index: 1, of: 2 } }),
      ],
    });
    expect(codes(evaluate(rules(v), inCycle(1)))).toEqual(['total', 'topic:telehealth']);
    expect(codes(evaluate(rules(v), inCycle(2)))).toEqual(['total', 'topic:ethics']);
  });

  it('alternating with anchorCycleEnd rotates by the calendar, the same for every license', () => {
    const group = (index: number) => ({ kind: 'alternating' as const, group: 'g', index, of: 2, anchorCycleEnd: '2022-12-31' });
    const v = version({
      requirements: [req('topic:ethics', 3, { topics: ['ethics'] }, { frequency: group(0) }), req('topic:telehealth', 2, { topics: ['telehealth'] }, { frequency: group(1) })],
    });
    // Fixed 24-month cycles ending 12/31 of even years. The cycle ending 2022-12-31 is position 0.
    const at = (end: string, index: number) => transcript([credit(40)], { cycle: { start: `${Number(end.slice(0, 4)) - 1}-01-01`, end, index }, asOf: end });
    expect(codes(evaluate(rules(v), at('2022-12-31', 1)))).toEqual(['total', 'topic:ethics']);
    expect(codes(evaluate(rules(v), at('2024-12-31', 1)))).toEqual(['total', 'topic:telehealth']);
    // Same cycle, another license index: same requirement (without the anchor, index 2 would flip it).
    expect(codes(evaluate(rules(v), at('2024-12-31', 2)))).toEqual(['total', 'topic:telehealth']);
    expect(codes(evaluate(rules(v), at('2026-12-31', 7)))).toEqual(['total', 'topic:ethics']);
    // Before the anchor too.
    expect(codes(evaluate(rules(v), at('2020-12-31', 1)))).toEqual(['total', 'topic:telehealth']);
  });

  it('cyclesSince counts whole cycles between cycle ends, rounding ends that fall a few days off', () => {
    expect(cyclesSince(toDay('2023-03-31'), toDay('2025-03-31'), 24)).toBe(1);
    expect(cyclesSince(toDay('2023-03-31'), toDay('2027-03-31'), 24)).toBe(2);
    expect(cyclesSince(toDay('2023-03-31'), toDay('2021-03-31'), 24)).toBe(-1);
    expect(cyclesSince(toDay('2023-03-31'), toDay('2025-04-02'), 24)).toBe(1);
    expect(cyclesSince(toDay('2023-03-31'), toDay('2026-03-31'), 12)).toBe(3);
    expect(cyclesSince(toDay('2023-03-31'), toDay('2029-03-31'), 36)).toBe(2);
  });

  it('per-year-of-cycle multiplies by the years of the cycle', () => {
    const v = version({ cycle: { months: 36, anchor: 'fixed', month: 12, day: 31, endYear: 2027, source: testSource }, requirements: [req('topic:implicit-bias', 1, { topics: ['implicit-bias'] }, { frequency: { kind: 'per-year-of-cycle' } })] });
    const e = evaluate(rules(v), transcript([credit(2, { topics: ['implicit-bias'] })], { asOf: '2026-01-01' }));
    expect(e.requirements[1]).toMatchObject({ requiredHours: 3, countedHours: 2, met: false });
  });

  it('once-per-career accepts a credit from an earlier cycle without crediting the total', () => {
    const v = withFrequency({ kind: 'once-per-career' }, 6);
    const e = evaluate(rules(v), transcript([credit(6, { id: 'old', topics: ['ethics'], completedOn: '2019-03-01' }), credit(40)]));
    expect(e.requirements[1]).toMatchObject({ code: 'topic:ethics', met: true, allocations: [{ creditId: 'old', hours: 6 }] });
    expect(e.totals.countedHours).toBe(40);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'old', reason: 'outside-cycle' })]);
  });

  it('once-per-career does not accept a credit completed after the cycle', () => {
    const v = withFrequency({ kind: 'once-per-career' }, 6);
    const e = evaluate(rules(v), transcript([credit(6, { topics: ['ethics'], completedOn: '2027-03-01' })]));
    expect(e.requirements[1].met).toBe(false);
  });

  it('within-years takes credits from the window ending on the cycle end, before the cycle too', () => {
    // Cycle 2025-01-01..2026-12-31; a 6-year window starts on 2021-01-01.
    const v = withFrequency({ kind: 'within-years', years: 6 }, 6);
    const atStart = evaluate(rules(v), transcript([credit(6, { id: 'w', topics: ['ethics'], completedOn: '2021-01-01' }), credit(40)]));
    expect(atStart.requirements[1]).toMatchObject({ code: 'topic:ethics', met: true, allocations: [{ creditId: 'w', hours: 6 }] });
    // Served from before the cycle: not counted toward the total, like a once-per-career credit.
    expect(atStart.totals.countedHours).toBe(40);
    expect(atStart.excluded).toEqual([expect.objectContaining({ creditId: 'w', reason: 'outside-cycle' })]);
    const tooOld = evaluate(rules(v), transcript([credit(6, { id: 'old', topics: ['ethics'], completedOn: '2020-12-31' }), credit(40)]));
    expect(tooOld.requirements[1]).toMatchObject({ met: false, allocations: [] });
    const item = tooOld.plan.find((p) => p.code === 'topic:ethics');
    expect(item?.accepts).toEqual({ topics: ['ethics'], completedOnOrAfter: '2021-01-01' });
    expect(item?.description).toBe('6 more hours of topic:ethics, completed on or after 2021-01-01');
    // In the cycle: counts toward both.
    const inside = evaluate(rules(v), transcript([credit(6, { topics: ['ethics'], completedOn: '2025-05-01' }), credit(34)]));
    expect(inside.status).toBe('met');
  });

  it('within-years names 0000-01-01 when its window would start before the first possible date', () => {
    // A 6-year window ending 0005-12-31 would start in year -1; no credit can be older than 0000-01-01.
    const v = withFrequency({ kind: 'within-years', years: 6 }, 6);
    const early = evaluate(rules(v), transcript([], { cycle: { start: '0004-01-01', end: '0005-12-31', index: 3 }, asOf: '0005-06-30' }));
    const item = early.plan.find((p) => p.code === 'topic:ethics');
    expect(item?.accepts.completedOnOrAfter).toBe('0000-01-01');
    expect(JSON.stringify(early)).not.toMatch(/NaN/);
  });

  it('within-years is due from cycle fromCycle on', () => {
    const v = withFrequency({ kind: 'within-years', years: 6, fromCycle: 2 });
    expect(codes(evaluate(rules(v), inCycle(1)))).toEqual(['total']);
    expect(codes(evaluate(rules(v), inCycle(2)))).toEqual(['total', 'topic:ethics']);
    expect(codes(evaluate(rules(v), inCycle(3)))).toEqual(['total', 'topic:ethics']);
  });

  it('first-renewal requirements apply only in the first cycle', () => {
    const v = withFrequency({ kind: 'first-renewal' });
    expect(codes(evaluate(rules(v), inCycle(1)))).toContain('topic:ethics');
    expect(codes(evaluate(rules(v), inCycle(2)))).not.toContain('topic:ethics');
  });

  it('requirements limited to a role apply only to licenses with it', () => {
    const v = version({ requirements: [req('topic:supervision', 3, { topics: ['supervision'] }, { appliesTo: { roles: ['supervisor'] } })] });
    expect(codes(evaluate(rules(v), transcript([credit(40)])))).toEqual(['total']);
    const sup = evaluate(rules(v), transcript([credit(40)], { license: { roles: ['supervisor'] } }));
    expect(sup.status).toBe('in-progress');
  });
});
