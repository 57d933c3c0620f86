import { Component } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { FULL_PAGE_LOAD, isChunkLoadError } from '@mezzo/web-core';
import { App } from './app';
import { routerFeatures } from './app.config';

@Component({ template: '<h1>Home</h1>' })
class Home {}

describe('App: a page whose code cannot load', () => {
  const load = jest.fn();
  let fail: Error;

  beforeEach(async () => {
    load.mockReset();
    fail = new TypeError(
      'Failed to fetch dynamically imported module: http://localhost:3000/chunk-OLD.js',
    );
    TestBed.configureTestingModule({
      providers: [
        provideRouter(
          [
            { path: '', component: Home },
            { path: 'other', component: Home },
            { path: 'licenses', loadComponent: () => Promise.reject(fail) },
            {
              path: 'broken',
              loadComponent: () => Promise.reject(new Error('boom')),
            },
          ],
          // The app's own router features: the spec fails if the handler is dropped from them.
          ...routerFeatures,
        ),
        { provide: FULL_PAGE_LOAD, useValue: load },
      ],
    });
  });

  const render = async () => {
    const fixture = TestBed.createComponent(App);
    await TestBed.inject(Router).navigateByUrl('/');
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  };
  const button = (el: HTMLElement, name: string) =>
    Array.from(el.querySelectorAll('button')).find(
      (b) => b.textContent?.trim() === name,
    );

  it('says so in an alert, and Reload loads the page asked for in full', async () => {
    const { fixture, el } = await render();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/licenses?tab=2').catch(() => undefined);
    await fixture.whenStable();
    expect(router.url).toBe('/');
    const alert = el.querySelector('[role="alert"]');
    expect(alert?.textContent).toContain(
      'Mezzo could not load this page. Check your connection, then reload.',
    );
    // Focus goes to Reload, so a keyboard user need not look for it.
    expect(document.activeElement).toBe(button(el, 'Reload'));
    button(el, 'Reload')!.click();
    expect(load).toHaveBeenCalledWith('/licenses?tab=2');
  });

  it('gives a plainer message for another failure, and goes away when dismissed or once a page opens', async () => {
    const { fixture, el } = await render();
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/broken').catch(() => undefined);
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')?.textContent).toContain(
      'Mezzo could not open this page. Reload to try again.',
    );
    button(el, 'Dismiss')!.click();
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).toBeNull();

    // Escape dismisses it too, and focus returns to where it was.
    const opener = document.createElement('a');
    opener.href = '#';
    document.body.appendChild(opener);
    opener.focus();
    await router.navigateByUrl('/broken').catch(() => undefined);
    await fixture.whenStable();
    expect(document.activeElement).toBe(button(el, 'Reload'));
    button(el, 'Reload')!.dispatchEvent(
      new KeyboardEvent('keydown', { key: 'Escape', bubbles: true }),
    );
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(document.activeElement).toBe(opener);
    opener.remove();

    await router.navigateByUrl('/broken').catch(() => undefined);
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).not.toBeNull();
    await router.navigateByUrl('/other');
    await fixture.whenStable();
    expect(el.querySelector('[role="alert"]')).toBeNull();
    expect(load).not.toHaveBeenCalled();
  });

  it('recognises the browsers’ wordings of a chunk that failed to load', () => {
    for (const message of [
      'Failed to fetch dynamically imported module: https://x/chunk-A.js',
      'Importing a module script failed.',
      'error loading dynamically imported module: https://x/chunk-A.js',
      'Failed to load module script: Expected a JavaScript-or-Wasm module script but the server responded with a MIME type of "text/html".',
    ])
      expect([message, isChunkLoadError(new TypeError(message))]).toEqual([
        message,
        true,
      ]);
    expect(
      isChunkLoadError(new Error('Cannot read properties of undefined')),
    ).toBe(false);
  });
});
