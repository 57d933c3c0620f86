import type { Evaluation } from '@mezzo/compliance-engine';

/**
 * Licenses and their compliance. Routes under `/api`, Bearer; a caller reaches only their own
 * licenses (any other id answers 404).
 *
 * GET   /rule-sets                              → 200 LicenseTypeOptionDto[] (what can be chosen)
 * GET   /approval-bodies                        → 200 ApprovalBodyDto[] (the codes rule sets name)
 * GET   /licenses?includeRetired=true|false     → 200 LicenseDto[]
 * POST  /licenses                 CreateLicenseRequest → 201 LicenseDto      400 unknown jurisdiction/type (fields)
 * GET   /licenses/:id                           → 200 LicenseDto
 * PATCH /licenses/:id             UpdateLicenseRequest → 200 LicenseDto      409 conflict (stale version)
 * POST  /licenses/:id/retire                    → 200 LicenseDto
 * GET   /licenses/:id/compliance?asOf=YYYY-MM-DD → 200 ComplianceDto (the engine's Evaluation + credit titles)
 */
/**
 * An approval body the rule sets know (`ACE`, `NASW`, `NYSED`, `board`…): what a credit's approval
 * should name for boards to recognise it. `aliases` are other spellings read as this code
 * (`ASWB ACE` → `ACE`); `acceptedBy` lists the jurisdictions whose rules accept it by name.
 */
export interface ApprovalBodyDto {
  code: string;
  label: string;
  aliases: string[];
  acceptedBy: string[];
}

export interface LicenseTypeOptionDto {
  jurisdiction: string;
  jurisdictionName: string;
  licenseType: string;
  licenseTypeName: string;
  /** The cycle anchor of the version in force today: tells the form whether a birth date is needed. */
  anchor: 'fixed' | 'birth-month' | 'birthday' | 'issue-date';
  totalHours: number;
  cycleMonths: number;
  /**
   * The rule set renews on a fixed date every two or three years without saying which years (NM,
   * TN): the form asks for the license's next renewal date (`renewsOn`), required then.
   */
  needsRenewalDate: boolean;
  /**
   * The form offers the renewal date: required where `needsRenewalDate`, optional where cycles
   * follow the licensee (issue date, birth month, birthday), where the date printed on the license
   * places the cycle instead of the derived one (a shorter first period: NC's 30 hours). False for a
   * statewide fixed date (NJ every even August 31).
   */
  acceptsRenewalDate: boolean;
}

export interface CreateLicenseRequest {
  jurisdiction: string;
  licenseType: string;
  number: string;
  issuedOn: string;
  birthDate?: string | null;
  /**
   * The renewal (expiration) date printed on the license, the cycle's last day: required where
   * `needsRenewalDate`, used where `acceptsRenewalDate`, ignored for statewide fixed dates.
   */
  renewsOn?: string | null;
  roles?: string[];
}

export interface UpdateLicenseRequest extends Partial<CreateLicenseRequest> {
  /** The version the client last saw; a stale one answers 409 conflict. */
  version: number;
}

export interface LicenseDto {
  id: string;
  jurisdiction: string;
  licenseType: string;
  number: string;
  issuedOn: string;
  birthDate: string | null;
  renewsOn: string | null;
  roles: string[];
  retiredAt: string | null;
  version: number;
  /**
   * The last day of the latest cycle the licensee confirmed renewing for (`PUT
   * /licenses/:id/renewed-through`); null when none was confirmed.
   */
  renewedThrough: string | null;
  /** The current cycle, derived from the rule set (null when it cannot be derived). */
  cycle: { start: string; end: string; daysLeft: number } | null;
  /**
   * The license's standing: `overdue` while the cycle before the current one is overdue (`overdue`
   * below), otherwise the current cycle's status.
   */
  status: 'met' | 'in-progress' | 'overdue' | null;
  /**
   * The cycle just before the current one when it ended short, the license was tracked in Mezzo by
   * its last day, and the licensee has not confirmed renewing for it: its dates and hours. Null
   * otherwise.
   */
  overdue: OverdueCycleDto | null;
}

export interface OverdueCycleDto {
  start: string;
  end: string;
  requiredHours: number;
  countedHours: number;
  remainingHours: number;
}

/**
 * PUT /licenses/:id/renewed-through: the last day of the cycle the licensee renewed for (an ended
 * cycle's end, on or before today), or null to withdraw the confirmation.
 */
export interface RenewedThroughRequest {
  renewedThrough: string | null;
  /** The version the client last saw; a stale one answers 409 conflict. */
  version: number;
}

export const LICENSE_ROLES = ['supervisor', 'direct-care'] as const;

/** The engine's evaluation of the license's current cycle, with the credits it names. */
export interface ComplianceDto {
  license: LicenseDto;
  evaluation: Evaluation;
  /**
   * The evaluation of the overdue cycle before the current one (status `overdue`), when there is
   * one (`LicenseDto.overdue`); its credits are named in `credits` too.
   */
  overdue: Evaluation | null;
  /**
   * The rule set behind `evaluation`: the board, and the notes of the version that judged the cycle
   * (rules Mezzo does not check, and how it read sources that disagree), as the rule set words them.
   */
  rules: { board: { name: string; url: string }; notes: string[] };
  /** Titles and dates of every credit the evaluations mention, for display. */
  credits: Record<
    string,
    { title: string; completedOn: string; hours: number }
  >;
}

/**
 * POST /licenses/:id/transcript (transcript JSON, docs/TRANSCRIPT.md) → 200: credits added, and
 * credits skipped because the same credit is already in the log (importing twice adds nothing).
 */
export interface TranscriptImportResultDto {
  created: number;
  skipped: number;
}
