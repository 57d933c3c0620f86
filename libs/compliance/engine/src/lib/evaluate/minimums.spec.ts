import { evaluate } from './evaluate';
import { clinical, credit, macro, req, rules, testSource, transcript, version } from '../testing/fixtures';

const result = (code: string, e: ReturnType<typeof evaluate>) => e.requirements.find((r) => r.code === code);

describe('minimums by topic, practice level and format', () => {
  const v = version({
    requirements: [
      req('topic:ethics', 3, { topics: ['ethics'] }),
      req('practice:clinical', 20, { practice: 'clinical' }),
      req('format:live', 8, { formats: ['live-in-person', 'live-online'] }),
    ],
  });

  it('meets each minimum from matching hours', () => {
    const e = evaluate(
      rules(v),
      transcript([credit(3, { topics: ['ethics'], format: 'self-study' }), clinical(20, { format: 'live-online' }), credit(17, { format: 'self-study' })]),
    );
    expect(e.status).toBe('met');
    expect(result('format:live', e)).toMatchObject({ countedHours: 8, met: true, allocations: [expect.objectContaining({ hours: 8 })] });
  });

  it('reports a short minimum and plans exactly the shortfall', () => {
    const e = evaluate(rules(v), transcript([credit(3, { topics: ['ethics'] }), clinical(19.75), credit(30)]));
    expect(e.totals.remainingHours).toBe(0);
    expect(result('practice:clinical', e)).toMatchObject({ countedHours: 19.75, remainingHours: 0.25, met: false });
    expect(e.status).toBe('in-progress');
    expect(e.plan).toEqual([expect.objectContaining({ code: 'practice:clinical', hours: 0.25, accepts: { practice: 'clinical' } })]);
  });

  it('counts only the clinical part of a mixed practice split', () => {
    const mixed = credit(3, { practice: { clinical: 2, macro: 1, general: 0 } });
    expect(result('practice:clinical', evaluate(rules(v), transcript([mixed])))?.countedHours).toBe(2);
  });

  it('counts live-in-person and live-online toward format:live but not self-study', () => {
    const e = evaluate(rules(v), transcript([credit(4, { format: 'live-in-person' }), credit(3, { format: 'live-online' }), credit(5, { format: 'self-study' })]));
    expect(result('format:live', e)?.countedHours).toBe(7);
  });

  it('supports a minimum expressed as a share of the total', () => {
    const share = version({ requirements: [{ code: 'topic:public-health-priority', label: 'PHP', min: { shareOfTotal: 0.1 }, match: { topics: ['public-health-priority'] }, source: testSource }] });
    const e = evaluate(rules(share), transcript([credit(4, { topics: ['public-health-priority'] })]));
    expect(result('topic:public-health-priority', e)).toMatchObject({ requiredHours: 4, met: true });
  });

  it('a countsTowardTotal:false minimum is served but not credited toward the total', () => {
    const hiv = version({ requirements: [req('topic:hiv-aids', 7, { topics: ['hiv-aids'] }, { countsTowardTotal: false })] });
    const e = evaluate(rules(hiv), transcript([credit(7, { id: 'hiv', topics: ['hiv-aids'] }), credit(40, { id: 'rest' })]));
    expect(e.status).toBe('met');
    expect(result('topic:hiv-aids', e)?.countedHours).toBe(7);
    expect(e.totals.countedHours).toBe(40);
    expect(e.excluded).toEqual([expect.objectContaining({ creditId: 'hiv', reason: 'not-credited', hours: 7 })]);
  });

  it('a credit larger than a not-credited minimum credits its surplus to the total', () => {
    const hiv = version({ requirements: [req('topic:hiv-aids', 7, { topics: ['hiv-aids'] }, { countsTowardTotal: false })] });
    const e = evaluate(rules(hiv), transcript([credit(10, { topics: ['hiv-aids'] })]));
    expect(result('topic:hiv-aids', e)?.countedHours).toBe(7);
    expect(e.totals.countedHours).toBe(3);
  });

  it('a macro-area minimum counts only macro hours tagged with the area', () => {
    const m = version({ requirements: [req('practice:macro', 2, { macroAreas: ['policy-advocacy'] })] });
    const e = evaluate(rules(m), transcript([macro(1, { macroAreas: ['policy-advocacy'] }), macro(5, { macroAreas: ['research-evaluation'] })]));
    expect(result('practice:macro', e)?.countedHours).toBe(1);
  });

  it('counts a minimum from credits on the cycle boundaries only', () => {
    const e = evaluate(
      rules(v),
      transcript([credit(2, { topics: ['ethics'], completedOn: '2025-01-01' }), credit(1, { topics: ['ethics'], completedOn: '2026-12-31' }), credit(3, { topics: ['ethics'], completedOn: '2024-12-31' })]),
    );
    expect(result('topic:ethics', e)).toMatchObject({ countedHours: 3, met: true });
  });

  it('scales a minimum in a prorated first renewal', () => {
    const first = version({ ...v, firstRenewal: { kind: 'fraction', fraction: 0.5, source: testSource } });
    const e = evaluate(rules(first), transcript([clinical(10, { completedOn: '2025-10-01' })], { license: { issuedOn: '2025-09-01' } }));
    expect(e.cycle.firstRenewal).toBe(true);
    expect(result('practice:clinical', e)).toMatchObject({ requiredHours: 10, met: true });
    expect(result('topic:ethics', e)?.requiredHours).toBe(1.5);
  });
});
