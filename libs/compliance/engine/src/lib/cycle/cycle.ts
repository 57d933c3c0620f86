/**
 * Renewal-cycle derivation. A cycle rule defines a series of end dates E(k); the cycle containing a
 * date d is (E(k-1), E(k)] with the smallest E(k) >= d. Decisions (docs/ENGINE.md "Cycles"):
 * - fixed anchor: ends on month/day every `months/12` years; 24-month cycles pick years by `parity`,
 *   36-month cycles by `endYear` (default: years divisible by 3); without either, years are counted
 *   from 2000 (even years for 24 months).
 * - birth-month / birthday: yearly occurrence of the anchor; with an issue date the first end is the
 *   first occurrence on or after issuedOn + (months - 12) months, so a first cycle lasts more than
 *   months - 12 and at most `months` months; then every `months`. Without issuedOn, the end years are
 *   counted from 2000 as for fixed anchors.
 * - issue-date: the day before each anniversary issuedOn + k·months (k >= 1), so cycles tile exactly:
 *   [issuedOn + (k-1)·months, issuedOn + k·months - 1 day].
 * - The first cycle starts on issuedOn; the cycle index is 1 for it. Without issuedOn the index counts
 *   from the cycle containing 2000-01-01 (index 1).
 */
import type { CycleRule, IsoDate } from '../model/rule-set.types';
import { addMonthsYmd, daysInMonth, dayToYmd, toDay, ymdToDay } from '../dates/iso-date';
import { EngineError } from '../errors';

export interface LicenseFacts {
  issuedOn?: IsoDate;
  birthDate?: IsoDate;
}

export interface ResolvedCycle {
  start: number;
  end: number;
  index: number;
  firstRenewal: boolean;
}

type EndSeries = (k: number) => number;

const EPOCH_DAY = ymdToDay(2000, 1, 1);

function clampDay(y: number, m: number, d: number): number {
  return ymdToDay(y, m, Math.min(d, daysInMonth(y, m)));
}

/** Year of the series' k = 0 end for calendar-anchored series without an issue date. */
function baseYear(rule: CycleRule): number {
  const step = rule.months / 12;
  if (rule.anchor === 'fixed') {
    if (rule.endYear !== undefined) return rule.endYear;
    if (step === 2 && rule.parity) return rule.parity === 'even' ? 2000 : 2001;
  }
  return 2000;
}

function annualSeries(rule: CycleRule, month: number, dayOf: (y: number) => number, firstYear: number): EndSeries {
  const step = rule.months / 12;
  return (k) => {
    const y = firstYear + k * step;
    return ymdToDay(y, month, dayOf(y));
  };
}

function seriesFor(rule: CycleRule, license: LicenseFacts): EndSeries {
  const issued = license.issuedOn ? toDay(license.issuedOn) : undefined;
  if (rule.anchor === 'issue-date') {
    if (issued === undefined) {
      throw new EngineError('cycle-undetermined', 'This rule set anchors cycles on the issue date: license.issuedOn is required', '/license/issuedOn');
    }
    const base = dayToYmd(issued);
    return (k) => {
      const shifted = addMonthsYmd(base, (k + 1) * rule.months);
      return ymdToDay(shifted.y, shifted.m, shifted.d) - 1;
    };
  }
  if (rule.anchor === 'fixed') {
    const { month, day } = rule;
    const dayOf = (y: number): number => (day === 'last' ? daysInMonth(y, month) : Math.min(day, daysInMonth(y, month)));
    return annualSeries(rule, month, dayOf, baseYear(rule));
  }
  if (!license.birthDate) {
    throw new EngineError('cycle-undetermined', `This rule set anchors cycles on the ${rule.anchor}: license.birthDate is required`, '/license/birthDate');
  }
  const birth = dayToYmd(toDay(license.birthDate));
  const dayOf = (y: number): number => (rule.anchor === 'birth-month' ? daysInMonth(y, birth.m) : Math.min(birth.d, daysInMonth(y, birth.m)));
  if (issued === undefined) return annualSeries(rule, birth.m, dayOf, baseYear(rule));
  // First end: first anchor occurrence on or after issuedOn + (months - 12) months.
  const earliest = addMonthsYmd(dayToYmd(issued), rule.months - 12);
  const earliestDay = ymdToDay(earliest.y, earliest.m, earliest.d);
  let firstYear = earliest.y;
  if (clampDay(firstYear, birth.m, dayOf(firstYear)) < earliestDay) firstYear += 1;
  return annualSeries(rule, birth.m, dayOf, firstYear);
}

/** Smallest k with end(k) >= day. Series are strictly increasing, so a short walk from an estimate suffices. */
function indexContaining(series: EndSeries, day: number, months: number): number {
  let k = Math.floor((day - series(0)) / (months * 30.44));
  while (series(k) < day) k += 1;
  while (series(k - 1) >= day) k -= 1;
  return k;
}

/**
 * The cycle containing `asOf` (or the first cycle when asOf precedes the issue date), or the explicit
 * cycle of the transcript, with its index and first-renewal flag.
 */
export function resolveCycle(
  rule: CycleRule,
  license: LicenseFacts,
  asOf: number,
  explicit?: { start: IsoDate; end: IsoDate; index?: number },
): ResolvedCycle {
  const issued = license.issuedOn ? toDay(license.issuedOn) : undefined;
  if (explicit) {
    const start = toDay(explicit.start);
    const end = toDay(explicit.end);
    const firstRenewal = issued !== undefined && issued >= start && issued <= end;
    let index = explicit.index ?? (firstRenewal ? 1 : undefined);
    if (index === undefined) {
      try {
        index = indexOf(seriesFor(rule, license), end, rule.months, issued);
      } catch (error) {
        // An explicit cycle needs no anchor facts; without them the index falls back to 1.
        if (!(error instanceof EngineError)) throw error;
        index = 1;
      }
    }
    return { start, end, index, firstRenewal };
  }
  const series = seriesFor(rule, license);
  const target = issued !== undefined && asOf < issued ? issued : asOf;
  const k = indexContaining(series, target, rule.months);
  const end = series(k);
  let start = series(k - 1) + 1;
  const firstRenewal = issued !== undefined && issued >= start && issued <= end;
  if (firstRenewal && issued !== undefined) start = issued;
  return { start, end, index: indexOf(series, end, rule.months, issued), firstRenewal };
}

function indexOf(series: EndSeries, end: number, months: number, issued: number | undefined): number {
  const k = indexContaining(series, end, months);
  const k0 = indexContaining(series, issued ?? EPOCH_DAY, months);
  return k - k0 + 1;
}

/** Nominal start of a full cycle ending on `end` (used for proration). */
export function nominalStart(end: number, months: number): number {
  const shifted = addMonthsYmd(dayToYmd(end), -months);
  return ymdToDay(shifted.y, shifted.m, shifted.d) + 1;
}
