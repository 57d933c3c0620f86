import { fieldErrors, VALIDATOR_OPTIONS } from '@mezzo/api-core';
import type { CreditInput } from '@mezzo/shared-contracts';
import { plainToInstance } from 'class-transformer';
import { validate } from 'class-validator';
import { CreditInputDto } from './credits.dto';
import { creditProblems } from './credits.service';

export type CreditInputCheck =
  | { ok: true; credit: CreditInputDto }
  | { ok: false; fields: Record<string, string[]> };

/**
 * Checks a credit that did not come through `POST /credits` (a transcript import) by exactly that
 * endpoint's rules: the `CreditInputDto` decorators as the global validation pipe runs them, then
 * `checkCredit`'s cross-field rules. Returns the credit as the endpoint would store it (strings
 * trimmed), or every problem found, by field path relative to the credit.
 */
export async function checkCreditInput(
  input: CreditInput,
  today: string,
): Promise<CreditInputCheck> {
  const credit = plainToInstance(CreditInputDto, input);
  const fields = fieldErrors(await validate(credit, VALIDATOR_OPTIONS));
  // The cross-field rules need well-formed hours and split (the endpoint runs them after the pipe);
  // where the shape checks already spoke about a field, their message stands.
  const shaky = Object.keys(fields).some(
    (path) => path === 'hours' || path.split('.')[0] === 'practice',
  );
  if (!shaky && typeof credit.hours === 'number' && isSplit(credit.practice))
    for (const [path, messages] of Object.entries(
      creditProblems(credit, today),
    ))
      fields[path] ??= messages;
  return Object.keys(fields).length
    ? { ok: false, fields }
    : { ok: true, credit };
}

function isSplit(p: unknown): p is CreditInput['practice'] {
  if (typeof p !== 'object' || p === null) return false;
  const split = p as Record<string, unknown>;
  return ['clinical', 'macro', 'general'].every(
    (k) => typeof split[k] === 'number',
  );
}
