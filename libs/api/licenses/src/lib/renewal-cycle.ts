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

const pad = (n: number) => String(n).padStart(2, '0');

function endOn(cycle: CycleRule & { anchor: 'fixed' }, year: number): string {
  const last = new Date(Date.UTC(year, cycle.month, 0)).getUTCDate();
  const day = cycle.day === 'last' ? last : Math.min(cycle.day, last);
  return `${year}-${pad(cycle.month)}-${pad(day)}`;
}

function dayAfter(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

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
