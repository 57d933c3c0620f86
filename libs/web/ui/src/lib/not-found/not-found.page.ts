import { ChangeDetectionStrategy, Component } from '@angular/core';
import { MatButtonModule } from '@angular/material/button';
import { RouterLink } from '@angular/router';

@Component({
  selector: 'mz-not-found-page',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatButtonModule, RouterLink],
  template: `
    <main id="main-content" class="mz-not-found" tabindex="-1">
      <p class="mz-not-found__brand">Mezzo</p>
      <h1>We could not find that page</h1>
      <p>The link may be out of date, or the address may have a typo.</p>
      <a mat-flat-button routerLink="/dashboard">Go to your dashboard</a>
    </main>
  `,
  styles: `
    .mz-not-found {
      box-sizing: border-box;
      max-width: 560px;
      margin: 0 auto;
      padding: 48px 16px;
      text-align: center;
      outline: none;
    }
    .mz-not-found__brand {
      font: var(--mat-sys-title-large);
      color: var(--mat-sys-primary);
      font-weight: 600;
    }
    h1 {
      font: var(--mat-sys-headline-small);
    }
    p {
      color: var(--mat-sys-on-surface-variant);
    }
  `,
})
export class NotFoundPage {}
