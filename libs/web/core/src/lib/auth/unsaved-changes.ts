import { inject } from '@angular/core';
import type { CanDeactivateFn } from '@angular/router';
import { AuthStore } from './auth.store';

/** A page whose form may hold what the person typed and has not saved. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** The question asked before a page with unsaved input is left. */
export const LEAVE_UNSAVED_QUESTION =
  'Leave this page? What you entered has not been saved.';

/** Whether a routed page (any component) holds unsaved input. */
export function holdsUnsavedChanges(page: unknown): boolean {
  return (
    typeof (page as Partial<HoldsUnsavedChanges> | null)?.hasUnsavedChanges ===
      'function' && (page as HoldsUnsavedChanges).hasUnsavedChanges()
  );
}

/**
 * Route guard (`canDeactivate`): leaving a page with unsaved input asks first, with the browser's
 * own dialog (keyboard and screen-reader accessible everywhere, phones included). Once the session
 * has ended (signed out, or expired and refused a refresh) nothing could be saved any more: the
 * way to the sign-in page is never blocked. The shell asks before an explicit sign-out instead.
 */
export const confirmLeavingUnsaved: CanDeactivateFn<HoldsUnsavedChanges> = (
  page,
) =>
  inject(AuthStore).status() !== 'signed-in' ||
  !page.hasUnsavedChanges() ||
  window.confirm(LEAVE_UNSAVED_QUESTION);

/**
 * For `(window:beforeunload)` (the shell, for its routed page): a reload, a closed tab or a typed
 * address asks too (browsers show their own wording).
 */
export function warnBeforeUnload(
  page: unknown,
  event: BeforeUnloadEvent,
): void {
  if (!holdsUnsavedChanges(page)) return;
  event.preventDefault();
  // Older browsers read the return value instead.
  event.returnValue = '';
}
