import { evaluate } from './evaluate';
import { cap, clinical, credit, macro, req, rules, testSource, transcript, version } from '../testing/fixtures';

describe('caps', () => {
  const selfStudy = cap('cap:format:self-study', 20, { formats: ['self-study'] });

  it('counts self-study exactly up to the cap and nothing is excluded at the cap', () => {
    const e = evaluate(rules(version({ caps: [selfStudy] })), transcript([credit(20, { format: 'self-study' }), credit(20)]));
    expect(e.status).toBe('met');
    expect(e.excluded).toEqual([]);
  });

  it('excludes hours over the cap with the cap code and a sentence, and plans non-capped formats', () => {
    const e = evaluate(rules(version({ caps: [selfStudy] })), transcript([credit(25, { id: 'ss', format: 'self-study' }), credit(10)]));
    expect(e.totals.countedHours).toBe(30);
    expect(e.excluded).toEqual([
      { creditId: 'ss', hours: 5, reason: 'over-cap', ruleCode: 'cap:format:self-study', detail: expect.stringContaining('20-hour cap (Test Reg. 1.1)') },
    ]);
    const total = e.plan.find((p) => p.code === 'total');
    expect(total?.hours).toBe(10);
    expect(total?.accepts.formats).not.toContain('self-study');
    expect(total?.accepts.formats).toContain('live-online');
  });

  it('a negated practice cap limits non-clinical hours (macro and general)', () => {
    const nonClinical = cap('cap:practice:non-clinical', 6, { practice: 'clinical' }, { negate: true });
    const v = version({ total: { hours: 30, source: testSource }, caps: [nonClinical], macro: { countsTowardRenewal: 'capped', note: 'Non-clinical hours are capped at 6.', source: testSource } });
    const e = evaluate(rules(v), transcript([clinical(20), macro(4), credit(4)]));
    expect(e.totals.countedHours).toBe(26);
    expect(e.excluded.map((x) => x.hours)).toEqual([2]);
    const total = e.plan.find((p) => p.code === 'total');
    expect(total?.accepts.practice).toBe('clinical');
    expect(e.advocacy.macroCountsTowardRenewal).toBe('capped');
    expect(e.advocacy.note).toContain('is reached');
  });

  it('a share-of-total cap is a share of the required hours', () => {
    const v = version({ caps: [{ code: 'cap:format:self-study', label: 'Self-study', max: { shareOfTotal: 0.5 }, match: { formats: ['self-study'] }, source: testSource }] });
    const e = evaluate(rules(v), transcript([credit(30, { format: 'self-study' })]));
    expect(e.totals.countedHours).toBe(20);
  });

  it('a per-credit cap limits each activity separately', () => {
    const v = version({ caps: [cap('cap:activity:teaching', 5, { formats: ['teaching'] }, { perCredit: true })] });
    const e = evaluate(rules(v), transcript([credit(8, { format: 'teaching' }), credit(4, { format: 'teaching' }), credit(6, { format: 'teaching' })]));
    expect(e.totals.countedHours).toBe(14);
  });

  it('a cap does not apply to a license without the named role', () => {
    const v = version({ caps: [cap('cap:format:self-study', 5, { formats: ['self-study'] }, { appliesTo: { roles: ['supervisor'] } })] });
    const t = (roles: string[]) => transcript([credit(10, { format: 'self-study' })], { license: { roles } });
    expect(evaluate(rules(v), t([])).totals.countedHours).toBe(10);
    expect(evaluate(rules(v), t(['supervisor'])).totals.countedHours).toBe(5);
  });

  it('keeps the capped hours that serve a minimum (the wrong capped hours must not be counted)', () => {
    // 10 self-study hours may count; the ethics self-study credit must be among them.
    const v = version({ caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] })], requirements: [req('topic:ethics', 3, { topics: ['ethics'] })] });
    const e = evaluate(rules(v), transcript([credit(10, { id: 'a-plain', format: 'self-study' }), credit(3, { id: 'z-ethics', format: 'self-study', topics: ['ethics'] })]));
    expect(e.requirements.find((r) => r.code === 'topic:ethics')?.met).toBe(true);
    expect(e.totals.countedHours).toBe(10);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'a-plain', hours: 3 })]);
  });

  it('only hours inside the cycle fill a cap', () => {
    const e = evaluate(rules(version({ caps: [selfStudy] })), transcript([credit(20, { format: 'self-study', completedOn: '2024-12-31' }), credit(20, { format: 'self-study', completedOn: '2025-01-01' })]));
    expect(e.totals.countedHours).toBe(20);
    expect(e.excluded.map((x) => x.reason)).toEqual(['outside-cycle']);
  });

  describe('exceptTopics', () => {
    const nonClinical = cap('cap:practice:non-clinical', 6, { practice: 'clinical' }, { negate: true, exceptTopics: ['ethics', 'laws-and-rules'] });
    const capped = version({
      total: { hours: 30, source: testSource },
      caps: [nonClinical],
      requirements: [req('topic:ethics', 3, { topics: ['ethics'] }), req('topic:laws-and-rules', 3, { topics: ['laws-and-rules'] }), req('topic:medical-errors', 2, { topics: ['medical-errors'] })],
      macro: { countsTowardRenewal: 'capped', note: '', source: testSource },
    });

    it('a negated cap never takes the hours of a credit with an excepted topic; other general hours stay capped', () => {
      const e = evaluate(rules(capped), transcript([credit(3, { id: 'ethics', topics: ['ethics'] }), credit(3, { id: 'laws', topics: ['laws-and-rules', 'supervision'] }), credit(10, { id: 'plain' }), clinical(14, { id: 'clin' })]));
      expect(e.totals.countedHours).toBe(26);
      expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'plain', hours: 4, ruleCode: 'cap:practice:non-clinical' })]);
      expect(e.requirements.filter((r) => r.code !== 'total' && r.code !== 'topic:medical-errors').every((r) => r.met)).toBe(true);
    });

    it('the plan does not ask for clinical hours for a requirement whose topics are all excepted from the reached cap', () => {
      const e = evaluate(rules(capped), transcript([credit(10, { id: 'plain' }), clinical(5, { id: 'clin' })]));
      const item = (code: string) => e.plan.find((p) => p.code === code);
      expect(item('topic:ethics')?.accepts).toEqual({ topics: ['ethics'] });
      expect(item('topic:ethics')?.description).toBe('3 more hours of topic:ethics');
      expect(item('topic:laws-and-rules')?.accepts).toEqual({ topics: ['laws-and-rules'] });
      // Medical errors is not excepted: its hours would be capped unless clinical.
      expect(item('topic:medical-errors')?.accepts).toEqual({ topics: ['medical-errors'], practice: 'clinical' });
      expect(item('total')?.accepts.practice).toBe('clinical');
    });

    it('a non-negated cap with exceptTopics', () => {
      const v = version({ caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] }, { exceptTopics: ['ethics'] })] });
      const e = evaluate(rules(v), transcript([credit(12, { id: 'a', format: 'self-study' }), credit(4, { id: 'b', format: 'self-study', topics: ['ethics'] }), credit(2, { id: 'c', format: 'self-study', topics: ['supervision'] })]));
      expect(e.totals.countedHours).toBe(14);
      expect(e.excluded.reduce((sum, x) => sum + x.hours, 0)).toBe(4);
      expect(e.excluded.every((x) => x.creditId !== 'b')).toBe(true);
      expect(e.plan.find((p) => p.code === 'total')?.accepts.formats).not.toContain('self-study');
    });

    it('without an excepted topic the cap is unchanged', () => {
      const plain = version({ caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] })] });
      const excepted = version({ caps: [cap('cap:format:self-study', 10, { formats: ['self-study'] }, { exceptTopics: ['ethics'] })] });
      const t = transcript([credit(12, { id: 'a', format: 'self-study', topics: ['supervision'] }), credit(6, { id: 'b' })]);
      expect(evaluate(rules(excepted), t)).toEqual(evaluate(rules(plain), t));
    });
  });

  it('keeps hour caps unscaled in a first renewal while the total is halved', () => {
    const v = version({ caps: [selfStudy], firstRenewal: { kind: 'fraction', fraction: 0.5, source: testSource } });
    const e = evaluate(rules(v), transcript([credit(25, { format: 'self-study', completedOn: '2026-02-01' })], { license: { issuedOn: '2026-01-01' } }));
    expect(e.totals).toEqual({ requiredHours: 20, countedHours: 20, remainingHours: 0 });
  });
});
