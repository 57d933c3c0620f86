import { DOCUMENT } from '@angular/common';
import { InjectionToken, Injectable, inject, signal } from '@angular/core';
import type { NavigationError } from '@angular/router';

/** A navigation that failed: where it was going and what to tell the user. */
export interface PageLoadFailureNotice {
  url: string;
  message: string;
}

/**
 * Whether an error is a page's code failing to load: the network is gone, or a new version was
 * deployed and the open tab asks for a chunk of the old one (browsers word it differently).
 */
export function isChunkLoadError(error: unknown): boolean {
  const text =
    error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return /dynamically imported module|importing a module script failed|error loading dynamically imported module|loading chunk [\w-]+ failed|ChunkLoadError|MIME type/i.test(
    text,
  );
}

/** A full page load of a URL (the browser's own navigation); replaced in tests. */
export const FULL_PAGE_LOAD = new InjectionToken<(url: string) => void>(
  'FULL_PAGE_LOAD',
  {
    providedIn: 'root',
    factory: () => {
      const document = inject(DOCUMENT);
      return (url: string) => document.location.assign(url);
    },
  },
);

/**
 * Every page is a lazy chunk, so a link followed while offline, or in a tab opened before a deploy,
 * fails to load its code: the router cancels the navigation and nothing happens. This says so
 * (`App` shows the notice) and offers a full reload of the page asked for.
 */
@Injectable({ providedIn: 'root' })
export class PageLoadFailure {
  private readonly load = inject(FULL_PAGE_LOAD);
  readonly notice = signal<PageLoadFailureNotice | null>(null);

  report(error: NavigationError): void {
    this.notice.set({
      url: error.url,
      message: isChunkLoadError(error.error)
        ? 'Mezzo could not load this page. Check your connection, then reload. If Mezzo was just updated, reloading gets the new version.'
        : 'Mezzo could not open this page. Reload to try again.',
    });
  }

  dismiss(): void {
    this.notice.set(null);
  }

  /** A full load of the page that was asked for (new code, and the same URL). */
  reload(): void {
    const notice = this.notice();
    if (notice) this.load(notice.url);
  }
}

/** For `withNavigationErrorHandler` (runs in the injection context). */
export function reportNavigationError(error: NavigationError): void {
  inject(PageLoadFailure).report(error);
}
