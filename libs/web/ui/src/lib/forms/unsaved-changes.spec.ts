import type {
  ActivatedRouteSnapshot,
  RouterStateSnapshot,
} from '@angular/router';
import {
  LEAVE_UNSAVED_QUESTION,
  confirmLeavingUnsaved,
  warnBeforeUnload,
} from './unsaved-changes';

describe('leaving a page with unsaved input', () => {
  const page = (unsaved: boolean) => ({ hasUnsavedChanges: () => unsaved });
  const leave = (unsaved: boolean) =>
    confirmLeavingUnsaved(
      page(unsaved),
      {} as ActivatedRouteSnapshot,
      {} as RouterStateSnapshot,
      {} as RouterStateSnapshot,
    );

  afterEach(() => jest.restoreAllMocks());

  it('lets a page without unsaved input go without asking', () => {
    const confirm = jest.spyOn(window, 'confirm');
    expect(leave(false)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('asks before leaving unsaved input, and stays when the answer is no', () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    expect(leave(true)).toBe(false);
    expect(confirm).toHaveBeenCalledWith(LEAVE_UNSAVED_QUESTION);
    confirm.mockReturnValue(true);
    expect(leave(true)).toBe(true);
  });

  it('asks the browser to confirm a reload or a closed tab only with unsaved input', () => {
    const event = () => {
      const e = new Event('beforeunload', { cancelable: true });
      return e as BeforeUnloadEvent;
    };
    const calm = event();
    warnBeforeUnload(page(false), calm);
    expect(calm.defaultPrevented).toBe(false);
    const busy = event();
    warnBeforeUnload(page(true), busy);
    expect(busy.defaultPrevented).toBe(true);
  });
});
