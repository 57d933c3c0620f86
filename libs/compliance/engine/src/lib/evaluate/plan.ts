/**
 * The plan of remaining hours and the advocacy balance. Both are read-only views of the allocation:
 * the balance is computed beside compliance and never changes it.
 */
import type { AdvocacyBalance, PlanItem, RequirementResult } from '../model/evaluation.types';
import type { CreditMatcher } from '../model/rule-set.types';
import { FORMATS, LIVE_FORMATS, PRACTICE_LEVELS, type Format, type PracticeLevel } from '../model/vocabulary.types';
import type { CompiledCap, CompiledRuleSet } from '../compile/compile-rules';
import { DUPLICATE, type CreditTable } from './credits';

const round2 = (hundredths: number): number => Math.round(hundredths) / 100;

function onlyFields(m: CreditMatcher, ...fields: (keyof CreditMatcher)[]): boolean {
  return (Object.keys(m) as (keyof CreditMatcher)[]).every((k) => m[k] === undefined || fields.includes(k));
}

/** Whether a cap that is reached takes macro hours, so more macro hours would be lost. */
function capTakesMacro(cap: CompiledCap): boolean {
  const m = cap.rule.match;
  if (!onlyFields(m, 'practice', 'macroAreas')) return false;
  const matchesMacro = m.practice === undefined || m.practice === 'macro';
  return cap.negate ? m.practice !== undefined && m.practice !== 'macro' : matchesMacro;
}

interface Restrictions {
  formats: Set<Format>;
  practices: Set<PracticeLevel>;
  reasons: string[];
}

/** Formats and practice levels still worth taking, given the caps already reached and the macro rule. */
function restrictions(caps: readonly CompiledCap[], reached: number, macroCounts: 'yes' | 'capped' | 'no'): Restrictions {
  const formats = new Set<Format>(FORMATS);
  const practices = new Set<PracticeLevel>(PRACTICE_LEVELS);
  const reasons: string[] = [];
  for (const cap of caps) {
    if ((reached & (1 << cap.index)) === 0) continue;
    const m = cap.rule.match;
    if (onlyFields(m, 'formats') && m.formats) {
      const capped = new Set<Format>(m.formats);
      for (const f of FORMATS) if (capped.has(f) !== cap.negate) formats.delete(f);
      reasons.push(`${cap.rule.label} cap reached`);
    } else if (onlyFields(m, 'practice', 'macroAreas')) {
      for (const level of PRACTICE_LEVELS) {
        const takes = m.macroAreas ? level === 'macro' : m.practice === undefined || m.practice === level;
        if (takes !== cap.negate) practices.delete(level);
      }
      reasons.push(`${cap.rule.label} cap reached`);
    }
  }
  if (macroCounts === 'no' && practices.delete('macro')) reasons.push('macro hours do not count toward renewal here');
  return { formats, practices, reasons };
}

/** Caps among `reached` whose `exceptTopics` include every one of `topics` (none when `topics` is empty). */
function exemptCaps(caps: readonly CompiledCap[], reached: number, topics: readonly string[] | undefined): number {
  if (!topics || topics.length === 0) return 0;
  let mask = 0;
  for (const cap of caps) {
    if ((reached & (1 << cap.index)) === 0) continue;
    const except: readonly string[] | undefined = cap.rule.exceptTopics;
    if (except && topics.every((t) => except.includes(t))) mask |= 1 << cap.index;
  }
  return mask;
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
  if (match?.completedOnOrAfter) out.completedOnOrAfter = match.completedOnOrAfter;
  return out;
}

/** How the plan's sentences name formats ("taken live in person or live online"). */
const FORMAT_WORDS: Readonly<Record<Format, string>> = {
  'live-in-person': 'live in person',
  'live-online': 'live online',
  'self-study': 'as self-study',
  academic: 'as academic coursework',
  teaching: 'by teaching',
  publication: 'by publishing',
  other: 'in another format',
  'board-meeting': 'by attending a board meeting',
  'board-service': 'by licensing board service',
  'professional-service': 'by panel, board or council service',
  'volunteer-service': 'by volunteer or community service',
  consultation: 'by peer consultation',
  'supervision-activity': 'by supervision',
  research: 'by research',
};

const either = (xs: readonly string[]): string => (xs.length <= 1 ? xs.join('') : `${xs.slice(0, -1).join(', ')} or ${xs[xs.length - 1]}`);

/** "1 more hour", "2.5 more hours". */
const moreHours = (hours: number): string => `${hours} more ${hours === 1 ? 'hour' : 'hours'}`;

/** "<hours> more hours of <what>, taken live in person or live online, at the clinical level (<reasons>)". */
function describe(hours: number, what: string, a: PlanItem['accepts'], reasons: readonly string[]): string {
  const parts = [`${moreHours(hours)} of ${what}`];
  if (a.formats) {
    // The shorter of the two: what counts ("taken live in person or live online") or what does not.
    const listed = a.formats;
    const left = FORMATS.filter((f) => !listed.includes(f));
    const word = (f: string): string => FORMAT_WORDS[f as Format] ?? f;
    parts.push(left.length > 0 && left.length < listed.length ? `not ${either(left.map(word))}` : `taken ${either(listed.map(word))}`);
  }
  if (a.practice) parts.push(`at the ${a.practice} level`);
  if (a.practices) parts.push(`at the ${either(a.practices)} level`);
  if (a.completedOnOrAfter) parts.push(`completed on or after ${a.completedOnOrAfter}`);
  const text = parts.join(', ');
  return reasons.length > 0 ? `${text} (${reasons.join('; ')})` : text;
}

/**
 * What the plan and the advocacy note say depends only on the rule set and on which caps are
 * reached: built once per (rule set, reached caps) and reused. Items get fresh `accepts` objects.
 */
interface PlanTexts {
  /** Per requirement index: what it accepts and the description after "<hours> more hours of <label>". */
  accepts: PlanItem['accepts'][];
  tails: string[];
  /** Whether the requirement's remaining hours count toward the total (for the `total` item). */
  counts: boolean[];
  totalAccepts: PlanItem['accepts'];
  totalTail: string;
  advocacyNote: string;
}

const planCache = new WeakMap<CompiledRuleSet, Map<number, PlanTexts>>();

function tail(a: PlanItem['accepts'], reasons: readonly string[]): string {
  const full = describe(0, '', a, reasons);
  return full.slice(describe(0, '', {}, []).length);
}

/** The last texts returned (the plan and the advocacy note of one evaluation ask for the same). */
let lastCompiled: CompiledRuleSet | null = null;
let lastReached = 0;
let lastTexts: PlanTexts | null = null;

function planTexts(compiled: CompiledRuleSet, reached: number): PlanTexts {
  if (compiled === lastCompiled && reached === lastReached && lastTexts !== null) return lastTexts;
  const texts = cachedPlanTexts(compiled, reached);
  lastCompiled = compiled;
  lastReached = reached;
  lastTexts = texts;
  return texts;
}

function cachedPlanTexts(compiled: CompiledRuleSet, reached: number): PlanTexts {
  let byReached = planCache.get(compiled);
  if (!byReached) {
    byReached = new Map();
    planCache.set(compiled, byReached);
  }
  let texts = byReached.get(reached);
  if (texts) return texts;
  const version = compiled.version;
  const r = restrictions(compiled.caps, reached, version.macro.countsTowardRenewal);
  // A reached cap whose `exceptTopics` cover every topic of a requirement never takes the hours that
  // serve it: such a requirement is described with the restrictions of the other reached caps only.
  const byReachedMask = new Map<number, Restrictions>([[reached, r]]);
  const reqs = compiled.requirements;
  const accepted: PlanItem['accepts'][] = [];
  const tails: string[] = [];
  const counts: boolean[] = [];
  for (const req of reqs) {
    // As reported before: the first requirement with the same code and label describes the item.
    const rule = reqs.find((c) => c.rule.code === req.rule.code && c.rule.label === req.rule.label);
    const applying = reached & ~exemptCaps(compiled.caps, reached, rule?.rule.match.topics);
    let rr = byReachedMask.get(applying);
    if (!rr) {
      rr = restrictions(compiled.caps, applying, version.macro.countsTowardRenewal);
      byReachedMask.set(applying, rr);
    }
    const a = accepts(rule?.rule.match, req.rule.code, rr);
    accepted.push(a);
    tails.push(tail(a, rr.reasons));
    counts.push(rule?.countsTowardTotal !== false);
  }
  const totalAccepts = accepts(undefined, 'total', r);
  const notes = [version.macro.note];
  for (const cap of compiled.caps) if ((reached & (1 << cap.index)) !== 0 && capTakesMacro(cap)) notes.push(`${cap.rule.label} is reached: further macro hours will not count toward renewal.`);
  texts = {
    accepts: accepted,
    tails,
    counts,
    totalAccepts,
    totalTail: tail(totalAccepts, r.reasons),
    advocacyNote: notes.filter((n) => n.length > 0).join(' '),
  };
  // Reached-cap sets are few per rule set (subsets of its caps); bound the cache anyway.
  if (byReached.size >= 256) byReached.clear();
  byReached.set(reached, texts);
  return texts;
}

function copyAccepts(a: PlanItem['accepts']): PlanItem['accepts'] {
  const out: PlanItem['accepts'] = {};
  if (a.topics) out.topics = a.topics.slice();
  if (a.formats) out.formats = a.formats.slice();
  if (a.practice) out.practice = a.practice;
  if (a.practices) out.practices = a.practices.slice();
  if (a.completedOnOrAfter) out.completedOnOrAfter = a.completedOnOrAfter;
  return out;
}

/**
 * One item per unmet requirement (`results[i + 1]` is the result of requirement `indices[i]`;
 * `results[0]` is the total's), then the rest of the total. `reached`: bit set of the caps reached.
 */
export function buildPlan(
  compiled: CompiledRuleSet,
  results: readonly RequirementResult[],
  indices: readonly number[],
  total: RequirementResult,
  reached: number,
  windowBits: readonly number[] = [],
  windowFrom: readonly string[] = [],
): PlanItem[] {
  const texts = planTexts(compiled, reached);
  const items: PlanItem[] = [];
  let minimumsLeft = 0;
  for (let i = 0; i < indices.length; i++) {
    const result = results[i + 1];
    if (result.met) continue;
    const j = indices[i];
    if (texts.counts[j]) minimumsLeft += result.remainingHours;
    const accepts = copyAccepts(texts.accepts[j]);
    // A rolling window (within-years) names the first day a course may date from, this cycle.
    const w = windowBits.indexOf(1 << j);
    const since = w < 0 ? '' : `, completed on or after ${windowFrom[w]}`;
    if (w >= 0 && !(accepts.completedOnOrAfter && accepts.completedOnOrAfter >= windowFrom[w])) accepts.completedOnOrAfter = windowFrom[w];
    items.push({ code: result.code, hours: result.remainingHours, description: `${moreHours(result.remainingHours)} of ${result.label}${since}${texts.tails[j]}`, accepts });
  }
  const rest = round2(Math.max(0, Math.round(total.remainingHours * 100) - Math.round(minimumsLeft * 100)));
  if (rest > 0) {
    items.push({ code: 'total', hours: rest, description: `${moreHours(rest)} of any accepted CE${texts.totalTail}`, accepts: copyAccepts(texts.totalAccepts) });
  }
  return items;
}

export function buildAdvocacy(compiled: CompiledRuleSet, credits: CreditTable, reached: number, floorOverride: number | undefined, requiredTotal: number): AdvocacyBalance {
  const version = compiled.version;
  let clinical = 0;
  let macro = 0;
  let general = 0;
  const { inCycle, levels } = credits;
  const creditStatus = credits.status;
  for (let ci = 0; ci < credits.count; ci++) {
    // Every credit completed in the cycle shows in the mix, even one a board refuses: the balance
    // describes what the licensee learned, not what the board counts.
    if (inCycle[ci] !== 0 && creditStatus[ci] !== DUPLICATE) {
      clinical += levels[3 * ci];
      macro += levels[3 * ci + 1];
      general += levels[3 * ci + 2];
    }
  }
  const all = clinical + macro + general;
  const floor = floorOverride !== undefined ? Math.round(floorOverride * 100) : Math.round(requiredTotal * 0.1);
  const status = macro === 0 ? 'missing' : macro < floor ? 'thin' : 'balanced';
  return {
    clinicalHours: round2(clinical),
    macroHours: round2(macro),
    generalHours: round2(general),
    macroShare: all === 0 ? 0 : Math.round((macro / all) * 10_000) / 10_000,
    floorHours: round2(floor),
    status,
    macroCountsTowardRenewal: version.macro.countsTowardRenewal,
    note: planTexts(compiled, reached).advocacyNote,
  };
}
