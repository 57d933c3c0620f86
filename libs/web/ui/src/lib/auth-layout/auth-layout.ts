import { ChangeDetectionStrategy, Component, input } from '@angular/core';
import { MatCardModule } from '@angular/material/card';

/** The frame of the signed-out pages: the brand, one card with the page's heading, a footer slot. */
@Component({
  selector: 'mz-auth-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [MatCardModule],
  template: `
    <main id="main-content" class="mz-auth" tabindex="-1">
      <p class="mz-auth__brand">Mezzo</p>
      <mat-card class="mz-auth__card" appearance="outlined">
        <mat-card-content>
          <h1 class="mz-auth__title">{{ heading() }}</h1>
          @if (lead()) {
            <p class="mz-auth__lead">{{ lead() }}</p>
          }
          <ng-content />
        </mat-card-content>
      </mat-card>
      <div class="mz-auth__footer"><ng-content select="[mzAuthFooter]" /></div>
    </main>
  `,
  styles: `
    :host {
      display: block;
      min-height: 100dvh;
      background: var(--mat-sys-surface-container-low);
    }
    .mz-auth {
      box-sizing: border-box;
      max-width: 440px;
      margin: 0 auto;
      padding: 32px 16px 48px;
      outline: none;
    }
    .mz-auth__brand {
      margin: 0 0 16px;
      text-align: center;
      font: var(--mat-sys-headline-small);
      font-weight: 600;
      letter-spacing: 0.02em;
      color: var(--mat-sys-primary);
    }
    .mz-auth__card {
      background: var(--mat-sys-surface);
    }
    .mz-auth__card mat-card-content {
      padding: 24px;
    }
    .mz-auth__title {
      margin: 0 0 8px;
      font: var(--mat-sys-headline-small);
    }
    .mz-auth__lead {
      margin: 0 0 16px;
      color: var(--mat-sys-on-surface-variant);
      font: var(--mat-sys-body-medium);
    }
    .mz-auth__footer {
      margin-top: 24px;
      text-align: center;
      font: var(--mat-sys-body-medium);
    }
    @media (max-width: 400px) {
      .mz-auth {
        padding: 16px 8px 32px;
      }
      .mz-auth__card mat-card-content {
        padding: 16px;
      }
    }
  `,
})
export class AuthLayout {
  readonly heading = input.required<string>();
  readonly lead = input<string>();
}
