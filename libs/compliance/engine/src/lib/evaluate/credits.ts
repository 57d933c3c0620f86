/**
 * Credit intake: a stable order, exclusions that do not depend on allocation (duplicate, outside the
 * cycle, approval), and the split of hours into practice-level pieces with their rule matches.
 */
import type { Credit } from '../model/transcript.types';
import type { ExclusionReason } from '../model/evaluation.types';
import { FORMAT_BIT, MACRO_AREA_BIT, type CompiledRuleSet } from '../compile/compile-rules';
import { FORMATS } from '../model/vocabulary.types';
import { toDay } from '../dates/iso-date';

export type CreditStatus = 'in-cycle' | 'career-only' | ExclusionReason;

/** Credit status codes in `CreditTable.status`. */
export const IN_CYCLE = 0;
export const CAREER_ONLY = 1;
export const DUPLICATE = 2;
export const NOT_ACCEPTED = 3;
export const OUTSIDE_CYCLE = 4;

/**
 * The sorted credits as parallel arrays (struct of arrays): one entry per credit, no object per
 * credit. Filled by `intakeCredits` into reused buffers: valid until the next evaluation, never
 * handed out.
 */
const FORMATS_COUNT = FORMATS.length;

export interface CreditTable {
  count: number;
  /** The credits in sorted order. */
  credits: Credit[];
  /** IN_CYCLE, CAREER_ONLY, DUPLICATE, NOT_ACCEPTED or OUTSIDE_CYCLE. */
  status: Uint8Array;
  /** 1 when completed within the cycle (whatever its status). */
  inCycle: Uint8Array;
  /** Hundredths per practice level (clinical, macro, general) at index 3 * credit + level. */
  levels: Int32Array;
  /** Requirements and (un-negated) caps matching the credit before the practice-level filter. */
  reqMatch: Int32Array;
  capMatch: Int32Array;
}

const table: CreditTable = {
  count: 0,
  credits: [],
  status: new Uint8Array(64),
  inCycle: new Uint8Array(64),
  levels: new Int32Array(192),
  reqMatch: new Int32Array(64),
  capMatch: new Int32Array(64),
};

function reserve(n: number): void {
  if (table.status.length >= n) return;
  const size = n * 2;
  table.status = new Uint8Array(size);
  table.inCycle = new Uint8Array(size);
  table.levels = new Int32Array(size * 3);
  table.reqMatch = new Int32Array(size);
  table.capMatch = new Int32Array(size);
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

const tieBreak = (c: Credit): string => `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}`;

/** Strict order: id first; only credits sharing an id (duplicates) pay for the full key. */
function before(a: Credit, b: Credit): boolean {
  const x = a.id;
  const y = b.id;
  if (x < y) return true;
  if (x !== y) return false;
  return tieBreak(a) < tieBreak(b);
}

/**
 * Sort key independent of input order: id first, then the remaining fields so that even two credits
 * sharing an id are ordered the same way whatever order they arrive in. A stable merge sort over
 * insertion-sorted runs of 8, comparing inline: about twice as fast as Array#sort with a comparator
 * on transcript-sized arrays, same result (both stable, same strict order).
 */
export function sortCredits(credits: readonly Credit[]): Credit[] {
  const n = credits.length;
  let a = credits.slice();
  for (let lo = 0; lo < n; lo += 8) {
    const hi = Math.min(n, lo + 8);
    for (let i = lo + 1; i < hi; i++) {
      const v = a[i];
      let j = i - 1;
      while (j >= lo && before(v, a[j])) {
        a[j + 1] = a[j];
        j -= 1;
      }
      a[j + 1] = v;
    }
  }
  if (n <= 8) return a;
  let b = new Array<Credit>(n);
  for (let width = 8; width < n; width *= 2) {
    for (let lo = 0; lo < n; lo += 2 * width) {
      const mid = Math.min(n, lo + width);
      const hi = Math.min(n, lo + 2 * width);
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = before(a[j], a[i]) ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    const t = a;
    a = b;
    b = t;
  }
  return a;
}

/** Practice split in hundredths at `levels[at..at+2]`; a split that does not sum to `hours` is corrected on the general level. */
function writeLevels(c: Credit, levels: Int32Array, at: number): void {
  const total = Math.round(c.hours * 100);
  const practice = c.practice;
  const clinical = practice ? Math.round((practice.clinical ?? 0) * 100) : 0;
  const macro = practice ? Math.round((practice.macro ?? 0) * 100) : 0;
  if (clinical + macro > total) {
    const clinicalShare = Math.round((total * clinical) / (clinical + macro));
    levels[at] = clinicalShare;
    levels[at + 1] = total - clinicalShare;
    levels[at + 2] = 0;
    return;
  }
  levels[at] = clinical;
  levels[at + 1] = macro;
  levels[at + 2] = total - clinical - macro;
}

/**
 * A credit counts when one of its approvals is accepted: not refused, and listed when the rule set
 * lists `accepted`. A credit without approvals is accepted unless the rule set lists `accepted`.
 */
export function approvalAccepted(compiled: CompiledRuleSet, approvals: readonly string[]): boolean {
  if (approvals.length === 0) return compiled.accepted === null;
  for (let i = 0; i < approvals.length; i++) {
    const a = approvals[i];
    if (!compiled.refused.has(a) && (compiled.accepted === null || compiled.accepted.has(a))) return true;
  }
  return false;
}

/**
 * What one approval body (as written in the transcript) means for a rule set: accepted or not, and
 * which requirement and cap matchers with an approval list name it. Cached per rule set and body,
 * so the hot path neither lower-cases nor hashes fresh strings.
 */
interface BodyInfo {
  accepted: boolean;
  reqBits: number;
  capBits: number;
}

const bodyCache = new WeakMap<CompiledRuleSet, Map<string, BodyInfo>>();

function bodyInfo(compiled: CompiledRuleSet, bodies: Map<string, BodyInfo>, body: string): BodyInfo {
  let info = bodies.get(body);
  if (info === undefined) {
    const lower = body.toLowerCase();
    let reqBits = 0;
    for (const w of compiled.reqTables.withApprovals) if (w.approvals.includes(lower)) reqBits |= w.bit;
    let capBits = 0;
    for (const w of compiled.capTables.withApprovals) if (w.approvals.includes(lower)) capBits |= w.bit;
    info = { accepted: !compiled.refused.has(lower) && (compiled.accepted === null || compiled.accepted.has(lower)), reqBits, capBits };
    // Bodies come from user data: keep the cache bounded.
    if (bodies.size >= 1024) bodies.clear();
    bodies.set(body, info);
  }
  return info;
}

/**
 * Fills the credit table: statuses (duplicate, approval, cycle), practice split and the credit-level
 * matches. `careerReqs`: due once-per-career requirements (a credit before the cycle matching one at
 * a level with hours is `career-only`).
 */
export function intakeCredits(compiled: CompiledRuleSet, sorted: Credit[], start: number, end: number, careerReqs: number): CreditTable {
  const n = sorted.length;
  reserve(n);
  table.count = n;
  table.credits = sorted;
  const { status, inCycle, levels, reqMatch, capMatch } = table;
  const rt = compiled.reqTables;
  const ct = compiled.capTables;
  const topicBits = compiled.topicBits;
  const noneAccepted = compiled.accepted === null;
  let bodies = bodyCache.get(compiled);
  if (bodies === undefined) {
    bodies = new Map();
    bodyCache.set(compiled, bodies);
  }
  let previousId: string | undefined;
  for (let i = 0; i < n; i++) {
    const credit = sorted[i];
    let reqTopics = rt.topicAny;
    let capTopics = ct.topicAny;
    const topics = credit.topics;
    for (let t = 0; t < topics.length; t++) {
      const bit = topicBits.get(topics[t]);
      if (bit === undefined) continue;
      const b = 31 - Math.clz32(bit);
      reqTopics |= rt.byTopic[b];
      capTopics |= ct.byTopic[b];
    }
    let reqMacro = rt.macroAny;
    let capMacro = ct.macroAny;
    const areas = credit.macroAreas;
    if (areas) {
      for (let t = 0; t < areas.length; t++) {
        const bit = MACRO_AREA_BIT.get(areas[t]);
        if (bit === undefined) continue;
        const b = 31 - Math.clz32(bit);
        reqMacro |= rt.byMacroArea[b];
        capMacro |= ct.byMacroArea[b];
      }
    }
    const formatBit = FORMAT_BIT.get(credit.format) ?? 0;
    const f = formatBit === 0 ? FORMATS_COUNT : 31 - Math.clz32(formatBit);
    let reqApproved = rt.approvalAny;
    let capApproved = ct.approvalAny;
    const given = credit.approvals;
    let accepted = noneAccepted;
    if (given && given.length > 0) {
      accepted = false;
      for (let k = 0; k < given.length; k++) {
        const info = bodyInfo(compiled, bodies, given[k].body);
        if (info.accepted) accepted = true;
        reqApproved |= info.reqBits;
        capApproved |= info.capBits;
      }
    }
    const req = reqTopics & reqMacro & rt.byFormat[f] & reqApproved;
    reqMatch[i] = req;
    capMatch[i] = capTopics & capMacro & ct.byFormat[f] & capApproved;
    writeLevels(credit, levels, 3 * i);
    const day = toDay(credit.completedOn);
    inCycle[i] = day >= start && day <= end ? 1 : 0;
    let s = IN_CYCLE;
    const id = credit.id;
    // Sorted by id: a duplicate directly follows the first credit with its id.
    if (id === previousId) s = DUPLICATE;
    else if (!accepted) s = NOT_ACCEPTED;
    else if (day > end) s = OUTSIDE_CYCLE;
    else if (day < start) {
      s = OUTSIDE_CYCLE;
      if (careerReqs !== 0) {
        const m = compiled.reqLevelMask;
        const at = 3 * i;
        if ((levels[at] > 0 && (req & m[0] & careerReqs) !== 0) || (levels[at + 1] > 0 && (req & m[1] & careerReqs) !== 0) || (levels[at + 2] > 0 && (req & m[2] & careerReqs) !== 0)) s = CAREER_ONLY;
      }
    }
    status[i] = s;
    previousId = id;
  }
  return table;
}

/** Requirements (among `candidates`) matched by the credit's hours at `level`. */
export function requirementMask(compiled: CompiledRuleSet, creditReqs: number, level: number, candidates: number): number {
  return creditReqs & compiled.reqLevelMask[level] & candidates;
}

/** Caps (among `candidates`) taking the credit's hours at `level`: a negated cap takes what it does not match. */
export function capMask(compiled: CompiledRuleSet, creditCaps: number, level: number, candidates: number): number {
  return ((creditCaps & compiled.capLevelMask[level]) ^ compiled.negateMask) & candidates;
}
