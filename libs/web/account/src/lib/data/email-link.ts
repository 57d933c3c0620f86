import { afterNextRender, type ElementRef, type Injector } from '@angular/core';
import type { ActivatedRoute, Router } from '@angular/router';
import { errorCode, errorMessage } from '@mezzo/web-core';

/**
 * The one-time token of an emailed link (the confirm and undo pages), taken out of the address bar
 * and history as soon as it is read: it has done its job there, and should not be left for anyone
 * looking over a shoulder or at the history. '' when the link came without one.
 */
export function takeLinkToken(
  token: string | undefined,
  router: Router,
  route: ActivatedRoute,
): string {
  const value = token ?? '';
  if (value) {
    void router.navigate([], {
      relativeTo: route,
      queryParams: {},
      replaceUrl: true,
    });
  }
  return value;
}

/**
 * After the next render, moves focus to the outcome message (`selector`, by default the page's
 * `.mz-outcome`), so that keyboard and screen-reader users land on how it went (the button that
 * had focus may be gone).
 */
export function focusOutcome(
  host: ElementRef<HTMLElement>,
  injector: Injector,
  selector = '.mz-outcome',
): void {
  afterNextRender(
    () => host.nativeElement.querySelector<HTMLElement>(selector)?.focus(),
    { injector },
  );
}

/**
 * How a refused link ended, for the confirm and undo pages: `invalid` for the page's dead-link
 * code, `taken` when the address belongs to another account, else `failed` with the message.
 */
export function linkFailure(
  err: unknown,
  invalidCode: string,
): { state: 'invalid' | 'taken' | 'failed'; message: string } {
  const code = errorCode(err);
  if (code === invalidCode) return { state: 'invalid', message: '' };
  if (code === 'email_taken') return { state: 'taken', message: '' };
  return { state: 'failed', message: errorMessage(err) };
}
