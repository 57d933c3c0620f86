/**
 * The CLI's view of the rule sets: a narrow interface so the commands can be tested with any rules,
 * backed in production by the bundled @mezzo/compliance-rules data.
 */
import type { JurisdictionRules, LicenseTypeRules } from '@mezzo/compliance-engine';
import { findLicenseType, listLicenseTypes, loadRuleSets } from '@mezzo/compliance-rules';

export interface LicenseTypeListing {
  jurisdiction: string;
  jurisdictionName: string;
  code: string;
  name: string;
  versions: string[];
}

export interface RuleSource {
  jurisdictions(): JurisdictionRules[];
  find(jurisdiction: string, code: string): { jurisdiction: JurisdictionRules; licenseType: LicenseTypeRules } | undefined;
  list(): LicenseTypeListing[];
}

export const bundledRules: RuleSource = {
  jurisdictions: () => loadRuleSets(),
  find: (jurisdiction, code) => findLicenseType(jurisdiction, code),
  list: () => listLicenseTypes(),
};

/** A RuleSource over in-memory rule sets (tests, or a caller holding its own data). */
export function inMemoryRules(all: JurisdictionRules[]): RuleSource {
  const sorted = [...all].sort((a, b) => a.jurisdiction.localeCompare(b.jurisdiction));
  return {
    jurisdictions: () => sorted,
    find(jurisdiction, code) {
      const j = sorted.find((x) => x.jurisdiction === jurisdiction.trim().toUpperCase());
      const licenseType = j?.licenseTypes.find((lt) => lt.code.toUpperCase() === code.trim().toUpperCase());
      return j && licenseType ? { jurisdiction: j, licenseType } : undefined;
    },
    list: () =>
      sorted.flatMap((j) =>
        j.licenseTypes.map((lt) => ({ jurisdiction: j.jurisdiction, jurisdictionName: j.name, code: lt.code, name: lt.name, versions: lt.versions.map((v) => v.version) })),
      ),
  };
}
