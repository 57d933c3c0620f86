/** Evaluation JSON: the output of the engine (issue #3 "Evaluation JSON"). */
import type { IsoDate, Source } from './rule-set.types';

export type ComplianceStatus = 'met' | 'in-progress' | 'overdue';
export type AdvocacyStatus = 'missing' | 'thin' | 'balanced';

export interface Evaluation {
  jurisdiction: string;
  licenseType: string;
  ruleSet: { version: string; effectiveFrom: IsoDate };
  /** `index` (optional, added by the engine team): renewal-cycle number, 1 = first renewal cycle. */
  cycle: { start: IsoDate; end: IsoDate; firstRenewal: boolean; daysLeft: number; index?: number };
  status: ComplianceStatus;
  totals: { requiredHours: number; countedHours: number; remainingHours: number };
  requirements: RequirementResult[];
  excluded: Exclusion[];
  advocacy: AdvocacyBalance;
  plan: PlanItem[];
  /**
   * Optional (added by the engine team): carryover brought in (`broughtIn`, as given), the part
   * applied to the total after the rule set's cap (`applied`), and the surplus of this cycle that may
   * carry into the next one (`nextCycle`: capped by `maxHours`, excluding `excludedTopics` credits).
   */
  carryover?: { broughtIn: number; applied: number; nextCycle: number };
}

export interface RequirementResult {
  /** `total`, `topic:ethics`, `practice:clinical`, `format:live`, …; a requirement code may end in `:<qualifier>` (`topic:child-abuse-reporting:2025-update`) when a version holds two requirements on one area. */
  code: string;
  label: string;
  requiredHours: number;
  countedHours: number;
  remainingHours: number;
  met: boolean;
  allocations: { creditId: string; hours: number }[];
  source: Source;
  note?: string;
}

export type ExclusionReason =
  | 'outside-cycle'
  | 'over-cap'
  | 'approval-not-accepted'
  | 'duplicate'
  | 'not-credited';

export interface Exclusion {
  creditId: string;
  hours: number;
  reason: ExclusionReason;
  /** Human sentence: "Self-study hours above the 20-hour cap (Minn. R. 8740.0310)". */
  detail: string;
  /** The cap or rule code that caused it, when there is one. */
  ruleCode?: string;
}

export interface AdvocacyBalance {
  clinicalHours: number;
  macroHours: number;
  generalHours: number;
  /** macroHours / (clinical + macro + general), 0 when no hours. */
  macroShare: number;
  floorHours: number;
  status: AdvocacyStatus;
  macroCountsTowardRenewal: 'yes' | 'capped' | 'no';
  note: string;
}

export interface PlanItem {
  /** Requirement code this item serves. */
  code: string;
  hours: number;
  /** What would count: "live ethics hours", "any format except self-study (cap reached)". */
  description: string;
  /** Matcher a course must satisfy to serve this item. */
  /**
   * `practices` (optional, added by the engine team): the accepted practice levels when more than one
   * but not all are accepted (e.g. clinical and general once macro is capped); `practice` is set when
   * exactly one level is accepted. `completedOnOrAfter` (optional, added by the engine team): only a
   * course completed on or after this date counts (the requirement's matcher names it).
   */
  accepts: { topics?: string[]; practice?: string; practices?: string[]; formats?: string[]; completedOnOrAfter?: string };
}
