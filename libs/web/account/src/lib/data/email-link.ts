import { afterNextRender, type ElementRef, type Injector } from '@angular/core';
import type { ActivatedRoute, Router } from '@angular/router';

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
 * After the next render, moves focus to the page's `.mz-outcome` message, so that keyboard and
 * screen-reader users land on how it went (the button that had focus may be gone).
 */
export function focusOutcome(
  host: ElementRef<HTMLElement>,
  injector: Injector,
): void {
  afterNextRender(
    () => host.nativeElement.querySelector<HTMLElement>('.mz-outcome')?.focus(),
    { injector },
  );
}
