import { Injectable } from '@nestjs/common';
import { AppError } from '@mezzo/api-core';
import {
  CreditsRepository,
  LicensesRepository,
  UserSettingsRepository,
  type CreditEntity,
  type LicenseEntity,
  type OtherLicense,
} from '@mezzo/api-data-access';
import {
  EngineError,
  evaluate,
  type Credit,
  type Evaluation,
  type LicenseTypeRules,
  type Transcript,
} from '@mezzo/compliance-engine';
import { findLicenseType, versionInForce } from '@mezzo/compliance-rules';
import {
  cycleFromPrintedDate,
  cycleFromRenewalDate,
  dayBefore,
} from './renewal-cycle';

/**
 * Where a license stands on a date: the evaluation of the cycle holding it, and the evaluation of
 * the cycle before when that one is overdue (`ComplianceService.overdueWith`), else null.
 */
export interface Standing {
  evaluation: Evaluation;
  overdue: Evaluation | null;
}

/** Runs the engine for a stored license: a pure function of (rule set, license, credits, date). */
@Injectable()
export class ComplianceService {
  constructor(
    private readonly credits: CreditsRepository,
    private readonly settings: UserSettingsRepository,
    private readonly licenses: LicensesRepository,
  ) {}

  /**
   * `floorPercent` and `otherLicenses` (see `otherLicensesOf`): the owner's advocacy floor and
   * other licenses when already read; otherwise they are looked up.
   */
  async evaluateLicense(
    license: LicenseEntity,
    asOf: string,
    floorPercent?: number | null,
    otherLicenses?: readonly OtherLicense[],
  ): Promise<Standing & { credits: CreditEntity[] }> {
    const [credits, floor, others] = await Promise.all([
      this.credits.live(license.userId),
      floorPercent === undefined
        ? this.floorPercent(license.userId)
        : floorPercent,
      otherLicenses ??
        this.licenses
          .list(license.userId, false)
          .then((all) => otherLicensesOf(license, all)),
    ]);
    return {
      ...this.standingWith(license, credits, asOf, floor, others),
      credits,
    };
  }

  /** `evaluateWith`, and the overdue cycle before the current one (`overdueWith`). */
  standingWith(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
    floorPercent: number | null,
    otherLicenses: readonly OtherLicense[],
  ): Standing {
    const evaluation = this.evaluateWith(
      license,
      credits,
      asOf,
      floorPercent,
      otherLicenses,
    );
    return {
      evaluation,
      overdue: this.overdueWith(
        license,
        credits,
        asOf,
        floorPercent,
        otherLicenses,
        evaluation,
      ),
    };
  }

  /**
   * The cycle just before `current`'s, judged as of `asOf` (so the engine calls it `overdue`), when
   * it ended short and the licensee has not moved on from it: null when the license was issued
   * after it ended (there was no such cycle), when it was added to Mezzo after it ended (Mezzo did
   * not track it then, and a licensee adding a license has just renewed it or knows better), when
   * the licensee confirmed renewing for it (`renewedThrough`), or when it was met. One cycle back
   * only: once the next cycle ends too, the older shortfall is no longer the license's standing.
   */
  overdueWith(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
    floorPercent: number | null,
    otherLicenses: readonly OtherLicense[],
    current: Evaluation,
  ): Evaluation | null {
    const end = dayBefore(current.cycle.start);
    if (
      license.issuedOn > end ||
      trackedSince(license) > end ||
      (license.renewedThrough !== null && license.renewedThrough >= end)
    )
      return null;
    // The cycle as the engine places it on its last day, with the other licenses held then. A
    // cycle the rule sets cannot judge (before their first version) is not called overdue.
    const held = heldOn(otherLicenses, end);
    try {
      const ended = this.run(license, credits, end, undefined, held);
      if (ended.status === 'met') return null;
      const { start, index } = ended.cycle;
      return this.withFloor(license, credits, asOf, floorPercent, held, {
        start,
        end: ended.cycle.end,
        ...(index === undefined ? {} : { index }),
      });
    } catch (e) {
      if (e instanceof AppError && e.status === 422) return null;
      throw e;
    }
  }

  /** The licensee's advocacy floor as a percentage of required hours; null = the engine's default (10%). */
  async floorPercent(userId: string): Promise<number | null> {
    return (await this.settings.find(userId))?.advocacyFloorPercent ?? null;
  }

  /**
   * For lists: the same evaluation over credits already loaded once for every license. A custom
   * floor is a share of the cycle's required hours, which only the engine knows, so the cycle is
   * evaluated once to learn them and again with the floor in hours (the engine stays the one place
   * that decides missing / thin / balanced).
   */
  evaluateWith(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
    floorPercent: number | null,
    otherLicenses: readonly OtherLicense[],
  ): Evaluation {
    return this.withFloor(
      license,
      credits,
      asOf,
      floorPercent,
      heldOn(otherLicenses, asOf),
    );
  }

  /** `run`, twice when the floor is a percentage (`evaluateWith`). */
  private withFloor(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
    floorPercent: number | null,
    held: readonly string[],
    cycle?: { start: string; end: string; index?: number },
  ): Evaluation {
    const first = this.run(license, credits, asOf, undefined, held, cycle);
    if (floorPercent === null) return first;
    return this.run(
      license,
      credits,
      asOf,
      Math.round(first.totals.requiredHours * floorPercent) / 100,
      held,
      cycle,
    );
  }

  private run(
    license: LicenseEntity,
    credits: CreditEntity[],
    asOf: string,
    advocacyFloorHours: number | undefined,
    otherLicenses: readonly string[],
    explicitCycle?: { start: string; end: string; index?: number },
  ): Evaluation {
    const rules = findLicenseType(license.jurisdiction, license.licenseType);
    if (!rules) throw AppError.notFound('Rule set');
    const cycle =
      explicitCycle ?? licenseCycle(rules.licenseType, license, asOf);
    const transcript: Transcript = {
      jurisdiction: rules.jurisdiction.jurisdiction,
      licenseType: rules.licenseType.code,
      license: {
        issuedOn: license.issuedOn,
        birthDate: license.birthDate ?? undefined,
        roles: license.roles,
        ...(otherLicenses.length ? { otherLicenses: [...otherLicenses] } : {}),
      },
      ...(cycle ? { cycle } : {}),
      asOf,
      ...(advocacyFloorHours === undefined ? {} : { advocacyFloorHours }),
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

/**
 * The owner's other active licenses in the license's jurisdiction, one per license type other than
 * its own, with the earliest issue date, in code-unit order of the type: exactly what
 * `LicensesRepository.findOwnedWithEvaluationInputs` reads, for callers that hold the licenses
 * already. Some boards require more of someone holding several (OK: 6 Category I hours per
 * additional license).
 */
export function otherLicensesOf(
  license: Pick<LicenseEntity, 'jurisdiction' | 'licenseType'>,
  all: readonly Pick<
    LicenseEntity,
    'jurisdiction' | 'licenseType' | 'retiredAt' | 'issuedOn'
  >[],
): OtherLicense[] {
  const earliest = new Map<string, string>();
  for (const o of all) {
    if (
      o.retiredAt !== null ||
      o.jurisdiction !== license.jurisdiction ||
      o.licenseType === license.licenseType
    )
      continue;
    const seen = earliest.get(o.licenseType);
    if (seen === undefined || o.issuedOn < seen)
      earliest.set(o.licenseType, o.issuedOn);
  }
  return [...earliest]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([licenseType, issuedOn]) => ({ licenseType, issuedOn }));
}

/** The day (UTC) the license was added to Mezzo: from then on Mezzo tracked its cycles. */
export function trackedSince(
  license: Pick<LicenseEntity, 'createdAt'>,
): string {
  return license.createdAt.toISOString().slice(0, 10);
}

/** The types of the other licenses already issued on `asOf` (a later one was not held then). */
export function heldOn(
  others: readonly OtherLicense[],
  asOf: string,
): string[] {
  return others.filter((o) => o.issuedOn <= asOf).map((o) => o.licenseType);
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

/**
 * The cycle to evaluate when the license's renewal date places it: where the rule set leaves its
 * years to the license (NM, TN), the one holding `asOf` in the years of that date; where cycles
 * follow the licensee (issue date, birth month, birthday), the one holding `asOf` among the cycles
 * ending on that date ± whole cycles, the first starting on the issue date. Undefined otherwise
 * (no renewal date, or a statewide fixed date): the engine derives it.
 */
export function licenseCycle(
  licenseType: LicenseTypeRules,
  license: Pick<LicenseEntity, 'renewsOn' | 'issuedOn'>,
  asOf: string,
): { start: string; end: string; index?: number } | undefined {
  if (!license.renewsOn) return undefined;
  const version =
    versionInForce(licenseType, asOf) ??
    licenseType.versions[licenseType.versions.length - 1];
  if (!version) return undefined;
  return (
    cycleFromRenewalDate(version.cycle, license.renewsOn, asOf) ??
    cycleFromPrintedDate(
      version.cycle,
      license.renewsOn,
      asOf,
      license.issuedOn,
    ) ??
    undefined
  );
}

/**
 * A download's file name without extension from its parts, as every export names it:
 * `mezzo-<part>-<part>…`, lower case, anything but letters, digits and hyphens made a hyphen.
 */
export function downloadBaseName(...parts: string[]): string {
  return ['mezzo', ...parts]
    .join('-')
    .toLowerCase()
    .replace(/[^a-z0-9-]+/g, '-');
}
