/** Builders for engine tests and the benchmark: a rule-set version and credits with sensible defaults. */
import type { Cap, LicenseTypeRules, Requirement, RuleSetVersion, Source } from '../model/rule-set.types';
import type { Credit, Transcript } from '../model/transcript.types';
import type { EvaluateRules } from '../evaluate/evaluate';

export const testSource: Source = { citation: 'Test Reg. 1.1', url: 'https://example.org/reg', readOn: '2026-01-01', confidence: 'high' };

export function version(overrides: Partial<RuleSetVersion> = {}): RuleSetVersion {
  return {
    version: '2020-01-01',
    effectiveFrom: '2020-01-01',
    cycle: { months: 24, anchor: 'fixed', month: 12, day: 31, parity: 'even', source: testSource },
    total: { hours: 40, source: testSource },
    requirements: [],
    caps: [],
    macro: { countsTowardRenewal: 'yes', note: 'Macro hours count like any other.', source: testSource },
    ...overrides,
  };
}

export function req(code: string, hours: number, match: Requirement['match'], extra: Partial<Requirement> = {}): Requirement {
  return { code, label: code, min: { hours }, match, source: testSource, ...extra };
}

export function cap(code: string, hours: number, match: Cap['match'], extra: Partial<Cap> = {}): Cap {
  return { code, label: code, max: { hours }, match, source: testSource, ...extra };
}

export function rules(v: RuleSetVersion | RuleSetVersion[], code = 'LCSW'): EvaluateRules {
  const licenseType: LicenseTypeRules = { code, name: code, versions: Array.isArray(v) ? v : [v] };
  return { jurisdiction: 'ZZ', licenseType };
}

let counter = 0;

/** A credit: `hours` all general unless a practice split is given. */
export function credit(hours: number, extra: Partial<Credit> = {}): Credit {
  counter += 1;
  return {
    id: extra.id ?? `c${String(counter).padStart(4, '0')}`,
    title: 'Course',
    completedOn: '2025-06-01',
    hours,
    format: 'live-in-person',
    topics: [],
    practice: { clinical: 0, macro: 0, general: hours },
    ...extra,
  };
}

export function clinical(hours: number, extra: Partial<Credit> = {}): Credit {
  return credit(hours, { practice: { clinical: hours, macro: 0, general: 0 }, ...extra });
}

export function macro(hours: number, extra: Partial<Credit> = {}): Credit {
  return credit(hours, { practice: { clinical: 0, macro: hours, general: 0 }, ...extra });
}

/** A transcript in the 2025-01-01..2026-12-31 cycle of the default version, evaluated on 2026-06-30. */
export function transcript(credits: Credit[], extra: Partial<Transcript> = {}): Transcript {
  return { jurisdiction: 'ZZ', licenseType: 'LCSW', asOf: '2026-06-30', credits, ...extra };
}
