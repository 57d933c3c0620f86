import { Injectable } from '@nestjs/common';
import { AppError } from '@mezzo/api-core';
import {
  CreditsRepository,
  type CreditEntity,
  type LicenseEntity,
} from '@mezzo/api-data-access';
import {
  EngineError,
  evaluate,
  type Credit,
  type Evaluation,
  type Transcript,
} from '@mezzo/compliance-engine';
import { findLicenseType } from '@mezzo/compliance-rules';

/** Runs the engine for a stored license: a pure function of (rule set, license, credits, date). */
@Injectable()
export class ComplianceService {
  constructor(private readonly credits: CreditsRepository) {}

  async evaluateLicense(
    license: LicenseEntity,
    asOf: string,
  ): Promise<{ evaluation: Evaluation; credits: CreditEntity[] }> {
    const credits = await this.credits.live(license.userId);
    return { evaluation: this.evaluateWith(license, credits, asOf), credits };
  }

  /** For lists: the same evaluation over credits already loaded once for every license. */
  evaluateWith(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
  ): Evaluation {
    const rules = findLicenseType(license.jurisdiction, license.licenseType);
    if (!rules) throw AppError.notFound('Rule set');
    const transcript: Transcript = {
      jurisdiction: rules.jurisdiction.jurisdiction,
      licenseType: rules.licenseType.code,
      license: {
        issuedOn: license.issuedOn,
        birthDate: license.birthDate ?? undefined,
        roles: license.roles,
      },
      asOf,
      credits: credits.map(toEngineCredit),
    };
    try {
      return evaluate(
        {
          jurisdiction: rules.jurisdiction.jurisdiction,
          licenseType: rules.licenseType,
        },
        transcript,
        { today: asOf },
      );
    } catch (e) {
      if (e instanceof EngineError)
        throw new AppError(422, 'validation_failed', e.message, {
          license: [e.message],
        });
      throw e;
    }
  }
}

export function toEngineCredit(c: CreditEntity): Credit {
  return {
    id: c.id,
    title: c.title,
    provider: c.provider ?? undefined,
    completedOn: c.completedOn,
    hours: c.hours,
    format: c.format as Credit['format'],
    topics: c.topics as Credit['topics'],
    practice: {
      clinical: c.practiceClinical,
      macro: c.practiceMacro,
      general: c.practiceGeneral,
    },
    macroAreas: c.macroAreas as Credit['macroAreas'],
    approvals: c.approvals,
  };
}
