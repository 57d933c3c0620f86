import { HttpClient } from '@angular/common/http';
import {
  ChangeDetectionStrategy,
  Component,
  Injectable,
  inject,
  signal,
} from '@angular/core';
import { RouterLink } from '@angular/router';
import type { HelpInfo } from '@mezzo/shared-contracts';

export const HELP_PATH = '/api/help';

/**
 * Where people write for help (`GET /api/help`, public), read once per app: the Help page and the
 * pages that send someone to support show it. Null until it arrives, or when it could not be read
 * (the pages then link to the Help page instead).
 */
@Injectable({ providedIn: 'root' })
export class SupportContact {
  private readonly http = inject(HttpClient);
  private readonly address = signal<string | null>(null);
  private requested = false;
  /** The support address (null until read). */
  readonly email = this.address.asReadonly();

  /** Reads the address once; after a failure, the next call tries again. */
  load(): void {
    if (this.requested || this.address() !== null) return;
    this.requested = true;
    this.http.get<HelpInfo>(HELP_PATH).subscribe({
      next: (info) => this.address.set(info.supportEmail),
      error: () => (this.requested = false),
    });
  }
}

/** "support@…" as a mail link, or a link to the Help page while the address is unknown. */
@Component({
  selector: 'mz-support-email',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterLink],
  template: `@if (support.email(); as email) {
      <a [href]="'mailto:' + email">{{ email }}</a>
    } @else {
      <a routerLink="/help">the address on the Help page</a>
    }`,
})
export class SupportEmail {
  protected readonly support = inject(SupportContact);

  constructor() {
    this.support.load();
  }
}
