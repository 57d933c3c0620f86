import { evaluate } from './evaluate';
import { credit, rules, testSource, transcript, version } from '../testing/fixtures';

describe('approvals', () => {
  const refusesNasw = version({ approvals: { refused: ['NASW'], source: testSource } });
  const listsAccepted = version({ approvals: { accepted: ['ACE', 'board'], source: testSource } });

  it('excludes a credit whose only approval is refused', () => {
    const e = evaluate(rules(refusesNasw), transcript([credit(5, { id: 'n', approvals: [{ body: 'nasw' }] })]));
    expect(e.totals.countedHours).toBe(0);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'n', reason: 'approval-not-accepted', hours: 5 })]);
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
