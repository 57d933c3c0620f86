/**
 * Helpers for the per-jurisdiction scenario specs: realistic transcripts evaluated by the engine
 * against the bundled rule sets. Test support only (not exported from the library).
 */
import { evaluate, type Credit, type Evaluation, type Format, type MacroArea, type RequirementResult, type Topic, type Transcript } from '@mezzo/compliance-engine';
import { findLicenseType } from '../lib/registry';

type Split = Partial<Record<'clinical' | 'macro' | 'general', number>>;

export interface CourseOptions {
  topics?: Topic[];
  /** Practice split; hours not given here are general. Use 'clinical' / 'macro' / 'general' as shorthand for all hours. */
  practice?: Split | 'clinical' | 'macro' | 'general';
  macroAreas?: MacroArea[];
  approvals?: string[];
  title?: string;
}

let seq = 0;

/** One completed activity. */
export function course(completedOn: string, hours: number, format: Format, options: CourseOptions = {}): Credit {
  const p = options.practice ?? 'general';
  const split: Split = typeof p === 'string' ? { [p]: hours } : p;
  const clinical = split.clinical ?? 0;
  const macro = split.macro ?? 0;
  const general = split.general ?? hours - clinical - macro;
  seq += 1;
  return {
    id: `c${seq}`,
    title: options.title ?? `${(options.topics ?? ['general']).join(' & ')} (${hours} h, ${format})`,
    completedOn,
    hours,
    format,
    topics: options.topics ?? [],
    practice: { clinical, macro, general },
    ...(options.macroAreas ? { macroAreas: options.macroAreas } : {}),
    ...(options.approvals ? { approvals: options.approvals.map((body) => ({ body })) } : {}),
  };
}

/** Evaluates a transcript for (jurisdiction, license type) with the bundled rule set. */
export function run(jurisdiction: string, licenseType: string, transcript: Omit<Transcript, 'jurisdiction' | 'licenseType'>): Evaluation {
  const found = findLicenseType(jurisdiction, licenseType);
  if (!found) throw new Error(`No rule set for ${jurisdiction} ${licenseType}`);
  return evaluate({ jurisdiction, licenseType: found.licenseType }, { jurisdiction, licenseType, ...transcript });
}

export function requirement(e: Evaluation, code: string): RequirementResult {
  const r = e.requirements.find((x) => x.code === code);
  if (!r) throw new Error(`Requirement ${code} not in evaluation (have: ${e.requirements.map((x) => x.code).join(', ')})`);
  return r;
}

/** Codes of the requirements not met, e.g. ['total', 'topic:ethics']. */
export function unmet(e: Evaluation): string[] {
  return e.requirements.filter((r) => !r.met).map((r) => r.code);
}

/** Repeats `course` n times for filler hours spread over the cycle. */
export function filler(dates: string[], hoursEach: number, format: Format, options: CourseOptions = {}): Credit[] {
  return dates.map((d) => course(d, hoursEach, format, options));
}
