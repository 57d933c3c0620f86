/**
 * Transcript validation: the JSON Schema (structure and vocabulary) plus the checks a schema cannot
 * express (real calendar dates, practice split summing to the hours, cycle order). Errors carry JSON
 * Pointer paths (`/credits/2/hours`) so a CLI or an API can name the field.
 */
import Ajv, { type ErrorObject, type ValidateFunction } from 'ajv';
import type { Transcript } from '../model/transcript.types';
import { isValidIsoDate, toDay } from '../dates/iso-date';
import schemaJson from './transcript.schema.json';

/** The published transcript JSON Schema (draft-07), also at src/lib/schema/transcript.schema.json. */
export const transcriptSchema: Readonly<Record<string, unknown>> = schemaJson;

export interface TranscriptValidationError {
  /** JSON Pointer to the offending field; '' for the document itself. */
  path: string;
  message: string;
}

export type TranscriptValidation = { ok: true; transcript: Transcript } | { ok: false; errors: TranscriptValidationError[] };

let compiled: ValidateFunction | null = null;

function validator(): ValidateFunction {
  compiled ??= new Ajv({ allErrors: true, strict: true }).compile(schemaJson);
  return compiled;
}

function describeAjv(e: ErrorObject): TranscriptValidationError {
  const params = e.params as Record<string, unknown>;
  if (e.keyword === 'required') return { path: `${e.instancePath}/${String(params['missingProperty'])}`, message: 'is required' };
  if (e.keyword === 'additionalProperties') return { path: `${e.instancePath}/${String(params['additionalProperty'])}`, message: 'is not an allowed field' };
  if (e.keyword === 'enum') return { path: e.instancePath, message: `must be one of: ${(params['allowedValues'] as unknown[]).join(', ')}` };
  return { path: e.instancePath, message: e.message ?? 'is invalid' };
}

function semanticErrors(t: Transcript): TranscriptValidationError[] {
  const errors: TranscriptValidationError[] = [];
  const date = (value: string | undefined, path: string): void => {
    if (value !== undefined && !isValidIsoDate(value)) errors.push({ path, message: `is not a real calendar date: ${value}` });
  };
  date(t.asOf, '/asOf');
  date(t.license?.issuedOn, '/license/issuedOn');
  date(t.license?.birthDate, '/license/birthDate');
  date(t.cycle?.start, '/cycle/start');
  date(t.cycle?.end, '/cycle/end');
  if (t.cycle && isValidIsoDate(t.cycle.start) && isValidIsoDate(t.cycle.end) && toDay(t.cycle.start) > toDay(t.cycle.end)) {
    errors.push({ path: '/cycle/end', message: 'must not be before cycle.start' });
  }
  t.credits.forEach((c, i) => {
    // The total's allocations name carried-over hours `carryover`: a credit may not take that id.
    if (c.id === 'carryover') errors.push({ path: `/credits/${i}/id`, message: 'is reserved: "carryover" names the hours carried over from the previous cycle' });
    date(c.completedOn, `/credits/${i}/completedOn`);
    const split = Math.round((c.practice.clinical + c.practice.macro + c.practice.general) * 100);
    if (split !== Math.round(c.hours * 100)) {
      errors.push({ path: `/credits/${i}/practice`, message: `clinical + macro + general must equal hours (${c.hours}), got ${split / 100}` });
    }
  });
  return errors;
}

export function validateTranscript(input: unknown): TranscriptValidation {
  const validate = validator();
  if (!validate(input)) {
    return { ok: false, errors: (validate.errors ?? []).map(describeAjv) };
  }
  const transcript = input as Transcript;
  const errors = semanticErrors(transcript);
  return errors.length > 0 ? { ok: false, errors } : { ok: true, transcript };
}
