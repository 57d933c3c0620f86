/**
 * evaluate(): a pure function of (rule set, transcript, date) → Evaluation (PRODUCT.md §5).
 * Orchestration only; the semantics live in cycle/, compile/, allocate/ and the helpers beside this file.
 */
import type { LicenseTypeRules, IsoDate } from '../model/rule-set.types';
import type { Transcript } from '../model/transcript.types';
import type { Evaluation, RequirementResult } from '../model/evaluation.types';
import { fromDay, toDay } from '../dates/iso-date';
import { resolveCycle } from '../cycle/cycle';
import { compileRuleSet } from '../compile/compile-rules';
import { allocate } from '../allocate/allocate';
import { EngineError } from '../errors';
import { appliesToLicense, firstRenewalScaler, isDue, sameCycleRule, selectVersion } from './applicability';
import { intakeCredits, requirementMask, sortCredits, toHundredths, type IntakeCredit } from './credits';
import { buildAdvocacy, buildPlan, type CapState } from './plan';
import { buildExclusions, buildPieces } from './pieces';

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
  let notCreditedMask = 0;
  const need: number[] = [];
  for (let j = 0; j < required.length; j++) {
    const h = required[j];
    if (h > 0) activeReqs |= 1 << j;
    if (h > 0 && compiled.requirements[j].oncePerCareer) careerReqs |= 1 << j;
    if (!compiled.requirements[j].countsTowardTotal) notCreditedMask |= 1 << j;
    need.push(Math.max(0, h));
  }
  let activeCaps = 0;
  for (let k = 0; k < capLimit.length; k++) if (capLimit[k] >= 0) activeCaps |= 1 << k;

  const careerMatch = (c: IntakeCredit): boolean => {
    for (let level = 0; level < 3; level++) if (c.levels[level] > 0 && requirementMask(compiled, c.reqMatch, level, careerReqs) !== 0) return true;
    return false;
  };
  const credits = intakeCredits(compiled, sortCredits(transcript.credits), cycle.start, cycle.end, careerReqs === 0 ? null : careerMatch);
  const { pieces, rawCaps, pieceStart } = buildPieces(compiled, credits, activeReqs, careerReqs, activeCaps, capLimit);
  const creditCount = credits.length;
  const { counted, served, notCredited } = allocate({ compiled, pieces, need, capLimit, notCreditedMask, creditCount });

  const creditCounted = new Int32Array(creditCount);
  for (let i = 0; i < pieces.length; i++) creditCounted[pieces[i].credit] += counted[i];
  const capCounted = new Float64Array(compiled.caps.length);
  for (let i = 0; i < pieces.length; i++) {
    for (let rest = rawCaps[i]; rest !== 0; rest &= rest - 1) capCounted[31 - Math.clz32(rest & -rest)] += counted[i];
  }
  const caps: CapState[] = compiled.caps.map((k) => ({
    cap: k,
    limit: capLimit[k.index],
    counted: capCounted[k.index],
    reached: capLimit[k.index] >= 0 && !k.perCredit && capCounted[k.index] >= capLimit[k.index],
  }));

  const excluded = buildExclusions(compiled, credits, pieces, pieceStart, counted, rawCaps, caps, notCredited);

  // Carryover: applied to the total only, never to a minimum.
  const carry = version.carryover;
  const broughtIn = toHundredths(transcript.carryoverHours ?? 0);
  const applied = carry ? Math.min(broughtIn, toHundredths(carry.maxHours)) : 0;
  let countedFromCredits = 0;
  for (const h of creditCounted) countedFromCredits += h;
  const totalCounted = countedFromCredits + applied;

  const totalAlloc: { creditId: string; hours: number }[] = [];
  for (let ci = 0; ci < creditCount; ci++) {
    const h = creditCounted[ci];
    if (h > 0) totalAlloc.push({ creditId: credits[ci].credit.id, hours: round2(h) });
  }
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
  };
  if (applied > 0) totalResult.note = `Includes ${round2(applied)} carryover hours from the previous cycle.`;
  const reqResults: RequirementResult[] = [];
  let allMet = totalResult.met;
  for (let j = 0; j < compiled.requirements.length; j++) {
    const r = compiled.requirements[j];
    if (required[j] < 0) continue;
    let sum = 0;
    const allocations: { creditId: string; hours: number }[] = [];
    for (let ci = 0; ci < creditCount; ci++) {
      const h = served[j * creditCount + ci];
      if (h <= 0) continue;
      sum += h;
      allocations.push({ creditId: credits[ci].credit.id, hours: round2(h) });
    }
    const result: RequirementResult = {
      code: r.rule.code,
      label: r.rule.label,
      requiredHours: round2(required[j]),
      countedHours: round2(sum),
      remainingHours: round2(Math.max(0, required[j] - sum)),
      met: sum >= required[j],
      allocations,
      source: r.rule.source,
    };
    if (r.rule.note) result.note = r.rule.note;
    if (!result.met) allMet = false;
    reqResults.push(result);
  }

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
    requirements: [totalResult].concat(reqResults),
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
