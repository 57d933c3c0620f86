/**
 * Calendar arithmetic on `YYYY-MM-DD` strings through UTC day numbers. Everything is UTC on purpose:
 * a renewal date is a calendar date, not an instant, so no time zone may shift it.
 */
import type { IsoDate } from '../model/rule-set.types';

const MS_PER_DAY = 86_400_000;

export interface Ymd {
  y: number;
  /** 1–12 */
  m: number;
  d: number;
}

/** Parses a `YYYY-MM-DD` string; returns null for malformed or impossible dates (2023-02-30). */
export function parseIsoDate(value: string): Ymd | null {
  // Same as /^\d{4}-\d{2}-\d{2}$/, without a regex on the evaluation hot path.
  if (value.length !== 10 || value.charCodeAt(4) !== 45 || value.charCodeAt(7) !== 45) return null;
  let y = 0;
  let m = 0;
  let d = 0;
  for (let i = 0; i < 10; i++) {
    if (i === 4 || i === 7) continue;
    const digit = value.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    if (i < 4) y = y * 10 + digit;
    else if (i < 7) m = m * 10 + digit;
    else d = d * 10 + digit;
  }
  if (m < 1 || m > 12 || d < 1 || d > daysInMonth(y, m)) return null;
  return { y, m, d };
}

export function isValidIsoDate(value: string): boolean {
  return parseIsoDate(value) !== null;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export function daysInMonth(y: number, m: number): number {
  if (m === 2 && ((y % 4 === 0 && y % 100 !== 0) || y % 400 === 0)) return 29;
  return MONTH_DAYS[m - 1];
}

/** Days since 1970-01-01 (proleptic Gregorian), Howard Hinnant's days_from_civil. */
export function ymdToDay(y: number, m: number, d: number): number {
  const yy = m <= 2 ? y - 1 : y;
  const era = Math.floor(yy / 400);
  const yoe = yy - era * 400;
  const doy = Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5) + d - 1;
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

/** Days from March 1 to the first day of month m (1–12), the year starting in March (days_from_civil's doy). */
const MARCH_DAYS = Int32Array.from({ length: 13 }, (_, m) => (m === 0 ? 0 : Math.floor((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5)));

/** Day number (days since 1970-01-01) of a valid ISO date; throws on an invalid one. */
export function toDay(value: IsoDate): number {
  // Inline parse (no Ymd object): this runs once per credit on the evaluation hot path.
  if (value.length === 10 && value.charCodeAt(4) === 45 && value.charCodeAt(7) === 45) {
    const c0 = value.charCodeAt(0) - 48;
    const c1 = value.charCodeAt(1) - 48;
    const c2 = value.charCodeAt(2) - 48;
    const c3 = value.charCodeAt(3) - 48;
    const c5 = value.charCodeAt(5) - 48;
    const c6 = value.charCodeAt(6) - 48;
    const c8 = value.charCodeAt(8) - 48;
    const c9 = value.charCodeAt(9) - 48;
    // `>>> 0` maps a negative (character below '0') above 9: one unsigned test per digit.
    if (c0 >>> 0 <= 9 && c1 >>> 0 <= 9 && c2 >>> 0 <= 9 && c3 >>> 0 <= 9 && c5 >>> 0 <= 9 && c6 >>> 0 <= 9 && c8 >>> 0 <= 9 && c9 >>> 0 <= 9) {
      const y = c0 * 1000 + c1 * 100 + c2 * 10 + c3;
      const m = c5 * 10 + c6;
      const d = c8 * 10 + c9;
      // Every month has 28 days: the month's length (a table load, the leap-year test) is read only
      // for the last days of a month.
      if (m >= 1 && m <= 12 && d >= 1 && (d <= 28 || d <= daysInMonth(y, m))) {
        // ymdToDay in integers: the year shifted by one era (400 years, 146,097 days) so that it is
        // positive even for January and February of year 0, the month's first day from a table,
        // and n / 100 as (n * 5243) >>> 19 (exact for 0 ≤ n < 43,699; here n ≤ 10,399) instead of
        // divisions. Checked against `ymdToDay` on every day of 0000–9999 (iso-date.spec.ts).
        const yy = (m <= 2 ? y - 1 : y) + 400;
        const centuries = (yy * 5243) >>> 19;
        return yy * 365 + (yy >>> 2) - centuries + (centuries >>> 2) + MARCH_DAYS[m] + d - 865_566;
      }
    }
  }
  throw new RangeError(`Invalid date: ${value}`);
}

export function dayToYmd(day: number): Ymd {
  const date = new Date(day * MS_PER_DAY);
  return { y: date.getUTCFullYear(), m: date.getUTCMonth() + 1, d: date.getUTCDate() };
}

export function fromDay(day: number): IsoDate {
  const { y, m, d } = dayToYmd(day);
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

/** Adds calendar months, clamping the day to the target month's length (Jan 31 + 1 month = Feb 28/29). */
export function addMonthsYmd(date: Ymd, months: number): Ymd {
  const index = date.y * 12 + (date.m - 1) + months;
  const y = Math.floor(index / 12);
  // Not `index % 12`: negative before year 0, which gave month 0 or less (NaN dates).
  const m = index - y * 12 + 1;
  return { y, m, d: Math.min(date.d, daysInMonth(y, m)) };
}

export function addMonthsDay(day: number, months: number): number {
  const shifted = addMonthsYmd(dayToYmd(day), months);
  return ymdToDay(shifted.y, shifted.m, shifted.d);
}
