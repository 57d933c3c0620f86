/**
 * Precompiles one RuleSetVersion into bitmask matchers and a conflict graph, once per version object
 * (WeakMap cache): evaluation then matches credits with integer operations only.
 */
import type { Cap, CreditMatcher, Requirement, RuleSetVersion } from '../model/rule-set.types';
import { canonicalBody, FORMATS, LIVE_FORMATS, MACRO_AREAS, PRACTICE_LEVELS } from '../model/vocabulary.types';
import { EngineError } from '../errors';
import { toDay } from '../dates/iso-date';

/** Bit sets fit a 32-bit integer; rule sets are far below this (NJ has 4 requirements). */
const MAX_RULES = 31;

export type Dimension = 'topic' | 'practice' | 'format' | 'other';

export interface CompiledMatcher {
  /** 0 = any topic. */
  topics: number;
  /** 0 = any format. */
  formats: number;
  /** Index in PRACTICE_LEVELS, -1 = any level. */
  practice: number;
  /** 0 = any; otherwise only macro hours of credits tagged with one of these areas. */
  macroAreas: number;
  /** Lower-cased approval bodies, null = any. */
  approvals: readonly string[] | null;
  /** Day number (`toDay`) of `completedOnOrAfter`; -Infinity = any date. */
  completedFrom: number;
}

export interface CompiledRequirement {
  index: number;
  rule: Requirement;
  dimension: Dimension;
  matcher: CompiledMatcher;
  countsTowardTotal: boolean;
  /** Once-per-career or within-years: credits from before the cycle may serve it. */
  oncePerCareer: boolean;
  /** Within-years: the window's length in months (0 otherwise). */
  windowMonths: number;
}

export interface CompiledCap {
  index: number;
  rule: Cap;
  matcher: CompiledMatcher;
  negate: boolean;
  perCredit: boolean;
  /** Bit set (of `topicBits`) of the cap's `exceptTopics`; 0 = none. */
  exceptTopics: number;
  /** The over-cap exclusion's sentence: "<label>: hours above the 20-hour cap (<citation>)". */
  overCapDetail: string;
}

/**
 * What one approval body (as written in a transcript) means for a rule set: accepted or not, and
 * which requirement and cap matchers with an approval list name it (see the intake's `bodyInfo`).
 */
export interface BodyInfo {
  accepted: boolean;
  reqBits: number;
  capBits: number;
}

export interface CompiledRuleSet {
  version: RuleSetVersion;
  requirements: CompiledRequirement[];
  caps: CompiledCap[];
  /** conflicts[i]: bit set of requirements no hour may serve together with requirement i. */
  conflicts: number[];
  topicBits: ReadonlyMap<string, number>;
  /** The topics of `topicBits` by bit index: `topicBits.get(topicNames[b]) === 1 << b`. */
  topicNames: readonly string[];
  /** Per practice level: requirements whose matcher accepts hours at that level. */
  reqLevelMask: readonly number[];
  /** Per practice level: caps whose (un-negated) matcher accepts hours at that level. */
  capLevelMask: readonly number[];
  /** Caps with `negate`. */
  negateMask: number;
  /**
   * Per topic bit index: the caps whose `exceptTopics` list the topic. A credit's exempt caps (the OR
   * over its topics) are removed from its pieces' caps after negation: `& ~exempt`.
   */
  capExceptByTopic: Int32Array;
  accepted: ReadonlySet<string> | null;
  refused: ReadonlySet<string>;
  /** The exclusion detail of a credit none of whose approvals is accepted: names what the board accepts. */
  notAcceptedDetail: string;
  /**
   * Approval bodies as written in transcripts → what they mean here, filled by the intake (bounded
   * there), so that the hot path neither lower-cases nor hashes fresh strings.
   */
  bodies: Map<string, BodyInfo>;
  /** Maximal cliques of the conflict graph restricted to a requirement set (memoised per set). */
  cliques(reqMask: number): readonly number[];
  /** Credit-level matching of requirements and caps as bit-set lookups (see `matchTables`). */
  reqTables: MatchTables;
  capTables: MatchTables;
}

/**
 * A matcher is an AND over fields, each an OR over its list (or "any"). Per field, the set of matchers
 * accepting a value is precomputed, so matching a credit is a few ORs and ANDs of bit sets.
 */
export interface MatchTables {
  /** Matchers with no topic list, and per topic bit index those listing the topic. */
  topicAny: number;
  byTopic: Int32Array;
  macroAny: number;
  byMacroArea: Int32Array;
  /** Per format bit index (FORMATS order), plus a last slot for an unknown format. */
  byFormat: Int32Array;
  /** Matchers without an approval list; the others are checked one by one. */
  approvalAny: number;
  withApprovals: readonly { bit: number; approvals: readonly string[] }[];
  /** Matchers with `completedOnOrAfter` (usually none): a credit completed before `from` does not match. */
  dated: readonly { bit: number; from: number }[];
}

function matchTables(matchers: readonly { matcher: CompiledMatcher; index: number }[]): MatchTables {
  const t: MatchTables = {
    topicAny: 0,
    byTopic: new Int32Array(32),
    macroAny: 0,
    byMacroArea: new Int32Array(MACRO_AREAS.length),
    byFormat: new Int32Array(FORMATS.length + 1),
    approvalAny: 0,
    withApprovals: [],
    dated: [],
  };
  const withApprovals: { bit: number; approvals: readonly string[] }[] = [];
  const dated: { bit: number; from: number }[] = [];
  for (const { matcher: m, index } of matchers) {
    const bit = 1 << index;
    if (m.topics === 0) t.topicAny |= bit;
    for (let b = 0; b < 32; b++) if ((m.topics & (1 << b)) !== 0) t.byTopic[b] |= bit;
    if (m.macroAreas === 0) t.macroAny |= bit;
    for (let b = 0; b < MACRO_AREAS.length; b++) if ((m.macroAreas & (1 << b)) !== 0) t.byMacroArea[b] |= bit;
    for (let b = 0; b <= FORMATS.length; b++) if (m.formats === 0 || (b < FORMATS.length && (m.formats & (1 << b)) !== 0)) t.byFormat[b] |= bit;
    if (m.approvals === null) t.approvalAny |= bit;
    else withApprovals.push({ bit, approvals: m.approvals });
    if (m.completedFrom !== -Infinity) dated.push({ bit, from: m.completedFrom });
  }
  t.withApprovals = withApprovals;
  t.dated = dated;
  return t;
}

/** The matchers of `t` that a credit completed on `day` misses by its date alone (`completedOnOrAfter`). */
export function tooEarly(t: MatchTables, day: number): number {
  let mask = 0;
  const dated = t.dated;
  for (let i = 0; i < dated.length; i++) if (day < dated[i].from) mask |= dated[i].bit;
  return mask;
}

/** Bit set of the matchers (of `t`) accepting a credit: same result as `matchesCredit` on each. */
export function matchCredit(t: MatchTables, topicMask: number, formatBit: number, approvals: readonly string[], macroAreaMask: number, day = Infinity): number {
  let topics = t.topicAny;
  for (let rest = topicMask; rest !== 0; rest &= rest - 1) topics |= t.byTopic[31 - Math.clz32(rest & -rest)];
  let macro = t.macroAny;
  for (let rest = macroAreaMask; rest !== 0; rest &= rest - 1) macro |= t.byMacroArea[31 - Math.clz32(rest & -rest)];
  const format = t.byFormat[formatBit === 0 ? FORMATS.length : 31 - Math.clz32(formatBit)];
  let approved = t.approvalAny;
  for (const w of t.withApprovals) if (approvals.some((a) => w.approvals.includes(a))) approved |= w.bit;
  return topics & macro & format & approved & ~tooEarly(t, day);
}

export const FORMAT_BIT: ReadonlyMap<string, number> = new Map(FORMATS.map((f, i) => [f, 1 << i]));
export const MACRO_AREA_BIT: ReadonlyMap<string, number> = new Map(MACRO_AREAS.map((a, i) => [a, 1 << i]));
const LIVE_MASK = LIVE_FORMATS.reduce((mask, f) => mask | (FORMAT_BIT.get(f) ?? 0), 0);

function bitsOf(values: readonly string[] | undefined, bits: ReadonlyMap<string, number>): number {
  let mask = 0;
  for (const v of values ?? []) mask |= bits.get(v) ?? 0;
  return mask;
}

/** Bit set of `topics`, giving each topic not seen before the next bit. */
function topicMask(topics: readonly string[] | undefined, topicBits: Map<string, number>): number {
  for (const t of topics ?? []) {
    if (!topicBits.has(t)) {
      if (topicBits.size >= MAX_RULES) throw new EngineError('rule-set-too-large', 'More than 31 distinct topics in one rule set');
      topicBits.set(t, 1 << topicBits.size);
    }
  }
  return bitsOf(topics, topicBits);
}

function compileMatcher(m: CreditMatcher, code: string, topicBits: Map<string, number>): CompiledMatcher {
  topicMask(m.topics, topicBits);
  let formats = bitsOf(m.formats, FORMAT_BIT);
  // `format:live` without an explicit list means the live formats (vocabulary.types LIVE_FORMATS).
  if (!m.formats && /(^|:)format:live$/.test(code)) formats = LIVE_MASK;
  return {
    topics: bitsOf(m.topics, topicBits),
    formats,
    practice: m.practice ? PRACTICE_LEVELS.indexOf(m.practice) : -1,
    macroAreas: bitsOf(m.macroAreas, MACRO_AREA_BIT),
    approvals: m.approvals ? m.approvals.map((a) => canonicalBody(a.toLowerCase())) : null,
    completedFrom: m.completedOnOrAfter === undefined ? -Infinity : toDay(m.completedOnOrAfter),
  };
}

function dimensionOf(r: Requirement): Dimension {
  const prefix = r.code.split(':')[0];
  if (prefix === 'topic' || prefix === 'practice' || prefix === 'format') return prefix;
  if (r.match.practice || r.match.macroAreas) return 'practice';
  if (r.match.formats) return 'format';
  if (r.match.topics) return 'topic';
  return 'other';
}

function groupIndices(codes: readonly string[], byCode: ReadonlyMap<string, number[]>): number[] {
  return codes.flatMap((c) => byCode.get(c) ?? []);
}

/** Bron–Kerbosch with bit sets; graphs have at most 31 vertices and usually fewer than 10. */
function maximalCliques(vertices: number, conflicts: readonly number[]): number[] {
  const out: number[] = [];
  const expand = (r: number, p: number, x: number): void => {
    if (p === 0 && x === 0) {
      out.push(r);
      return;
    }
    let candidates = p;
    while (candidates !== 0) {
      const bit = candidates & -candidates;
      const v = 31 - Math.clz32(bit);
      const neighbours = conflicts[v] & vertices;
      expand(r | bit, p & neighbours, x & neighbours);
      candidates &= ~bit;
      p &= ~bit;
      x |= bit;
    }
  };
  expand(0, vertices, 0);
  return out.sort((a, b) => a - b);
}

function capText(max: Cap['max']): string {
  return 'hours' in max ? `${max.hours}-hour` : `${Math.round(max.shareOfTotal * 100)}%`;
}

function compile(version: RuleSetVersion): CompiledRuleSet {
  if (version.requirements.length > MAX_RULES || version.caps.length > MAX_RULES) {
    throw new EngineError('rule-set-too-large', `A rule set may have at most ${MAX_RULES} requirements and ${MAX_RULES} caps`);
  }
  const topicBits = new Map<string, number>();
  const requirements = version.requirements.map((rule, index): CompiledRequirement => ({
    index,
    rule,
    dimension: dimensionOf(rule),
    matcher: compileMatcher(rule.match, rule.code, topicBits),
    countsTowardTotal: rule.countsTowardTotal !== false,
    oncePerCareer: rule.frequency?.kind === 'once-per-career' || rule.frequency?.kind === 'within-years',
    windowMonths: rule.frequency?.kind === 'within-years' ? Math.round(rule.frequency.years * 12) : 0,
  }));
  const caps = version.caps.map((rule, index): CompiledCap => ({
    index,
    rule,
    matcher: compileMatcher(rule.match, rule.code, topicBits),
    negate: rule.negate === true,
    perCredit: rule.perCredit === true,
    exceptTopics: topicMask(rule.exceptTopics, topicBits),
    overCapDetail: `${rule.label}: hours above the ${capText(rule.max)} cap (${rule.source.citation})`,
  }));
  const capExceptByTopic = new Int32Array(32);
  for (const k of caps) for (let b = 0; b < 32; b++) if ((k.exceptTopics & (1 << b)) !== 0) capExceptByTopic[b] |= 1 << k.index;
  const byCode = new Map<string, number[]>();
  requirements.forEach((r) => byCode.set(r.rule.code, [...(byCode.get(r.rule.code) ?? []), r.index]));
  const n = requirements.length;
  const share = Array.from({ length: n }, () => 0);
  for (const pair of version.overlap?.mayShare ?? []) {
    const members = groupIndices(pair, byCode);
    for (const a of members) for (const b of members) if (a !== b) share[a] |= 1 << b;
  }
  const conflicts = requirements.map((r) =>
    requirements.reduce((mask, o) => (o.index !== r.index && o.dimension === r.dimension ? mask | (1 << o.index) : mask), 0),
  );
  for (const group of version.overlap?.exclusive ?? []) {
    const members = groupIndices(group, byCode);
    for (const a of members) for (const b of members) if (a !== b) conflicts[a] |= 1 << b;
  }
  for (let i = 0; i < n; i++) conflicts[i] &= ~share[i];
  const levelMask = (matchers: { matcher: CompiledMatcher; index: number }[], level: number): number =>
    matchers.reduce((mask, r) => {
      const ok = (r.matcher.practice === -1 || r.matcher.practice === level) && (r.matcher.macroAreas === 0 || level === 1);
      return ok ? mask | (1 << r.index) : mask;
    }, 0);
  const cliqueCache = new Map<number, number[]>();
  // Up to 12 requirements, the cliques of every requirement set are looked up by index (filled lazily).
  const cliqueTable: (number[] | undefined)[] | null = n <= 12 ? new Array<number[] | undefined>(1 << n).fill(undefined) : null;
  const lower = (xs: readonly string[] | undefined): Set<string> => new Set((xs ?? []).map((x) => canonicalBody(x.toLowerCase())));
  return {
    version,
    requirements,
    caps,
    conflicts,
    topicBits,
    topicNames: [...topicBits.keys()],
    reqLevelMask: PRACTICE_LEVELS.map((_, level) => levelMask(requirements, level)),
    capLevelMask: PRACTICE_LEVELS.map((_, level) => levelMask(caps, level)),
    negateMask: caps.reduce((mask, k) => (k.negate ? mask | (1 << k.index) : mask), 0),
    capExceptByTopic,
    accepted: version.approvals?.accepted ? lower(version.approvals.accepted) : null,
    refused: lower(version.approvals?.refused),
    notAcceptedDetail: notAcceptedDetail(version.approvals?.accepted, version.approvals?.refused),
    bodies: new Map(),
    reqTables: matchTables(requirements),
    capTables: matchTables(caps),
    cliques(reqMask: number): readonly number[] {
      if (cliqueTable !== null && reqMask >>> 0 < cliqueTable.length) {
        let listed = cliqueTable[reqMask];
        if (listed === undefined) {
          listed = maximalCliques(reqMask, conflicts);
          cliqueTable[reqMask] = listed;
        }
        return listed;
      }
      let found = cliqueCache.get(reqMask);
      if (!found) {
        found = maximalCliques(reqMask, conflicts);
        cliqueCache.set(reqMask, found);
      }
      return found;
    },
  };
}

const cache = new WeakMap<RuleSetVersion, CompiledRuleSet>();

/** Compiled form of a version, built once per version object. */
export function compileRuleSet(version: RuleSetVersion): CompiledRuleSet {
  let compiled = cache.get(version);
  if (!compiled) {
    compiled = compile(version);
    cache.set(version, compiled);
  }
  return compiled;
}

/** Whether a credit (topics/format/approvals/macro areas) matches, before the practice-level filter. */
export function matchesCredit(m: CompiledMatcher, topicMask: number, formatBit: number, approvals: readonly string[], macroAreaMask: number, day = Infinity): boolean {
  if (day < m.completedFrom) return false;
  if (m.topics !== 0 && (m.topics & topicMask) === 0) return false;
  if (m.macroAreas !== 0 && (m.macroAreas & macroAreaMask) === 0) return false;
  if (m.formats !== 0 && (m.formats & formatBit) === 0) return false;
  if (m.approvals !== null && !approvals.some((a) => m.approvals?.includes(a))) return false;
  return true;
}

/** How the detail names the bodies whose codes are not names. */
const BODY_PHRASES: Readonly<Record<string, string>> = {
  board: 'its own board',
  'other-state-board': "another state's board",
  'accredited-university': 'an accredited university',
};

/** "None of its approvals is accepted by this board (it accepts ACE, NASW or …)": written once per version. */
function notAcceptedDetail(accepted: readonly string[] | undefined, refused: readonly string[] | undefined): string {
  const base = 'None of its approvals is accepted by this board';
  const say = (x: string): string => BODY_PHRASES[x] ?? x;
  const or = (xs: readonly string[]): string => (xs.length === 1 ? say(xs[0]) : `${xs.slice(0, -1).map(say).join(', ')} or ${say(xs[xs.length - 1])}`);
  if (accepted && accepted.length > 0) return `${base} (it accepts ${or(accepted)}; a course without an approval does not count)`;
  if (refused && refused.length > 0) return `${base} (it refuses ${or(refused)})`;
  return base;
}
