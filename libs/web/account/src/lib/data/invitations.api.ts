import { HttpClient } from '@angular/common/http';
import { Injectable, inject } from '@angular/core';
import type { InvitationDto, OrganizationDto } from '@mezzo/shared-contracts';
import type { Observable } from 'rxjs';

/** Invitations to organisations addressed to the signed-in person's email. */
@Injectable({ providedIn: 'root' })
export class InvitationsApi {
  private readonly http = inject(HttpClient);

  list(): Observable<InvitationDto[]> {
    return this.http.get<InvitationDto[]>('/api/me/invitations');
  }

  /** The invitation an email link points to; 404 unless it is open and mine. */
  lookup(token: string): Observable<InvitationDto> {
    return this.http.post<InvitationDto>('/api/me/invitations/lookup', {
      token,
    });
  }

  accept(id: string): Observable<OrganizationDto> {
    return this.http.post<OrganizationDto>(
      `/api/me/invitations/${encodeURIComponent(id)}/accept`,
      {},
    );
  }

  decline(id: string): Observable<void> {
    return this.http.post<void>(
      `/api/me/invitations/${encodeURIComponent(id)}/decline`,
      {},
    );
  }
}
