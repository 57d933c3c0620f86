import { Injectable } from '@nestjs/common';
import { AppError, isRealDate } from '@mezzo/api-core';
import {
  CertificatesRepository,
  CreditsRepository,
  UsersRepository,
  type Actor,
  type CreditEntity,
} from '@mezzo/api-data-access';
import type {
  CreditDto,
  CreditEventDto,
  CreditInput,
  Page,
} from '@mezzo/shared-contracts';
import { stringify } from 'csv-stringify/sync';
import type { CreditInputDto, UpdateCreditDto } from './credits.dto';
import { toCreditDto, toCreditEventDto, toCreditFields } from './credit.mapper';

const EARLIEST = '1950-01-01';

/** The credit log of one licensee: every query is scoped to the caller; history is kept for every change. */
@Injectable()
export class CreditsService {
  constructor(
    private readonly credits: CreditsRepository,
    private readonly users: UsersRepository,
    private readonly certificates: CertificatesRepository,
  ) {}

  async page(
    userId: string,
    deleted: boolean,
    page: number,
    pageSize: number,
  ): Promise<Page<CreditDto>> {
    const { items, total } = await this.credits.page(
      userId,
      deleted,
      page,
      pageSize,
    );
    // One query for the page's certificate counts: the log shows which credits lack proof.
    const counts = await this.certificates.countByCredit(
      userId,
      items.map((c) => c.id),
    );
    return {
      items: items.map((c) => ({
        ...toCreditDto(c),
        certificateCount: counts.get(c.id) ?? 0,
      })),
      total,
      page,
      pageSize,
    };
  }

  async get(userId: string, id: string): Promise<CreditDto> {
    return toCreditDto(await this.requireOwned(userId, id));
  }

  async create(
    userId: string,
    input: CreditInputDto,
    today: string,
  ): Promise<CreditDto> {
    checkCredit(input, today);
    return toCreditDto(
      await this.credits.create(
        userId,
        toCreditFields(input),
        await this.actor(userId),
      ),
    );
  }

  /** Applies a partial change if the client saw the latest version; otherwise 409 with the current version. */
  async update(
    userId: string,
    id: string,
    change: UpdateCreditDto,
    today: string,
  ): Promise<CreditDto> {
    const current = await this.requireOwned(userId, id);
    if (current.deletedAt)
      throw AppError.conflict(
        'This credit is deleted; restore it before editing',
      );
    const { version, ...patch } = change;
    const merged: CreditInput = {
      ...toCreditDto(current),
      ...stripUndefined(patch),
    };
    checkCredit(merged, today);
    if (version !== current.version) throw this.stale(current);
    const fields = toCreditFields(merged);
    // Nothing changed: no new version and no history entry (another open tab would get a
    // conflict for nothing, and the audit trail would fill with empty edits).
    if (
      JSON.stringify(fields) ===
      JSON.stringify(toCreditFields(toCreditDto(current)))
    )
      return toCreditDto(current);
    const saved = await this.credits.change(
      userId,
      id,
      version,
      fields,
      'updated',
      await this.actor(userId),
    );
    if (!saved) throw this.stale(current);
    return toCreditDto(saved);
  }

  async remove(userId: string, id: string): Promise<void> {
    const current = await this.requireOwned(userId, id);
    if (current.deletedAt) return;
    await this.credits.change(
      userId,
      id,
      null,
      { deletedAt: new Date() },
      'deleted',
      await this.actor(userId),
    );
  }

  async restore(userId: string, id: string): Promise<CreditDto> {
    const current = await this.requireOwned(userId, id);
    if (!current.deletedAt) return toCreditDto(current);
    const saved = await this.credits.change(
      userId,
      id,
      null,
      { deletedAt: null },
      'restored',
      await this.actor(userId),
    );
    return toCreditDto(saved ?? current);
  }

  async history(userId: string, id: string): Promise<CreditEventDto[]> {
    await this.requireOwned(userId, id);
    return (await this.credits.history(id)).map(toCreditEventDto);
  }

  /**
   * Every live credit as CSV; cells that a spreadsheet would run as formulas are neutralised. It
   * starts with a UTF-8 byte-order mark: without one, Excel reads the file as the system's legacy
   * code page and garbles every name outside ASCII ("ZoÃ« Ã'ÃºÃ±ez").
   */
  async exportCsv(userId: string): Promise<string> {
    const rows = (await this.credits.live(userId)).map((c) => [
      c.id,
      c.title,
      c.provider ?? '',
      c.completedOn,
      c.hours,
      c.format,
      c.topics.join(';'),
      c.practiceClinical,
      c.practiceMacro,
      c.practiceGeneral,
      c.macroAreas.join(';'),
      c.approvals
        .map((a) => (a.number ? `${a.body} ${a.number}` : a.body))
        .join(';'),
    ]);
    const header = [
      'id',
      'title',
      'provider',
      'completed_on',
      'hours',
      'format',
      'topics',
      'clinical_hours',
      'macro_hours',
      'general_hours',
      'macro_areas',
      'approvals',
    ];
    return stringify([header, ...rows.map((r) => r.map(neutralise))], {
      bom: true,
    });
  }

  private async requireOwned(
    userId: string,
    id: string,
  ): Promise<CreditEntity> {
    const credit = await this.credits.findOwned(userId, id);
    if (!credit) throw AppError.notFound('Credit');
    return credit;
  }

  private async actor(userId: string): Promise<Actor> {
    const user = await this.users.findById(userId);
    return { id: userId, name: user?.name ?? 'unknown' };
  }

  private stale(current: CreditEntity): AppError {
    return AppError.conflict(
      `This credit was changed elsewhere (now at version ${current.version}); reload and try again`,
      'conflict',
      {
        version: [`is stale; the current version is ${current.version}`],
      },
    );
  }
}

/** Rules a single field cannot express: the split adds up, dates are real and not in the future. */
export function checkCredit(input: CreditInput, today: string): void {
  const fields = creditProblems(input, today);
  if (Object.keys(fields).length) throw AppError.validation(fields);
}

/** What `checkCredit` refuses, per field (none: `{}`), for callers that report several credits at once. */
export function creditProblems(
  input: CreditInput,
  today: string,
): Record<string, string[]> {
  const fields: Record<string, string[]> = {};
  const split = Math.round(
    (input.practice.clinical + input.practice.macro + input.practice.general) *
      100,
  );
  if (split !== Math.round(input.hours * 100)) {
    fields['practice'] = [
      `clinical + macro + general must equal hours (${input.hours}); they add up to ${split / 100}`,
    ];
  }
  if (!isRealDate(input.completedOn))
    fields['completedOn'] = ['completedOn is not a real calendar date'];
  else if (input.completedOn > today)
    fields['completedOn'] = ['completedOn cannot be in the future'];
  else if (input.completedOn < EARLIEST)
    fields['completedOn'] = [`completedOn must be on or after ${EARLIEST}`];
  if (input.practice.macro === 0 && (input.macroAreas?.length ?? 0) > 0) {
    fields['macroAreas'] = [
      'macro areas need macro hours in the practice split',
    ];
  }
  return fields;
}

function stripUndefined<T extends object>(value: T): Partial<T> {
  return Object.fromEntries(
    Object.entries(value).filter(([, v]) => v !== undefined),
  ) as Partial<T>;
}

function neutralise(cell: string | number): string | number {
  return typeof cell === 'string' && /^[=+\-@\t\r]/.test(cell)
    ? `'${cell}`
    : cell;
}
