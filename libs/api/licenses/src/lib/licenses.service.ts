import { Injectable } from '@nestjs/common';
import { AppError, prepareJson, type PreparedJson } from '@mezzo/api-core';
import {
  CreditsRepository,
  LicensesRepository,
  UsersRepository,
  CertificatesRepository,
  isUniqueViolation,
  type CertificateEntity,
  type CreditEntity,
  type LicenseEntity,
  type OtherLicense,
  type LicenseFields,
} from '@mezzo/api-data-access';
import {
  APPROVAL_BODIES,
  canonicalBody,
  type Evaluation,
} from '@mezzo/compliance-engine';
import {
  findLicenseType,
  listLicenseTypes,
  loadRuleSets,
  versionInForce,
} from '@mezzo/compliance-rules';
import type {
  ApprovalBodyDto,
  ComplianceDto,
  LicenseDto,
  LicenseTypeOptionDto,
} from '@mezzo/shared-contracts';
import { renderAuditPacketPdf } from './audit-packet.pdf';
import {
  ComplianceService,
  downloadBaseName,
  heldOn,
  otherLicensesOf,
  type Standing,
} from './compliance.service';
import { EvaluationCache } from './evaluation-cache';
import type {
  CreateLicenseDto,
  RenewedThroughDto,
  UpdateLicenseDto,
} from './licenses.dto';
import {
  asOfProblem,
  licenseProblems,
  renewedThroughProblem,
} from './license-checks';
import { acceptsRenewalDate, needsRenewalDate } from './renewal-cycle';

export interface AuditPacket {
  pdf: Buffer;
  baseName: string;
  certificates: (CertificateEntity & {
    about: { title: string; completedOn: string };
  })[];
}

/** A licensee's licenses; the cycle and deadline always come from the rule set, never from storage. */
@Injectable()
export class LicensesService {
  /**
   * Serialised compliance views by (license, version, date, credit-log fingerprint, advocacy floor):
   * never stale, because every request reads the key's parts from the database first.
   */
  private readonly views = new EvaluationCache<PreparedJson>();

  constructor(
    private readonly licenses: LicensesRepository,
    private readonly credits: CreditsRepository,
    private readonly compliance: ComplianceService,
    private readonly users: UsersRepository,
    private readonly certificates: CertificatesRepository,
  ) {}

  /**
   * The approval bodies rule sets name, with the spellings read as each, and the jurisdictions whose
   * rules accept it by name (in any license type or version): what the credit form suggests.
   */
  approvalBodies(): ApprovalBodyDto[] {
    // Rule sets are fixed for the life of the process: worked out on first use.
    this.approvalBodyList ??= this.listApprovalBodies();
    return this.approvalBodyList;
  }

  private approvalBodyList: ApprovalBodyDto[] | null = null;

  private listApprovalBodies(): ApprovalBodyDto[] {
    const acceptedBy = new Map<string, Set<string>>();
    for (const j of loadRuleSets())
      for (const lt of j.licenseTypes)
        for (const v of lt.versions)
          for (const code of v.approvals?.accepted ?? []) {
            const key = canonicalBody(code.toLowerCase());
            if (!acceptedBy.has(key)) acceptedBy.set(key, new Set());
            acceptedBy.get(key)?.add(j.jurisdiction);
          }
    return APPROVAL_BODIES.map((b) => ({
      code: b.code,
      label: b.label,
      aliases: [...b.aliases],
      acceptedBy: [...(acceptedBy.get(b.code.toLowerCase()) ?? [])].sort(),
    }));
  }

  ruleSetOptions(today: string): LicenseTypeOptionDto[] {
    const names = new Map(loadRuleSets().map((j) => [j.jurisdiction, j]));
    return listLicenseTypes().flatMap((summary) => {
      const lt = names
        .get(summary.jurisdiction)
        ?.licenseTypes.find((t) => t.code === summary.code);
      const version =
        lt &&
        (versionInForce(lt, today) ?? lt.versions[lt.versions.length - 1]);
      if (!version) return [];
      return [
        {
          jurisdiction: summary.jurisdiction,
          jurisdictionName: summary.jurisdictionName,
          licenseType: summary.code,
          licenseTypeName: summary.name,
          anchor: version.cycle.anchor,
          totalHours: version.total.hours,
          cycleMonths: version.cycle.months,
          needsRenewalDate: needsRenewalDate(version.cycle),
          acceptsRenewalDate: acceptsRenewalDate(version.cycle),
        },
      ];
    });
  }

  async list(
    userId: string,
    includeRetired: boolean,
    today: string,
  ): Promise<LicenseDto[]> {
    const [licenses, credits] = await Promise.all([
      this.licenses.list(userId, includeRetired),
      this.credits.live(userId),
    ]);
    return licenses.map((l) =>
      this.toDto(l, this.safeEvaluate(l, credits, today, licenses)),
    );
  }

  async get(userId: string, id: string, today: string): Promise<LicenseDto> {
    const license = await this.requireOwned(userId, id);
    const [credits, all] = await Promise.all([
      this.credits.live(userId),
      this.licenses.list(userId, false),
    ]);
    return this.toDto(license, this.safeEvaluate(license, credits, today, all));
  }

  async create(
    userId: string,
    input: CreateLicenseDto,
    today: string,
  ): Promise<LicenseDto> {
    const fields = this.checked(
      {
        jurisdiction: input.jurisdiction,
        licenseType: input.licenseType,
        number: input.number,
        issuedOn: input.issuedOn,
        birthDate: input.birthDate ?? null,
        renewsOn: input.renewsOn ?? null,
        roles: input.roles ?? [],
      },
      today,
    );
    await this.refuseDuplicate(userId, fields);
    const license = await duplicateAsConflict(
      this.licenses.create(userId, fields),
      fields,
    );
    return this.get(userId, license.id, today);
  }

  async update(
    userId: string,
    id: string,
    change: UpdateLicenseDto,
    today: string,
  ): Promise<LicenseDto> {
    const current = await this.requireOwned(userId, id);
    const { version, ...patch } = change;
    const merged = this.checked(
      {
        jurisdiction: patch.jurisdiction ?? current.jurisdiction,
        licenseType: patch.licenseType ?? current.licenseType,
        number: patch.number ?? current.number,
        issuedOn: patch.issuedOn ?? current.issuedOn,
        birthDate:
          patch.birthDate === undefined ? current.birthDate : patch.birthDate,
        renewsOn:
          patch.renewsOn === undefined ? current.renewsOn : patch.renewsOn,
        roles: patch.roles ?? current.roles,
      },
      today,
    );
    if (version !== current.version) throw stale(current);
    // Nothing changed: no new version (another open tab would get a conflict for nothing).
    if (sameFields(current, merged)) return this.get(userId, id, today);
    if (!current.retiredAt) await this.refuseDuplicate(userId, merged, id);
    const applied = await duplicateAsConflict(
      this.licenses.updateIfVersion(userId, id, version, merged),
      merged,
    );
    if (!applied) throw stale(current);
    return this.get(userId, id, today);
  }

  async retire(userId: string, id: string, today: string): Promise<LicenseDto> {
    const current = await this.requireOwned(userId, id);
    if (!current.retiredAt)
      await this.licenses.updateIfVersion(userId, id, current.version, {
        retiredAt: new Date(),
      });
    return this.get(userId, id, today);
  }

  /**
   * Records (or, with null, withdraws) the licensee's word that they renewed for the cycle ending
   * on `renewedThrough`: an ended cycle left short is overdue until then. Same optimistic locking as
   * `update`; the version moves, so cached compliance views are rebuilt.
   */
  async setRenewedThrough(
    userId: string,
    id: string,
    change: RenewedThroughDto,
    today: string,
  ): Promise<LicenseDto> {
    const current = await this.requireOwned(userId, id);
    const value = change.renewedThrough;
    const problem =
      value === null
        ? null
        : renewedThroughProblem(value, current.issuedOn, today);
    if (problem) throw AppError.validation({ renewedThrough: [problem] });
    if (change.version !== current.version) throw stale(current);
    if (current.renewedThrough === value) return this.get(userId, id, today);
    const applied = await this.licenses.updateIfVersion(
      userId,
      id,
      change.version,
      { renewedThrough: value },
    );
    if (!applied) throw stale(current);
    return this.get(userId, id, today);
  }

  /** Tracks a retired license again; an active license is left as it is. */
  async reinstate(
    userId: string,
    id: string,
    today: string,
  ): Promise<LicenseDto> {
    const current = await this.requireOwned(userId, id);
    if (current.retiredAt) {
      await this.refuseDuplicate(userId, current, id);
      const applied = await duplicateAsConflict(
        this.licenses.updateIfVersion(userId, id, current.version, {
          retiredAt: null,
        }),
        current,
      );
      if (!applied) throw stale(current);
    }
    return this.get(userId, id, today);
  }

  /**
   * The compliance view as JSON ready to send. One query reads the license with what its evaluation
   * depends on (credit-log fingerprint, advocacy floor, other licenses held) — so any replica sees every change made
   * through any other — and a view already built for exactly those inputs is served as is.
   */
  async complianceView(
    userId: string,
    id: string,
    asOf: string,
  ): Promise<PreparedJson> {
    checkAsOf(asOf);
    const inputs = await this.licenses.findOwnedWithEvaluationInputs(
      userId,
      id,
    );
    if (!inputs) throw AppError.notFound('License');
    const {
      license,
      creditLogFingerprint,
      advocacyFloorPercent,
      otherLicenses,
    } = inputs;
    const key = `${license.id}:${license.version}:${asOf}:${creditLogFingerprint}:${advocacyFloorPercent ?? 'default'}:${heldOn(otherLicenses, asOf).join(',')}`;
    const cached = this.views.get(key);
    if (cached) return cached;
    // Credits are read after the key, so the entry holds data at least as new as its key says; a
    // change in between yields a new key (fingerprints only move forward), never a stale answer.
    const view = prepareJson(
      await this.buildComplianceView(
        license,
        asOf,
        advocacyFloorPercent,
        otherLicenses,
      ),
    );
    this.views.set(key, view);
    return view;
  }

  /**
   * The audit packet of the cycle that contains `asOf`: the PDF transcript, and the certificates of
   * the cycle's credits (their SHA-256 is printed in the PDF) for the ZIP.
   */
  async auditPacket(
    userId: string,
    id: string,
    asOf: string,
  ): Promise<AuditPacket> {
    checkAsOf(asOf);
    const license = await this.requireOwned(userId, id);
    const [user, { evaluation, credits }] = await Promise.all([
      this.users.findById(userId),
      this.compliance.evaluateLicense(license, asOf),
    ]);
    const { start, end } = evaluation.cycle;
    const inCycle = credits.filter(
      (c) => c.completedOn >= start && c.completedOn <= end,
    );
    const excluded = new Set(evaluation.excluded.map((x) => x.creditId));
    const certificates = await this.certificates.listForCredits(
      userId,
      inCycle.map((c) => c.id),
    );
    const pdf = await renderAuditPacketPdf({
      licensee: { name: user?.name ?? '', email: user?.email ?? '' },
      license: {
        jurisdiction: license.jurisdiction,
        licenseType: license.licenseType,
        number: license.number,
        issuedOn: license.issuedOn,
      },
      evaluation,
      credits: inCycle.map((c) => ({
        id: c.id,
        title: c.title,
        provider: c.provider,
        completedOn: c.completedOn,
        hours: c.hours,
        format: c.format,
        approvals: c.approvals,
        certificates: certificates
          .filter((x) => x.creditId === c.id)
          .map((x) => ({ fileName: x.fileName, sha256: x.sha256 })),
      })),
      // Excluded credits from outside the cycle, so the PDF names them by title, not by id.
      otherCredits: credits
        .filter(
          (c) =>
            (c.completedOn < start || c.completedOn > end) &&
            excluded.has(c.id),
        )
        .map((c) => ({ id: c.id, title: c.title, completedOn: c.completedOn })),
      generatedAt: new Date().toISOString().slice(0, 10),
    });
    const baseName = downloadBaseName(
      license.jurisdiction,
      license.licenseType,
      evaluation.cycle.start,
      evaluation.cycle.end,
    );
    const titles = new Map(
      inCycle.map((c) => [
        c.id,
        { title: c.title, completedOn: c.completedOn },
      ]),
    );
    return {
      pdf,
      baseName,
      certificates: certificates.map((x) => ({
        ...x,
        about: titles.get(x.creditId) ?? { title: '', completedOn: '' },
      })),
    };
  }

  private async buildComplianceView(
    license: LicenseEntity,
    asOf: string,
    floorPercent: number | null,
    otherLicenses: readonly OtherLicense[],
  ): Promise<ComplianceDto> {
    const { evaluation, overdue, credits } =
      await this.compliance.evaluateLicense(
        license,
        asOf,
        floorPercent,
        otherLicenses,
      );
    const mentioned = new Set<string>(
      [evaluation, ...(overdue ? [overdue] : [])].flatMap((e) => [
        ...e.requirements.flatMap((r) => r.allocations.map((a) => a.creditId)),
        ...e.excluded.map((x) => x.creditId),
      ]),
    );
    const titles: ComplianceDto['credits'] = {};
    for (const c of credits)
      if (mentioned.has(c.id))
        titles[c.id] = {
          title: c.title,
          completedOn: c.completedOn,
          hours: c.hours,
        };
    return {
      license: this.toDto(license, { evaluation, overdue }),
      evaluation,
      overdue,
      rules: aboutRules(license, evaluation),
      credits: titles,
    };
  }

  /**
   * Every active license of the user with its evaluation as of `asOf` (credits loaded once); a
   * license whose rules cannot be evaluated is left out. For reminders and the calendar feed.
   */
  async evaluateActive(
    userId: string,
    asOf: string,
  ): Promise<({ license: LicenseEntity } & Standing)[]> {
    const [licenses, credits] = await Promise.all([
      this.licenses.list(userId, false),
      this.credits.live(userId),
    ]);
    return licenses.flatMap((license) => {
      const standing = this.safeEvaluate(license, credits, asOf, licenses);
      return standing ? [{ license, ...standing }] : [];
    });
  }

  /**
   * One active license per (jurisdiction, type, number): a second copy would count every credit twice
   * over and send every reminder twice. 409 naming the number; a retired copy does not block.
   */
  private async refuseDuplicate(
    userId: string,
    fields: LicenseFields,
    exceptId?: string,
  ): Promise<void> {
    const same = (a: string, b: string) =>
      a.trim().toUpperCase() === b.trim().toUpperCase();
    const twin = (await this.licenses.list(userId, false)).find(
      (l) =>
        l.id !== exceptId &&
        same(l.jurisdiction, fields.jurisdiction) &&
        same(l.licenseType, fields.licenseType) &&
        same(l.number, fields.number),
    );
    if (twin) throw duplicate(twin);
  }

  /** The rule set must know the (jurisdiction, type) and get the dates it needs (`licenseProblems`). */
  private checked(fields: LicenseFields, today: string): LicenseFields {
    const problems = licenseProblems(fields, today);
    const rules = findLicenseType(fields.jurisdiction, fields.licenseType);
    if (!rules && !Object.keys(problems).length)
      problems['licenseType'] = [
        `Mezzo has no rules for ${fields.jurisdiction} ${fields.licenseType}`,
      ];
    if (!rules || Object.keys(problems).length)
      throw AppError.validation(problems);
    return {
      ...fields,
      jurisdiction: rules.jurisdiction.jurisdiction,
      licenseType: rules.licenseType.code,
    };
  }

  /** `licenses`: the owner's licenses, for the other licenses held (`otherLicensesOf`). */
  private safeEvaluate(
    license: LicenseEntity,
    credits: CreditEntity[],
    today: string,
    licenses: readonly LicenseEntity[],
  ): Standing | null {
    try {
      return this.compliance.standingWith(
        license,
        credits,
        today,
        null,
        otherLicensesOf(license, licenses),
      );
    } catch {
      return null;
    }
  }

  private toDto(l: LicenseEntity, standing: Standing | null): LicenseDto {
    const evaluation = standing?.evaluation;
    const overdue = standing?.overdue ?? null;
    return {
      id: l.id,
      jurisdiction: l.jurisdiction,
      licenseType: l.licenseType,
      number: l.number,
      issuedOn: l.issuedOn,
      birthDate: l.birthDate,
      renewsOn: l.renewsOn,
      roles: l.roles,
      retiredAt: l.retiredAt ? l.retiredAt.toISOString() : null,
      version: l.version,
      renewedThrough: l.renewedThrough,
      cycle: evaluation
        ? {
            start: evaluation.cycle.start,
            end: evaluation.cycle.end,
            daysLeft: evaluation.cycle.daysLeft,
          }
        : null,
      status: overdue ? 'overdue' : (evaluation?.status ?? null),
      overdue: overdue && {
        start: overdue.cycle.start,
        end: overdue.cycle.end,
        requiredHours: overdue.totals.requiredHours,
        countedHours: overdue.totals.countedHours,
        remainingHours: overdue.totals.remainingHours,
      },
    };
  }

  private async requireOwned(
    userId: string,
    id: string,
  ): Promise<LicenseEntity> {
    const license = await this.licenses.findOwned(userId, id);
    if (!license) throw AppError.notFound('License');
    return license;
  }
}

/**
 * The evaluation date must exist and be in range. `ComplianceQueryDto` says so for every route; this
 * keeps any other caller from handing the engine `2025-02-30` or year 9999.
 */
function checkAsOf(asOf: string): void {
  const problem = asOfProblem(asOf);
  if (problem) throw AppError.validation({ asOf: [problem] });
}

function duplicate(twin: LicenseFields): AppError {
  return AppError.conflict(
    `You already track ${twin.jurisdiction} ${twin.licenseType} ${twin.number}`,
    'conflict',
    { number: ['You already track this license'] },
  );
}

/**
 * The database's unique index on active licenses (`licenses_active_number_key`) settles what
 * `refuseDuplicate` cannot: two requests checking at the same moment. The loser gets the same 409.
 */
async function duplicateAsConflict<T>(
  write: Promise<T>,
  fields: LicenseFields,
): Promise<T> {
  try {
    return await write;
  } catch (e) {
    if (isUniqueViolation(e)) throw duplicate(fields);
    throw e;
  }
}

function sameFields(current: LicenseEntity, next: LicenseFields): boolean {
  return (
    current.jurisdiction === next.jurisdiction &&
    current.licenseType === next.licenseType &&
    current.number === next.number &&
    current.issuedOn === next.issuedOn &&
    current.birthDate === next.birthDate &&
    current.renewsOn === next.renewsOn &&
    current.roles.length === next.roles.length &&
    current.roles.every((r, i) => r === next.roles[i])
  );
}

function stale(current: LicenseEntity): AppError {
  return AppError.conflict(
    `This license was changed elsewhere (now at version ${current.version}); reload and try again`,
    'conflict',
    {
      version: [`is stale; the current version is ${current.version}`],
    },
  );
}

/** The board and the notes of the rule-set version that judged `evaluation` (ComplianceDto.rules). */
function aboutRules(
  license: Pick<LicenseEntity, 'jurisdiction' | 'licenseType'>,
  evaluation: Evaluation,
): ComplianceDto['rules'] {
  // Found: the license was just evaluated with these rules (ComplianceService.run).
  const found = findLicenseType(license.jurisdiction, license.licenseType);
  if (!found) throw AppError.notFound('Rule set');
  const { name, url } = found.jurisdiction.board;
  const version = found.licenseType.versions.find(
    (v) => v.version === evaluation.ruleSet.version,
  );
  return { board: { name, url }, notes: [...(version?.notes ?? [])] };
}
