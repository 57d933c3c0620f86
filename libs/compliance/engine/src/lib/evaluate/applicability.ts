/** Which version judges a cycle, which rules are due in it, and how much each one requires. */
import type { Applicability, CycleRule, Frequency, LicenseTypeRules, RuleSetVersion } from '../model/rule-set.types';
import { addMonthsDay, dayToYmd, toDay } from '../dates/iso-date';
import { nominalStart, type ResolvedCycle } from '../cycle/cycle';
import { EngineError } from '../errors';

/**
 * The version in force on `day` (effectiveFrom <= day <= effectiveTo); in a gap, the latest version
 * that started before `day`; before every version, the earliest one.
 */
export function selectVersion(rules: LicenseTypeRules, day: number): RuleSetVersion {
  const { versions, starts } = sortedVersions(rules.versions);
  if (versions.length === 0) {
    throw new EngineError('no-rule-set-version', `License type ${rules.code} has no rule-set version`);
  }
  let chosen: RuleSetVersion | undefined;
  for (let i = 0; i < versions.length; i++) {
    if (starts[i] <= day) chosen = versions[i];
  }
  return chosen ?? versions[0];
}

interface SortedVersions {
  /** The input array's elements when sorted, to detect an array changed in place. */
  source: readonly RuleSetVersion[];
  versions: readonly RuleSetVersion[];
  starts: readonly number[];
}

/** Versions sorted by start (stable), memoised per versions array like the compile cache. */
const sortedCache = new WeakMap<readonly RuleSetVersion[], SortedVersions>();

function sameElements(a: readonly RuleSetVersion[], b: readonly RuleSetVersion[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

function sortedVersions(input: readonly RuleSetVersion[]): SortedVersions {
  const cached = sortedCache.get(input);
  // Same elements in the same order: version objects are treated as immutable, as by compileRuleSet.
  if (cached && sameElements(cached.source, input)) return cached;
  const versions = [...input].sort((a, b) => toDay(a.effectiveFrom) - toDay(b.effectiveFrom));
  const entry: SortedVersions = { source: [...input], versions, starts: versions.map((v) => toDay(v.effectiveFrom)) };
  sortedCache.set(input, entry);
  return entry;
}

export function sameCycleRule(a: CycleRule, b: CycleRule): boolean {
  const strip = (c: CycleRule): string => JSON.stringify({ ...c, source: undefined });
  return strip(a) === strip(b);
}

export function appliesToLicense(appliesTo: Applicability | undefined, roles: readonly string[]): boolean {
  if (!appliesTo?.roles || appliesTo.roles.length === 0) return true;
  return appliesTo.roles.some((r) => roles.includes(r));
}

/**
 * Whole cycles of `months` from the cycle ending on `anchorEnd` to the one ending on `end` (negative
 * before it): the calendar months between the two ends over the cycle length, rounded (so a cycle
 * ending a few days off the anchor's day of month still counts as a whole one).
 */
export function cyclesSince(anchorEnd: number, end: number, months: number): number {
  const a = dayToYmd(anchorEnd);
  const b = dayToYmd(end);
  return Math.round(((b.y - a.y) * 12 + (b.m - a.m)) / months);
}

/** Whether a requirement with this frequency is due in `cycle` (`months`: the rule set's cycle length). */
export function isDue(frequency: Frequency | undefined, cycle: ResolvedCycle, months = 12): boolean {
  if (!frequency) return true;
  switch (frequency.kind) {
    case 'every-cycle':
    case 'per-year-of-cycle':
    case 'once-per-career':
      return true;
    case 'within-years':
      return cycle.index >= (frequency.fromCycle ?? 1);
    case 'every-nth-cycle':
      return frequency.n > 0 && mod(cycle.index, frequency.n) === (frequency.offset ?? 0);
    case 'alternating': {
      if (!(frequency.of > 0)) return false;
      const position = frequency.anchorCycleEnd === undefined ? cycle.index : cyclesSince(toDay(frequency.anchorCycleEnd), cycle.end, months);
      return mod(position, frequency.of) === frequency.index;
    }
    case 'first-renewal':
      return cycle.firstRenewal;
  }
}

/**
 * The requirement codes still due in an exempt first renewal (`firstRenewal: { kind: 'exempt', except }`),
 * or null when the renewal is not exempt or lists no exception. Same conditions as the exemption itself.
 */
export function exemptExceptions(version: RuleSetVersion, cycle: ResolvedCycle, issuedOn: string | undefined): readonly string[] | null {
  const rule = version.firstRenewal;
  if (!cycle.firstRenewal || rule?.kind !== 'exempt' || issuedOn === undefined || !rule.except || rule.except.length === 0) return null;
  return rule.except;
}

function mod(a: number, n: number): number {
  return ((a % n) + n) % n;
}

/**
 * How the first-renewal rule scales this renewal's hours (hundredths in, hundredths out), and
 * whether it reduces them (`fraction` applied, or `prorate` with less than a full cycle held): then
 * a requirement's `firstRenewalHours` replaces its scaled hours. `prorate` keeps the share of a full
 * cycle the license was held (issuedOn..end over the nominal cycle, in days or, `by: 'month'`, in
 * started calendar months), rounded up to `roundTo` hours (default 1); `fraction` applies when
 * issuedOn is at least `whenIssuedAfterMonths` months after the nominal start and, with
 * `whenShorterThanCycle`, when fewer months than the cycle's were held.
 */
export interface FirstRenewalScaling {
  scale: (hundredths: number) => number;
  reduced: boolean;
}

const UNSCALED: FirstRenewalScaling = { scale: (h) => h, reduced: false };
const EXEMPT: FirstRenewalScaling = { scale: () => 0, reduced: false };

export function firstRenewalScaling(version: RuleSetVersion, cycle: ResolvedCycle, issuedOn: string | undefined): FirstRenewalScaling {
  const rule = version.firstRenewal;
  if (!cycle.firstRenewal || !rule || rule.kind === 'full' || issuedOn === undefined) return UNSCALED;
  if (rule.kind === 'exempt') return EXEMPT;
  const issued = toDay(issuedOn);
  const start = nominalStart(cycle.end, version.cycle.months);
  if (rule.kind === 'prorate') {
    const from = Math.max(issued, start);
    const byMonth = rule.by === 'month';
    const held = byMonth ? monthsStarted(from, cycle.end) : Math.max(0, cycle.end - from + 1);
    const full = byMonth ? version.cycle.months : cycle.end - start + 1;
    const step = Math.max(1, Math.round((rule.roundTo ?? 1) * 100));
    return { scale: (h) => Math.min(h, Math.ceil((h * held) / full / step - 1e-9) * step), reduced: held < full };
  }
  const threshold = rule.whenIssuedAfterMonths === undefined ? -Infinity : addMonthsDay(start, rule.whenIssuedAfterMonths);
  if (issued < threshold || (rule.whenShorterThanCycle === true && monthsStarted(Math.max(issued, start), cycle.end) >= version.cycle.months)) return UNSCALED;
  return { scale: (h) => Math.ceil(h * rule.fraction - 1e-9), reduced: true };
}

/**
 * Calendar months from day `from` to day `end` (inclusive), a started month counting as a whole one:
 * 2025-07-01 … 2025-12-31 is 6, 2025-07-15 … 2026-01-14 is 6, 2025-07-15 … 2026-01-20 is 7.
 * 0 when `from` is after `end`.
 */
export function monthsStarted(from: number, end: number): number {
  if (from > end) return 0;
  const a = dayToYmd(from);
  const b = dayToYmd(end + 1);
  return (b.y - a.y) * 12 + (b.m - a.m) + (b.d > a.d ? 1 : 0);
}
