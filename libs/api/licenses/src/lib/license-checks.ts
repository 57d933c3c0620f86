import { isRealDate, ISO_DATE_PATTERN } from '@mezzo/api-core';
import {
  findLicenseType,
  listLicenseTypes,
  versionInForce,
} from '@mezzo/compliance-rules';
import { needsRenewalDate } from './renewal-cycle';

/** The license fields the rule-set checks read; any of them may be missing or malformed. */
export interface LicenseCheckInput {
  jurisdiction?: unknown;
  licenseType?: unknown;
  issuedOn?: unknown;
  birthDate?: unknown;
  renewsOn?: unknown;
}

const isDate = (v: unknown): v is string =>
  typeof v === 'string' && ISO_DATE_PATTERN.test(v);

/**
 * What the rule sets and the calendar say about a license, per field: an unknown jurisdiction or
 * license type, dates that do not exist or are out of order, and a birth date or renewal date the
 * rule set needs. Only well-formed fields are judged (a malformed one is the DTO's to report), so
 * the DTO can run these checks beside its shape checks and every mistake surfaces in one answer.
 */
export function licenseProblems(
  fields: LicenseCheckInput,
  today: string,
): Record<string, string[]> {
  const problems: Record<string, string[]> = {};
  const { jurisdiction, licenseType, issuedOn, birthDate, renewsOn } = fields;
  const rules =
    typeof jurisdiction === 'string' && typeof licenseType === 'string'
      ? findLicenseType(jurisdiction, licenseType)
      : undefined;
  if (typeof jurisdiction === 'string' && /^[A-Z]{2}$/.test(jurisdiction)) {
    const known = listLicenseTypes()
      .filter((t) => t.jurisdiction === jurisdiction)
      .map((t) => t.code);
    if (!known.length)
      problems['jurisdiction'] = [`Mezzo has no rules for ${jurisdiction} yet`];
    else if (typeof licenseType === 'string' && licenseType && !rules)
      problems['licenseType'] = [
        `licenseType must be one of ${known.join(', ')} in ${jurisdiction}`,
      ];
  }
  if (isDate(issuedOn)) {
    if (!isRealDate(issuedOn))
      problems['issuedOn'] = ['issuedOn is not a real calendar date'];
    else if (issuedOn > today)
      problems['issuedOn'] = ['issuedOn cannot be in the future'];
  }
  const issued = isDate(issuedOn) ? issuedOn : undefined;
  if (
    isDate(birthDate) &&
    (!isRealDate(birthDate) || (issued !== undefined && birthDate >= issued))
  )
    problems['birthDate'] = ['birthDate must be a real date before issuedOn'];
  if (
    isDate(renewsOn) &&
    (!isRealDate(renewsOn) || (issued !== undefined && renewsOn <= issued))
  )
    problems['renewsOn'] = ['renewsOn must be a real date after issuedOn'];
  if (rules) {
    const version =
      versionInForce(rules.licenseType, today) ??
      rules.licenseType.versions[rules.licenseType.versions.length - 1];
    const anchor = version?.cycle.anchor;
    if ((anchor === 'birth-month' || anchor === 'birthday') && !birthDate) {
      problems['birthDate'] = [
        `${rules.jurisdiction.jurisdiction} renews ${rules.licenseType.code} licenses by birth ${anchor === 'birthday' ? 'date' : 'month'}: birthDate is required`,
      ];
    }
    if (version && needsRenewalDate(version.cycle) && !renewsOn) {
      problems['renewsOn'] = [
        `${rules.jurisdiction.jurisdiction} renews ${rules.licenseType.code} licenses on a fixed date in years that depend on the license: renewsOn (the renewal date on the license) is required`,
      ];
    }
  }
  return problems;
}
