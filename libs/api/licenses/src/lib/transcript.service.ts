import { Injectable } from '@nestjs/common';
import { AppError, todayIso } from '@mezzo/api-core';
import { checkCreditInput } from '@mezzo/api-credits';
import {
  CreditsRepository,
  LicensesRepository,
  UsersRepository,
  type CreditEntity,
  type CreditFields,
} from '@mezzo/api-data-access';
import {
  validateTranscript,
  type Credit,
  type Transcript,
} from '@mezzo/compliance-engine';
import { findLicenseType } from '@mezzo/compliance-rules';
import type { CreditInput } from '@mezzo/shared-contracts';
import {
  downloadBaseName,
  licenseCycle,
  heldOn,
  otherLicensesOf,
  toEngineCredit,
} from './compliance.service';

export interface TranscriptImportResult {
  created: number;
  skipped: number;
}

/**
 * The transcript JSON of the engine's contract (docs/TRANSCRIPT.md) as the API's import/export
 * format: export a license with every live credit; import credits from a transcript.
 */
@Injectable()
export class TranscriptService {
  constructor(
    private readonly licenses: LicensesRepository,
    private readonly credits: CreditsRepository,
    private readonly users: UsersRepository,
  ) {}

  /** The transcript of a license, with a file name that names the license (type and number). */
  async export(
    userId: string,
    licenseId: string,
  ): Promise<{ transcript: Transcript; fileName: string }> {
    const license = await this.licenses.findOwned(userId, licenseId);
    if (!license) throw AppError.notFound('License');
    const [credits, all] = await Promise.all([
      this.credits.live(userId),
      this.licenses.list(userId, false),
    ]);
    const today = todayIso();
    const otherLicenses = heldOn(otherLicensesOf(license, all), today);
    const rules = findLicenseType(license.jurisdiction, license.licenseType);
    // Where the license's renewal date places the cycle (NM, TN; a date printed on a license whose
    // cycle follows the licensee), the file says which cycle.
    const cycle = rules
      ? licenseCycle(rules.licenseType, license, today)
      : undefined;
    const transcript: Transcript = {
      jurisdiction: license.jurisdiction,
      licenseType: license.licenseType,
      license: {
        issuedOn: license.issuedOn,
        ...(license.birthDate ? { birthDate: license.birthDate } : {}),
        roles: license.roles,
        ...(otherLicenses.length ? { otherLicenses } : {}),
      },
      ...(cycle ? { cycle } : {}),
      credits: credits.map(toEngineCredit).map(dropUndefined),
    };
    // Named after the license, as the audit packet is: two exports do not collide in Downloads.
    const fileName = downloadBaseName(
      license.jurisdiction,
      license.licenseType,
      license.number,
      'transcript',
    );
    return { transcript, fileName: `${fileName}.json` };
  }

  /**
   * Validates the whole transcript first, then adds its credits in one transaction. A credit that is
   * already in the log (same title, date, hours and provider) is skipped, so sending a file twice
   * adds nothing the second time.
   */
  async import(
    userId: string,
    licenseId: string,
    body: unknown,
    today: string,
  ): Promise<TranscriptImportResult> {
    const license = await this.licenses.findOwned(userId, licenseId);
    if (!license) throw AppError.notFound('License');
    const checked = validateTranscript(body);
    if (!checked.ok) {
      // No prototype: a field named "constructor" or "toString" is a key like any other.
      const fields: Record<string, string[]> = Object.create(null);
      for (const e of checked.errors)
        (fields[fieldPath(e.path)] ??= []).push(e.message);
      throw AppError.validation(
        fields,
        'The transcript does not match the transcript schema',
      );
    }
    const transcript = checked.transcript;
    const otherJurisdiction =
      transcript.jurisdiction.toUpperCase() !== license.jurisdiction;
    if (
      otherJurisdiction ||
      transcript.licenseType.toUpperCase() !== license.licenseType.toUpperCase()
    ) {
      // Named on the field that differs (the jurisdiction when both do).
      throw AppError.validation({
        [otherJurisdiction ? 'jurisdiction' : 'licenseType']: [
          `this transcript is for ${transcript.jurisdiction} ${transcript.licenseType}, the license is ${license.jurisdiction} ${license.licenseType}`,
        ],
      });
    }
    // Every credit by the rules of POST /credits (the schema allows what the log does not: 0 or
    // 5000 hours, three decimals, 1900 dates, an empty title…); every problem at once, nothing
    // written unless all pass.
    const problems: Record<string, string[]> = {};
    const valid: CreditInput[] = [];
    for (const [i, c] of transcript.credits.entries()) {
      const result = await checkCreditInput(asCreditInput(c), today);
      if (result.ok) valid.push(result.credit);
      else
        for (const [path, messages] of Object.entries(result.fields))
          problems[`credits.${i}.${path}`] = messages;
    }
    if (Object.keys(problems).length)
      throw AppError.validation(
        problems,
        'Some credits of the transcript cannot be logged',
      );
    const fresh = valid.map(toFields);
    const user = await this.users.findById(userId);
    const created = fresh.length
      ? await this.credits.createManyUnlessPresent(
          userId,
          fresh,
          { id: userId, name: user?.name ?? 'unknown' },
          identity,
        )
      : 0;
    return { created, skipped: valid.length - created };
  }
}

/** The fields `POST /credits` takes, from a transcript credit (its `id` is the file's own). */
function asCreditInput(c: Credit): CreditInput {
  const input: CreditInput = {
    title: c.title,
    provider: c.provider,
    completedOn: c.completedOn,
    hours: c.hours,
    format: c.format,
    topics: c.topics,
    practice: c.practice,
    macroAreas: c.macroAreas,
    approvals: c.approvals,
  };
  return dropUndefined(input);
}

function toFields(c: CreditInput): CreditFields {
  return {
    title: c.title,
    provider: c.provider ?? null,
    completedOn: c.completedOn,
    hours: c.hours,
    format: c.format,
    topics: [...c.topics].sort(),
    practiceClinical: c.practice.clinical,
    practiceMacro: c.practice.macro,
    practiceGeneral: c.practice.general,
    macroAreas: [...(c.macroAreas ?? [])].sort(),
    // Plain objects, as POST /credits stores them (no empty number).
    approvals: (c.approvals ?? []).map((a) =>
      a.number ? { body: a.body, number: a.number } : { body: a.body },
    ),
  };
}

function identity(
  c: Pick<CreditEntity, 'title' | 'completedOn' | 'hours' | 'provider'>,
): string {
  return JSON.stringify([
    c.title.trim().toLowerCase(),
    c.completedOn,
    Number(c.hours).toFixed(2),
    (c.provider ?? '').trim().toLowerCase(),
  ]);
}

function dropUndefined<T extends object>(value: T): T {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as T;
}

/**
 * The API's field path for a JSON Pointer from `validateTranscript`: dotted like every other
 * endpoint's (`/credits/0/hours` → `credits.0.hours`); the document itself is `transcript`.
 */
export function fieldPath(pointer: string): string {
  if (pointer === '' || pointer === '/') return 'transcript';
  return pointer
    .slice(1)
    .split('/')
    .map((part) => part.replace(/~1/g, '/').replace(/~0/g, '~'))
    .join('.');
}
