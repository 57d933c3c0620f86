/**
 * Rule-set model: what a board's renewal rules can say (PRODUCT.md §4).
 * Rule sets are data (JSON files in libs/compliance/rules), validated against a JSON Schema that
 * mirrors these types. Every rule carries a Source.
 */
import type { Format, MacroArea, PracticeLevel, Topic } from './vocabulary.types';

/** ISO calendar date, `YYYY-MM-DD`. */
export type IsoDate = string;

export type Confidence = 'high' | 'medium' | 'low';

/** Where a rule comes from. */
export interface Source {
  /** Regulation section or document name, e.g. "N.J.A.C. 13:44G-6.4(a)". */
  citation: string;
  url: string;
  /** The date the source was read, YYYY-MM-DD. */
  readOn: IsoDate;
  confidence: Confidence;
  /** Why this value was chosen where sources conflict; anything a reviewer should know. */
  note?: string;
}

/** One jurisdiction's file: its board and every license type with a CE requirement. */
export interface JurisdictionRules {
  /** USPS code: "NJ", "DC", … */
  jurisdiction: string;
  name: string;
  board: { name: string; url: string };
  licenseTypes: LicenseTypeRules[];
}

export interface LicenseTypeRules {
  /** As the board names it: "LCSW", "LMSW-Macro", "CSWM", … */
  code: string;
  name: string;
  /** Versions in force over time; effective ranges must not overlap. */
  versions: RuleSetVersion[];
}

/**
 * One version of the rules for (jurisdiction, license type). A cycle is judged by the version in
 * force on the cycle's end date (effectiveFrom <= end <= effectiveTo).
 */
export interface RuleSetVersion {
  /** Free label, conventionally the effectiveFrom date: "2024-09-01". */
  version: string;
  effectiveFrom: IsoDate;
  /** Inclusive; absent or null = still in force. */
  effectiveTo?: IsoDate | null;
  cycle: CycleRule;
  total: { hours: number; source: Source };
  /** Minimum hours (topic, practice level, format). */
  requirements: Requirement[];
  caps: Cap[];
  /**
   * Double counting. Default: an hour may serve at most one minimum per dimension
   * (topic / practice / format) but may serve minimums of different dimensions at once
   * (a live ethics hour counts for `topic:ethics` and `format:live`).
   * `exclusive` lists groups of requirement codes no hour may serve two of (NJ: clinical hours may not
   * double as ethics or cultural-competence hours). `mayShare` lists pairs that may share hours even
   * within one dimension.
   */
  overlap?: { exclusive?: string[][]; mayShare?: string[][]; source?: Source };
  carryover?: CarryoverRule;
  /**
   * Optional (added by the engine team): hours added for each other license of the same board the
   * licensee holds (transcript `license.otherLicenses`), to the total and to each listed requirement
   * (OK: 6 more Category I hours per additional license). First-renewal scaling applies to the sum.
   */
  additionalLicense?: AdditionalLicenseRule;
  /**
   * Optional (added by the engine team): someone holding several of this board's licenses must earn
   * each license's hours from different credits, except hours on `sharedTopics` (TN: ethics and rules).
   * The engine sees one license's credits at a time, so it cannot split them: with
   * `license.otherLicenses` it says so in a note on the total.
   */
  separateLicenseHours?: SeparateLicenseHoursRule;
  firstRenewal?: FirstRenewalRule;
  /** Approval bodies accepted; absent = any. `refused` wins over `accepted`. */
  approvals?: { accepted?: string[]; refused?: string[]; source: Source };
  /** Unit conversions into contact hours as this board defines them. */
  conversions?: {
    /** Contact hours per CEU (1 or 10). */
    ceuHours?: number;
    semesterCreditHours?: number;
    quarterCreditHours?: number;
    /** Minutes in one contact hour (50 or 60). Informational. */
    minutesPerHour?: number;
    source: Source;
  };
  /** How macro / advocacy hours fare under this rule set (shown beside the advocacy balance). */
  macro: { countsTowardRenewal: 'yes' | 'capped' | 'no'; note: string; source: Source };
  /** Anything else a licensee should know (not evaluated). */
  notes?: string[];
}

export type CycleRule = { months: 12 | 24 | 36; source: Source } & (
  | {
      /** Every cycle ends on month/day; `parity` picks odd or even years for multi-year cycles. */
      anchor: 'fixed';
      month: number;
      /** Day of month, or "last". */
      day: number | 'last';
      parity?: 'odd' | 'even';
      /**
       * Optional (added by the engine team): one year in which a cycle ends; the others are every
       * `months / 12` years from it. Needed only for 36-month fixed cycles (parity cannot say which
       * third year); when absent the engine uses years divisible by 3 (see docs/ENGINE.md).
       */
      endYear?: number;
      /**
       * The CE period is the `months / 12` calendar years before the year the license expires (TN):
       * where the licensee's renewal date sets the years, a cycle ends on month/day of the year
       * before the renewal year, not of the renewal year itself.
       */
      endsBeforeRenewalYear?: boolean;
    }
  /** Ends on the last day of the licensee's birth month. */
  | { anchor: 'birth-month' }
  /** Ends on the licensee's birthday. */
  | { anchor: 'birthday' }
  /** Ends on anniversaries of the license issue date. */
  | { anchor: 'issue-date' }
);

/** Which credit hours a requirement or cap looks at. All given fields must match (AND); lists are OR. */
export interface CreditMatcher {
  topics?: Topic[];
  /** Hours of the credit's practice split at this level. */
  practice?: PracticeLevel;
  macroAreas?: MacroArea[];
  formats?: Format[];
  /** Approval bodies (e.g. "ACE", "NASW", "board"). */
  approvals?: string[];
  /**
   * Only credits completed on or after this date (a curriculum that replaced an older one: NY's
   * child-abuse course). Like the other fields, a property of the whole credit; applies to
   * once-per-career credits from before the cycle too.
   */
  completedOnOrAfter?: IsoDate;
}

export type Frequency =
  | { kind: 'every-cycle' }
  /** Due in cycles number n, 2n, 3n … counted from the first renewal (cycleIndex % n === offset). */
  | { kind: 'every-nth-cycle'; n: number; offset?: number }
  /**
   * Requirements sharing `group` take turns: this one is due when position % of === index. The
   * position is the license's cycle index, or, with `anchorCycleEnd`, the number of cycles from the
   * cycle ending on that date (position 0) to this one: a statewide rotation that is the same for
   * every licensee whatever their cycle index (FL: ethics for the biennium ending 3/31/2023).
   */
  | { kind: 'alternating'; group: string; index: number; of: number; anchorCycleEnd?: IsoDate }
  /** `minHours` is per year of the cycle (MI implicit bias 1 h per year = 3 h in a 3-year cycle). */
  | { kind: 'per-year-of-cycle' }
  /** Once in a career; satisfied by a matching credit from any earlier date. */
  | { kind: 'once-per-career' }
  /**
   * Optional (added by the engine team): "at least once every `years` years" as a rolling window.
   * Due in every cycle from number `fromCycle` (default 1); satisfied by matching credits completed
   * in the `years` years ending on the cycle's last day, before the cycle too (such a credit serves
   * only this kind of requirement, like a once-per-career one). WA suicide prevention: 6 years, from
   * the first full reporting period (cycle 2).
   */
  | { kind: 'within-years'; years: number; fromCycle?: number }
  /** Only in the first renewal cycle. */
  | { kind: 'first-renewal' };

/** Who a rule applies to; absent = everyone holding the license type. */
export interface Applicability {
  /** License holder roles, any of: "supervisor", "direct-care", … */
  roles?: string[];
}

export interface Requirement {
  /**
   * `topic:<topic>`, `practice:clinical`, `practice:macro`, `format:live`, or `topic:<a>+<b>` for a
   * combined area; optionally followed by `:<qualifier>` (lower case, digits, hyphens) when a version
   * holds two requirements on the same area (NY: `topic:child-abuse-reporting:2025-update`).
   */
  code: string;
  label: string;
  /** Hours required, or a share of the total (DC public-health priorities 10%). */
  min: { hours: number } | { shareOfTotal: number };
  match: CreditMatcher;
  frequency?: Frequency;
  appliesTo?: Applicability;
  /** Default true. NY's child-abuse course is required but not credited toward the total. */
  countsTowardTotal?: boolean;
  /**
   * Optional (added by the engine team): the hours required instead of the scaled ones when the
   * first-renewal rule reduces this renewal (`fraction` applied, or `prorate` with less than a full
   * cycle held), for boards that name the reduced minimums (NJ second-year licensees: 3 ethics and
   * 2 cultural competence, not half of 5 and 3). Only with `min.hours`; never above it.
   */
  firstRenewalHours?: number;
  source: Source;
  note?: string;
}

export interface Cap {
  /** `cap:format:self-study`, `cap:practice:non-clinical`, … */
  code: string;
  label: string;
  max: { hours: number } | { shareOfTotal: number };
  match: CreditMatcher;
  /** When set, the cap applies per single activity (CO: ≤20 PDH per activity type). */
  perCredit?: boolean;
  /** Match credits NOT matching `match` instead (e.g. non-clinical = not practice clinical). */
  negate?: boolean;
  /**
   * Optional (added by the engine team): hours of a credit carrying any of these topics are never
   * taken by the cap, whatever `match` and `negate` say (FL: the board-mandated topic hours are not
   * "non-clinical skills" hours even when tagged general).
   */
  exceptTopics?: Topic[];
  appliesTo?: Applicability;
  source: Source;
  note?: string;
}

export interface AdditionalLicenseRule {
  /** Hours per other license held. */
  hours: number;
  /** Codes of this version's requirements (`min.hours` ones) that grow by the same hours. */
  requirements: string[];
  source: Source;
}

export interface SeparateLicenseHoursRule {
  /** Topics whose hours may count for every license held. */
  sharedTopics: Topic[];
  source: Source;
}

export interface CarryoverRule {
  maxHours: number;
  /** Topics whose hours never carry over (OR ethics). */
  excludedTopics?: Topic[];
  source: Source;
}

export type FirstRenewalRule = { source: Source } & (
  /**
   * Nothing required, except (optional, added by the engine team) the requirements whose codes are
   * listed in `except`, which stay due with their full hours (PA: the 2 h Act 31 training).
   */
  | { kind: 'exempt'; except?: string[] }
  | { kind: 'full' }
  /**
   * Required hours scaled by the share of the cycle the licensee held the license, rounded up to
   * `roundTo`. `by` (optional, added by the engine team): `day` (default) counts the days held;
   * `month` counts the calendar months held, a started month as a whole one (NC LCSWA: "pro-rated
   * on a monthly basis", 40 h per 24 months, so 20 h for 12 and 10 h for 6).
   */
  | { kind: 'prorate'; roundTo?: number; by?: 'day' | 'month' }
  /**
   * Fixed fraction of required hours (NJ: half when licensed in the second year of the cycle).
   * `whenShorterThanCycle` (optional, added by the engine team): only when the license was held
   * for fewer calendar months than the cycle has (a started month counting whole), i.e. issued
   * after the start of a full cycle ending on the same day (NC: 30 of the 40 hours when the first
   * period is shorter than two years).
   */
  | { kind: 'fraction'; fraction: number; whenIssuedAfterMonths?: number; whenShorterThanCycle?: boolean }
);
