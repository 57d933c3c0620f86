import { provideHttpClient } from '@angular/common/http';
import { provideHttpClientTesting } from '@angular/common/http/testing';
import { EnvironmentInjector, runInInjectionContext } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import type {
  ActivatedRouteSnapshot,
  RouterStateSnapshot,
} from '@angular/router';
import { AuthStore } from './auth.store';
import {
  LEAVE_UNSAVED_QUESTION,
  confirmLeavingUnsaved,
  holdsUnsavedChanges,
  warnBeforeUnload,
} from './unsaved-changes';
import { TEST_SESSION } from './session.fixture';

const session = TEST_SESSION;

describe('leaving a page with unsaved input', () => {
  let store: AuthStore;
  const page = (unsaved: boolean) => ({ hasUnsavedChanges: () => unsaved });
  const leave = (unsaved: boolean) =>
    runInInjectionContext(TestBed.inject(EnvironmentInjector), () =>
      confirmLeavingUnsaved(
        page(unsaved),
        {} as ActivatedRouteSnapshot,
        {} as RouterStateSnapshot,
        {} as RouterStateSnapshot,
      ),
    );

  beforeEach(() => {
    TestBed.configureTestingModule({
      providers: [provideHttpClient(), provideHttpClientTesting()],
    });
    store = TestBed.inject(AuthStore);
    store.setSession(session);
  });

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

  it('never blocks the way to sign-in once the session has ended', () => {
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    store.clearSession();
    expect(leave(true)).toBe(true);
    expect(confirm).not.toHaveBeenCalled();
  });

  it('tells which pages hold unsaved input', () => {
    expect(holdsUnsavedChanges(page(true))).toBe(true);
    expect(holdsUnsavedChanges(page(false))).toBe(false);
    expect(holdsUnsavedChanges({})).toBe(false);
    expect(holdsUnsavedChanges(null)).toBe(false);
  });

  it('asks the browser to confirm a reload or a closed tab only with unsaved input', () => {
    const event = () =>
      new Event('beforeunload', { cancelable: true }) as BeforeUnloadEvent;
    const calm = event();
    warnBeforeUnload(page(false), calm);
    expect(calm.defaultPrevented).toBe(false);
    const busy = event();
    warnBeforeUnload(page(true), busy);
    expect(busy.defaultPrevented).toBe(true);
  });
});
