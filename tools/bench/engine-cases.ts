/**
 * Varied evaluation inputs for the engine equivalence check (`tools/bench/equivalence.ts`),
 * deterministic per seed: 35% shipped rule sets with random transcripts over every topic; the rest
 * the benchmark's rule sets with random combinations of not-credited, once-per-career, mayShare,
 * carryover, macro-area, share-of-total, accepted-approvals, first-renewal, per-year, every-nth,
 * alternating and role-restricted variants; transcripts with duplicates, early credits, inconsistent
 * practice splits, reversed input and explicit cycles, and about 1% that must throw.
 */
import {
  MACRO_AREAS,
  TOPICS,
  type Credit,
  type Transcript,
  type RuleSetVersion,
  type Requirement,
  type Cap,
  type EvaluateRules,
} from '../../libs/compliance/engine/src';
import { loadRuleSets } from '../../libs/compliance/rules/src';
import {
  cap,
  req,
  testSource as src,
} from '../../libs/compliance/engine/src/lib/testing/fixtures';
import {
  BENCH_FORMATS,
  BENCH_TOPICS as BT,
  fullRuleSet,
  licensee,
  prng,
} from './engine-data';

export interface Case {
  rules: EvaluateRules;
  transcript: Transcript;
  today?: string;
}

function pick<T>(r: () => number, xs: readonly T[]): T {
  return xs[Math.floor(r() * xs.length)];
}
function day(d: number): string {
  return new Date(Date.UTC(2025, 0, 1) + d * 86_400_000)
    .toISOString()
    .slice(0, 10);
}

export function benchVersion(
  r: () => number,
  variant: number,
  mut: number,
): RuleSetVersion {
  // The benchmark's six minimums and four caps, copied so that the variants below can add to them.
  const bench = fullRuleSet(variant).licenseType.versions[0];
  const requirements: Requirement[] = [...bench.requirements];
  const caps: Cap[] = [...bench.caps];
  const v: RuleSetVersion = {
    version: `bench-${variant}-${mut}`,
    effectiveFrom: '2020-01-01',
    cycle: {
      months: 24,
      anchor: 'fixed',
      month: 12,
      day: 31,
      parity: 'even',
      source: src,
    },
    total: { hours: 40 + variant * 5, source: src },
    requirements,
    caps,
    overlap: {
      exclusive: [
        ['practice:clinical', 'topic:ethics', 'topic:cultural-competence'],
      ],
    },
    approvals: { refused: ['NASW-XX'], source: src },
    macro: {
      countsTowardRenewal: pick(r, ['yes', 'capped', 'no'] as const),
      note: r() < 0.5 ? 'Macro hours count like any other.' : '',
      source: src,
    },
  };
  if (mut & 1)
    requirements.push(
      req(
        'topic:telehealth',
        2,
        { topics: ['telehealth'] },
        { countsTowardTotal: false },
      ),
    );
  if (mut & 2)
    requirements.push(
      req(
        'topic:substance-use',
        2,
        { topics: ['substance-use'] },
        { frequency: { kind: 'once-per-career' } },
      ),
    );
  if (mut & 4)
    v.overlap = {
      exclusive: [
        ['practice:clinical', 'topic:ethics', 'topic:cultural-competence'],
      ],
      mayShare: [['topic:ethics', 'topic:suicide-prevention']],
    };
  if (mut & 8)
    v.carryover = {
      maxHours: 10,
      excludedTopics: r() < 0.5 ? ['ethics'] : undefined,
      source: src,
    };
  if (mut & 16)
    requirements.push(
      req('practice:macro', 3, {
        practice: 'macro',
        macroAreas: r() < 0.5 ? ['policy-advocacy'] : undefined,
      }),
    );
  if (mut & 32)
    requirements.push({
      ...req('topic:public-health-priority', 0, {
        topics: ['telehealth', 'substance-use'],
      }),
      min: { shareOfTotal: 0.1 },
    });
  if (mut & 64)
    caps.push({
      ...cap('cap:format:other', 0, { formats: ['other'] }),
      max: { shareOfTotal: 0.25 },
    });
  if (mut & 128)
    v.approvals = {
      accepted: ['ACE', 'nasw', 'Board'],
      refused: ['NASW-XX'],
      source: src,
    };
  if (mut & 256)
    v.firstRenewal = pick(r, [
      { kind: 'exempt', source: src },
      { kind: 'full', source: src },
      { kind: 'prorate', source: src },
      { kind: 'prorate', roundTo: 0.5, source: src },
      {
        kind: 'fraction',
        fraction: 0.5,
        whenIssuedAfterMonths: 12,
        source: src,
      },
    ] as const) as RuleSetVersion['firstRenewal'];
  if (mut & 512)
    requirements.push(
      req('topic:ethics-approved', 1, {
        topics: ['ethics'],
        approvals: ['ACE'],
      }),
    );
  if (mut & 1024)
    requirements.push(
      req(
        'topic:implicit-bias',
        1,
        { topics: ['implicit-bias'] },
        {
          frequency: pick(r, [
            { kind: 'per-year-of-cycle' },
            { kind: 'every-nth-cycle', n: 2 },
            { kind: 'alternating', group: 'g', index: 0, of: 2 },
            { kind: 'first-renewal' },
          ] as const) as Requirement['frequency'],
        },
      ),
    );
  if (mut & 2048)
    caps.push(cap('cap:practice:macro', 5, { practice: 'macro' }));
  if (mut & 4096)
    caps.push(
      cap(
        'cap:format:live-online',
        10,
        { formats: ['live-online'] },
        { appliesTo: { roles: ['supervisor'] } },
      ),
    );
  return v;
}

export function credits(
  r: () => number,
  n: number,
  tag: string,
  topicPool: readonly string[],
  opts: { dupes: boolean; early: boolean; weird: boolean },
): Credit[] {
  const out: Credit[] = [];
  for (let i = 0; i < n; i++) {
    const hours = pick(r, [0.25, 0.5, 1, 1.5, 2, 3, 6, 0.33, 10]);
    const clinical = Math.round(hours * r() * 4) / 4;
    const macro = Math.round((hours - clinical) * r() * 4) / 4;
    const topics = topicPool.filter(() => r() < 0.12) as Credit['topics'];
    const d = Math.floor(r() * 760) - (opts.early ? 800 : 15);
    const c: Credit = {
      id:
        opts.dupes && r() < 0.08 && out.length > 0
          ? pick(r, out).id
          : `${tag}-C${i}`,
      title: `Course ${i % 5}`,
      completedOn: day(d),
      hours,
      format: pick(r, BENCH_FORMATS),
      topics,
      practice: {
        clinical,
        macro,
        general: Math.round((hours - clinical - macro) * 100) / 100,
      },
    };
    if (opts.weird && r() < 0.1)
      c.practice = { clinical: hours, macro: hours / 2, general: 0 };
    const a = r();
    if (a < 0.05) c.approvals = [{ body: 'NASW-XX' }];
    else if (a < 0.1) c.approvals = [{ body: 'nasw-xx' }, { body: 'Board' }];
    else if (a < 0.15) {
      /* none */
    } else if (a < 0.2) c.approvals = [];
    else if (a < 0.25) c.approvals = [{ body: 'NASW' }];
    else c.approvals = [{ body: 'ACE', number: '12' }];
    if (r() < 0.15) c.macroAreas = MACRO_AREAS.filter(() => r() < 0.4);
    if (r() < 0.1) c.provider = 'P';
    out.push(c);
  }
  return out;
}

export function cases(seed: number, count: number): Case[] {
  const r = prng(seed);
  const out: Case[] = [];
  const bundled: EvaluateRules[] = [];
  for (const j of loadRuleSets())
    for (const lt of j.licenseTypes)
      bundled.push({ jurisdiction: j.jurisdiction, licenseType: lt });
  const benchSets = new Map<number, EvaluateRules>();
  for (let i = 0; i < count; i++) {
    const kind = r();
    let rules: Case['rules'];
    let pool: readonly string[] = BT;
    if (kind < 0.35) {
      rules = bundled[Math.floor(r() * bundled.length)];
      pool = r() < 0.5 ? TOPICS : BT;
    } else {
      const variant = Math.floor(r() * 4);
      const mut = kind < 0.5 ? 0 : Math.floor(r() * 8192);
      const key = variant * 10000 + mut;
      let set = benchSets.get(key);
      if (!set) {
        set = {
          jurisdiction: 'ZZ',
          licenseType: {
            code: 'LCSW',
            name: 'LCSW',
            versions: [benchVersion(r, variant, mut)],
          },
        };
        benchSets.set(key, set);
      }
      rules = set;
    }
    const n =
      r() < 0.1 ? Math.floor(r() * 5) : r() < 0.8 ? 40 : Math.floor(r() * 90);
    const weird = r() < 0.2;
    const t: Transcript = {
      jurisdiction: rules.jurisdiction,
      licenseType: rules.licenseType.code,
      license: {
        issuedOn:
          r() < 0.2
            ? day(Math.floor(r() * 700) - 100)
            : r() < 0.9
              ? '2012-05-01'
              : undefined,
        birthDate: '1980-0' + (1 + Math.floor(r() * 9)) + '-15',
        roles: r() < 0.3 ? ['supervisor'] : r() < 0.5 ? [] : undefined,
      },
      asOf: r() < 0.9 ? day(Math.floor(r() * 1200) - 200) : '2026-09-30',
      credits: credits(r, n, `L${i}`, pool, {
        dupes: r() < 0.3,
        early: r() < 0.2,
        weird,
      }),
    };
    if (r() < 0.2) t.carryoverHours = Math.floor(r() * 30) / 2;
    if (r() < 0.2) t.advocacyFloorHours = Math.floor(r() * 10);
    if (r() < 0.05)
      t.cycle = {
        start: '2025-01-01',
        end: '2026-12-31',
        index: r() < 0.5 ? 2 : undefined,
      };
    if (r() < 0.03) delete t.license;
    if (r() < 0.1) t.credits.reverse();
    out.push({ rules, transcript: t, today: '2026-06-30' });
  }
  return out;
}

/**
 * What can break in a credit that the schema would reject (the engine is also called on unchecked
 * input): each breaks the credit it is given, or lists a broken copy of it beside it (a copy
 * sharing the id, so that the sort's ranking of copies meets the broken fields too).
 */
type Loose = Partial<
  Record<
    | 'id'
    | 'completedOn'
    | 'topics'
    | 'approvals'
    | 'practice'
    | 'format'
    | 'hours',
    unknown
  >
>;
const BREAKERS: ((c: Loose, all: unknown[]) => void)[] = [
  (c) => (c.completedOn = '2025-02-30'),
  (c) => delete c.completedOn,
  (c) => (c.completedOn = 20_250_101),
  (c) => delete c.topics,
  (c) => (c.topics = 'ethics'),
  (c) => (c.approvals = [{ body: 5 }]),
  (c) => (c.approvals = [{}]),
  (c) => (c.approvals = 'ACE'),
  (c) => delete c.practice,
  (c) => delete c.id,
  (c) => (c.format = 'webinar'),
  (c) => (c.hours = 'three'),
  (c, all) => all.push({ ...c }),
  (c, all) => all.push({ ...c, completedOn: '2019-01-01' }),
  (c, all) => all.push({ ...c, completedOn: 'nope' }),
  (c, all) => all.push({ ...c, approvals: [{ body: 7 }] }),
  (c, all) => all.push({ ...c, hours: Number(c.hours) + 1 }),
  (c, all) => all.push({ ...c, topics: undefined }),
  (c, all) => all.push({ ...c, practice: undefined }),
  (c, all) => all.push({ ...c, approvals: [{ body: 'NASW-XX' }] }),
];

/**
 * Benchmark licensees with one to three broken credits each (`BREAKERS`), half of them in reverse
 * order: the engine must fail the same way (or give the same output) whatever is changed inside it.
 */
export function malformedCases(seed: number, count: number): Case[] {
  const r = prng(seed);
  const sets = [0, 1, 2, 3].map(fullRuleSet);
  const out: Case[] = [];
  for (let i = 0; i < count; i++) {
    const t = licensee(r, i);
    const list = t.credits as unknown as Loose[];
    const broken = 1 + Math.floor(r() * 3);
    for (let b = 0; b < broken; b++)
      pick(r, BREAKERS)(pick(r, list), list as unknown[]);
    if (r() < 0.5) list.reverse();
    out.push({ rules: sets[i % sets.length], transcript: t });
  }
  return out;
}
