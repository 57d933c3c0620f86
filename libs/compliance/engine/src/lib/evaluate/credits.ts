/**
 * Credit intake: a stable order, exclusions that do not depend on allocation (duplicate, outside the
 * cycle, approval), and the split of hours into practice-level pieces with their rule matches.
 */
import type { Credit } from '../model/transcript.types';
import type { ExclusionReason } from '../model/evaluation.types';
import { MACRO_AREA_BIT, tooEarly, type BodyInfo, type CompiledRuleSet } from '../compile/compile-rules';
import { canonicalBody, FORMATS } from '../model/vocabulary.types';
import { toDay } from '../dates/iso-date';
import { EngineError } from '../errors';

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
  /** Caps whose `exceptTopics` name one of the credit's topics: never applied to its hours. */
  capExempt: Int32Array;
}

const table: CreditTable = {
  count: 0,
  credits: [],
  status: new Uint8Array(64),
  inCycle: new Uint8Array(64),
  levels: new Int32Array(192),
  reqMatch: new Int32Array(64),
  capMatch: new Int32Array(64),
  capExempt: new Int32Array(64),
};

function reserve(n: number): void {
  if (table.status.length >= n) return;
  const size = n * 2;
  table.status = new Uint8Array(size);
  table.inCycle = new Uint8Array(size);
  table.levels = new Int32Array(size * 3);
  table.reqMatch = new Int32Array(size);
  table.capMatch = new Int32Array(size);
  table.capExempt = new Int32Array(size);
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

/**
 * Credits sharing an id: the full content decides, so that their order (and which one counts, the
 * others being duplicates) never depends on the input order. The first fields as they always were
 * (a malformed credit fails here as before), then every other field the evaluation reads.
 */
const tieBreak = (c: Credit): string =>
  `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}|${JSON.stringify([
    c.provider ?? null,
    c.practice ? [c.practice.clinical, c.practice.macro, c.practice.general] : null,
    c.macroAreas ?? [],
    (c.approvals ?? []).map((a) => [a.body, a.number ?? null]),
  ])}`;

/** The credits being sorted, and whether the intake's raw rows rank copies sharing an id. */
let sorting: readonly Credit[] = [];
let rankCopies = false;
let copyStart = 0;
let copyEnd = 0;
/**
 * Whether the last sort compared two credits with the same id (`===`). A stable merge sort compares
 * every two credits that end up next to each other (the insertion runs place each credit next to the
 * ones it was compared with; a merge compares each output with the next one of the other run), so
 * when it never did, no credit's id equals the previous one's: the intake's layout skips that string
 * comparison per credit.
 */
let equalIds = false;

/**
 * How much a copy can count: in the cycle with an accepted approval, then before the cycle with one
 * (it may serve a once-per-career requirement), then in the cycle without one, then neither.
 */
function copyRank(i: number): number {
  const day = raw[RAW * i + R_DAY];
  const inCycle = day >= copyStart && day <= copyEnd ? 1 : 0;
  return (raw[RAW * i + R_ACCEPTED] !== 0 ? 2 : 0) + inCycle;
}

/** Hundredths of credit `i` (its row of `raw`, all practice levels). */
function rawHours(i: number): number {
  const at = RAW * i + R_L0;
  return raw[at] + raw[at + 1] + raw[at + 2];
}

/**
 * Strict order on indices into `sorting`: id first; only credits sharing an id pay for more. In the
 * intake, the copy that can count most comes first (it is the one kept; the others are duplicates),
 * then the one with more hours, then the full content: listing a credit again never pushes a
 * better copy out.
 */
function before(i: number, j: number): boolean {
  const a = sorting[i];
  const b = sorting[j];
  const x = a.id;
  const y = b.id;
  if (x < y) return true;
  if (x !== y) return false;
  equalIds = true;
  if (rankCopies) {
    const ra = copyRank(i);
    const rb = copyRank(j);
    if (ra !== rb) return ra > rb;
    const ha = rawHours(i);
    const hb = rawHours(j);
    if (ha !== hb) return ha > hb;
  }
  return tieBreak(a) < tieBreak(b);
}

let orderA = new Int32Array(64);
let orderB = new Int32Array(64);
/** Run boundaries of the sort: run r is `runs[r]` .. `runs[r + 1]`. */
let runsA = new Int32Array(66);
let runsB = new Int32Array(66);

/**
 * Sorted order as indices into `credits` (a reused buffer, valid until the next call): id first,
 * then the remaining fields so that even two credits sharing an id are ordered the same way whatever
 * order they arrive in. A stable natural merge sort comparing inline: the ascending runs the input
 * already holds are kept (credits often arrive in the order they were logged: `c1` … `c9`, then
 * `c10` …), a run shorter than 8 is extended to 8 by insertion, and neighbouring runs are merged
 * until one is left. About twice as fast as Array#sort with a comparator on transcript-sized
 * arrays, and the same result (both stable, same strict order).
 */
function sortOrder(credits: readonly Credit[]): Int32Array {
  const n = credits.length;
  sorting = credits;
  if (orderA.length < n) {
    orderA = new Int32Array(n * 2);
    orderB = new Int32Array(n * 2);
    runsA = new Int32Array(n * 2 + 2);
    runsB = new Int32Array(n * 2 + 2);
  }
  let a = orderA;
  let b = orderB;
  let runs = runsA;
  let next = runsB;
  equalIds = false;
  for (let i = 0; i < n; i++) a[i] = i;
  let runCount = 0;
  for (let lo = 0; lo < n; ) {
    // The ascending run starting at lo (each element not before the previous one: stable).
    let hi = lo + 1;
    while (hi < n && !before(a[hi], a[hi - 1])) hi++;
    // Shorter than 8: the next elements are inserted into it, up to 8. The first of them is known
    // to come before the run's last element (that comparison ended the run): not compared again.
    const end = hi - lo >= 8 ? hi : Math.min(n, lo + 8);
    for (let i = hi; i < end; i++) {
      const v = a[i];
      let j = i - 1;
      if (i === hi) {
        a[i] = a[j];
        j -= 1;
      }
      while (j >= lo && before(v, a[j])) {
        a[j + 1] = a[j];
        j -= 1;
      }
      a[j + 1] = v;
    }
    runs[runCount++] = lo;
    lo = end;
  }
  runs[runCount] = n;
  // Merge neighbouring runs pairwise until one is left.
  while (runCount > 1) {
    let merged = 0;
    for (let r = 0; r < runCount; r += 2) {
      const lo = runs[r];
      next[merged++] = lo;
      if (r + 1 === runCount) {
        for (let k = lo; k < n; k++) b[k] = a[k];
        continue;
      }
      const mid = runs[r + 1];
      const hi = runs[r + 2];
      let i = lo;
      let j = mid;
      let k = lo;
      while (i < mid && j < hi) b[k++] = before(a[j], a[i]) ? a[j++] : a[i++];
      while (i < mid) b[k++] = a[i++];
      while (j < hi) b[k++] = a[j++];
    }
    next[merged] = n;
    runCount = merged;
    const t = a;
    a = b;
    b = t;
    const u = runs;
    runs = next;
    next = u;
  }
  // Not kept past the sort: the transcript belongs to the caller.
  sorting = [];
  return a;
}

/** The credits in evaluation order (see `sortOrder`). */
export function sortCredits(credits: readonly Credit[]): Credit[] {
  rankCopies = false;
  const order = sortOrder(credits);
  const out = new Array<Credit>(credits.length);
  for (let k = 0; k < credits.length; k++) out[k] = credits[order[k]];
  return out;
}

/**
 * The most hours a transcript may hold, in hundredths: 1,000,000 hours, far beyond any career, and
 * far within what the 32-bit counts and the LP's weighted objective hold exactly (beyond ~21 million
 * hours the counts wrapped around and every hour was excluded).
 */
export const MAX_TRANSCRIPT_HUNDREDTHS = 100_000_000;

/** Σ hundredths of the credits read by the current intake pass (NaN for non-numeric hours). */
let hundredthsRead = 0;

/** Practice split in hundredths at `levels[at..at+2]`; a split that does not sum to `hours` is corrected on the general level. */
function writeLevels(c: Credit, levels: Int32Array, at: number): void {
  const total = Math.round(c.hours * 100);
  hundredthsRead += total;
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

/** The last body looked up, in which rule set's map, and what it resolved to. */
let lastBody: unknown = undefined;
let lastBodies: Map<string, BodyInfo> | null = null;
let lastInfo: BodyInfo = { accepted: false, reqBits: 0, capBits: 0 };

/** On a cache miss (the caller looked `given[k].body` up): resolves it for the rule set and caches it. */
function bodyInfo(compiled: CompiledRuleSet, given: readonly { body: string }[], k: number): BodyInfo {
  const bodies = compiled.bodies;
  // Written as the intake always did, so that a malformed body fails with the same message.
  const lower = canonicalBody(given[k].body.toLowerCase());
  let reqBits = 0;
  for (const w of compiled.reqTables.withApprovals) if (w.approvals.includes(lower)) reqBits |= w.bit;
  let capBits = 0;
  for (const w of compiled.capTables.withApprovals) if (w.approvals.includes(lower)) capBits |= w.bit;
  const info = { accepted: !compiled.refused.has(lower) && (compiled.accepted === null || compiled.accepted.has(lower)), reqBits, capBits };
  // Bodies come from user data: keep the cache bounded.
  if (bodies.size >= 1024) bodies.clear();
  bodies.set(given[k].body, info);
  return info;
}

/** Index of a format in FORMATS (FORMATS.length when unknown): the same as FORMAT_BIT, without hashing. */
export function formatIndex(format: unknown): number {
  switch (format) {
    case 'live-in-person':
      return 0;
    case 'live-online':
      return 1;
    case 'self-study':
      return 2;
    case 'academic':
      return 3;
    case 'teaching':
      return 4;
    case 'publication':
      return 5;
    case 'other':
      return 6;
    case 'board-meeting':
      return 7;
    case 'board-service':
      return 8;
    case 'professional-service':
      return 9;
    case 'volunteer-service':
      return 10;
    case 'consultation':
      return 11;
    case 'supervision-activity':
      return 12;
    case 'research':
      return 13;
    default:
      return FORMATS_COUNT;
  }
}

/**
 * Per credit in input order (a reused buffer): what the intake derives from the credit alone, one
 * row of RAW int32s per credit. One array rather than five: in V8's optimised code each typed array
 * a loop touches costs a map check and loads of its length and data pointer per access.
 */
const RAW = 8;
const R_REQ = 0;
const R_CAP = 1;
const R_EXEMPT = 2;
/** Hundredths per practice level at R_L0 .. R_L0 + 2. */
const R_L0 = 3;
const R_DAY = 6;
const R_ACCEPTED = 7;
let raw = new Int32Array(64 * RAW);

/**
 * What the intake derives from each of `credits` alone, written in its row of `raw`: its
 * requirement and cap matches, practice split, completion day and whether an approval is accepted.
 * `windowBits`/`windowFrom`: due within-years requirements and the first day of each window. One
 * loop rather than a call per credit: the rule set's tables and the raw rows are read once per
 * intake instead of once per credit. A malformed credit throws at the same point as before.
 */
function deriveCredits(
  compiled: CompiledRuleSet,
  credits: readonly Credit[],
  n: number,
  windowBits: readonly number[],
  windowFrom: readonly number[],
): void {
  const bodies = compiled.bodies;
  const rt = compiled.reqTables;
  const ct = compiled.capTables;
  const exceptByTopic = compiled.capExceptByTopic;
  const names = compiled.topicNames;
  const scan = names.length <= 12;
  const rows = raw;
  const reqByTopic = rt.byTopic;
  const capByTopic = ct.byTopic;
  const reqByFormat = rt.byFormat;
  const capByFormat = ct.byFormat;
  const noAcceptedList = compiled.accepted === null;
  const reqDated = rt.dated.length !== 0;
  const capDated = ct.dated.length !== 0;
  const windowCount = windowBits.length;
  for (let i = 0; i < n; i++) {
    const credit = credits[i];
    let reqTopics = rt.topicAny;
    let capTopics = ct.topicAny;
    let capExempt = 0;
    const topics = credit.topics;
    for (let t = 0; t < topics.length; t++) {
      // A rule set's topics (bit b = names[b]) are usually few: compared in turn rather than hashed.
      const topic = topics[t];
      let b = 0;
      if (scan) {
        while (b < names.length && names[b] !== topic) b++;
        if (b === names.length) continue;
      } else {
        const bit = compiled.topicBits.get(topic);
        if (bit === undefined) continue;
        b = 31 - Math.clz32(bit);
      }
      reqTopics |= reqByTopic[b];
      capTopics |= capByTopic[b];
      capExempt |= exceptByTopic[b];
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
    const f = formatIndex(credit.format);
    let reqApproved = rt.approvalAny;
    let capApproved = ct.approvalAny;
    const given = credit.approvals;
    let accepted = noAcceptedList;
    if (given && given.length > 0) {
      accepted = false;
      for (let k = 0; k < given.length; k++) {
        const body = given[k].body;
        // Most credits name the same body as the previous one: compare before hashing.
        let info: BodyInfo;
        if (body === lastBody && bodies === lastBodies) info = lastInfo;
        else {
          info = bodies.get(body) ?? bodyInfo(compiled, given, k);
          lastBody = body;
          lastBodies = bodies;
          lastInfo = info;
        }
        if (info.accepted) accepted = true;
        reqApproved |= info.reqBits;
        capApproved |= info.capBits;
      }
    }
    let reqMatch = reqTopics & reqMacro & reqByFormat[f] & reqApproved;
    let capMatch = capTopics & capMacro & capByFormat[f] & capApproved;
    const at = RAW * i;
    rows[at + R_EXEMPT] = capExempt;
    writeLevels(credit, rows, at + R_L0);
    const day = toDay(credit.completedOn);
    rows[at + R_DAY] = day;
    // Matchers with `completedOnOrAfter` (rare) drop credits completed before their date, and
    // rolling-window requirements (within-years) those completed before their window.
    if (reqDated) reqMatch &= ~tooEarly(rt, day);
    for (let w = 0; w < windowCount; w++) if (day < windowFrom[w]) reqMatch &= ~windowBits[w];
    if (capDated) capMatch &= ~tooEarly(ct, day);
    rows[at + R_REQ] = reqMatch;
    rows[at + R_CAP] = capMatch;
    rows[at + R_ACCEPTED] = accepted ? 1 : 0;
  }
}

let identity = new Int32Array(64);
const NO_WINDOWS: readonly number[] = [];

/**
 * Fills the credit table: statuses (duplicate, approval, cycle), practice split and the credit-level
 * matches. `windows`/`windowStarts`: bits of due within-years requirements and the first day of each
 * one's window (a credit completed before it does not match). `careerReqs`: due once-per-career (and within-years) requirements (a credit before the cycle matching one at
 * a level with hours is `career-only`). The credits are read in input order (usually their memory
 * order), then sorted (`sortOrder`) and laid out in sorted order. A malformed credit throws; then the
 * credits are sorted first and read in sorted order, as the intake always did, so that the error is
 * the same (the sort's own, or the first malformed credit's in sorted order).
 */
export function intakeCredits(
  compiled: CompiledRuleSet,
  credits: readonly Credit[],
  start: number,
  end: number,
  careerReqs: number,
  windows: readonly number[] = NO_WINDOWS,
  windowStarts: readonly number[] = NO_WINDOWS,
): CreditTable {
  const n = credits.length;
  if (raw.length < n * RAW) {
    raw = new Int32Array(n * 2 * RAW);
    identity = new Int32Array(n * 2);
  }
  let source = credits;
  let order: Int32Array;
  hundredthsRead = 0;
  try {
    deriveCredits(compiled, credits, n, windows, windowStarts);
    rankCopies = true;
    copyStart = start;
    copyEnd = end;
    order = sortOrder(credits);
  } catch {
    source = sortCredits(credits);
    hundredthsRead = 0;
    deriveCredits(compiled, source, n, windows, windowStarts);
    for (let k = 0; k < n; k++) identity[k] = k;
    order = identity;
  }
  if (hundredthsRead > MAX_TRANSCRIPT_HUNDREDTHS)
    throw new EngineError('transcript-too-large', `The credits add up to more than ${(MAX_TRANSCRIPT_HUNDREDTHS / 100).toLocaleString('en-US')} hours, more than Mezzo evaluates: check the hours`, '/credits');
  reserve(n);
  const sorted = new Array<Credit>(n);
  table.count = n;
  table.credits = sorted;
  const { status, inCycle, levels, reqMatch, capMatch, capExempt } = table;
  const m = compiled.reqLevelMask;
  let previousId: string | undefined;
  // Module-level buffers read into locals once, not per credit.
  const rows = raw;
  for (let k = 0; k < n; k++) {
    const i = order[k];
    const credit = source[i];
    sorted[k] = credit;
    const at = RAW * i;
    const req = rows[at + R_REQ];
    reqMatch[k] = req;
    capMatch[k] = rows[at + R_CAP];
    capExempt[k] = rows[at + R_EXEMPT];
    const l0 = rows[at + R_L0];
    const l1 = rows[at + R_L0 + 1];
    const l2 = rows[at + R_L0 + 2];
    levels[3 * k] = l0;
    levels[3 * k + 1] = l1;
    levels[3 * k + 2] = l2;
    const day = rows[at + R_DAY];
    inCycle[k] = day >= start && day <= end ? 1 : 0;
    let s = IN_CYCLE;
    // Sorted by id: a duplicate directly follows the first credit with its id; only read when the
    // sort met two credits sharing an id (`equalIds`). The first credit is compared with
    // `undefined`, as it always was (a credit without an id).
    let duplicate = false;
    if (equalIds) {
      const id = credit.id;
      duplicate = id === previousId;
      previousId = id;
    } else if (k === 0) duplicate = credit.id === undefined;
    // Outside the cycle comes before the approval: a 2010 course in a 2024–2026 cycle is told it is
    // too old, not that its approval is unknown. Only an accepted one may serve once-per-career.
    if (duplicate) s = DUPLICATE;
    else if (day > end) s = OUTSIDE_CYCLE;
    else if (day < start) {
      s = OUTSIDE_CYCLE;
      if (careerReqs !== 0 && rows[at + R_ACCEPTED] !== 0 && ((l0 > 0 && (req & m[0] & careerReqs) !== 0) || (l1 > 0 && (req & m[1] & careerReqs) !== 0) || (l2 > 0 && (req & m[2] & careerReqs) !== 0))) s = CAREER_ONLY;
    } else if (rows[at + R_ACCEPTED] === 0) s = NOT_ACCEPTED;
    status[k] = s;
  }
  return table;
}

/** Requirements (among `candidates`) matched by the credit's hours at `level`. */
export function requirementMask(compiled: CompiledRuleSet, creditReqs: number, level: number, candidates: number): number {
  return creditReqs & compiled.reqLevelMask[level] & candidates;
}

/**
 * Caps (among `candidates`) taking the credit's hours at `level`: a negated cap takes what it does not
 * match; the credit's exempt caps (`exceptTopics`) take nothing, negated or not.
 */
export function capMask(compiled: CompiledRuleSet, creditCaps: number, level: number, candidates: number, creditExempt = 0): number {
  return ((creditCaps & compiled.capLevelMask[level]) ^ compiled.negateMask) & candidates & ~creditExempt;
}
