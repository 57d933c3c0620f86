import type { CycleRule } from '@mezzo/compliance-engine';

/**
 * Whether a rule set's cycle leaves the renewal year to the licensee: a fixed date every two or
 * three years with neither an odd/even rule nor a known end year (NM June 30, TN December 31
 * "depending on when the license was issued"). Then the licensee's own renewal date decides.
 */
export function needsRenewalDate(cycle: CycleRule): boolean {
  return (
    cycle.anchor === 'fixed' &&
    cycle.months > 12 &&
    cycle.parity === undefined &&
    cycle.endYear === undefined
  );
}

/**
 * Whether a license's renewal date is used: required where the rule set leaves the years to the
 * license (`needsRenewalDate`), optional where cycles follow the licensee (issue date, birth month,
 * birthday: the date printed on the license wins over the derived one, NC's shorter first periods).
 * A statewide fixed date (NJ every even August 31) ignores it.
 */
export function acceptsRenewalDate(cycle: CycleRule): boolean {
  return cycle.anchor !== 'fixed' || needsRenewalDate(cycle);
}

const pad = (n: number) => String(n).padStart(2, '0');

/** Days in month `m` (1–12) of year `y`. */
const lastOfMonth = (y: number, m: number) =>
  new Date(Date.UTC(y, m, 0)).getUTCDate();

function endOn(cycle: CycleRule & { anchor: 'fixed' }, year: number): string {
  const last = lastOfMonth(year, cycle.month);
  const day = cycle.day === 'last' ? last : Math.min(cycle.day, last);
  return `${year}-${pad(cycle.month)}-${pad(day)}`;
}

/** `iso` moved by `days` calendar days. */
function addDays(iso: string, days: number): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
}

const dayAfter = (iso: string) => addDays(iso, 1);

export const dayBefore = (iso: string) => addDays(iso, -1);

/**
 * The cycle that contains `asOf`, for a fixed-date rule whose years follow the licensee's renewal
 * date: cycles end on the rule's month and day in the years `renewsOn`'s year ± k × (months / 12) —
 * or, where the CE period is the calendar years before the renewal year (`endsBeforeRenewalYear`,
 * TN), in the year before each renewal year. Null when the rule is not such a cycle.
 */
export function cycleFromRenewalDate(
  cycle: CycleRule,
  renewsOn: string,
  asOf: string,
): { start: string; end: string } | null {
  if (cycle.anchor !== 'fixed' || !needsRenewalDate(cycle)) return null;
  const step = cycle.months / 12;
  const endYear =
    Number(renewsOn.slice(0, 4)) - (cycle.endsBeforeRenewalYear ? 1 : 0);
  const phase = (((endYear % step) + step) % step) as number;
  let year = Number(asOf.slice(0, 4));
  while (((year % step) + step) % step !== phase || endOn(cycle, year) < asOf)
    year += 1;
  return {
    start: dayAfter(endOn(cycle, year - step)),
    end: endOn(cycle, year),
  };
}

/**
 * `renewsOn` moved by `months` calendar months: the day clamped to the month's length, and a
 * month's last day staying the last day (2027-02-28 → 2029-02-28, 2028-02-29 → 2030-02-28,
 * 2026-04-30 → 2028-04-30; a birth-month cycle ending on 2027-02-28 next ends on 2029-02-28).
 */
function shiftEnd(renewsOn: string, months: number): string {
  const [y, m, d] = renewsOn.split('-').map(Number);
  const index = y * 12 + (m - 1) + months;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const last = lastOfMonth(ty, tm);
  const day = d === lastOfMonth(y, m) ? last : Math.min(d, last);
  return `${String(ty).padStart(4, '0')}-${pad(tm)}-${pad(day)}`;
}

/**
 * The cycle holding `asOf` (or, before the issue date, the first one) for a cycle anchored on the
 * licensee, placed by the renewal date printed on the license: cycles end on `renewsOn` ± k ×
 * months; the first starts on the issue date (so it may be shorter than a full cycle: NC's 30-hour
 * first period). `index` counts cycles from the one holding the issue date (1).
 */
export function cycleFromPrintedDate(
  cycle: CycleRule,
  renewsOn: string,
  asOf: string,
  issuedOn: string,
): { start: string; end: string; index: number } | null {
  if (cycle.anchor === 'fixed') return null;
  const months = cycle.months;
  const endOf = (k: number) => shiftEnd(renewsOn, k * months);
  /** Smallest k whose cycle end is on or after `day`. */
  const holding = (day: string): number => {
    const [y, m] = day.split('-').map(Number);
    const [ry, rm] = renewsOn.split('-').map(Number);
    let k = Math.floor(((y - ry) * 12 + (m - rm)) / months);
    while (endOf(k) < day) k += 1;
    while (endOf(k - 1) >= day) k -= 1;
    return k;
  };
  const target = asOf < issuedOn ? issuedOn : asOf;
  const k = holding(target);
  const first = holding(issuedOn);
  const start = k === first ? issuedOn : dayAfter(endOf(k - 1));
  return { start, end: endOf(k), index: k - first + 1 };
}
