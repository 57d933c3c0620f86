import type { AbstractControl, ValidationErrors } from '@angular/forms';
import type { PracticeLevel } from '@mezzo/compliance-engine';

/** Hours are kept to two decimals; a float sum must not fail on 0.1 + 0.2. */
export function round2(n: number): number {
  return Math.round(n * 100) / 100;
}

export function num(value: unknown): number {
  const n = typeof value === 'number' ? value : Number(value);
  return Number.isFinite(n) ? n : 0;
}

/** The practice split must add up to the credit's hours. */
export function splitMatchesHours(
  group: AbstractControl,
): ValidationErrors | null {
  const hoursValue = num(group.get('hours')?.value);
  const p = group.get('practice')?.value as
    Record<PracticeLevel, unknown> | undefined;
  if (!p || hoursValue <= 0) return null;
  const sum = round2(num(p.clinical) + num(p.macro) + num(p.general));
  return sum === round2(hoursValue)
    ? null
    : { splitMismatch: { sum, hours: hoursValue } };
}

/** Today as YYYY-MM-DD in the person's own calendar. */
export function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function notInFuture(
  control: AbstractControl<string>,
): ValidationErrors | null {
  return control.value && control.value > today() ? { future: true } : null;
}

/** The earliest completion date the API takes. */
export const EARLIEST_COMPLETION = '1950-01-01';

export function notBefore1950(
  control: AbstractControl<string>,
): ValidationErrors | null {
  return control.value && control.value < EARLIEST_COMPLETION
    ? { tooEarly: true }
    : null;
}

/** Hours are stored with two decimals at most; the API refuses more (say so before sending). */
export function atMostTwoDecimals(
  control: AbstractControl<unknown>,
): ValidationErrors | null {
  const v = control.value;
  if (v === null || v === '' || typeof v !== 'number' || !Number.isFinite(v)) {
    return null;
  }
  return round2(v) === v ? null : { decimals: true };
}

/** The one level holding all `hours` (the others 0), or null for a mixed or empty split. */
export function levelsHolding(
  p: Record<PracticeLevel, unknown>,
  hours: number,
): PracticeLevel | null {
  const levels: PracticeLevel[] = ['clinical', 'macro', 'general'];
  const held = levels.filter((l) => num(p[l]) > 0);
  return held.length === 1 && round2(num(p[held[0]])) === round2(hours)
    ? held[0]
    : null;
}
