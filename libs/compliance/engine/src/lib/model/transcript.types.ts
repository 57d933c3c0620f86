/** Transcript JSON: one license's cycle with its credits — the input of evaluation (PRODUCT.md §6). */
import type { Format, MacroArea, Topic } from './vocabulary.types';
import type { IsoDate } from './rule-set.types';

export interface Transcript {
  jurisdiction: string;
  licenseType: string;
  license?: {
    issuedOn?: IsoDate;
    birthDate?: IsoDate;
    /** "supervisor", "direct-care", … */
    roles?: string[];
    /**
     * Optional (added by the engine team): the other licenses of this jurisdiction's board the
     * licensee holds, by license type (`["LSW-ADM"]`). Read only where the rule set has an
     * `additionalLicense` rule (OK: each one adds 6 Category I hours); ignored elsewhere.
     */
    otherLicenses?: string[];
  };
  /**
   * Derived from the rule set and license when omitted. Both ends inclusive.
   * `index` (optional, added by the engine team): the renewal-cycle number, 1 = first renewal cycle;
   * overrides the derived index that drives every-nth-cycle and alternating requirements.
   */
  cycle?: { start: IsoDate; end: IsoDate; index?: number };
  /** Evaluation date; defaults to today (the caller passes it: the engine reads no clock). */
  asOf?: IsoDate;
  /** Surplus hours brought from the previous cycle; capped by the rule set. */
  carryoverHours?: number;
  /** Overrides the advocacy floor (default 10% of required hours). */
  advocacyFloorHours?: number;
  credits: Credit[];
}

export interface Credit {
  id: string;
  title: string;
  provider?: string;
  completedOn: IsoDate;
  /** Contact hours. */
  hours: number;
  format: Format;
  topics: Topic[];
  /** Sums to `hours`. */
  practice: { clinical: number; macro: number; general: number };
  macroAreas?: MacroArea[];
  approvals?: { body: string; number?: string }[];
}
