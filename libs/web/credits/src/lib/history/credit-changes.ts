import type { CreditEventDto } from '@mezzo/shared-contracts';
import {
  FORMAT_LABELS,
  MACRO_AREA_LABELS,
  TOPIC_LABELS,
  hours,
  labelOf,
} from '@mezzo/web-licenses';

type Snapshot = CreditEventDto['snapshot'];

function listChange(
  what: string,
  before: readonly string[],
  after: readonly string[],
  label: (code: string) => string,
): string | null {
  const added = after.filter((x) => !before.includes(x)).map(label);
  const removed = before.filter((x) => !after.includes(x)).map(label);
  if (added.length === 0 && removed.length === 0) return null;
  const parts = [
    ...(added.length ? [`added ${added.join(', ')}`] : []),
    ...(removed.length ? [`removed ${removed.join(', ')}`] : []),
  ];
  return `${what}: ${parts.join('; ')}`;
}

const approvalText = (a: { body: string; number?: string | null }) =>
  a.number ? `${a.body} ${a.number}` : a.body;

/**
 * What an edit changed, in words ("Topics: removed Ethics", "Hours: 3 h → 2.5 h"), from the snapshot
 * before it to the snapshot after it. Empty when nothing the licensee sees changed.
 */
export function creditChanges(before: Snapshot, after: Snapshot): string[] {
  const out: string[] = [];
  const value = (what: string, a: string, b: string) => {
    if (a !== b) out.push(`${what}: ${a || '—'} → ${b || '—'}`);
  };
  value('Title', before.title, after.title);
  value('Provider', before.provider ?? '', after.provider ?? '');
  value('Completed', before.completedOn, after.completedOn);
  value('Hours', hours(before.hours), hours(after.hours));
  value(
    'Format',
    labelOf(FORMAT_LABELS, before.format),
    labelOf(FORMAT_LABELS, after.format),
  );
  const split = (s: Snapshot) =>
    `clinical ${hours(s.practice.clinical)}, macro ${hours(s.practice.macro)}, general ${hours(s.practice.general)}`;
  value('Practice split', split(before), split(after));
  const topics = listChange('Topics', before.topics, after.topics, (c) =>
    labelOf(TOPIC_LABELS, c),
  );
  if (topics) out.push(topics);
  const areas = listChange(
    'Macro areas',
    before.macroAreas ?? [],
    after.macroAreas ?? [],
    (c) => labelOf(MACRO_AREA_LABELS, c),
  );
  if (areas) out.push(areas);
  const approvals = listChange(
    'Approvals',
    (before.approvals ?? []).map(approvalText),
    (after.approvals ?? []).map(approvalText),
    (x) => x,
  );
  if (approvals) out.push(approvals);
  return out;
}
