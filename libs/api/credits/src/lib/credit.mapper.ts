import type {
  CreditEntity,
  CreditEventEntity,
  CreditFields,
} from '@mezzo/api-data-access';
import type {
  CreditDto,
  CreditEventDto,
  CreditInput,
} from '@mezzo/shared-contracts';

export function toCreditDto(c: CreditEntity): CreditDto {
  return {
    id: c.id,
    title: c.title,
    provider: c.provider,
    completedOn: c.completedOn,
    hours: c.hours,
    format: c.format,
    topics: c.topics,
    practice: {
      clinical: c.practiceClinical,
      macro: c.practiceMacro,
      general: c.practiceGeneral,
    },
    macroAreas: c.macroAreas,
    approvals: c.approvals,
    version: c.version,
    deletedAt: c.deletedAt ? c.deletedAt.toISOString() : null,
    createdAt: c.createdAt.toISOString(),
    updatedAt: c.updatedAt.toISOString(),
  };
}

export function toCreditFields(input: CreditInput): CreditFields {
  return {
    title: input.title,
    provider: input.provider ?? null,
    completedOn: input.completedOn,
    hours: input.hours,
    format: input.format,
    topics: [...input.topics].sort(),
    practiceClinical: input.practice.clinical,
    practiceMacro: input.practice.macro,
    practiceGeneral: input.practice.general,
    macroAreas: [...(input.macroAreas ?? [])].sort(),
    approvals: (input.approvals ?? []).map((a) =>
      a.number ? { body: a.body, number: a.number } : { body: a.body },
    ),
  };
}

export function toCreditEventDto(e: CreditEventEntity): CreditEventDto {
  const s = e.snapshot as Record<string, unknown> & Partial<CreditEntity>;
  return {
    action: e.action,
    at: e.at.toISOString(),
    actor: { id: e.actorId, name: e.actorName },
    snapshot: {
      id: String(s.id),
      title: String(s.title),
      provider: (s.provider as string | null) ?? null,
      completedOn: String(s.completedOn),
      hours: Number(s.hours),
      format: String(s.format),
      topics: (s.topics as string[]) ?? [],
      practice: {
        clinical: Number(s.practiceClinical),
        macro: Number(s.practiceMacro),
        general: Number(s.practiceGeneral),
      },
      macroAreas: (s.macroAreas as string[]) ?? [],
      approvals: (s.approvals as { body: string; number?: string }[]) ?? [],
      version: Number(s.version),
      deletedAt: s.deletedAt ? String(s.deletedAt) : null,
    },
  };
}
