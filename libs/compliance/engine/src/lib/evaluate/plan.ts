/**
 * The plan of remaining hours and the advocacy balance. Both are read-only views of the allocation:
 * the balance is computed beside compliance and never changes it.
 */
import type { AdvocacyBalance, PlanItem, RequirementResult } from '../model/evaluation.types';
import type { CreditMatcher, RuleSetVersion } from '../model/rule-set.types';
import { FORMATS, LIVE_FORMATS, PRACTICE_LEVELS, type Format, type PracticeLevel } from '../model/vocabulary.types';
import type { CompiledCap, CompiledRuleSet } from '../compile/compile-rules';
import type { IntakeCredit } from './credits';

export interface CapState {
  cap: CompiledCap;
  /** Hundredths; -1 when the cap does not apply to this license. */
  limit: number;
  counted: number;
  reached: boolean;
}

const round2 = (hundredths: number): number => Math.round(hundredths) / 100;

function onlyFields(m: CreditMatcher, ...fields: (keyof CreditMatcher)[]): boolean {
  return (Object.keys(m) as (keyof CreditMatcher)[]).every((k) => m[k] === undefined || fields.includes(k));
}

/** Whether a cap that is reached takes macro hours, so more macro hours would be lost. */
function capTakesMacro(s: CapState): boolean {
  const m = s.cap.rule.match;
  if (!onlyFields(m, 'practice', 'macroAreas')) return false;
  const matchesMacro = m.practice === undefined || m.practice === 'macro';
  return s.cap.negate ? m.practice !== undefined && m.practice !== 'macro' : matchesMacro;
}

interface Restrictions {
  formats: Set<Format>;
  practices: Set<PracticeLevel>;
  reasons: string[];
}

/** Formats and practice levels still worth taking, given the caps already reached and the macro rule. */
function restrictions(caps: readonly CapState[], macroCounts: 'yes' | 'capped' | 'no'): Restrictions {
  const formats = new Set<Format>(FORMATS);
  const practices = new Set<PracticeLevel>(PRACTICE_LEVELS);
  const reasons: string[] = [];
  for (const s of caps) {
    if (!s.reached) continue;
    const m = s.cap.rule.match;
    if (onlyFields(m, 'formats') && m.formats) {
      const capped = new Set<Format>(m.formats);
      for (const f of FORMATS) if (capped.has(f) !== s.cap.negate) formats.delete(f);
      reasons.push(`${s.cap.rule.label} cap reached`);
    } else if (onlyFields(m, 'practice', 'macroAreas')) {
      for (const level of PRACTICE_LEVELS) {
        const takes = m.macroAreas ? level === 'macro' : m.practice === undefined || m.practice === level;
        if (takes !== s.cap.negate) practices.delete(level);
      }
      reasons.push(`${s.cap.rule.label} cap reached`);
    }
  }
  if (macroCounts === 'no' && practices.delete('macro')) reasons.push('macro hours do not count toward renewal here');
  return { formats, practices, reasons };
}

function accepts(match: CreditMatcher | undefined, code: string, r: Restrictions): PlanItem['accepts'] {
  const out: PlanItem['accepts'] = {};
  if (match?.topics) out.topics = [...match.topics];
  const base: readonly Format[] = match?.formats ?? (code === 'format:live' ? LIVE_FORMATS : FORMATS);
  const formats = base.filter((f) => r.formats.has(f));
  if (formats.length < FORMATS.length) out.formats = formats.length > 0 ? formats : [...base];
  const levels = match?.practice ? [match.practice] : PRACTICE_LEVELS.filter((l) => r.practices.has(l));
  if (levels.length === 1) out.practice = levels[0];
  else if (levels.length > 1 && levels.length < PRACTICE_LEVELS.length) out.practices = levels;
  return out;
}

function describe(hours: number, what: string, a: PlanItem['accepts'], reasons: readonly string[]): string {
  const parts = [`${hours} more hours of ${what}`];
  if (a.formats) parts.push(`formats: ${a.formats.join(', ')}`);
  if (a.practice) parts.push(`practice: ${a.practice}`);
  if (a.practices) parts.push(`practice: ${a.practices.join(' or ')}`);
  const text = parts.join('; ');
  return reasons.length > 0 ? `${text} (${reasons.join('; ')})` : text;
}

export function buildPlan(
  compiled: CompiledRuleSet,
  requirements: readonly RequirementResult[],
  total: RequirementResult,
  caps: readonly CapState[],
  macroCounts: 'yes' | 'capped' | 'no',
): PlanItem[] {
  const r = restrictions(caps, macroCounts);
  const items: PlanItem[] = [];
  let minimumsLeft = 0;
  for (const result of requirements) {
    if (result.met) continue;
    const rule = compiled.requirements.find((c) => c.rule.code === result.code && c.rule.label === result.label);
    const a = accepts(rule?.rule.match, result.code, r);
    if (rule?.countsTowardTotal !== false) minimumsLeft += result.remainingHours;
    items.push({ code: result.code, hours: result.remainingHours, description: describe(result.remainingHours, result.label, a, r.reasons), accepts: a });
  }
  const rest = round2(Math.max(0, Math.round(total.remainingHours * 100) - Math.round(minimumsLeft * 100)));
  if (rest > 0) {
    const a = accepts(undefined, 'total', r);
    items.push({ code: 'total', hours: rest, description: describe(rest, 'any accepted CE', a, r.reasons), accepts: a });
  }
  return items;
}

export function buildAdvocacy(
  version: RuleSetVersion,
  credits: readonly IntakeCredit[],
  caps: readonly CapState[],
  floorOverride: number | undefined,
  requiredTotal: number,
): AdvocacyBalance {
  const sums = [0, 0, 0];
  for (const c of credits) {
    // Every credit completed in the cycle shows in the mix, even one a board refuses: the balance
    // describes what the licensee learned, not what the board counts.
    if (c.inCycle && c.status !== 'duplicate') {
      for (let l = 0; l < 3; l++) sums[l] += c.levels[l];
    }
  }
  const [clinical, macro, general] = sums;
  const all = clinical + macro + general;
  const floor = floorOverride !== undefined ? Math.round(floorOverride * 100) : Math.round(requiredTotal * 0.1);
  const status = macro === 0 ? 'missing' : macro < floor ? 'thin' : 'balanced';
  const reached = caps.filter((s) => s.reached && capTakesMacro(s));
  const notes = [version.macro.note];
  for (const s of reached) notes.push(`${s.cap.rule.label} is reached: further macro hours will not count toward renewal.`);
  return {
    clinicalHours: round2(clinical),
    macroHours: round2(macro),
    generalHours: round2(general),
    macroShare: all === 0 ? 0 : Math.round((macro / all) * 10_000) / 10_000,
    floorHours: round2(floor),
    status,
    macroCountsTowardRenewal: version.macro.countsTowardRenewal,
    note: notes.filter((n) => n.length > 0).join(' '),
  };
}
