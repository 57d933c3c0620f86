/**
 * The credit log. Routes under `/api`, Bearer; a caller reaches only their own credits.
 *
 * GET    /credits?page=&pageSize=&deleted=true|false → 200 Page<CreditDto> (newest completion first)
 * POST   /credits                 CreditInput   → 201 CreditDto      400 fields (e.g. practice split ≠ hours)
 * GET    /credits/:id                           → 200 CreditDto
 * PATCH  /credits/:id             UpdateCreditRequest → 200 CreditDto   409 conflict (stale version)
 * DELETE /credits/:id                           → 204 (soft: restorable)
 * POST   /credits/:id/restore                   → 200 CreditDto
 * GET    /credits/:id/history                   → 200 CreditEventDto[] (oldest first)
 * GET    /credits/export.csv                    → 200 text/csv of every live credit
 */
export interface CreditInput {
  title: string;
  provider?: string | null;
  completedOn: string;
  hours: number;
  format: string;
  topics: string[];
  practice: { clinical: number; macro: number; general: number };
  macroAreas?: string[];
  approvals?: { body: string; number?: string }[];
}

export interface UpdateCreditRequest extends Partial<CreditInput> {
  version: number;
}

export interface CreditDto extends Required<Omit<CreditInput, 'provider'>> {
  id: string;
  provider: string | null;
  version: number;
  deletedAt: string | null;
  createdAt: string;
  updatedAt: string;
  /** In the paged list only: how many certificates are attached (0 = nothing to show an auditor). */
  certificateCount?: number;
}

export interface CreditEventDto {
  action: 'created' | 'updated' | 'deleted' | 'restored';
  at: string;
  actor: { id: string; name: string };
  /** The credit as it stood after the change. */
  snapshot: Omit<CreditDto, 'createdAt' | 'updatedAt'>;
}

export const MAX_CREDIT_HOURS = 200;
