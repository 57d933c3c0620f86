import type { Format, PracticeLevel, Topic } from '@mezzo/compliance-engine';
import type { PrefillField, PrefillResultDto } from '@mezzo/shared-contracts';
import { DATE_SOURCE, findDates, parseDate } from './certificate-dates';
import { classifyCategory, isCategoryLine } from './certificate-categories';

export type PrefillResult = PrefillResultDto;

const NUMBER = '(\\d{1,3}(?:\\.\\d{1,2})?)';
const WORD_NUMBERS: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  twelve: 12,
  fifteen: 15,
  twenty: 20,
};
const MAX_HOURS = 200;
const DASH = '\\s*(?:-|–|—|to|through|thru)\\s*';

/** ASWB ACE approval statement: "{Provider}, #{number}, is approved … to offer social work continuing education …". */
const ACE_STATEMENT =
  /([^;:\n]{2,160}?),?\s*\(?\s*(?:ACE\s+)?(?:provider\s+)?(?:#|no\.|number)\s*(\d{3,6})\s*\)?,?\s+is\s+approved(?:\s+as\s+an\s+ACE\s+provider)?\s+to\s+offer\s+social\s+work\s+continuing\s+education/i;
const APPROVAL_PERIOD = new RegExp(
  `approval period\\s*:?\\s*(${DATE_SOURCE})${DASH}(${DATE_SOURCE})`,
  'i',
);
const ACE_CREDITS =
  /receive\s+(\d{1,3}(?:\.\d{1,2})?)\s+([a-z][a-z -]{0,40}?\s+)?continuing education (?:credits?|(?:contact |clock )?hours?)/i;

/**
 * Reads what a social-work CE certificate says from its text (as extracted from a PDF): the ASWB ACE
 * statement, labelled lines ("Course title:", "Date of completion:", "CE hours:") and common
 * phrasings. Pure: no I/O; every value is a suggestion the licensee confirms.
 */
export function parseCertificateText(raw: string): PrefillResult {
  const lines = raw
    .replace(/\r\n?/g, '\n')
    .split('\n')
    .map((l) => l.replace(/[ \t\u00a0]+/g, ' ').trim())
    .filter((l) => l.length > 0 && !/^--\s*\d+\s+of\s+\d+\s*--$/.test(l));
  // PDF text wraps sentences at arbitrary points: statements are matched on the joined text.
  const flat = lines.join(' ');
  const result: PrefillResult = { categories: [], topics: [], confidence: {} };
  const confidence = result.confidence;
  const set = <K extends PrefillField>(field: K, score: number): void => {
    confidence[field] = Math.max(confidence[field] ?? 0, score);
  };

  // The provider name opens the statement: on its own line or after a sentence, so match line-wise.
  const ace = ACE_STATEMENT.exec(lines.join('\n'));
  if (ace) {
    const provider = cleanProvider(lastSentence(ace[1]));
    if (provider) {
      result.provider = provider;
      set('provider', 0.9);
    }
    result.aceProviderNumber = ace[2];
    set('aceProviderNumber', 0.95);
  }
  const period = APPROVAL_PERIOD.exec(flat);
  if (period) {
    const start = parseDate(period[1]);
    const end = parseDate(period[2]);
    if (start || end) {
      result.approvalPeriod = {
        ...(start ? { start } : {}),
        ...(end ? { end } : {}),
      };
      set('approvalPeriod', start && end ? 0.9 : 0.6);
    }
  }

  const categories = new Map<
    string,
    { topic?: Topic; practice?: PracticeLevel }
  >();
  const addCategories = (phrase: string, score: number): void => {
    for (const c of classifyCategory(phrase)) {
      if (!categories.has(c.label))
        categories.set(c.label, { topic: c.topic, practice: c.practice });
      set('categories', score);
    }
  };

  const aceCredits = ACE_CREDITS.exec(flat);
  if (aceCredits) {
    const hours = toHours(aceCredits[1]);
    if (hours !== undefined) {
      result.hours = hours;
      set('hours', 0.9);
    }
    if (aceCredits[2]?.trim()) addCategories(aceCredits[2], 0.9);
  }
  if (result.hours === undefined) {
    const found = findHours(lines, flat);
    if (found) {
      result.hours = found.hours;
      set('hours', found.score);
    }
  }

  const title = findTitle(lines, flat);
  if (title) {
    result.title = title.value;
    set('title', title.score);
  }

  if (!result.provider) {
    const provider = findProvider(lines);
    if (provider) {
      result.provider = provider.value;
      set('provider', provider.score);
    }
  }

  const completed = findCompletion(lines, flat, period?.index, period?.[0]);
  if (completed) {
    result.completedOn = completed.value;
    set('completedOn', completed.score);
  }

  const format = findFormat(lines, flat);
  if (format) {
    result.format = format.value;
    set('format', format.score);
  }

  for (const line of lines) {
    const labelled =
      /^(?:CE\s+)?(?:categor(?:y|ies)|content areas?|subject areas?|credit types?|course types?|specialty|specialized (?:category )?credit)\s*:\s*(.+)$/i.exec(
        line,
      );
    if (labelled) {
      for (const part of labelled[1].split(
        /\s*(?:[,;/|]|\band\b(?!\s+rules))\s*/i,
      ))
        if (part) addCategories(part, 0.9);
    } else if (isCategoryLine(line)) addCategories(line, 0.75);
  }
  result.categories = [...categories.keys()];
  result.topics = [
    ...new Set(
      [...categories.values()].flatMap((c) => (c.topic ? [c.topic] : [])),
    ),
  ];
  const practice = [...categories.values()].find((c) => c.practice)?.practice;
  if (practice) result.practiceLevel = practice;
  return result;
}

function toHours(raw: string): number | undefined {
  const value = WORD_NUMBERS[raw.toLowerCase()] ?? Number(raw);
  return Number.isFinite(value) && value > 0 && value <= MAX_HOURS
    ? Math.round(value * 100) / 100
    : undefined;
}

function findHours(
  lines: string[],
  flat: string,
): { hours: number; score: number } | undefined {
  const unit =
    '(?:(?:CE|CEUs?|continuing education|contact|clock|credit|education)\\s*){0,2}(?:hours?|hrs?\\.?|credits?|units?|CEUs?)';
  const labelled = new RegExp(
    `^(?:total\\s+)?(?:CE\\s+|CEU\\s+|contact\\s+|clock\\s+|credit\\s+|continuing education\\s+)?(?:hours?|credits?|CEUs?)(?:\\s+(?:earned|awarded|approved|completed))?\\s*:\\s*${NUMBER}\\b`,
    'i',
  );
  for (const line of lines) {
    const m = labelled.exec(line);
    const hours = m ? toHours(m[1]) : undefined;
    if (hours !== undefined) return { hours, score: 0.9 };
  }
  // "3 contact hours", "3.0 CE hours", "three (3) Social Work continuing education contact hours".
  const counted = new RegExp(
    `(?:^|[^\\d.#-])(${NUMBER.slice(1, -1)}|${Object.keys(WORD_NUMBERS).join('|')})\\s*(?:\\(\\d+(?:\\.\\d+)?\\)\\s*)?(?:(?:[a-z-]+\\s+){0,3}?(?=(?:CE|CEUs?|continuing education|contact|clock)\\b))?${unit}\\b`,
    'i',
  );
  const m = counted.exec(flat);
  const hours = m ? toHours(m[1]) : undefined;
  if (m && hours !== undefined)
    return { hours, score: /CEU/i.test(m[0]) ? 0.6 : 0.8 };
  return undefined;
}

function findTitle(
  lines: string[],
  flat: string,
): { value: string; score: number } | undefined {
  for (const [i, line] of lines.entries()) {
    const m =
      /^(?:course|program|programme|workshop|webinar|training|activity|event|session|presentation)?\s*(?:title|name)\s*:\s*(.*)$/i.exec(
        line,
      ) ??
      /^(?:course|program|workshop|webinar|training|activity)\s*:\s*(.+)$/i.exec(
        line,
      );
    if (m) {
      const value = cleanTitle(m[1] || lines[i + 1] || '');
      if (value) return { value, score: 0.9 };
    }
  }
  const quoted = /[“"]([^”"]{5,200})[”"]/.exec(flat);
  const quotedTitle =
    quoted && !/approved|association/i.test(quoted[1])
      ? cleanTitle(quoted[1])
      : undefined;
  if (quotedTitle) return { value: quotedTitle, score: 0.75 };
  for (const [i, line] of lines.entries()) {
    const m =
      /(?:for (?:having )?(?:successfully )?(?:completed|completing|completion of|attending|attended|participat(?:ed|ing) in)|has (?:successfully )?completed|attended)(?:\s+the)?(?:\s+(?:course|program|online course|live webinar|webinar|workshop|training|home study course))?\s*:?\s*(.*)$/i.exec(
        line,
      );
    if (m) {
      const value = cleanTitle(m[1] || lines[i + 1] || '');
      if (value && !/^(on|in|a total of)\b/i.test(value))
        return { value, score: 0.7 };
    }
  }
  return undefined;
}

function findProvider(
  lines: string[],
): { value: string; score: number } | undefined {
  for (const [i, line] of lines.entries()) {
    const m =
      /^(?:CE\s+)?(?:provider(?:\s+name)?|sponsored by|sponsoring organization|sponsor|presented by|offered by|provided by|issued by|approved provider)\b\s*:?\s*(.*)$/i.exec(
        line,
      );
    if (m) {
      const value = cleanProvider(m[1] || lines[i + 1] || '');
      if (value) return { value, score: 0.85 };
    }
  }
  return undefined;
}

function findCompletion(
  lines: string[],
  flat: string,
  periodIndex: number | undefined,
  periodText: string | undefined,
): { value: string; score: number } | undefined {
  const date = `(${DATE_SOURCE})(?:${DASH}(${DATE_SOURCE}))?`;
  const rules: [RegExp, number][] = [
    [
      new RegExp(
        `(?:date(?:\\(s\\)|s)?\\s+(?:of\\s+)?(?:completion|completed|attendance|attended)|completion date|date completed|completed on|completed)\\s*:?\\s*(?:on\\s+)?${date}`,
        'i',
      ),
      0.9,
    ],
    [
      new RegExp(
        `(?:^|\\b)(?:course|program|event|webinar|workshop|training|session)?\\s*dates?(?:\\(s\\))?(?:\\s+of\\s+(?:course|program|event|webinar|workshop|training))?\\s*:\\s*${date}`,
        'i',
      ),
      0.85,
    ],
    [new RegExp(`\\b(?:on|held)\\s+${date}`, 'i'), 0.7],
  ];
  for (const [pattern, score] of rules) {
    for (const line of lines) {
      const m = pattern.exec(line);
      const value = m ? parseDate(m[2] ?? m[1]) : undefined;
      if (value) return { value, score };
    }
    const m = pattern.exec(flat);
    const value = m ? parseDate(m[2] ?? m[1]) : undefined;
    if (value) return { value, score: score - 0.1 };
  }
  // A lone date that is not part of the approval period: probably the completion date.
  const periodEnd =
    periodIndex !== undefined ? periodIndex + (periodText?.length ?? 0) : -1;
  const others = findDates(flat).filter(
    (d) =>
      periodIndex === undefined ||
      d.index < periodIndex ||
      d.index >= periodEnd,
  );
  return others.length === 1 ? { value: others[0].iso, score: 0.5 } : undefined;
}

function findFormat(
  lines: string[],
  flat: string,
): { value: Format; score: number } | undefined {
  for (const line of lines) {
    const m =
      /^(?:course\s+)?(?:format|delivery(?:\s+(?:method|format|mode))?|modality|course type|type of (?:course|activity|program)|instruction(?:al)? (?:method|format))\s*:\s*(.+)$/i.exec(
        line,
      );
    const value = m ? classifyFormat(m[1]) : undefined;
    if (value) return { value: value.format, score: 0.9 };
  }
  const value = classifyFormat(flat);
  return value
    ? { value: value.format, score: value.strong ? 0.7 : 0.5 }
    : undefined;
}

function classifyFormat(
  text: string,
): { format: Format; strong: boolean } | undefined {
  if (
    /\blive[- ](interactive[- ])?(webinar|online|virtual|stream)|\bvirtual live\b|\blive via zoom\b|\binteractive webinar\b/i.test(
      text,
    )
  )
    return { format: 'live-online', strong: true };
  if (
    /\b(home[- ]study|self[- ]study|self[- ]paced|on[- ]demand|recorded|asynchronous|independent study|distance learning)\b/i.test(
      text,
    )
  )
    return { format: 'self-study', strong: true };
  if (
    /\b(in[- ]person|face[- ]to[- ]face|classroom|onsite|on-site|live workshop|live seminar|live conference)\b/i.test(
      text,
    )
  )
    return { format: 'live-in-person', strong: true };
  if (/\b(webinar|zoom|virtual)\b/i.test(text))
    return { format: 'live-online', strong: false };
  if (/\bonline\b/i.test(text)) return { format: 'self-study', strong: false };
  if (/^\s*live\s*$/i.test(text))
    return { format: 'live-in-person', strong: false };
  return undefined;
}

function lastSentence(text: string): string {
  const parts = text.split(/(?<=[.!?])\s+/);
  return parts[parts.length - 1] ?? text;
}

function cleanProvider(text: string): string | undefined {
  const value = text
    .replace(
      /\s*,?\s*\(?\s*(?:ACE\s+)?(?:provider\s+)?(?:#|no\.|number)\s*\d{3,6}.*$/i,
      '',
    )
    .replace(
      /^(?:this (?:course|program) (?:is|was) (?:offered|provided) by|by)\s+/i,
      '',
    )
    .replace(/[\s,;:.-]+$/, '')
    .trim();
  return value.length >= 2 && value.length <= 200 ? value : undefined;
}

function cleanTitle(text: string): string | undefined {
  const value = text
    .replace(/^[“"'\s]+|[”"'\s.,;:]+$/g, '')
    .replace(/\s+/g, ' ')
    .trim();
  return value.length >= 3 && value.length <= 300 ? value : undefined;
}
