import type { IsoDate, JurisdictionRules, LicenseTypeRules, RuleSetVersion } from '@mezzo/compliance-engine';
import { RULE_SET_FILES } from '../data';
import { RuleSetValidationError, validateRuleSetFile, type RuleSetIssue } from './validate';

let cache: readonly JurisdictionRules[] | undefined;

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value as Record<string, unknown>)) deepFreeze(v);
  }
  return value;
}

/**
 * Validates every bundled rule-set file against the schema and the semantic rules.
 * Returns [] when all are valid. Does not throw.
 */
export function validateAllRuleSets(): RuleSetIssue[] {
  return Object.entries(RULE_SET_FILES).flatMap(([file, json]) => validateRuleSetFile(json, file));
}

/**
 * All jurisdictions' rule sets, validated once and frozen (sorted by jurisdiction code).
 * Throws RuleSetValidationError naming file and field if any bundled file is invalid.
 */
export function loadRuleSets(): JurisdictionRules[] {
  if (!cache) {
    const issues = validateAllRuleSets();
    if (issues.length) throw new RuleSetValidationError(issues);
    cache = deepFreeze(
      Object.values(RULE_SET_FILES)
        .map((json) => json as JurisdictionRules)
        .sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction)),
    );
  }
  return [...cache];
}

export function findJurisdiction(jurisdiction: string): JurisdictionRules | undefined {
  const code = jurisdiction.trim().toUpperCase();
  return loadRuleSets().find((j) => j.jurisdiction === code);
}

/**
 * The rules for one (jurisdiction, license type). Jurisdiction is matched case-insensitively;
 * the license type code case-insensitively too ("lcsw" finds "LCSW", "lmsw-macro" finds "LMSW-Macro").
 */
export function findLicenseType(
  jurisdiction: string,
  code: string,
): { jurisdiction: JurisdictionRules; licenseType: LicenseTypeRules } | undefined {
  const j = findJurisdiction(jurisdiction);
  if (!j) return undefined;
  const wanted = code.trim().toUpperCase();
  const licenseType = j.licenseTypes.find((lt) => lt.code.toUpperCase() === wanted);
  return licenseType ? { jurisdiction: j, licenseType } : undefined;
}

export interface LicenseTypeSummary {
  jurisdiction: string;
  jurisdictionName: string;
  code: string;
  name: string;
  /** Labels of the versions, oldest first. */
  versions: string[];
}

/** Every (jurisdiction, license type) pair with a CE requirement, sorted by jurisdiction then code. */
export function listLicenseTypes(): LicenseTypeSummary[] {
  return loadRuleSets().flatMap((j) =>
    j.licenseTypes
      .map((lt) => ({
        jurisdiction: j.jurisdiction,
        jurisdictionName: j.name,
        code: lt.code,
        name: lt.name,
        versions: [...lt.versions].sort((a, b) => a.effectiveFrom.localeCompare(b.effectiveFrom)).map((v) => v.version),
      }))
      .sort((a, b) => a.code.localeCompare(b.code)),
  );
}

/** The version in force on `date` (effectiveFrom <= date <= effectiveTo), e.g. a cycle's end date. */
export function versionInForce(licenseType: LicenseTypeRules, date: IsoDate): RuleSetVersion | undefined {
  return licenseType.versions.find((v) => v.effectiveFrom <= date && (v.effectiveTo == null || date <= v.effectiveTo));
}
