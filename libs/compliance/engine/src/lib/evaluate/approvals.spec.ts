import { evaluate } from './evaluate';
import { credit, req, rules, testSource, transcript, version } from '../testing/fixtures';

describe('approvals', () => {
  const refusesNasw = version({ approvals: { refused: ['NASW'], source: testSource } });
  const listsAccepted = version({ approvals: { accepted: ['ACE', 'board'], source: testSource } });

  it('excludes a credit whose only approval is refused', () => {
    const e = evaluate(rules(refusesNasw), transcript([credit(5, { id: 'n', approvals: [{ body: 'nasw' }] })]));
    expect(e.totals.countedHours).toBe(0);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'n', reason: 'approval-not-accepted', hours: 5 })]);
  });

  it('tells a credit outside the cycle that it is outside, whatever its approval', () => {
    const e = evaluate(
      rules(listsAccepted),
      transcript([credit(2, { id: 'old', completedOn: '2010-05-01' }), credit(2, { id: 'late', completedOn: '2027-02-01', approvals: [{ body: 'NASW' }] }), credit(2, { id: 'now' })]),
    );
    expect(e.excluded.map((x) => [x.creditId, x.reason])).toEqual([
      ['late', 'outside-cycle'],
      ['now', 'approval-not-accepted'],
      ['old', 'outside-cycle'],
    ]);
  });

  it('a credit before the cycle serves once-per-career only with an accepted approval', () => {
    const v = version({
      approvals: { accepted: ['ACE'], source: testSource },
      requirements: [req('topic:ethics', 6, { topics: ['ethics'] }, { frequency: { kind: 'once-per-career' } })],
    });
    const old = (approvals: { body: string }[]) => transcript([credit(6, { id: 'old', topics: ['ethics'], completedOn: '2019-03-01', approvals })]);
    expect(evaluate(rules(v), old([{ body: 'ACE' }])).requirements[1]).toMatchObject({ met: true, countedHours: 6 });
    const refused = evaluate(rules(v), old([{ body: 'NASW' }]));
    expect(refused.requirements[1]).toMatchObject({ met: false, countedHours: 0 });
    expect(refused.excluded).toEqual([expect.objectContaining({ creditId: 'old', reason: 'outside-cycle', detail: 'Completed outside the renewal cycle' })]);
  });

  it('accepts a credit when one of its approvals is accepted', () => {
    const e = evaluate(rules(refusesNasw), transcript([credit(5, { approvals: [{ body: 'NASW' }, { body: 'ACE', number: '1234' }] })]));
    expect(e.totals.countedHours).toBe(5);
  });

  it('with an accepted list, unlisted and unapproved credits are excluded', () => {
    const e = evaluate(rules(listsAccepted), transcript([credit(5, { id: 'ace', approvals: [{ body: 'ACE' }] }), credit(5, { id: 'nasw', approvals: [{ body: 'NASW' }] }), credit(5, { id: 'none' })]));
    expect(e.totals.countedHours).toBe(5);
    expect(e.excluded.map((x) => x.creditId)).toEqual(['nasw', 'none']);
  });

  it('without an accepted list, credits without approvals count', () => {
    expect(evaluate(rules(refusesNasw), transcript([credit(5)])).totals.countedHours).toBe(5);
  });

  it('reads known other spellings of a body as its code, case and spacing aside', () => {
    const e = evaluate(
      rules(listsAccepted),
      transcript([
        credit(1, { id: 'a', approvals: [{ body: 'ASWB ACE' }] }),
        credit(1, { id: 'b', approvals: [{ body: '  aswb   approved continuing education ' }] }),
        credit(1, { id: 'c', approvals: [{ body: 'State Board' }] }),
        credit(1, { id: 'd', approvals: [{ body: 'ACE provider' }] }),
      ]),
    );
    expect(e.totals.countedHours).toBe(3);
    expect(e.excluded.map((x) => x.creditId)).toEqual(['d']);
  });

  it('says which bodies the board accepts, or refuses, when it excludes a credit', () => {
    const listed = evaluate(rules(listsAccepted), transcript([credit(2, { id: 'x', approvals: [{ body: 'NASW' }] })]));
    expect(listed.excluded[0].detail).toBe(
      'None of its approvals is accepted by this board (it accepts ACE or its own board; a course without an approval does not count)',
    );
    const refused = evaluate(rules(refusesNasw), transcript([credit(2, { id: 'x', approvals: [{ body: 'NASW' }] })]));
    expect(refused.excluded[0].detail).toBe('None of its approvals is accepted by this board (it refuses NASW)');
  });
});
