/**
 * The hot-path rewrites of credit intake against their straightforward definitions: the merge sort
 * against Array#sort with the reference comparator, and the match tables against `matchesCredit`
 * applied matcher by matcher.
 */
import fc from 'fast-check';
import { formatIndex, intakeCredits, sortCredits } from './credits';
import { compileRuleSet, matchCredit, matchesCredit, FORMAT_BIT, MACRO_AREA_BIT } from '../compile/compile-rules';
import { cap, credit, req, version } from '../testing/fixtures';
import { FORMATS, MACRO_AREAS, PRACTICE_LEVELS, TOPICS, type Topic } from '../model/vocabulary.types';
import { toDay } from '../dates/iso-date';
import type { Credit } from '../model/transcript.types';
import type { CreditMatcher } from '../model/rule-set.types';

const TOPIC_POOL: Topic[] = ['ethics', 'supervision', 'telehealth', 'hiv-aids'];
const BODIES = ['ACE', 'nasw', 'Board'];

function referenceSort(credits: readonly Credit[]): Credit[] {
  const tieBreak = (c: Credit): string =>
    `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}|${JSON.stringify([
      c.provider ?? null,
      [c.practice.clinical, c.practice.macro, c.practice.general],
      c.macroAreas ?? [],
      (c.approvals ?? []).map((a) => [a.body, a.number ?? null]),
    ])}`;
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
    level: fc.constantFrom(0, 1, 2),
    body: fc.constantFrom('ACE', 'NASW'),
  })
  .map((r) =>
    credit(r.hours, {
      id: `c${r.id}`,
      title: r.title,
      completedOn: r.day,
      practice: { clinical: r.level === 0 ? r.hours : 0, macro: r.level === 1 ? r.hours : 0, general: r.level === 2 ? r.hours : 0 },
      approvals: [{ body: r.body }],
    }),
  );

const matcherArb: fc.Arbitrary<CreditMatcher> = fc.record(
  {
    topics: fc.subarray(TOPIC_POOL),
    formats: fc.subarray([...FORMATS]),
    practice: fc.constantFrom(...PRACTICE_LEVELS),
    macroAreas: fc.subarray([...MACRO_AREAS]),
    approvals: fc.subarray(BODIES),
    completedOnOrAfter: fc.constantFrom('2025-01-01', '2025-01-02', '2025-02-01'),
  },
  { requiredKeys: [] },
);
const DAYS = ['2024-12-31', '2025-01-01', '2025-01-02', '2025-01-31', '2025-02-01'];

describe('credit intake hot paths', () => {
  it('sortCredits orders exactly like Array#sort with the reference comparator (duplicates included)', () => {
    fc.assert(
      fc.property(fc.array(creditArb, { maxLength: 70 }), (credits) => {
        expect(sortCredits(credits)).toEqual(referenceSort(credits));
      }),
      { numRuns: 300 },
    );
  });

  it('sortCredits keeps the order of input that is already in runs (logged order, sorted, reversed, blocks)', () => {
    // Natural runs: the sort keeps ascending runs the input holds, so feed it inputs made of runs.
    const shapes = fc.constantFrom('sorted', 'reversed', 'blocks', 'logged');
    fc.assert(
      fc.property(fc.array(creditArb, { maxLength: 70 }), shapes, fc.integer({ min: 1, max: 12 }), (credits, shape, block) => {
        let input = credits;
        if (shape === 'logged') input = credits.map((c, i) => ({ ...c, id: `c${i}` }));
        const sorted = referenceSort(input);
        if (shape === 'sorted') input = sorted;
        else if (shape === 'reversed') input = [...sorted].reverse();
        else if (shape === 'blocks') {
          // Sorted blocks of `block` credits, the blocks in reverse order.
          const blocks: Credit[][] = [];
          for (let i = 0; i < sorted.length; i += block) blocks.push(sorted.slice(i, i + block));
          input = blocks.reverse().flat();
        }
        expect(sortCredits(input)).toEqual(sorted);
      }),
      { numRuns: 400 },
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
        fc.constantFrom(...DAYS),
        (matchers, topics, format, areas, approvals, date) => {
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
          const day = toDay(date);
          for (const r of compiled.requirements) if (matchesCredit(r.matcher, topicMask, formatBit, approvals, areaMask, day)) expected |= 1 << r.index;
          expect(matchCredit(compiled.reqTables, topicMask, formatBit, approvals, areaMask, day)).toBe(expected);
          expect(matchCredit(compiled.capTables, topicMask, formatBit, approvals, areaMask, day)).toBe(expected);
        },
      ),
      { numRuns: 300 },
    );
  });

  it('formatIndex agrees with FORMAT_BIT on every format and on unknown values', () => {
    for (const f of [...FORMATS, 'webinar', '', 'LIVE-ONLINE', undefined, 3]) {
      const bit = FORMAT_BIT.get(f as string) ?? 0;
      expect(formatIndex(f)).toBe(bit === 0 ? FORMATS.length : 31 - Math.clz32(bit));
    }
  });

  it('the intake matches every credit like matchesCredit, whatever rule set was read before (topic scan, body cache)', () => {
    const bigTopics = TOPICS.slice(0, 14);
    const intakeCreditArb = fc.record({
      topics: fc.subarray([...TOPIC_POOL, 'dementia', 'not-a-topic'] as Topic[]),
      format: fc.constantFrom(...FORMATS, 'unknown-format'),
      approvals: fc.option(fc.subarray([...BODIES, 'ACE', 'NASW-XX', 'board']), { nil: undefined }),
      macroAreas: fc.option(fc.subarray([...MACRO_AREAS]), { nil: undefined }),
      completedOn: fc.constantFrom(...DAYS),
    });
    fc.assert(
      fc.property(
        fc.array(matcherArb, { minLength: 1, maxLength: 5 }),
        fc.array(matcherArb, { minLength: 1, maxLength: 4 }),
        fc.boolean(),
        fc.array(intakeCreditArb, { minLength: 1, maxLength: 12 }),
        (reqMatchers, capMatchers, big, raw) => {
          const v = version({
            requirements: [...reqMatchers.map((m, i) => req(`other:r${i}`, 1, m)), ...(big ? [req('other:big', 1, { topics: bigTopics })] : [])],
            caps: capMatchers.map((m, i) => cap(`cap:other:c${i}`, 1, m, { exceptTopics: i === 0 ? ['ethics'] : undefined })),
            approvals: { refused: ['NASW-XX'], source: { citation: 'x', url: 'https://example.org', readOn: '2026-01-01', confidence: 'high' } },
          });
          const other = compileRuleSet(version({ requirements: [req('topic:ethics', 1, { topics: ['ethics'], approvals: ['ACE'] })], approvals: { accepted: ['nasw'], source: v.approvals!.source } }));
          const compiled = compileRuleSet(v);
          const credits = raw.map((r, i) =>
            credit(1, { id: `k${String(i).padStart(2, '0')}`, topics: r.topics, format: r.format as Credit['format'], approvals: r.approvals?.map((body) => ({ body })), macroAreas: r.macroAreas, completedOn: r.completedOn }),
          );
          // Read another rule set first: nothing it resolved may leak into this one.
          intakeCredits(other, credits, 0, 1e6, 0);
          const table = intakeCredits(compiled, credits, 0, 1e6, 0);
          for (let k = 0; k < table.count; k++) {
            const c = table.credits[k];
            let topicMask = 0;
            for (const t of c.topics) topicMask |= compiled.topicBits.get(t) ?? 0;
            const formatBit = FORMAT_BIT.get(c.format) ?? 0;
            const approvals = (c.approvals ?? []).map((a) => a.body.toLowerCase());
            let areaMask = 0;
            for (const a of c.macroAreas ?? []) areaMask |= MACRO_AREA_BIT.get(a) ?? 0;
            const day = toDay(c.completedOn);
            let reqs = 0;
            for (const r of compiled.requirements) if (matchesCredit(r.matcher, topicMask, formatBit, approvals, areaMask, day)) reqs |= 1 << r.index;
            let caps = 0;
            let exempt = 0;
            for (const k2 of compiled.caps) {
              if (matchesCredit(k2.matcher, topicMask, formatBit, approvals, areaMask, day)) caps |= 1 << k2.index;
              if ((k2.exceptTopics & topicMask) !== 0) exempt |= 1 << k2.index;
            }
            expect([table.reqMatch[k], table.capMatch[k], table.capExempt[k]]).toEqual([reqs, caps, exempt]);
            const accepted = approvals.length === 0 || approvals.some((a) => a !== 'nasw-xx');
            expect(table.status[k] === 3).toBe(!accepted);
          }
        },
      ),
      { numRuns: 300 },
    );
  });
});
