/**
 * evaluate(): a pure function of (rule set, transcript, date) → Evaluation (PRODUCT.md §5).
 * Orchestration only; the semantics live in cycle/, compile/, allocate/ and the helpers beside this file.
 */
import type { AdditionalLicenseRule, CycleRule, LicenseTypeRules, IsoDate, SeparateLicenseHoursRule } from '../model/rule-set.types';
import type { Transcript } from '../model/transcript.types';
import type { Evaluation, RequirementResult } from '../model/evaluation.types';
import { addMonthsDay, fromDay, toDay } from '../dates/iso-date';
import { resolveCycle, type ResolvedCycle } from '../cycle/cycle';
import { compileRuleSet } from '../compile/compile-rules';
import { allocate } from '../allocate/allocate';
import { Float64Scratch } from '../allocate/scratch';
import { EngineError } from '../errors';
import { appliesToLicense, exemptExceptions, firstRenewalScaling, isDue, sameCycleRule, selectVersion } from './applicability';
import { intakeCredits, toHundredths } from './credits';
import { buildAdvocacy, buildPlan } from './plan';
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

const NO_OPTIONS: EvaluateOptions = {};
const NO_ROLES: readonly string[] = [];
const NO_DATES: readonly string[] = [];
/** Dates the output can write as YYYY-MM-DD. */
const FIRST_DAY = toDay('0000-01-01');
const LAST_DAY = toDay('9999-12-31');
const requiredScratch = new Float64Scratch();
const needScratch = new Float64Scratch();
const capLimitScratch = new Float64Scratch();
/** Due within-years requirements of the current evaluation: bit and first day of the window. */
const windowBits: number[] = [];
const windowFrom: number[] = [];

/** ISO strings of cycle ends and starts: few distinct days, so formatted once each (bounded cache). */
const isoOfDay = new Map<number, string>();

function iso(day: number): string {
  let text = isoOfDay.get(day);
  if (text === undefined) {
    text = fromDay(day);
    if (isoOfDay.size >= 4096) isoOfDay.clear();
    isoOfDay.set(day, text);
  }
  return text;
}

/**
 * The derived cycle (no explicit cycle in the transcript) is a pure function of the cycle rule, the
 * evaluation date and the license's issue and birth dates: memoised per rule object (bounded), as
 * licensees share evaluation dates. Callers only read the result.
 */
const derivedCycles = new WeakMap<CycleRule, Map<number, Map<string, Map<string, ResolvedCycle>>>>();
let derivedCount = 0;

function derivedCycle(rule: CycleRule, license: { issuedOn?: IsoDate; birthDate?: IsoDate }, asOf: number): ResolvedCycle {
  // Nested maps (evaluation day, issue date, birth date): no key string to build per evaluation.
  let byDay = derivedCycles.get(rule);
  if (!byDay) {
    byDay = new Map();
    derivedCycles.set(rule, byDay);
  }
  let byIssue = byDay.get(asOf);
  if (!byIssue) {
    byIssue = new Map();
    byDay.set(asOf, byIssue);
  }
  const issuedOn = license.issuedOn ?? '';
  let byBirth = byIssue.get(issuedOn);
  if (!byBirth) {
    byBirth = new Map();
    byIssue.set(issuedOn, byBirth);
  }
  const birthDate = license.birthDate ?? '';
  let cycle = byBirth.get(birthDate);
  if (!cycle) {
    cycle = resolveCycle(rule, license, asOf);
    // Bounded: start over past 4096 cycles (across rules).
    if (++derivedCount > 4096) {
      derivedCount = 0;
      byDay.clear();
      byDay.set(asOf, byIssue);
      byIssue.clear();
      byIssue.set(issuedOn, byBirth);
      byBirth.clear();
    }
    byBirth.set(birthDate, cycle);
  }
  return cycle;
}

export function evaluate(rules: EvaluateRules, transcript: Transcript, options: EvaluateOptions = NO_OPTIONS): Evaluation {
  const asOfIso = transcript.asOf ?? options.today;
  if (!asOfIso) throw new EngineError('as-of-required', 'An evaluation date is required: transcript.asOf or options.today', '/asOf');
  const asOf = toDay(asOfIso);
  const license = transcript.license ?? {};
  const roles = license.roles ?? NO_ROLES;

  // The cycle is derived with the version in force on asOf, then judged by the version in force on its end.
  let version = selectVersion(rules.licenseType, asOf);
  let cycle = transcript.cycle ? resolveCycle(version.cycle, license, asOf, transcript.cycle) : derivedCycle(version.cycle, license, asOf);
  const atEnd = selectVersion(rules.licenseType, cycle.end);
  if (atEnd !== version) {
    if (!transcript.cycle && !sameCycleRule(atEnd.cycle, version.cycle)) cycle = derivedCycle(atEnd.cycle, license, asOf);
    version = atEnd;
  }
  if (cycle.start < FIRST_DAY || cycle.end > LAST_DAY)
    throw new EngineError(
      'cycle-undetermined',
      `The cycle containing ${asOfIso} would run outside the years 0000–9999: check the dates`,
      transcript.cycle ? '/cycle' : transcript.asOf ? '/asOf' : '/license/issuedOn',
    );
  const compiled = compileRuleSet(version);
  const { scale, reduced } = firstRenewalScaling(version, cycle, license.issuedOn);
  // Each other license of the board held adds hours to the total and to the rule's requirements (OK).
  const extraRule = version.additionalLicense;
  const separate = version.separateLicenseHours;
  const others = (extraRule !== undefined || separate !== undefined) && Array.isArray(license.otherLicenses) ? license.otherLicenses : NO_ROLES;
  const extra = extraRule !== undefined ? toHundredths(extraRule.hours) * others.length : 0;
  // Requirements the extra hours go to: hour minimums the rule lists (bit per requirement index).
  let extraMask = 0;
  const requiredTotal = scale(toHundredths(version.total.hours) + extra);
  const years = version.cycle.months / 12;
  // An exempt first renewal may keep some requirements due (PA: Act 31): those, and share-of-total
  // caps (so that a cap cannot shut them out), are judged as in a full renewal.
  const exceptions = exemptExceptions(version, cycle, license.issuedOn);
  const fullTotal = exceptions === null ? requiredTotal : toHundredths(version.total.hours) + extra;

  // Requirements due in this cycle for this license, with their need in hundredths (-1: not due).
  const reqs = compiled.requirements;
  const R = reqs.length;
  const required = requiredScratch.take(R);
  const need = needScratch.take(R);
  let activeReqs = 0;
  let careerReqs = 0;
  let notCreditedMask = 0;
  windowBits.length = 0;
  windowFrom.length = 0;
  for (let j = 0; j < R; j++) {
    const r = reqs[j];
    let h = -1;
    if (appliesToLicense(r.rule.appliesTo, roles) && isDue(r.rule.frequency, cycle, version.cycle.months)) {
      const min = r.rule.min;
      if (extra > 0 && extraRule !== undefined && 'hours' in min && extraRule.requirements.includes(r.rule.code)) extraMask |= 1 << j;
      const plus = (extraMask & (1 << j)) !== 0 ? extra : 0;
      if (exceptions !== null && exceptions.includes(r.rule.code)) {
        if ('shareOfTotal' in min) h = Math.ceil(fullTotal * min.shareOfTotal - 1e-9);
        else h = toHundredths(min.hours * (r.rule.frequency?.kind === 'per-year-of-cycle' ? years : 1)) + plus;
      } else if ('shareOfTotal' in min) h = Math.ceil(requiredTotal * min.shareOfTotal - 1e-9);
      else {
        const full = toHundredths(min.hours * (r.rule.frequency?.kind === 'per-year-of-cycle' ? years : 1)) + plus;
        // A board that names the reduced minimum (NJ: 3 ethics, not half of 5) overrides the scaling.
        // The extra hours of other licenses are reduced like the rest (named minimum + scaled extra).
        h = reduced && r.rule.firstRenewalHours !== undefined ? Math.min(toHundredths(r.rule.firstRenewalHours) + scale(plus), full) : scale(full);
      }
    }
    required[j] = h;
    if (h > 0) activeReqs |= 1 << j;
    // A rolling window (within-years): credits older than its first day do not serve it.
    if (h > 0 && r.windowMonths > 0) {
      windowBits.push(1 << j);
      // Not before 0000-01-01, the first date a credit (and the output) can have.
      windowFrom.push(Math.max(FIRST_DAY, addMonthsDay(cycle.end, -r.windowMonths) + 1));
    }
    if (h > 0 && r.oncePerCareer) careerReqs |= 1 << j;
    if (!r.countsTowardTotal) notCreditedMask |= 1 << j;
    need[j] = Math.max(0, h);
  }
  const caps = compiled.caps;
  const capLimit = capLimitScratch.take(caps.length);
  let activeCaps = 0;
  let perCreditMask = 0;
  for (let k = 0; k < caps.length; k++) {
    const rule = caps[k].rule;
    const limit = !appliesToLicense(rule.appliesTo, roles) ? -1 : 'shareOfTotal' in rule.max ? Math.floor(fullTotal * rule.max.shareOfTotal + 1e-9) : toHundredths(rule.max.hours);
    capLimit[k] = limit;
    if (limit >= 0) activeCaps |= 1 << k;
    if (caps[k].perCredit) perCreditMask |= 1 << k;
  }

  const credits = intakeCredits(compiled, transcript.credits, cycle.start, cycle.end, careerReqs, windowBits, windowFrom);
  const creditCount = credits.count;
  const build = buildPieces(compiled, credits, activeReqs, careerReqs, activeCaps, capLimit, perCreditMask, notCreditedMask);
  const { counted, served, servedBits, creditCounted, capCounted, notCredited } = allocate({ compiled, pieces: build.pieces, need, capLimit, notCreditedMask, creditCount, rawCaps: build.rawCaps });

  let reached = 0;
  for (let k = 0; k < caps.length; k++) if (capLimit[k] >= 0 && !caps[k].perCredit && capCounted[k] >= capLimit[k]) reached |= 1 << k;

  const excluded = buildExclusions(compiled, credits, build, counted, creditCounted, reached | perCreditMask, notCredited);

  // Carryover: applied to the total only, never to a minimum.
  const carry = version.carryover;
  const broughtIn = toHundredths(transcript.carryoverHours ?? 0);
  const applied = carry ? Math.min(broughtIn, toHundredths(carry.maxHours)) : 0;
  const list = credits.credits;
  let countedFromCredits = 0;
  const totalAlloc: { creditId: string; hours: number }[] = [];
  for (let ci = 0; ci < creditCount; ci++) {
    const h = creditCounted[ci];
    countedFromCredits += h;
    if (h > 0) totalAlloc.push({ creditId: list[ci].id, hours: round2(h) });
  }
  const totalCounted = countedFromCredits + applied;
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
  const othersNote = extra > 0 && extraRule !== undefined ? additionalLicenseNote(extraRule, others, reduced) : undefined;
  const totalNote = joinNotes(
    requiredTotal > 0 ? othersNote : undefined,
    applied > 0 ? `Includes ${round2(applied)} carryover hours from the previous cycle.` : undefined,
    separate !== undefined && others.length > 0 && requiredTotal > 0 ? separateHoursNote(separate, others) : undefined,
  );
  if (totalNote !== undefined) totalResult.note = totalNote;
  const results: RequirementResult[] = [totalResult];
  const words = (creditCount + 31) >>> 5;
  const indices: number[] = [];
  let allMet = totalResult.met;
  for (let j = 0; j < R; j++) {
    if (required[j] < 0) continue;
    const rule = reqs[j].rule;
    let sum = 0;
    const allocations: { creditId: string; hours: number }[] = [];
    const base = j * creditCount;
    // Only the credits that served the requirement, in credit order.
    for (let w = 0, at = j * words; w < words; w++, at++) {
      for (let rest = servedBits[at]; rest !== 0; rest &= rest - 1) {
        const ci = (w << 5) + 31 - Math.clz32(rest & -rest);
        const h = served[base + ci];
        if (h <= 0) continue;
        sum += h;
        allocations.push({ creditId: list[ci].id, hours: round2(h) });
      }
    }
    const result: RequirementResult = {
      code: rule.code,
      label: rule.label,
      requiredHours: round2(required[j]),
      countedHours: round2(sum),
      remainingHours: round2(Math.max(0, required[j] - sum)),
      met: sum >= required[j],
      allocations,
      source: rule.source,
    };
    const note = joinNotes((extraMask & (1 << j)) !== 0 && required[j] > 0 ? othersNote : undefined, rule.note);
    if (note !== undefined) result.note = note;
    if (!result.met) allMet = false;
    results.push(result);
    indices.push(j);
  }

  const status = allMet ? 'met' : asOf > cycle.end ? 'overdue' : 'in-progress';
  const advocacy = buildAdvocacy(compiled, credits, reached, transcript.advocacyFloorHours, requiredTotal);
  const plan = buildPlan(compiled, results, indices, totalResult, reached, windowBits, windowBits.length === 0 ? NO_DATES : windowFrom.map(iso));

  const evaluation: Evaluation = {
    jurisdiction: rules.jurisdiction,
    licenseType: rules.licenseType.code,
    ruleSet: { version: version.version, effectiveFrom: version.effectiveFrom },
    cycle: { start: iso(cycle.start), end: iso(cycle.end), firstRenewal: cycle.firstRenewal, daysLeft: Math.max(0, cycle.end - asOf), index: cycle.index },
    status,
    totals: { requiredHours: totalResult.requiredHours, countedHours: totalResult.countedHours, remainingHours: totalResult.remainingHours },
    requirements: results,
    excluded,
    advocacy,
    plan,
  };
  if (carry || broughtIn > 0) {
    const excludedTopics = carry?.excludedTopics ?? [];
    let eligible = 0;
    for (let ci = 0; ci < creditCount; ci++) {
      const topics = list[ci].topics;
      let barred = false;
      for (let t = 0; t < excludedTopics.length && !barred; t++) barred = topics.includes(excludedTopics[t]);
      if (!barred) eligible += creditCounted[ci];
    }
    const surplus = Math.max(0, totalCounted - requiredTotal);
    const nextCycle = carry ? Math.min(toHundredths(carry.maxHours), surplus, eligible) : 0;
    evaluation.carryover = { broughtIn: round2(broughtIn), applied: round2(applied), nextCycle: round2(nextCycle) };
  }
  return evaluation;
}

/**
 * "Includes 6 h for 1 other license held (LSW-ADM): OAC 675:15-1-3(a)." (the hours before a reduced
 * first renewal scales them, which the sentence then says).
 */
function additionalLicenseNote(rule: AdditionalLicenseRule, others: readonly string[], reduced: boolean): string {
  const n = others.length;
  const held = `${n} other license${n === 1 ? '' : 's'} held (${others.join(', ')})`;
  return `Includes ${round2(toHundredths(rule.hours) * n)} h for ${held}${reduced ? ', reduced with the rest for this first renewal' : ''}: ${rule.source.citation}.`;
}

/**
 * "Also holding LCSW: each license's hours must come from different credits, except hours on ethics
 * (citation). This evaluation counts every credit given, including any used for the other license."
 */
function separateHoursNote(rule: SeparateLicenseHoursRule, others: readonly string[]): string {
  const topics = rule.sharedTopics.map((t) => t.replace(/-/g, ' '));
  const list = topics.length <= 1 ? topics.join('') : `${topics.slice(0, -1).join(', ')} or ${topics[topics.length - 1]}`;
  const shared = topics.length === 0 ? '' : `, except hours on ${list}`;
  const other = others.length === 1 ? 'the other license' : 'the other licenses';
  return `Also holding ${others.join(', ')}: each license's hours must come from different credits${shared} (${rule.source.citation}). This evaluation counts every credit given, including any used for ${other}.`;
}

/**
 * The sentences given, in order, as one note; undefined when there are none. Called once per
 * requirement of every evaluation: no arrays, no closures.
 */
function joinNotes(a: string | undefined, b: string | undefined, c?: string): string | undefined {
  let out = a === '' ? undefined : a;
  if (b !== undefined && b !== '') out = out === undefined ? b : `${out} ${b}`;
  if (c !== undefined && c !== '') out = out === undefined ? c : `${out} ${c}`;
  return out;
}
