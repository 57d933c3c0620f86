import ical, {
  ICalAlarmType,
  escape,
  foldLines,
  formatDate,
} from 'ical-generator';
import type { Evaluation, RequirementResult } from '@mezzo/compliance-engine';
import { formatHours, licenseName, statusWords } from '../templates/wording';

export interface FeedLicense {
  id: string;
  jurisdiction: string;
  licenseType: string;
  evaluation: Evaluation;
}

const DAY_SECONDS = 86_400;
const CRLF = '\r\n';

/**
 * The licensee's iCalendar feed (RFC 5545): an all-day VEVENT on each license's renewal deadline with
 * alarms 30 and 7 days before, and a VTODO per requirement of the current cycle still unmet, due on
 * the deadline. UIDs are derived from the license, the cycle end and the requirement code, so a
 * calendar app updates its copy on each refresh instead of adding another.
 */
export function buildCalendarFeed(
  licenses: FeedLicense[],
  appUrl: string,
  now: Date,
): string {
  const calendar = ical({
    name: 'Mezzo: CE renewal deadlines',
    prodId: { company: 'Mezzo', product: 'CE deadlines', language: 'EN' },
    // Calendar apps poll subscriptions; twice a day is plenty for deadlines months away.
    ttl: 12 * 60 * 60,
  });
  const todos: string[] = [];
  for (const l of licenses) {
    const ev = l.evaluation;
    const name = licenseName(l);
    const link = `${appUrl}/licenses/${l.id}`;
    const unmet = ev.requirements.filter((r) => !r.met);
    calendar.createEvent({
      id: `deadline-${l.id}-${ev.cycle.end}@mezzo`,
      stamp: now,
      allDay: true,
      start: utcDate(ev.cycle.end),
      end: utcDate(ev.cycle.end, 1),
      summary: `${name} renewal deadline`,
      description: [
        `${formatHours(ev.totals.countedHours)} of ${formatHours(ev.totals.requiredHours)} h counted for the cycle ${ev.cycle.start} to ${ev.cycle.end}. Status: ${statusWords(ev.status)}.`,
        ...(unmet.length
          ? ['Still needed:', ...unmet.map((r) => `- ${todoSummary(r, name)}`)]
          : []),
        link,
      ].join('\n'),
      url: link,
      alarms: [30, 7].map((days) => ({
        type: ICalAlarmType.display,
        triggerBefore: days * DAY_SECONDS,
        description: `${name} renewal deadline in ${days} days`,
      })),
    });
    for (const r of unmet) todos.push(vtodo(l, r, name, link, now));
  }
  const body = calendar.toString();
  const end = body.lastIndexOf('END:VCALENDAR');
  // Every content line ends with CRLF (RFC 5545 §3.1), the last one included.
  return `${body.slice(0, end)}${todos.join('')}END:VCALENDAR${CRLF}`;
}

/** ical-generator writes events only; the to-dos are written here with its escaping and folding. */
function vtodo(
  l: FeedLicense,
  r: RequirementResult,
  name: string,
  link: string,
  now: Date,
): string {
  const ev = l.evaluation;
  const percent =
    r.requiredHours > 0
      ? Math.min(100, Math.floor((r.countedHours / r.requiredHours) * 100))
      : 0;
  const lines = [
    'BEGIN:VTODO',
    `UID:${escape(`requirement-${l.id}-${ev.cycle.end}-${r.code.replace(/[^A-Za-z0-9-]/g, '-')}@mezzo`, false)}`,
    `DTSTAMP:${formatDate(null, now)}`,
    `SUMMARY:${escape(todoSummary(r, name), false)}`,
    `DESCRIPTION:${escape(
      `${formatHours(r.countedHours)} of ${formatHours(r.requiredHours)} h counted.${r.note ? ` ${r.note}` : ''}\n${link}`,
      false,
    )}`,
    `DUE;VALUE=DATE:${ev.cycle.end.replace(/-/g, '')}`,
    `CATEGORIES:${escape('Continuing education', false)},${escape(name, false)}`,
    `PERCENT-COMPLETE:${percent}`,
    `STATUS:${r.countedHours > 0 ? 'IN-PROCESS' : 'NEEDS-ACTION'}`,
    `URL;VALUE=URI:${link}`,
    'END:VTODO',
  ];
  return foldLines(lines.join(CRLF)) + CRLF;
}

/** "3 h ethics still needed for NJ LCSW". */
export function todoSummary(r: RequirementResult, name: string): string {
  const hours = `${formatHours(r.remainingHours)} h`;
  return r.code === 'total'
    ? `${hours} of CE in total still needed for ${name}`
    : `${hours} ${lowerFirst(r.label)} still needed for ${name}`;
}

function lowerFirst(label: string): string {
  // "Ethics" reads as "ethics"; an acronym such as "HIV/AIDS" keeps its capitals.
  return /^[A-Z][a-z]/.test(label)
    ? label[0].toLowerCase() + label.slice(1)
    : label;
}

function utcDate(iso: string, plusDays = 0): Date {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + plusDays);
  return d;
}
