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
 * The earliest issue date Mezzo takes. US states began licensing social workers in the late 1960s
 * and 1970s (a few registered them earlier); a license from before 1950 would have a holder well
 * past 95. It also keeps out dates PostgreSQL cannot store (year 0000) and typos (1018 for 2018).
 */
export const EARLIEST_ISSUED_ON = '1950-01-01';
/** The earliest birth date: no licensee is older than that. */
export const EARLIEST_BIRTH_DATE = '1900-01-01';
/** How far ahead a renewal date may be: cycles run two to three years; 9999-12-31 is a typo. */
export const RENEWS_ON_MAX_YEARS_AHEAD = 10;
/** The dates a compliance view or audit packet may be asked for (`asOf`). */
export const EARLIEST_AS_OF = '1950-01-01';
export const LATEST_AS_OF = '2200-12-31';

/** `today` moved by whole years (29 February lands on 28 February in a common year). */
function yearsAfter(today: string, years: number): string {
  const [y, m, d] = today.split('-').map(Number);
  const moved = new Date(Date.UTC(y + years, m - 1, d));
  if (moved.getUTCMonth() !== m - 1) moved.setUTCDate(0);
  return moved.toISOString().slice(0, 10);
}

/**
 * What is wrong with an `asOf` date of the form YYYY-MM-DD, or null: it must exist on the calendar
 * (2025-02-30 does not) and lie between 1950 and 2200 (cycles computed for year 9999 run past 10000).
 */
export function asOfProblem(asOf: string): string | null {
  if (!isRealDate(asOf)) return 'asOf is not a real calendar date';
  if (asOf < EARLIEST_AS_OF || asOf > LATEST_AS_OF)
    return `asOf must be between ${EARLIEST_AS_OF} and ${LATEST_AS_OF}`;
  return null;
}

/**
 * What is wrong with a confirmed renewal (`renewedThrough`, YYYY-MM-DD), or null: a real date, not
 * before the license was issued, and no further ahead than a renewal date may be (a licensee may
 * renew before the deadline, so a cycle still running may be confirmed).
 */
export function renewedThroughProblem(
  renewedThrough: string,
  issuedOn: string,
  today: string,
): string | null {
  if (!isRealDate(renewedThrough))
    return 'renewedThrough is not a real calendar date';
  if (renewedThrough < issuedOn)
    return `renewedThrough must be on or after the license's issue date (${issuedOn})`;
  const latest = yearsAfter(today, RENEWS_ON_MAX_YEARS_AHEAD);
  if (renewedThrough > latest)
    return `renewedThrough must be within ${RENEWS_ON_MAX_YEARS_AHEAD} years from today (on or before ${latest})`;
  return null;
}

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
    else if (issuedOn < EARLIEST_ISSUED_ON)
      problems['issuedOn'] = [
        `issuedOn must be on or after ${EARLIEST_ISSUED_ON}`,
      ];
  }
  const issued = isDate(issuedOn) ? issuedOn : undefined;
  if (
    isDate(birthDate) &&
    (!isRealDate(birthDate) || (issued !== undefined && birthDate >= issued))
  )
    problems['birthDate'] = ['birthDate must be a real date before issuedOn'];
  else if (isDate(birthDate) && birthDate < EARLIEST_BIRTH_DATE)
    problems['birthDate'] = [
      `birthDate must be on or after ${EARLIEST_BIRTH_DATE}`,
    ];
  else if (isDate(birthDate) && birthDate > today)
    problems['birthDate'] = ['birthDate cannot be in the future'];
  const latestRenewal = yearsAfter(today, RENEWS_ON_MAX_YEARS_AHEAD);
  if (
    isDate(renewsOn) &&
    (!isRealDate(renewsOn) || (issued !== undefined && renewsOn <= issued))
  )
    problems['renewsOn'] = ['renewsOn must be a real date after issuedOn'];
  else if (isDate(renewsOn) && renewsOn > latestRenewal)
    problems['renewsOn'] = [
      `renewsOn must be within ${RENEWS_ON_MAX_YEARS_AHEAD} years from today (on or before ${latestRenewal})`,
    ];
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
