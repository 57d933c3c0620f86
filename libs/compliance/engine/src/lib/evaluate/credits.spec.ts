/**
 * The hot-path rewrites of credit intake against their straightforward definitions: the merge sort
 * against Array#sort with the reference comparator, and the match tables against `matchesCredit`
 * applied matcher by matcher.
 */
import fc from 'fast-check';
import { sortCredits } from './credits';
import { compileRuleSet, matchCredit, matchesCredit, FORMAT_BIT, MACRO_AREA_BIT } from '../compile/compile-rules';
import { cap, credit, req, version } from '../testing/fixtures';
import { FORMATS, MACRO_AREAS, PRACTICE_LEVELS, type Topic } from '../model/vocabulary.types';
import type { Credit } from '../model/transcript.types';
import type { CreditMatcher } from '../model/rule-set.types';

const TOPIC_POOL: Topic[] = ['ethics', 'supervision', 'telehealth', 'hiv-aids'];
const BODIES = ['ACE', 'nasw', 'Board'];

function referenceSort(credits: readonly Credit[]): Credit[] {
  const tieBreak = (c: Credit): string => `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}`;
  return [...credits].sort((a, b) => {
    if (a.id !== b.id) return a.id < b.id ? -1 : 1;
    const ka = tieBreak(a);
    const kb = tieBreak(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
}

const creditArb = fc
  .record({
    id: fc.integer({ min: 0, max: 30 }),
    hours: fc.constantFrom(1, 2, 3),
    title: fc.constantFrom('A', 'B'),
    day: fc.constantFrom('2025-01-01', '2025-02-01'),
  })
  .map((r) => credit(r.hours, { id: `c${r.id}`, title: r.title, completedOn: r.day }));

const matcherArb: fc.Arbitrary<CreditMatcher> = fc.record(
  {
    topics: fc.subarray(TOPIC_POOL),
    formats: fc.subarray([...FORMATS]),
    practice: fc.constantFrom(...PRACTICE_LEVELS),
    macroAreas: fc.subarray([...MACRO_AREAS]),
    approvals: fc.subarray(BODIES),
  },
  { requiredKeys: [] },
);

describe('credit intake hot paths', () => {
  it('sortCredits orders exactly like Array#sort with the reference comparator (duplicates included)', () => {
    fc.assert(
      fc.property(fc.array(creditArb, { maxLength: 70 }), (credits) => {
        expect(sortCredits(credits)).toEqual(referenceSort(credits));
      }),
      { numRuns: 300 },
    );
  });

  it('match tables give the same matches as matchesCredit on every matcher', () => {
    fc.assert(
      fc.property(
        fc.array(matcherArb, { minLength: 1, maxLength: 8 }),
        fc.subarray(TOPIC_POOL),
        fc.constantFrom<string>(...FORMATS, 'unknown-format'),
        fc.subarray([...MACRO_AREAS]),
        fc.subarray(BODIES.map((b) => b.toLowerCase())),
        (matchers, topics, format, areas, approvals) => {
          const compiled = compileRuleSet(
            version({
              requirements: matchers.map((m, i) => req(`other:r${i}`, 1, m)),
              caps: matchers.map((m, i) => cap(`cap:c${i}`, 1, m)),
            }),
          );
          let topicMask = 0;
          for (const t of topics) topicMask |= compiled.topicBits.get(t) ?? 0;
          let areaMask = 0;
          for (const a of areas) areaMask |= MACRO_AREA_BIT.get(a) ?? 0;
          const formatBit = FORMAT_BIT.get(format) ?? 0;
          let expected = 0;
          for (const r of compiled.requirements) if (matchesCredit(r.matcher, topicMask, formatBit, approvals, areaMask)) expected |= 1 << r.index;
          expect(matchCredit(compiled.reqTables, topicMask, formatBit, approvals, areaMask)).toBe(expected);
          expect(matchCredit(compiled.capTables, topicMask, formatBit, approvals, areaMask)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });
});
