import { evaluate } from './evaluate';
import { clinical, credit, req, rules, transcript, version } from '../testing/fixtures';

const counted = (e: ReturnType<typeof evaluate>) => Object.fromEntries(e.requirements.map((r) => [r.code, r.countedHours]));

describe('overlap', () => {
  const ethics = req('topic:ethics', 3, { topics: ['ethics'] });
  const cultural = req('topic:cultural-competence', 3, { topics: ['cultural-competence'] });
  const clinicalReq = req('practice:clinical', 20, { practice: 'clinical' });
  const live = req('format:live', 3, { formats: ['live-in-person', 'live-online'] });

  it('by default an hour serves one minimum per dimension', () => {
    const v = version({ requirements: [ethics, cultural] });
    const e = evaluate(rules(v), transcript([credit(3, { topics: ['ethics', 'cultural-competence'] })]));
    expect(counted(e)['topic:ethics'] + counted(e)['topic:cultural-competence']).toBe(3);
  });

  it('by default an hour may serve minimums of different dimensions', () => {
    const v = version({ requirements: [ethics, clinicalReq, live] });
    const e = evaluate(rules(v), transcript([clinical(3, { topics: ['ethics'], format: 'live-online' })]));
    expect(counted(e)).toMatchObject({ 'topic:ethics': 3, 'practice:clinical': 3, 'format:live': 3, total: 3 });
  });

  it('exclusive groups forbid sharing across dimensions (NJ: clinical hours are not ethics hours)', () => {
    const v = version({ requirements: [ethics, cultural, clinicalReq], overlap: { exclusive: [['practice:clinical', 'topic:ethics', 'topic:cultural-competence']] } });
    const e = evaluate(rules(v), transcript([clinical(23, { topics: ['ethics'] })]));
    expect(counted(e)).toMatchObject({ 'topic:ethics': 3, 'practice:clinical': 20, total: 23 });
    const short = evaluate(rules(v), transcript([clinical(20, { topics: ['ethics'] })]));
    expect(counted(short)['topic:ethics'] + counted(short)['practice:clinical']).toBe(20);
    expect(short.status).toBe('in-progress');
  });

  it('mayShare lets two same-dimension minimums share an hour', () => {
    const v = version({ requirements: [ethics, cultural], overlap: { mayShare: [['topic:ethics', 'topic:cultural-competence']] } });
    const e = evaluate(rules(v), transcript([credit(3, { topics: ['ethics', 'cultural-competence'] })]));
    expect(counted(e)).toMatchObject({ 'topic:ethics': 3, 'topic:cultural-competence': 3 });
  });

  it('every hour of a minimum is also counted within the total', () => {
    const v = version({ requirements: [ethics, clinicalReq] });
    const e = evaluate(rules(v), transcript([clinical(10, { topics: ['ethics'] })]));
    expect(e.totals.countedHours).toBe(10);
  });
});
