import { computed, signal, type Signal } from '@angular/core';
import { takeUntilDestroyed, toObservable } from '@angular/core/rxjs-interop';
import {
  EMPTY,
  Subject,
  catchError,
  merge,
  map,
  switchMap,
  tap,
  type Observable,
} from 'rxjs';

/** Data a page loads from the API, as signals: the latest value, the error, and whether a load is under way. */
export interface Remote<T> {
  readonly value: Signal<T | null>;
  readonly error: Signal<unknown>;
  readonly isLoading: Signal<boolean>;
  /** Loads again with the same parameters (after an error, or after a change elsewhere). */
  reload(): void;
}

/**
 * Loads `load(params())` now and whenever `params()` changes (the newest wins), and again on
 * `reload()`. Call in an injection context; it stops with the component.
 *
 * Why not `rxResource`: it is as small to write here, and using `resource()` anywhere puts its code
 * in the app's first-load chunk (it lives in @angular/core), which the licensee dashboard's budget
 * cannot spare.
 */
export function remote<P, T>(
  params: () => P,
  load: (params: P) => Observable<T>,
): Remote<T> {
  const value = signal<T | null>(null);
  const error = signal<unknown>(undefined);
  const isLoading = signal(true);
  const reloads = new Subject<P>();
  let current: P | undefined;

  merge(
    toObservable(computed(params)).pipe(
      tap((p) => {
        current = p;
        // New parameters: the old value belongs to something else.
        value.set(null);
      }),
    ),
    reloads,
  )
    .pipe(
      switchMap((p) => {
        isLoading.set(true);
        error.set(undefined);
        return load(p).pipe(
          map((v) => {
            value.set(v);
            isLoading.set(false);
          }),
          catchError((err: unknown) => {
            error.set(err ?? new Error('Load failed'));
            isLoading.set(false);
            return EMPTY;
          }),
        );
      }),
      takeUntilDestroyed(),
    )
    .subscribe();

  return {
    value: value.asReadonly(),
    error: error.asReadonly(),
    isLoading: isLoading.asReadonly(),
    reload: () => {
      if (current !== undefined) reloads.next(current);
    },
  };
}
