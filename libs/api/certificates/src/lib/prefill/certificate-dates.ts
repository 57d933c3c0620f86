/** Dates as certificates print them, read into ISO `YYYY-MM-DD` (US order for numeric dates). */

const MONTHS: Record<string, number> = {
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  may: 5,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
};

const MONTH_NAME =
  '(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\\.?';

/**
 * One date in any supported spelling: "February 14, 2025", "Feb. 14 2025", "14 February 2025",
 * "02/14/2025", "2/14/25", "02-14-2025", "2025-02-14". Also "February 13-14, 2025" (a range of days;
 * the last day is the one that counts).
 */
export const DATE_SOURCE =
  `(?:\\d{4}-\\d{1,2}-\\d{1,2}` +
  `|\\d{1,2}[/.-]\\d{1,2}[/.-](?:\\d{4}|\\d{2})` +
  `|${MONTH_NAME}\\s+\\d{1,2}(?:st|nd|rd|th)?(?:\\s*[-–]\\s*\\d{1,2}(?:st|nd|rd|th)?)?,?\\s+\\d{4}` +
  `|\\d{1,2}(?:st|nd|rd|th)?\\s+${MONTH_NAME},?\\s+\\d{4})`;

export function parseDate(raw: string): string | undefined {
  const s = raw.trim().toLowerCase();
  let m = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(s);
  if (m) return iso(+m[1], +m[2], +m[3]);
  m = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4}|\d{2})$/.exec(s);
  if (m) return iso(fullYear(m[3]), +m[1], +m[2]);
  m =
    /^([a-z]+)\.?\s+(?:\d{1,2}(?:st|nd|rd|th)?\s*[-–]\s*)?(\d{1,2})(?:st|nd|rd|th)?,?\s+(\d{4})$/.exec(
      s,
    );
  if (m) return iso(+m[3], month(m[1]), +m[2]);
  m = /^(\d{1,2})(?:st|nd|rd|th)?\s+([a-z]+)\.?,?\s+(\d{4})$/.exec(s);
  if (m) return iso(+m[3], month(m[2]), +m[1]);
  return undefined;
}

/** Every date in the text, in order of appearance, with where it was found. */
export function findDates(text: string): { iso: string; index: number }[] {
  const out: { iso: string; index: number }[] = [];
  for (const m of text.matchAll(new RegExp(DATE_SOURCE, 'gi'))) {
    const parsed = parseDate(m[0]);
    if (parsed) out.push({ iso: parsed, index: m.index ?? 0 });
  }
  return out;
}

function month(name: string): number {
  return MONTHS[name.slice(0, 4) === 'sept' ? 'sept' : name.slice(0, 3)] ?? 0;
}

function fullYear(y: string): number {
  // Two-digit years on CE certificates are this century.
  return y.length === 2 ? 2000 + +y : +y;
}

function iso(y: number, m: number, d: number): string | undefined {
  if (m < 1 || m > 12 || d < 1 || d > 31 || y < 1950 || y > 2199)
    return undefined;
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCMonth() !== m - 1) return undefined;
  return date.toISOString().slice(0, 10);
}
