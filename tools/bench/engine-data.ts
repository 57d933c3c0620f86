/**
 * Data of the engine benchmark, shared with the equivalence check (`tools/bench/equivalence.ts`):
 * the seeded PRNG, the 10-rule bench rule sets (6 minimums, 4 caps, an exclusive group) and the
 * 40-credit synthetic licensees. Deterministic.
 */
import {
  FORMATS,
  type Credit,
  type Format,
  type Transcript,
} from '../../libs/compliance/engine/src';
import {
  cap,
  req,
  rules,
  testSource,
  version,
} from '../../libs/compliance/engine/src/lib/testing/fixtures';

/** mulberry32: tiny, fast, deterministic. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

/**
 * The formats the benchmark's and the generated cases' credits draw from: the seven of the contract
 * before the activity formats (2026-11-23), fixed so that every recorded figure and every engine
 * compared by `engine:equivalence` sees the same workload.
 */
export const BENCH_FORMATS: readonly Format[] = FORMATS.slice(0, 7);

/** The topics of the benchmark's rule sets, which its licensees' credits draw from. */
export const BENCH_TOPICS = [
  'ethics',
  'cultural-competence',
  'suicide-prevention',
  'supervision',
  'telehealth',
  'substance-use',
] as const;

export function fullRuleSet(variant: number) {
  return rules(
    version({
      version: `bench-${variant}`,
      total: { hours: 40 + variant * 5, source: testSource },
      requirements: [
        req('topic:ethics', 3 + variant, { topics: ['ethics'] }),
        req('topic:cultural-competence', 3, {
          topics: ['cultural-competence'],
        }),
        req('topic:suicide-prevention', 2, { topics: ['suicide-prevention'] }),
        req('practice:clinical', 20, { practice: 'clinical' }),
        req('format:live', 8 + variant, {
          formats: ['live-in-person', 'live-online'],
        }),
        req(
          'topic:supervision',
          3,
          { topics: ['supervision'] },
          { appliesTo: { roles: ['supervisor'] } },
        ),
      ],
      caps: [
        cap('cap:format:self-study', 20, { formats: ['self-study'] }),
        cap(
          'cap:practice:non-clinical',
          12 + variant,
          { practice: 'clinical' },
          { negate: true },
        ),
        cap(
          'cap:activity:teaching',
          5,
          { formats: ['teaching'] },
          { perCredit: true },
        ),
        cap('cap:format:publication', 4, { formats: ['publication'] }),
      ],
      overlap: {
        exclusive: [
          ['practice:clinical', 'topic:ethics', 'topic:cultural-competence'],
        ],
      },
      approvals: { refused: ['NASW-XX'], source: testSource },
    }),
  );
}

export function licensee(rand: () => number, n: number): Transcript {
  const credits: Credit[] = [];
  for (let i = 0; i < 40; i++) {
    const hours = [0.5, 1, 1.5, 2, 3, 6][Math.floor(rand() * 6)];
    const clinical = Math.round(hours * rand() * 4) / 4;
    const macro = Math.round((hours - clinical) * rand() * 4) / 4;
    const topics = BENCH_TOPICS.filter(() => rand() < 0.12);
    const day = Math.floor(rand() * 760) - 15;
    credits.push({
      id: `L${n}-C${i}`,
      title: `Course ${i}`,
      completedOn: new Date(Date.UTC(2025, 0, 1) + day * 86_400_000)
        .toISOString()
        .slice(0, 10),
      hours,
      format: BENCH_FORMATS[Math.floor(rand() * BENCH_FORMATS.length)],
      topics,
      practice: {
        clinical,
        macro,
        general: Math.round((hours - clinical - macro) * 100) / 100,
      },
      ...(rand() < 0.05
        ? { approvals: [{ body: 'NASW-XX' }] }
        : { approvals: [{ body: 'ACE' }] }),
    });
  }
  return {
    jurisdiction: 'ZZ',
    licenseType: 'LCSW',
    license: {
      issuedOn: '2012-05-01',
      roles: rand() < 0.3 ? ['supervisor'] : [],
    },
    asOf: '2026-09-30',
    credits,
  };
}
