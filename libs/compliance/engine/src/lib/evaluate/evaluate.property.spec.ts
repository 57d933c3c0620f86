/** Invariants of evaluate() over random credits and a rule set with minimums, caps and an exclusive group. */
import fc from 'fast-check';
import { evaluate } from './evaluate';
import { cap, req, rules, testSource, transcript, version } from '../testing/fixtures';
import type { Credit } from '../model/transcript.types';
import type { Evaluation } from '../model/evaluation.types';
import { FORMATS } from '../model/vocabulary.types';

const capsAndExclusive = rules(
  version({
    requirements: [
      req('topic:ethics', 3, { topics: ['ethics'] }),
      req('topic:cultural-competence', 2, { topics: ['cultural-competence'] }),
      req('practice:clinical', 15, { practice: 'clinical' }),
      req('format:live', 8, { formats: ['live-in-person', 'live-online'] }),
    ],
    caps: [
      cap('cap:format:self-study', 10, { formats: ['self-study'] }),
      cap('cap:practice:non-clinical', 12, { practice: 'clinical' }, { negate: true }),
      cap('cap:activity:teaching', 4, { formats: ['teaching'] }, { perCredit: true }),
    ],
    overlap: { exclusive: [['practice:clinical', 'topic:ethics']] },
    approvals: { refused: ['NASW'], source: testSource },
  }),
);

// The same with `exceptTopics`: ethics hours are never non-clinical-capped, telehealth hours never
// self-study-capped (telehealth is no requirement's topic: the exemption alone changes the caps).
const withExceptions = rules(
  version({
    ...capsAndExclusive.licenseType.versions[0],
    caps: [
      cap('cap:format:self-study', 10, { formats: ['self-study'] }, { exceptTopics: ['telehealth'] }),
      cap('cap:practice:non-clinical', 12, { practice: 'clinical' }, { negate: true, exceptTopics: ['ethics', 'cultural-competence'] }),
      cap('cap:activity:teaching', 4, { formats: ['teaching'] }, { perCredit: true, exceptTopics: ['ethics'] }),
    ],
  }),
);

// Not-credited and once-per-career requirements, a mayShare pair, a share-of-total cap.
const notCreditedAndCareer = rules(
  version({
    requirements: [
      req('topic:ethics', 3, { topics: ['ethics'] }, { countsTowardTotal: false }),
      req('topic:cultural-competence', 4, { topics: ['cultural-competence'] }, { frequency: { kind: 'once-per-career' } }),
      req('topic:telehealth', 2, { topics: ['telehealth'] }),
      req('practice:macro', 2, { practice: 'macro' }),
    ],
    caps: [{ code: 'cap:format:self-study', label: 'Self-study', max: { shareOfTotal: 0.25 }, match: { formats: ['self-study'] }, source: testSource }],
    overlap: { mayShare: [['topic:ethics', 'topic:telehealth']] },
  }),
);

// Dated rules: ethics only from 2025-06-01 (matcher), cultural competence within 25 months of the
// cycle end (2024-12-01 on: December 2024 credits, before the cycle, serve it; November ones do not), a self-study cap only on
// credits from 2026-01-01, and a once-per-career telehealth requirement.
const datedAndWindows = rules(
  version({
    requirements: [
      req('topic:ethics', 3, { topics: ['ethics'], completedOnOrAfter: '2025-06-01' }),
      req('topic:cultural-competence', 4, { topics: ['cultural-competence'] }, { frequency: { kind: 'within-years', years: 25 / 12 } }),
      req('topic:telehealth', 2, { topics: ['telehealth'] }, { frequency: { kind: 'once-per-career' } }),
      req('practice:clinical', 10, { practice: 'clinical' }),
    ],
    caps: [cap('cap:format:self-study', 5, { formats: ['self-study'], completedOnOrAfter: '2026-01-01' })],
  }),
);

const creditArb = (id: string): fc.Arbitrary<Credit> =>
  fc
    .record({
      clinical: fc.integer({ min: 0, max: 600 }),
      macro: fc.integer({ min: 0, max: 300 }),
      general: fc.integer({ min: 0, max: 600 }),
      format: fc.constantFrom(...FORMATS),
      topics: fc.subarray(['ethics', 'cultural-competence', 'telehealth'] as const),
      day: fc.integer({ min: 0, max: 800 }),
      nasw: fc.boolean(),
    })
    .map((r) => {
      const hours = (r.clinical + r.macro + r.general) / 100;
      const date = new Date(Date.UTC(2024, 10, 1) + r.day * 86_400_000).toISOString().slice(0, 10);
      return {
        id,
        title: id,
        completedOn: date,
        hours,
        format: r.format,
        topics: [...r.topics],
        practice: { clinical: r.clinical / 100, macro: r.macro / 100, general: r.general / 100 },
        ...(r.nasw ? { approvals: [{ body: 'NASW' }] } : {}),
      };
    });

const creditsArb = fc.integer({ min: 0, max: 14 }).chain((n) => fc.tuple(...Array.from({ length: n }, (_, i) => creditArb(`k${i}`))));
const cents = (h: number): number => Math.round(h * 100);

// fast-check runs 100 cases per property; give a shared, loaded machine room.
jest.setTimeout(60_000);

describe.each([
  ['caps and an exclusive group', capsAndExclusive],
  ['not-credited, once-per-career, mayShare', notCreditedAndCareer],
  ['caps with exceptTopics', withExceptions],
  ['dated matchers and rolling windows', datedAndWindows],
])('evaluate properties (%s)', (_name, ruleSet) => {
  const run = (credits: Credit[]): Evaluation => evaluate(ruleSet, transcript(credits));
  const capped = ruleSet === capsAndExclusive || ruleSet === withExceptions;
  const exceptions = ruleSet === withExceptions;
  const has = (c: Credit, ...topics: string[]): boolean => exceptions && topics.some((t) => (c.topics as string[]).includes(t));

  /*
   * Minimums come first (docs/ENGINE.md): an added credit can let an hour serve a minimum that is
   * not credited toward the total (CA HIV/AIDS), and then counted hours may drop by that hour. So:
   * the hours served toward minimums never drop, and counted hours never drop unless exactly that
   * trade happened.
   */
  it('adding a credit never lowers the hours served toward minimums, nor counted hours unless a not-credited minimum took them', () => {
    const served = (e: Evaluation): number => e.requirements.filter((r) => r.code !== 'total').reduce((sum, r) => sum + cents(r.countedHours), 0);
    fc.assert(
      fc.property(creditsArb, creditArb('extra'), (credits, extra) => {
        const before = run(credits);
        const after = run([...credits, extra]);
        expect(served(after)).toBeGreaterThanOrEqual(served(before));
        const tradedForUncredited = served(after) > served(before) && after.excluded.some((x) => x.reason === 'not-credited');
        if (!tradedForUncredited) expect(cents(after.totals.countedHours)).toBeGreaterThanOrEqual(cents(before.totals.countedHours));
      }),
    );
  });

  it('permuting credits changes nothing', () => {
    fc.assert(
      fc.property(creditsArb.chain((cs) => fc.tuple(fc.constant(cs), fc.shuffledSubarray(cs, { minLength: cs.length, maxLength: cs.length }))), ([a, b]) => {
        expect(run(b)).toEqual(run(a));
      }),
    );
  });

  it('no cap is exceeded, no credit gives more than it has, allocations sum to counted hours', () => {
    fc.assert(
      fc.property(creditsArb, (credits) => {
        const e = run(credits);
        const byId = new Map(credits.map((c) => [c.id, c]));
        const total = e.requirements[0];
        expect(total.allocations.reduce((s, a) => s + cents(a.hours), 0)).toBe(cents(e.totals.countedHours));
        for (const r of e.requirements) {
          expect(r.allocations.reduce((s, a) => s + cents(a.hours), 0)).toBe(cents(r.countedHours));
          if (r.code !== 'total') expect(cents(r.countedHours)).toBeLessThanOrEqual(cents(r.requiredHours));
          for (const a of r.allocations) expect(cents(a.hours)).toBeLessThanOrEqual(cents(byId.get(a.creditId)?.hours ?? 0));
        }
        const counted = new Map(total.allocations.map((a) => [a.creditId, cents(a.hours)]));
        const excluded = new Map<string, number>();
        for (const x of e.excluded) excluded.set(x.creditId, (excluded.get(x.creditId) ?? 0) + cents(x.hours));
        for (const c of credits) expect((counted.get(c.id) ?? 0) + (excluded.get(c.id) ?? 0)).toBe(cents(c.hours));
        if (ruleSet === datedAndWindows) {
          // The cap takes only self-study from 2026-01-01; nothing older than 2025-06-01 serves ethics.
          const late = credits.reduce((s, c) => (c.format === 'self-study' && c.completedOn >= '2026-01-01' ? s + (counted.get(c.id) ?? 0) : s), 0);
          expect(late).toBeLessThanOrEqual(500);
          const ethics = e.requirements.find((r) => r.code === 'topic:ethics');
          for (const a of ethics?.allocations ?? []) expect((byId.get(a.creditId)?.completedOn ?? '') >= '2025-06-01').toBe(true);
          const cultural = e.requirements.find((r) => r.code === 'topic:cultural-competence');
          for (const a of cultural?.allocations ?? []) expect((byId.get(a.creditId)?.completedOn ?? '') >= '2024-12-01').toBe(true);
          return;
        }
        if (!capped) {
          const selfStudy = credits.reduce((s, c) => (c.format === 'self-study' ? s + (counted.get(c.id) ?? 0) : s), 0);
          expect(selfStudy).toBeLessThanOrEqual(1000);
          return;
        }
        // Caps: self-study ≤ 10, non-clinical ≤ 12, teaching ≤ 4 per credit.
        let selfStudy = 0;
        let nonClinical = 0;
        for (const c of credits) {
          const h = counted.get(c.id) ?? 0;
          if (c.format === 'self-study' && !has(c, 'telehealth')) selfStudy += h;
          if (c.format === 'teaching' && !has(c, 'ethics')) expect(h).toBeLessThanOrEqual(400);
          if (!has(c, 'ethics', 'cultural-competence')) nonClinical += Math.max(0, h - cents(c.practice.clinical));
        }
        expect(selfStudy).toBeLessThanOrEqual(1000);
        expect(nonClinical).toBeLessThanOrEqual(1200);
      }),
    );
  });
});

describe('exceptTopics only relaxes caps', () => {
  // Exempting hours from caps removes constraints: the hours served toward minimums never drop, and
  // counted hours never drop unless more hours serve minimums (the simplex may round one hundredth).
  it('never lowers the hours served toward minimums, nor counted hours at equal service', () => {
    const served = (e: Evaluation): number => e.requirements.filter((r) => r.code !== 'total').reduce((sum, r) => sum + cents(r.countedHours), 0);
    fc.assert(
      fc.property(creditsArb, (credits) => {
        const without = evaluate(capsAndExclusive, transcript(credits));
        const withEx = evaluate(withExceptions, transcript(credits));
        expect(served(withEx)).toBeGreaterThanOrEqual(served(without) - 1);
        if (served(withEx) <= served(without)) expect(cents(withEx.totals.countedHours)).toBeGreaterThanOrEqual(cents(without.totals.countedHours) - 1);
      }),
    );
  });
});
