import { evaluate } from './evaluate';
import { credit, req, rules, testSource, transcript, version } from '../testing/fixtures';
import type { RuleSetVersion } from '../model/rule-set.types';

// OK-like: 16 h a year, 3 ethics, 8 live (Category I); each other license held adds 6 live hours.
const ok = (extra: Partial<RuleSetVersion> = {}) =>
  version({
    cycle: { months: 12, anchor: 'fixed', month: 12, day: 31, source: testSource },
    total: { hours: 16, source: testSource },
    requirements: [req('topic:ethics', 3, { topics: ['ethics'] }), req('format:live', 8, { formats: ['live-in-person', 'live-online'] }, { note: 'Live webinars count.' })],
    additionalLicense: { hours: 6, requirements: ['format:live'], source: { ...testSource, citation: 'OAC 675:15-1-3(a)' } },
    ...extra,
  });
const asOf = '2026-06-30';
const held = (otherLicenses: string[] | undefined, credits = [credit(16, { topics: ['ethics'], completedOn: '2026-03-01' })]) =>
  transcript(credits, { asOf, license: { issuedOn: '2015-01-01', ...(otherLicenses ? { otherLicenses } : {}) } });
const required = (v: RuleSetVersion, others?: string[]) => evaluate(rules(v), held(others)).requirements.map((r) => [r.code, r.requiredHours]);

describe('additional licenses (OK: +6 Category I hours per other license held)', () => {
  it('adds the hours to the total and to the listed requirement per other license; none held changes nothing', () => {
    expect(required(ok())).toEqual([['total', 16], ['topic:ethics', 3], ['format:live', 8]]);
    expect(required(ok(), [])).toEqual([['total', 16], ['topic:ethics', 3], ['format:live', 8]]);
    expect(required(ok(), ['LSW-ADM'])).toEqual([['total', 22], ['topic:ethics', 3], ['format:live', 14]]);
    expect(required(ok(), ['LSW-ADM', 'LMSW'])).toEqual([['total', 28], ['topic:ethics', 3], ['format:live', 20]]);
  });

  it('says why on the total and on the requirement, before the rule\'s own note', () => {
    const e = evaluate(rules(ok()), held(['LSW-ADM']));
    expect(e.requirements[0].note).toBe('Includes 6 h for 1 other license held (LSW-ADM): OAC 675:15-1-3(a).');
    expect(e.requirements[1].note).toBeUndefined();
    expect(e.requirements[2].note).toBe('Includes 6 h for 1 other license held (LSW-ADM): OAC 675:15-1-3(a). Live webinars count.');
    const two = evaluate(rules(ok()), held(['LSW-ADM', 'LMSW']));
    expect(two.requirements[0].note).toBe('Includes 12 h for 2 other licenses held (LSW-ADM, LMSW): OAC 675:15-1-3(a).');
    expect(evaluate(rules(ok()), held([])).requirements[0].note).toBeUndefined();
  });

  it('16 live hours meet one license but not two: the plan asks for the 6 more live hours', () => {
    expect(evaluate(rules(ok()), held([])).status).toBe('met');
    const e = evaluate(rules(ok()), held(['LSW-ADM']));
    expect(e.status).toBe('in-progress');
    expect(e.totals).toEqual({ requiredHours: 22, countedHours: 16, remainingHours: 6 });
    expect(e.requirements[2]).toMatchObject({ code: 'format:live', requiredHours: 14, countedHours: 14, met: true });
    expect(e.plan.map((p) => [p.code, p.hours])).toEqual([['total', 6]]);
    // Self-study hours fill the total but not Category I.
    const selfStudy = evaluate(rules(ok()), held(['LSW-ADM'], [credit(10, { topics: ['ethics'], completedOn: '2026-03-01' }), credit(12, { format: 'self-study', completedOn: '2026-04-01' })]));
    expect(selfStudy.totals.countedHours).toBe(22);
    expect(selfStudy.requirements[2]).toMatchObject({ requiredHours: 14, countedHours: 10, remainingHours: 4, met: false });
    expect(selfStudy.plan.map((p) => [p.code, p.hours])).toEqual([['format:live', 4]]);
  });

  it('is ignored where the rule set has no such rule', () => {
    expect(required(ok({ additionalLicense: undefined }), ['LSW-ADM'])).toEqual([['total', 16], ['topic:ethics', 3], ['format:live', 8]]);
  });

  it('is scaled with the rest of a prorated first renewal (rounded up to whole hours), and the notes say so', () => {
    const v = ok({ firstRenewal: { kind: 'prorate', source: testSource } });
    // Issued 2026-07-02: 183 of 365 days held. 22 × 183/365 = 11.03 → 12; 14 × 183/365 = 7.02 → 8.
    const first = (otherLicenses: string[]) => evaluate(rules(v), transcript([], { asOf: '2026-09-30', license: { issuedOn: '2026-07-02', otherLicenses } }));
    expect(first(['LSW-ADM']).cycle.firstRenewal).toBe(true);
    expect(first(['LSW-ADM']).requirements.map((r) => [r.code, r.requiredHours])).toEqual([['total', 12], ['topic:ethics', 2], ['format:live', 8]]);
    expect(first([]).requirements.map((r) => [r.code, r.requiredHours])).toEqual([['total', 9], ['topic:ethics', 2], ['format:live', 5]]);
    expect(first(['LSW-ADM']).requirements[0].note).toBe('Includes 6 h for 1 other license held (LSW-ADM), reduced with the rest for this first renewal: OAC 675:15-1-3(a).');
  });

  it('a named first-renewal minimum gets the scaled extra hours, never more than the full minimum', () => {
    const v = ok({
      firstRenewal: { kind: 'fraction', fraction: 0.5, source: testSource },
      requirements: [req('format:live', 8, { formats: ['live-in-person', 'live-online'] }, { firstRenewalHours: 5 })],
    });
    const e = evaluate(rules(v), transcript([], { asOf, license: { issuedOn: '2026-03-01', otherLicenses: ['LSW-ADM'] } }));
    // 5 named + half of 6 = 8 (full: 14); the total is half of 22.
    expect(e.requirements.map((r) => [r.code, r.requiredHours])).toEqual([['total', 11], ['format:live', 8]]);
  });

  it('an exempt first renewal asks nothing and says nothing, except for a requirement it keeps due', () => {
    const v = ok({ firstRenewal: { kind: 'exempt', except: ['format:live'], source: testSource } });
    const e = evaluate(rules(v), transcript([], { asOf, license: { issuedOn: '2026-03-01', otherLicenses: ['LSW-ADM'] } }));
    expect(e.requirements.map((r) => [r.code, r.requiredHours, r.note])).toEqual([
      ['total', 0, undefined],
      ['topic:ethics', 0, undefined],
      ['format:live', 14, 'Includes 6 h for 1 other license held (LSW-ADM): OAC 675:15-1-3(a). Live webinars count.'],
    ]);
  });

  it('a share of the total grows with the total; the carryover note follows the license note', () => {
    const v = ok({
      requirements: [req('format:live', 8, { formats: ['live-in-person', 'live-online'] }), { ...req('topic:ethics', 0, { topics: ['ethics'] }), min: { shareOfTotal: 0.25 } }],
      carryover: { maxHours: 4, source: testSource },
    });
    const e = evaluate(rules(v), { ...held(['LSW-ADM']), carryoverHours: 2 });
    expect(e.requirements.map((r) => [r.code, r.requiredHours])).toEqual([['total', 22], ['format:live', 14], ['topic:ethics', 5.5]]);
    expect(e.requirements[0].note).toBe('Includes 6 h for 1 other license held (LSW-ADM): OAC 675:15-1-3(a). Includes 2 carryover hours from the previous cycle.');
  });

  it('separate hours per license (TN): a note on the total after the others, hours unchanged', () => {
    const tn = version({
      total: { hours: 30, source: testSource },
      carryover: { maxHours: 4, source: testSource },
      separateLicenseHours: { sharedTopics: ['ethics', 'laws-and-rules'], source: { ...testSource, citation: '1365-01-.09(3)(b)-(c)' } },
    });
    const e = evaluate(rules(tn), { ...transcript([], { license: { issuedOn: '2015-01-01', otherLicenses: ['LAPSW', 'LMSW'] } }), carryoverHours: 1 });
    expect(e.totals.requiredHours).toBe(30);
    expect(e.requirements[0].note).toBe(
      "Includes 1 carryover hours from the previous cycle. Also holding LAPSW, LMSW: each license's hours must come from different credits, except hours on ethics or laws and rules (1365-01-.09(3)(b)-(c)). This evaluation counts every credit given, including any used for the other licenses.",
    );
    expect(evaluate(rules(tn), transcript([], { license: { issuedOn: '2015-01-01' } })).requirements[0].note).toBeUndefined();
  });
});
