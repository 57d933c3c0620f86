/**
 * Credit intake: a stable order, exclusions that do not depend on allocation (duplicate, outside the
 * cycle, approval), and the split of hours into practice-level pieces with their rule matches.
 */
import type { Credit } from '../model/transcript.types';
import type { ExclusionReason } from '../model/evaluation.types';
import { FORMAT_BIT, MACRO_AREA_BIT, matchesCredit, type CompiledRuleSet } from '../compile/compile-rules';
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
}

export function toHundredths(hours: number): number {
  return Math.round(hours * 100);
}

/**
 * Sort key independent of input order: id first, then the remaining fields so that even two credits
 * sharing an id are ordered the same way whatever order they arrive in.
 */
export function sortCredits(credits: readonly Credit[]): Credit[] {
  const tieBreak = (c: Credit): string => `${c.completedOn}|${c.hours}|${c.format}|${c.title}|${c.topics.join(',')}`;
  return [...credits].sort((a, b) => {
    if (a.id !== b.id) return a.id < b.id ? -1 : 1;
    // Only credits sharing an id (duplicates) pay for the full key.
    const ka = tieBreak(a);
    const kb = tieBreak(b);
    return ka < kb ? -1 : ka > kb ? 1 : 0;
  });
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
  return approvals.some((a) => !compiled.refused.has(a) && (compiled.accepted === null || compiled.accepted.has(a)));
}

export function intakeCredits(
  compiled: CompiledRuleSet,
  sorted: readonly Credit[],
  start: number,
  end: number,
  careerReqMatch: (c: IntakeCredit) => boolean,
): IntakeCredit[] {
  const seen = new Set<string>();
  return sorted.map((credit) => {
    let topicMask = 0;
    for (const t of credit.topics) topicMask |= compiled.topicBits.get(t) ?? 0;
    let macroAreaMask = 0;
    for (const a of credit.macroAreas ?? []) macroAreaMask |= MACRO_AREA_BIT.get(a) ?? 0;
    const approvals = (credit.approvals ?? []).map((a) => a.body.toLowerCase());
    const entry: IntakeCredit = {
      credit,
      status: 'in-cycle',
      inCycle: false,
      levels: levelsOf(credit),
      topicMask,
      formatBit: FORMAT_BIT.get(credit.format) ?? 0,
      macroAreaMask,
      approvals,
    };
    const day = toDay(credit.completedOn);
    entry.inCycle = day >= start && day <= end;
    if (seen.has(credit.id)) entry.status = 'duplicate';
    else if (!approvalAccepted(compiled, approvals)) entry.status = 'approval-not-accepted';
    else if (day > end) entry.status = 'outside-cycle';
    else if (day < start) entry.status = careerReqMatch(entry) ? 'career-only' : 'outside-cycle';
    seen.add(credit.id);
    return entry;
  });
}

/**
 * Credit-level matches, computed once per credit: requirements and (un-negated) caps whose topics,
 * formats, approvals and macro areas accept the credit. The practice level is applied per piece with
 * the compiled level masks.
 */
export function creditMatches(compiled: CompiledRuleSet, c: IntakeCredit): { reqs: number; caps: number } {
  let reqs = 0;
  for (const r of compiled.requirements) {
    if (matchesCredit(r.matcher, c.topicMask, c.formatBit, c.approvals, c.macroAreaMask)) reqs |= 1 << r.index;
  }
  let caps = 0;
  for (const k of compiled.caps) {
    if (matchesCredit(k.matcher, c.topicMask, c.formatBit, c.approvals, c.macroAreaMask)) caps |= 1 << k.index;
  }
  return { reqs, caps };
}

/** Requirements (among `candidates`) matched by the credit's hours at `level`. */
export function requirementMask(compiled: CompiledRuleSet, creditReqs: number, level: number, candidates: number): number {
  return creditReqs & compiled.reqLevelMask[level] & candidates;
}

/** Caps (among `candidates`) taking the credit's hours at `level`: a negated cap takes what it does not match. */
export function capMask(compiled: CompiledRuleSet, creditCaps: number, level: number, candidates: number): number {
  return ((creditCaps & compiled.capLevelMask[level]) ^ compiled.negateMask) & candidates;
}
