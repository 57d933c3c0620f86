/**
 * Credit intake: a stable order, exclusions that do not depend on allocation (duplicate, outside the
 * cycle, approval), and the split of hours into practice-level pieces with their rule matches.
 */
import type { Credit } from '../model/transcript.types';
import type { ExclusionReason } from '../model/evaluation.types';
import { FORMAT_BIT, MACRO_AREA_BIT, matchCredit, type CompiledRuleSet } from '../compile/compile-rules';
import { toDay } from '../dates/iso-date';

export type CreditStatus = 'in-cycle' | 'career-only' | ExclusionReason;

export interface IntakeCredit {
  credit: Credit;
  status: CreditStatus;
  /** Completed within the cycle (whatever its status). */
  inCycle: boolean;
  /** Hundredths per practice level (clinical, macro, general). */
  levels: [number, number, number];
  topicMask: number;
  formatBit: number;
  macroAreaMask: number;
  approvals: string[];
  /** Requirements and (un-negated) caps matching the credit before the practice-level filter. */
  reqMatch: number;
  capMatch: number;
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

const tieBreak = (c: Credit): string => `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}`;

/** Strict order: id first; only credits sharing an id (duplicates) pay for the full key. */
function before(a: Credit, b: Credit): boolean {
  if (a.id !== b.id) return a.id < b.id;
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

/** Practice split in hundredths; a split that does not sum to `hours` is corrected on the general level. */
function levelsOf(c: Credit): [number, number, number] {
  const total = toHundredths(c.hours);
  const clinical = toHundredths(c.practice?.clinical ?? 0);
  const macro = toHundredths(c.practice?.macro ?? 0);
  if (clinical + macro > total) {
    const clinicalShare = Math.round((total * clinical) / (clinical + macro));
    return [clinicalShare, total - clinicalShare, 0];
  }
  return [clinical, macro, total - clinical - macro];
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

export function intakeCredits(
  compiled: CompiledRuleSet,
  sorted: readonly Credit[],
  start: number,
  end: number,
  careerReqMatch: ((c: IntakeCredit) => boolean) | null,
): IntakeCredit[] {
  const out: IntakeCredit[] = new Array<IntakeCredit>(sorted.length);
  let previousId: string | undefined;
  for (let i = 0; i < sorted.length; i++) {
    const credit = sorted[i];
    let topicMask = 0;
    const topics = credit.topics;
    for (let t = 0; t < topics.length; t++) topicMask |= compiled.topicBits.get(topics[t]) ?? 0;
    let macroAreaMask = 0;
    const areas = credit.macroAreas;
    if (areas) for (let t = 0; t < areas.length; t++) macroAreaMask |= MACRO_AREA_BIT.get(areas[t]) ?? 0;
    const given = credit.approvals;
    const approvals: string[] = [];
    if (given) for (let k = 0; k < given.length; k++) approvals.push(given[k].body.toLowerCase());
    const formatBit = FORMAT_BIT.get(credit.format) ?? 0;
    const day = toDay(credit.completedOn);
    const entry: IntakeCredit = {
      credit,
      status: 'in-cycle',
      inCycle: day >= start && day <= end,
      levels: levelsOf(credit),
      topicMask,
      formatBit,
      macroAreaMask,
      approvals,
      reqMatch: matchCredit(compiled.reqTables, topicMask, formatBit, approvals, macroAreaMask),
      capMatch: matchCredit(compiled.capTables, topicMask, formatBit, approvals, macroAreaMask),
    };
    // Sorted by id: a duplicate directly follows the first credit with its id.
    if (credit.id === previousId) entry.status = 'duplicate';
    else if (!approvalAccepted(compiled, approvals)) entry.status = 'approval-not-accepted';
    else if (day > end) entry.status = 'outside-cycle';
    else if (day < start) entry.status = careerReqMatch !== null && careerReqMatch(entry) ? 'career-only' : 'outside-cycle';
    previousId = credit.id;
    out[i] = entry;
  }
  return out;
}

/** Credit-level matches: requirements and (un-negated) caps whose topics, formats, approvals and macro areas accept the credit. */
export function creditMatches(c: IntakeCredit): { reqs: number; caps: number } {
  return { reqs: c.reqMatch, caps: c.capMatch };
}

/** Requirements (among `candidates`) matched by the credit's hours at `level`. */
export function requirementMask(compiled: CompiledRuleSet, creditReqs: number, level: number, candidates: number): number {
  return creditReqs & compiled.reqLevelMask[level] & candidates;
}

/** Caps (among `candidates`) taking the credit's hours at `level`: a negated cap takes what it does not match. */
export function capMask(compiled: CompiledRuleSet, creditCaps: number, level: number, candidates: number): number {
  return ((creditCaps & compiled.capLevelMask[level]) ^ compiled.negateMask) & candidates;
}
