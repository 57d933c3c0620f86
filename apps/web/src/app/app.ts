import {
  ChangeDetectionStrategy,
  Component,
  type ElementRef,
  afterRenderEffect,
  inject,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed } from '@angular/core/rxjs-interop';
import { NavigationEnd, Router, RouterOutlet } from '@angular/router';
import { PageLoadFailure } from '@mezzo/web-core';
import { filter } from 'rxjs';

@Component({
  selector: 'mz-root',
  changeDetection: ChangeDetectionStrategy.OnPush,
  imports: [RouterOutlet],
  template: `
    <router-outlet />
    @if (failure.notice(); as notice) {
      <!-- Focus moves to Reload when it appears (the link just followed did nothing else); Escape
           dismisses it and gives focus back. -->
      <section class="mz-load-failure" aria-label="Page not loaded">
        <p role="alert">{{ notice.message }}</p>
        <div class="mz-load-failure__actions">
          <button
            #reload
            type="button"
            (click)="failure.reload()"
            (keydown.escape)="dismiss()"
          >
            Reload
          </button>
          <button
            type="button"
            (click)="dismiss()"
            (keydown.escape)="dismiss()"
          >
            Dismiss
          </button>
        </div>
      </section>
    }
  `,
  styles: `
    .mz-load-failure {
      position: fixed;
      inset: auto 1rem 1rem 1rem;
      z-index: 1100;
      max-width: 40rem;
      margin: 0 auto;
      padding: 0.75rem 1rem;
      display: flex;
      flex-wrap: wrap;
      gap: 0.5rem 1rem;
      align-items: center;
      justify-content: space-between;
      border-radius: 8px;
      background: #2b2b2b;
      color: #fff;
      box-shadow: 0 4px 16px rgb(0 0 0 / 30%);
    }
    .mz-load-failure p {
      margin: 0;
      flex: 1 1 16rem;
    }
    .mz-load-failure__actions {
      display: flex;
      gap: 0.5rem;
    }
    .mz-load-failure button {
      min-height: 44px;
      padding: 0 1rem;
      border: 1px solid #fff;
      border-radius: 4px;
      background: transparent;
      color: inherit;
      font: inherit;
      cursor: pointer;
    }
    .mz-load-failure button:focus-visible {
      outline: 3px solid #ffd54f;
      outline-offset: 2px;
    }
  `,
})
export class App {
  protected readonly failure = inject(PageLoadFailure);
  private readonly reloadButton =
    viewChild<ElementRef<HTMLButtonElement>>('reload');
  /** Where focus was when the notice appeared (the link followed), to go back to on dismiss. */
  private returnFocus: HTMLElement | null = null;

  constructor() {
    afterRenderEffect(() => {
      const button = this.reloadButton()?.nativeElement;
      if (!button || button.ownerDocument.activeElement === button) return;
      const active = button.ownerDocument.activeElement;
      this.returnFocus = active instanceof HTMLElement ? active : null;
      button.focus();
    });
    // A page that did open clears the notice.
    inject(Router)
      .events.pipe(
        filter((e) => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe(() => this.failure.dismiss());
  }

  protected dismiss(): void {
    this.failure.dismiss();
    this.returnFocus?.focus();
    this.returnFocus = null;
  }
}
