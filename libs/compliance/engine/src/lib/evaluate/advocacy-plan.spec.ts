import { evaluate } from './evaluate';
import { cap, clinical, credit, macro, req, rules, testSource, transcript, version } from '../testing/fixtures';
import type { RuleSetVersion } from '../model/rule-set.types';

describe('advocacy balance', () => {
  it('is missing with no macro hours, whatever compliance says', () => {
    const e = evaluate(rules(version()), transcript([clinical(40)]));
    expect(e.status).toBe('met');
    expect(e.advocacy).toMatchObject({ clinicalHours: 40, macroHours: 0, macroShare: 0, floorHours: 4, status: 'missing' });
  });

  it('is thin below the floor (10% of required hours) and balanced at it', () => {
    expect(evaluate(rules(version()), transcript([clinical(30), macro(3.99)])).advocacy.status).toBe('thin');
    const e = evaluate(rules(version()), transcript([clinical(30), macro(4), credit(6)]));
    expect(e.advocacy).toMatchObject({ status: 'balanced', macroHours: 4, generalHours: 6, macroShare: 0.1 });
  });

  it('uses the licensee floor override', () => {
    expect(evaluate(rules(version()), transcript([macro(4)], { advocacyFloorHours: 6 })).advocacy).toMatchObject({ floorHours: 6, status: 'thin' });
  });

  it('counts in-cycle credits only and reads the practice split', () => {
    const e = evaluate(rules(version()), transcript([credit(3, { practice: { clinical: 1, macro: 2, general: 0 } }), macro(5, { completedOn: '2020-01-01' })]));
    expect(e.advocacy).toMatchObject({ clinicalHours: 1, macroHours: 2 });
  });

  it('carries the rule set note on macro hours', () => {
    const v = version({ macro: { countsTowardRenewal: 'no', note: 'Clinical content only.', source: testSource } });
    expect(evaluate(rules(v), transcript([])).advocacy).toMatchObject({ macroCountsTowardRenewal: 'no', note: 'Clinical content only.' });
  });
});

describe('plan', () => {
  it('lists each unmet minimum and the rest of the total', () => {
    const v = version({ requirements: [req('topic:ethics', 3, { topics: ['ethics'] }), req('format:live', 8, { formats: ['live-in-person', 'live-online'] })] });
    const e = evaluate(rules(v), transcript([credit(10, { format: 'self-study' })]));
    expect(e.plan.map((p) => [p.code, p.hours])).toEqual([
      ['topic:ethics', 3],
      ['format:live', 8],
      ['total', 19],
    ]);
    expect(e.plan[0].accepts.topics).toEqual(['ethics']);
    expect(e.plan[1].accepts.formats).toEqual(['live-in-person', 'live-online']);
  });

  it('asks for live hours once self-study is capped', () => {
    const v = version({ caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] })], requirements: [req('topic:ethics', 3, { topics: ['ethics'] })] });
    const e = evaluate(rules(v), transcript([credit(12, { format: 'self-study' })]));
    for (const item of e.plan) expect(item.accepts.formats).not.toContain('self-study');
    expect(e.plan[0].description).toContain('cap reached');
  });

  it('words the plan for people: formats and practice levels in plain words, not codes', () => {
    const v = version({
      caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] })],
      requirements: [req('practice:clinical', 5, { practice: 'clinical' }), req('topic:ethics', 3, { topics: ['ethics'] })],
      macro: { countsTowardRenewal: 'no', note: 'Clinical content only.', source: testSource },
    });
    const e = evaluate(rules(v), transcript([credit(12, { format: 'self-study' })]));
    const texts = e.plan.map((p) => p.description);
    expect(texts.join(' ')).not.toMatch(/formats: |; practice: |live-in-person|live-online/);
    expect(texts.find((t) => t.startsWith('5 more hours of practice:clinical'))).toMatch(/^5 more hours of practice:clinical, not as self-study, at the clinical level \(.*cap reached/);
    expect(texts[texts.length - 1]).toMatch(/^\d+ more hours of any accepted CE, not as self-study, at the clinical or general level/);
    const live = evaluate(rules(version({ requirements: [req('format:live', 4, { formats: ['live-in-person', 'live-online'] })] })), transcript([]));
    expect(live.plan[0].description).toBe('4 more hours of format:live, taken live in person or live online');
  });

  it('never proposes macro hours where macro does not count', () => {
    const v: RuleSetVersion = version({ macro: { countsTowardRenewal: 'no', note: 'Clinical content only.', source: testSource } });
    const e = evaluate(rules(v), transcript([]));
    expect(e.plan[0].accepts.practices).toEqual(['clinical', 'general']);
  });

  it('never proposes macro hours once a non-clinical cap is reached', () => {
    const v = version({ caps: [cap('cap:practice:non-clinical', 6, { practice: 'clinical' }, { negate: true })], macro: { countsTowardRenewal: 'capped', note: 'capped', source: testSource } });
    const e = evaluate(rules(v), transcript([macro(6)]));
    expect(e.plan).toEqual([expect.objectContaining({ code: 'total', hours: 34, accepts: { practice: 'clinical' } })]);
    const before = evaluate(rules(v), transcript([macro(5)]));
    expect(before.plan[0].accepts.practice).toBeUndefined();
  });

  it('is empty when everything is met', () => {
    expect(evaluate(rules(version()), transcript([credit(40)])).plan).toEqual([]);
  });
});
