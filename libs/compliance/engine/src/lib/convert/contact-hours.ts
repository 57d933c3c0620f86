/** Unit conversion into contact hours; the factors belong to each board's rule set. */
import type { RuleSetVersion } from '../model/rule-set.types';
import { EngineError } from '../errors';

export type CreditUnit = 'hours' | 'ceu' | 'semester-credit' | 'quarter-credit';

/**
 * Contact hours for `amount` in `unit`, rounded to hundredths. There is deliberately no default CEU
 * factor: boards disagree (1 CEU = 1 or 10 hours), so a missing factor is an error, not a guess.
 */
export function toContactHours(amount: number, unit: CreditUnit, conversions: RuleSetVersion['conversions']): number {
  const factor =
    unit === 'hours'
      ? 1
      : unit === 'ceu'
        ? conversions?.ceuHours
        : unit === 'semester-credit'
          ? conversions?.semesterCreditHours
          : conversions?.quarterCreditHours;
  if (factor === undefined) {
    throw new EngineError('conversion-undefined', `This rule set defines no conversion for ${unit}`);
  }
  return Math.round(amount * factor * 100) / 100;
}
