import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { ApprovalBodyDto } from '@mezzo/shared-contracts';
import { type Observable, shareReplay, tap } from 'rxjs';

export const APPROVAL_BODIES_PATH = '/api/approval-bodies';

/**
 * The approval bodies the rule sets know (see licenses.contracts.ts). They change only with a
 * release, so the list is fetched once per session; a failed fetch is not kept, so the next form
 * asks again.
 */
@Injectable({ providedIn: 'root' })
export class ApprovalBodiesApi {
  private readonly http = inject(HttpClient);
  private cached: Observable<ApprovalBodyDto[]> | null = null;

  list(): Observable<ApprovalBodyDto[]> {
    this.cached ??= this.http
      .get<ApprovalBodyDto[]>(APPROVAL_BODIES_PATH)
      .pipe(
        tap({ error: () => (this.cached = null) }),
        shareReplay({ bufferSize: 1, refCount: false }),
      );
    return this.cached;
  }
}
