/**
 * evaluate(): a pure function of (rule set, transcript, date) → Evaluation (PRODUCT.md §5).
 * Orchestration only; the semantics live in cycle/, compile/, allocate/ and the helpers beside this file.
 */
import type { LicenseTypeRules, IsoDate } from '../model/rule-set.types';
import type { Transcript } from '../model/transcript.types';
import type { Evaluation, Exclusion, RequirementResult } from '../model/evaluation.types';
import { PRACTICE_LEVELS } from '../model/vocabulary.types';
import { fromDay, toDay } from '../dates/iso-date';
import { resolveCycle } from '../cycle/cycle';
import { compileRuleSet, type CompiledRuleSet } from '../compile/compile-rules';
import { allocate, type Piece } from '../allocate/allocate';
import { EngineError } from '../errors';
import { appliesToLicense, firstRenewalScaler, isDue, sameCycleRule, selectVersion } from './applicability';
import { capMask, creditMatches, intakeCredits, requirementMask, sortCredits, toHundredths, type IntakeCredit } from './credits';
import { buildAdvocacy, buildPlan, type CapState } from './plan';

export interface EvaluateRules {
  jurisdiction: string;
  licenseType: LicenseTypeRules;
}

export interface EvaluateOptions {
  /** Evaluation date when the transcript has no `asOf`; the engine reads no clock. */
  today?: IsoDate;
}

const round2 = (hundredths: number): number => Math.round(hundredths) / 100;

export function evaluate(rules: EvaluateRules, transcript: Transcript, options: EvaluateOptions = {}): Evaluation {
  const asOfIso = transcript.asOf ?? options.today;
  if (!asOfIso) throw new EngineError('as-of-required', 'An evaluation date is required: transcript.asOf or options.today', '/asOf');
  const asOf = toDay(asOfIso);
  const license = transcript.license ?? {};
  const roles = license.roles ?? [];

  // The cycle is derived with the version in force on asOf, then judged by the version in force on its end.
  let version = selectVersion(rules.licenseType, asOf);
  let cycle = resolveCycle(version.cycle, license, asOf, transcript.cycle);
  const atEnd = selectVersion(rules.licenseType, cycle.end);
  if (atEnd !== version) {
    if (!transcript.cycle && !sameCycleRule(atEnd.cycle, version.cycle)) cycle = resolveCycle(atEnd.cycle, license, asOf);
    version = atEnd;
  }
  const compiled = compileRuleSet(version);
  const scale = firstRenewalScaler(version, cycle, license.issuedOn);
  const requiredTotal = scale(toHundredths(version.total.hours));
  const years = version.cycle.months / 12;

  // Requirements due in this cycle for this license, with their need in hundredths.
  const required = compiled.requirements.map((r) => {
    if (!appliesToLicense(r.rule.appliesTo, roles) || !isDue(r.rule.frequency, cycle)) return -1;
    const min = r.rule.min;
    if ('shareOfTotal' in min) return Math.ceil(requiredTotal * min.shareOfTotal - 1e-9);
    const perYear = r.rule.frequency?.kind === 'per-year-of-cycle' ? years : 1;
    return scale(toHundredths(min.hours * perYear));
  });
  const capLimit = compiled.caps.map((k) =>
    !appliesToLicense(k.rule.appliesTo, roles) ? -1 : 'shareOfTotal' in k.rule.max ? Math.floor(requiredTotal * k.rule.max.shareOfTotal + 1e-9) : toHundredths(k.rule.max.hours),
  );
  let activeReqs = 0;
  let careerReqs = 0;
  required.forEach((h, j) => {
    if (h > 0) activeReqs |= 1 << j;
    if (h > 0 && compiled.requirements[j].oncePerCareer) careerReqs |= 1 << j;
  });
  let activeCaps = 0;
  capLimit.forEach((l, k) => {
    if (l >= 0) activeCaps |= 1 << k;
  });
  const notCreditedMask = compiled.requirements.reduce((m, r) => (r.countsTowardTotal ? m : m | (1 << r.index)), 0);

  const credits = intakeCredits(compiled, sortCredits(transcript.credits), cycle.start, cycle.end, (c) =>
    careerReqs !== 0 && [0, 1, 2].some((level) => c.levels[level] > 0 && requirementMask(compiled, creditMatches(compiled, c).reqs, level, careerReqs) !== 0),
  );
  const { pieces, rawCaps } = buildPieces(compiled, credits, activeReqs, careerReqs, activeCaps, capLimit);
  const creditCount = credits.length;
  const { counted, served, notCredited } = allocate({ compiled, pieces, need: required.map((h) => Math.max(0, h)), capLimit, notCreditedMask, creditCount });

  const creditCounted = new Int32Array(creditCount);
  for (let i = 0; i < pieces.length; i++) creditCounted[pieces[i].credit] += counted[i];
  const capCounted = compiled.caps.map(() => 0);
  pieces.forEach((p, i) => {
    for (const k of compiled.caps) if ((rawCaps[i] & (1 << k.index)) !== 0) capCounted[k.index] += counted[i];
  });
  const caps: CapState[] = compiled.caps.map((k) => ({
    cap: k,
    limit: capLimit[k.index],
    counted: capCounted[k.index],
    reached: capLimit[k.index] >= 0 && !k.perCredit && capCounted[k.index] >= capLimit[k.index],
  }));

  const excluded = buildExclusions(compiled, credits, pieces, counted, rawCaps, caps, notCredited);

  // Carryover: applied to the total only, never to a minimum.
  const carry = version.carryover;
  const broughtIn = toHundredths(transcript.carryoverHours ?? 0);
  const applied = carry ? Math.min(broughtIn, toHundredths(carry.maxHours)) : 0;
  let countedFromCredits = 0;
  for (const h of creditCounted) countedFromCredits += h;
  const totalCounted = countedFromCredits + applied;

  const totalAlloc: { creditId: string; hours: number }[] = [];
  creditCounted.forEach((h, ci) => {
    if (h > 0) totalAlloc.push({ creditId: credits[ci].credit.id, hours: round2(h) });
  });
  if (applied > 0) totalAlloc.push({ creditId: 'carryover', hours: round2(applied) });
  const totalResult: RequirementResult = {
    code: 'total',
    label: 'Total hours',
    requiredHours: round2(requiredTotal),
    countedHours: round2(totalCounted),
    remainingHours: round2(Math.max(0, requiredTotal - totalCounted)),
    met: totalCounted >= requiredTotal,
    allocations: totalAlloc,
    source: version.total.source,
    ...(applied > 0 ? { note: `Includes ${round2(applied)} carryover hours from the previous cycle.` } : {}),
  };
  const reqResults: RequirementResult[] = [];
  compiled.requirements.forEach((r, j) => {
    if (required[j] < 0) return;
    let sum = 0;
    const allocations: { creditId: string; hours: number }[] = [];
    for (let ci = 0; ci < creditCount; ci++) {
      const h = served[j * creditCount + ci];
      if (h <= 0) continue;
      sum += h;
      allocations.push({ creditId: credits[ci].credit.id, hours: round2(h) });
    }
    reqResults.push({
      code: r.rule.code,
      label: r.rule.label,
      requiredHours: round2(required[j]),
      countedHours: round2(sum),
      remainingHours: round2(Math.max(0, required[j] - sum)),
      met: sum >= required[j],
      allocations,
      source: r.rule.source,
      ...(r.rule.note ? { note: r.rule.note } : {}),
    });
  });

  const allMet = totalResult.met && reqResults.every((r) => r.met);
  const status = allMet ? 'met' : asOf > cycle.end ? 'overdue' : 'in-progress';
  const advocacy = buildAdvocacy(version, credits, caps, transcript.advocacyFloorHours, requiredTotal);
  const plan = buildPlan(compiled, reqResults, totalResult, caps, version.macro.countsTowardRenewal);

  const evaluation: Evaluation = {
    jurisdiction: rules.jurisdiction,
    licenseType: rules.licenseType.code,
    ruleSet: { version: version.version, effectiveFrom: version.effectiveFrom },
    cycle: { start: fromDay(cycle.start), end: fromDay(cycle.end), firstRenewal: cycle.firstRenewal, daysLeft: Math.max(0, cycle.end - asOf), index: cycle.index },
    status,
    totals: { requiredHours: totalResult.requiredHours, countedHours: totalResult.countedHours, remainingHours: totalResult.remainingHours },
    requirements: [totalResult, ...reqResults],
    excluded,
    advocacy,
    plan,
  };
  if (carry || broughtIn > 0) {
    let eligible = 0;
    creditCounted.forEach((h, ci) => {
      if (!(carry?.excludedTopics ?? []).some((t) => credits[ci].credit.topics.includes(t))) eligible += h;
    });
    const surplus = Math.max(0, totalCounted - requiredTotal);
    const nextCycle = carry ? Math.min(toHundredths(carry.maxHours), surplus, eligible) : 0;
    evaluation.carryover = { broughtIn: round2(broughtIn), applied: round2(applied), nextCycle: round2(nextCycle) };
  }
  return evaluation;
}

function buildPieces(
  compiled: CompiledRuleSet,
  credits: readonly IntakeCredit[],
  activeReqs: number,
  careerReqs: number,
  activeCaps: number,
  capLimit: readonly number[],
): { pieces: Piece[]; rawCaps: number[] } {
  const pieces: Piece[] = [];
  const rawCaps: number[] = [];
  const capSum = compiled.caps.map(() => 0);
  // Per-credit cap sums: index cap * credits + credit.
  const perCreditSum = new Float64Array(compiled.caps.length * credits.length);
  credits.forEach((c, ci) => {
    if (c.status !== 'in-cycle' && c.status !== 'career-only') return;
    const outOfCycle = c.status === 'career-only';
    const matched = creditMatches(compiled, c);
    for (let level = 0; level < PRACTICE_LEVELS.length; level++) {
      const hours = c.levels[level];
      if (hours <= 0) continue;
      const reqMask = requirementMask(compiled, matched.reqs, level, outOfCycle ? careerReqs : activeReqs);
      if (outOfCycle && reqMask === 0) continue;
      const caps = outOfCycle ? 0 : capMask(compiled, matched.caps, level, activeCaps);
      pieces.push({ credit: ci, level, hours, reqMask, capMask: caps, group: 0, outOfCycle });
      rawCaps.push(caps);
      for (const k of compiled.caps) {
        if ((caps & (1 << k.index)) === 0) continue;
        if (k.perCredit) perCreditSum[k.index * credits.length + ci] += hours;
        else capSum[k.index] += hours;
      }
    }
  });
  // Only caps that could bind enter the LP: the others cannot change the optimum.
  for (const p of pieces) {
    let binding = 0;
    let group = 0;
    for (const k of compiled.caps) {
      const bit = 1 << k.index;
      if ((p.capMask & bit) === 0) continue;
      const sum = k.perCredit ? perCreditSum[k.index * credits.length + p.credit] : capSum[k.index];
      if (sum > capLimit[k.index]) {
        binding |= bit;
        if (k.perCredit) group = p.credit + 1;
      }
    }
    p.capMask = binding;
    p.group = group;
  }
  return { pieces, rawCaps };
}

function buildExclusions(
  compiled: CompiledRuleSet,
  credits: readonly IntakeCredit[],
  pieces: readonly Piece[],
  counted: Int32Array,
  rawCaps: readonly number[],
  caps: readonly CapState[],
  notCredited: Int32Array,
): Exclusion[] {
  const out: Exclusion[] = [];
  const capDetail: string[] = [];
  const piecesByCredit = new Map<number, number[]>();
  pieces.forEach((p, i) => {
    const list = piecesByCredit.get(p.credit);
    if (list) list.push(i);
    else piecesByCredit.set(p.credit, [i]);
  });
  const total = (c: IntakeCredit): number => c.levels[0] + c.levels[1] + c.levels[2];
  const detail: Record<string, string> = {
    duplicate: 'Same credit id as another credit in the transcript',
    'outside-cycle': 'Completed outside the renewal cycle',
    'approval-not-accepted': 'None of its approvals is accepted by this board',
  };
  credits.forEach((c, ci) => {
    const id = c.credit.id;
    if (c.status === 'duplicate' || c.status === 'approval-not-accepted' || c.status === 'outside-cycle') {
      out.push({ creditId: id, hours: round2(total(c)), reason: c.status, detail: detail[c.status] });
      return;
    }
    if (c.status === 'career-only') {
      out.push({ creditId: id, hours: round2(total(c)), reason: 'outside-cycle', detail: 'Completed before the cycle: counts only toward once-per-career requirements' });
      return;
    }
    const list = piecesByCredit.get(ci) ?? [];
    if (list.every((i) => counted[i] === pieces[i].hours)) return;
    // Uncounted hours: first the part that served not-credited requirements, the rest is over a cap.
    let nt = notCredited[ci];
    let countedHere = 0;
    const overCapByCap = new Map<number, number>();
    for (const i of piecesByCredit.get(ci) ?? []) {
      countedHere += counted[i];
      let lost = pieces[i].hours - counted[i];
      const ntHere = Math.min(lost, nt);
      nt -= ntHere;
      lost -= ntHere;
      if (lost <= 0) continue;
      const key = blamedCap(caps, rawCaps[i]);
      overCapByCap.set(key, (overCapByCap.get(key) ?? 0) + lost);
    }
    const ntTotal = Math.min(notCredited[ci], total(c) - countedHere);
    if (ntTotal > 0) {
      out.push({ creditId: id, hours: round2(ntTotal), reason: 'not-credited', detail: 'Serves a requirement whose hours are not credited toward the total' });
    }
    [...overCapByCap.entries()].sort((a, b) => a[0] - b[0]).forEach(([k, lost]) => {
      const cap = k >= 0 ? compiled.caps[k].rule : undefined;
      if (!cap) {
        out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: 'Hours above a cap' });
        return;
      }
      capDetail[k] ??= `${cap.label}: hours above the ${capText(cap.max)} cap (${cap.source.citation})`;
      out.push({ creditId: id, hours: round2(lost), reason: 'over-cap', detail: capDetail[k], ruleCode: cap.code });
    });
  });
  return out;
}

/** The cap to name for lost hours: the first reached (or per-credit) cap the hours match, else the first matched. */
function blamedCap(caps: readonly CapState[], mask: number): number {
  let fallback = -1;
  for (const s of caps) {
    if ((mask & (1 << s.cap.index)) === 0) continue;
    if (s.reached || s.cap.perCredit) return s.cap.index;
    if (fallback < 0) fallback = s.cap.index;
  }
  return fallback;
}

function capText(max: { hours: number } | { shareOfTotal: number }): string {
  return 'hours' in max ? `${max.hours}-hour` : `${Math.round(max.shareOfTotal * 100)}%`;
}
