import type { ComplianceStatus } from '@mezzo/compliance-engine';

/** "NJ LCSW". */
export function licenseName(l: {
  jurisdiction: string;
  licenseType: string;
}): string {
  return `${l.jurisdiction} ${l.licenseType}`;
}

/** 3 → "3", 1.5 → "1.5", 2.25 → "2.25". */
export function formatHours(hours: number): string {
  return String(Math.round(hours * 100) / 100);
}

export function statusWords(status: ComplianceStatus): string {
  return status === 'met'
    ? 'met'
    : status === 'overdue'
      ? 'overdue'
      : 'in progress';
}

export function daysWords(days: number): string {
  return days <= 0 ? 'today' : days === 1 ? 'in 1 day' : `in ${days} days`;
}

/** "31 August 2026", in UTC (the date is a calendar date, not an instant). */
export function longDate(iso: string): string {
  return new Date(`${iso}T00:00:00Z`).toLocaleDateString('en-US', {
    day: 'numeric',
    month: 'long',
    year: 'numeric',
    timeZone: 'UTC',
  });
}
