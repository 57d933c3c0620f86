import type { CanDeactivateFn } from '@angular/router';

/** A page whose form may hold what the person typed and has not saved. */
export interface HoldsUnsavedChanges {
  hasUnsavedChanges(): boolean;
}

/** The question asked before a page with unsaved input is left. */
export const LEAVE_UNSAVED_QUESTION =
  'Leave this page? What you entered has not been saved.';

/**
 * Route guard (`canDeactivate`): leaving a page with unsaved input asks first, with the browser's
 * own dialog (keyboard and screen-reader accessible everywhere, phones included).
 */
export const confirmLeavingUnsaved: CanDeactivateFn<HoldsUnsavedChanges> = (
  page,
) => !page.hasUnsavedChanges() || window.confirm(LEAVE_UNSAVED_QUESTION);

/**
 * For `(window:beforeunload)`: a reload, a closed tab or a typed address asks too (browsers show
 * their own wording).
 */
export function warnBeforeUnload(
  page: HoldsUnsavedChanges,
  event: BeforeUnloadEvent,
): void {
  if (!page.hasUnsavedChanges()) return;
  event.preventDefault();
  // Older browsers read the return value instead.
  event.returnValue = '';
}
