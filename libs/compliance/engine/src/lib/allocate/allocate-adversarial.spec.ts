/** Cases where a greedy allocation (credits in order, each to the first requirement it matches) fails. */
import { evaluate } from '../evaluate/evaluate';
import { cap, clinical, credit, req, rules, testSource, transcript, version } from '../testing/fixtures';

const met = (e: ReturnType<typeof evaluate>) => Object.fromEntries(e.requirements.map((r) => [r.code, r.met]));

describe('optimal allocation where greedy fails', () => {
  it('sends a credit matching two minimums to the scarcer one', () => {
    // The ethics+cultural credit comes first; greedy gives it to ethics, leaving cultural short.
    const v = version({ requirements: [req('topic:ethics', 3, { topics: ['ethics'] }), req('topic:cultural-competence', 3, { topics: ['cultural-competence'] })] });
    const e = evaluate(rules(v), transcript([credit(3, { id: 'a', topics: ['ethics', 'cultural-competence'] }), credit(3, { id: 'b', topics: ['ethics'] }), credit(34)]));
    expect(met(e)).toEqual({ total: true, 'topic:ethics': true, 'topic:cultural-competence': true });
    expect(e.requirements[2].allocations).toEqual([{ creditId: 'a', hours: 3 }]);
  });

  it('chains substitutions across three topics', () => {
    const v = version({
      requirements: [
        req('topic:ethics', 2, { topics: ['ethics'] }),
        req('topic:supervision', 2, { topics: ['supervision'] }),
        req('topic:telehealth', 2, { topics: ['telehealth'] }),
      ],
    });
    const e = evaluate(rules(v), transcript([
      credit(2, { id: 'a', topics: ['ethics', 'supervision'] }),
      credit(2, { id: 'b', topics: ['supervision', 'telehealth'] }),
      credit(2, { id: 'c', topics: ['ethics'] }),
    ], { asOf: '2026-06-30' }));
    expect(e.requirements.slice(1).every((r) => r.met)).toBe(true);
  });

  it('under a cap, counts the capped hours that also serve a minimum', () => {
    const v = version({
      caps: [cap('cap:format:self-study', 6, { formats: ['self-study'] })],
      requirements: [req('practice:clinical', 6, { practice: 'clinical' })],
    });
    const e = evaluate(rules(v), transcript([credit(6, { id: 'a', format: 'self-study' }), clinical(6, { id: 'b', format: 'self-study' })]));
    expect(met(e)['practice:clinical']).toBe(true);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'a', hours: 6, reason: 'over-cap' })]);
  });

  it('with an exclusive group, gives clinical ethics hours to ethics and plain clinical hours to clinical', () => {
    const v = version({
      requirements: [req('practice:clinical', 20, { practice: 'clinical' }), req('topic:ethics', 5, { topics: ['ethics'] })],
      overlap: { exclusive: [['practice:clinical', 'topic:ethics']] },
    });
    const e = evaluate(rules(v), transcript([clinical(5, { id: 'a', topics: ['ethics'] }), clinical(20, { id: 'b' }), credit(15)]));
    expect(met(e)).toEqual({ total: true, 'practice:clinical': true, 'topic:ethics': true });
  });

  it('balances two overlapping caps so both minimums are met', () => {
    // Self-study ≤ 5 and non-clinical ≤ 5. Clinical self-study must fill the self-study room, leaving
    // the non-clinical room for the live general ethics hours.
    const v = version({
      total: { hours: 10, source: testSource },
      caps: [cap('cap:format:self-study', 5, { formats: ['self-study'] }), cap('cap:practice:non-clinical', 5, { practice: 'clinical' }, { negate: true })],
      requirements: [req('topic:ethics', 5, { topics: ['ethics'] }), req('practice:clinical', 5, { practice: 'clinical' })],
    });
    const e = evaluate(rules(v), transcript([
      credit(5, { id: 'a', format: 'self-study', topics: ['ethics'] }),
      credit(5, { id: 'b', topics: ['ethics'] }),
      clinical(5, { id: 'c', format: 'self-study' }),
    ]));
    expect(e.status).toBe('met');
    expect(e.totals.countedHours).toBe(10);
  });

  it('splits one credit between two minimums when that is what meets both', () => {
    const v = version({ total: { hours: 4, source: testSource }, requirements: [req('topic:ethics', 2, { topics: ['ethics'] }), req('topic:telehealth', 2, { topics: ['telehealth'] })] });
    const e = evaluate(rules(v), transcript([credit(4, { id: 'x', topics: ['ethics', 'telehealth'] })]));
    expect(e.status).toBe('met');
  });
});
