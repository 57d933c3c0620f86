/**
 * `match.completedOnOrAfter`: a requirement or cap that only takes credits completed on or after a
 * date (NY's child-abuse course, whose curriculum was replaced: docs/RULES.md §4).
 * Default cycle of the fixtures: 2025-01-01..2026-12-31, evaluated on 2026-06-30.
 */
import { evaluate } from './evaluate';
import { cap, credit, req, rules, transcript, version } from '../testing/fixtures';

const childAbuse = (extra = {}) =>
  version({
    requirements: [
      req(
        'topic:child-abuse-reporting',
        2,
        { topics: ['child-abuse-reporting'], completedOnOrAfter: '2025-09-01' },
        { frequency: { kind: 'once-per-career' }, countsTowardTotal: false, ...extra },
      ),
    ],
  });

const course = (id: string, completedOn: string) => credit(2, { id, topics: ['child-abuse-reporting'], completedOn });

describe('completedOnOrAfter', () => {
  it('an earlier course of the right topic no longer serves the requirement, and the plan asks for a new one', () => {
    const e = evaluate(rules(childAbuse()), transcript([course('old', '2019-03-01'), credit(40)]));
    const r = e.requirements.find((x) => x.code === 'topic:child-abuse-reporting');
    expect(r).toMatchObject({ met: false, countedHours: 0, allocations: [] });
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'old', reason: 'outside-cycle', hours: 2 })]);
    const item = e.plan.find((p) => p.code === 'topic:child-abuse-reporting');
    expect(item?.accepts).toEqual({ topics: ['child-abuse-reporting'], completedOnOrAfter: '2025-09-01' });
    expect(item?.description).toContain('completed on or after 2025-09-01');
    expect(e.status).toBe('in-progress');
  });

  it('a course completed on the date itself serves it, inside or before the cycle', () => {
    // Before the cycle (once-per-career): the date is 2024-09-01 here, the cycle starts 2025-01-01.
    const before = version({
      requirements: [req('topic:child-abuse-reporting', 2, { topics: ['child-abuse-reporting'], completedOnOrAfter: '2024-09-01' }, { frequency: { kind: 'once-per-career' } })],
    });
    const e1 = evaluate(rules(before), transcript([course('on-date', '2024-09-01'), credit(40)]));
    expect(e1.requirements[1]).toMatchObject({ met: true, allocations: [{ creditId: 'on-date', hours: 2 }] });
    const e2 = evaluate(rules(before), transcript([course('day-before', '2024-08-31'), credit(40)]));
    expect(e2.requirements[1]).toMatchObject({ met: false, allocations: [] });
    // Inside the cycle.
    const e3 = evaluate(rules(childAbuse()), transcript([course('new', '2025-09-01'), credit(40)]));
    expect(e3.requirements[1]).toMatchObject({ met: true, allocations: [{ creditId: 'new', hours: 2 }] });
    expect(e3.status).toBe('met');
  });

  it('a course in the cycle but before the date still counts toward the total, not toward the requirement', () => {
    const v = version({ requirements: [req('topic:ethics', 3, { topics: ['ethics'], completedOnOrAfter: '2026-01-01' })] });
    const e = evaluate(rules(v), transcript([credit(3, { id: 'early', topics: ['ethics'], completedOn: '2025-12-31' }), credit(3, { id: 'late', topics: ['ethics'], completedOn: '2026-01-01' }), credit(34)]));
    expect(e.requirements[1]).toMatchObject({ code: 'topic:ethics', met: true, allocations: [{ creditId: 'late', hours: 3 }] });
    expect(e.totals.countedHours).toBe(40);
    expect(e.excluded).toEqual([]);
  });

  it('a dated cap only takes the credits completed from its date', () => {
    const v = version({ caps: [cap('cap:format:self-study', 5, { formats: ['self-study'], completedOnOrAfter: '2026-01-01' })] });
    const e = evaluate(
      rules(v),
      transcript([
        credit(10, { id: 'a-before', format: 'self-study', completedOn: '2025-06-01' }),
        credit(10, { id: 'b-after', format: 'self-study', completedOn: '2026-02-01' }),
        credit(25),
      ]),
    );
    expect(e.totals.countedHours).toBe(40);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'b-after', hours: 5, reason: 'over-cap' })]);
  });

  it('gives the same result whatever the order of the credits', () => {
    const credits = [course('old', '2019-03-01'), course('new', '2025-10-01'), credit(40, { id: 'bulk' })];
    const a = evaluate(rules(childAbuse()), transcript(credits));
    const b = evaluate(rules(childAbuse()), transcript([...credits].reverse()));
    expect(b).toEqual(a);
  });
});
