import { BreakpointObserver, type BreakpointState } from '@angular/cdk/layout';
import { provideHttpClient } from '@angular/common/http';
import {
  HttpTestingController,
  provideHttpClientTesting,
} from '@angular/common/http/testing';
import { Component, signal } from '@angular/core';
import { TestBed } from '@angular/core/testing';
import { Router, provideRouter } from '@angular/router';
import { AUTH_PATHS, AuthStore } from '@mezzo/web-core';
import { BehaviorSubject } from 'rxjs';
import { ShellLayout } from './shell.layout';
import { TEST_SESSION } from '@mezzo/web-core/testing';

const session = TEST_SESSION;

@Component({ template: '<h1>Page A</h1><button>Act</button>' })
class PageA {}
@Component({ template: '<h1>Page B</h1>' })
class PageB {}
/** A form page with unsaved input. */
@Component({ template: '<h1>Form</h1>' })
class Unsaved {
  hasUnsavedChanges(): boolean {
    return true;
  }
}
/** A page whose heading arrives with its data, after the navigation has ended. */
@Component({
  template: '@if (loaded()) { <h1>Page C</h1> } @else { <p>Loading</p> }',
})
class PageC {
  readonly loaded = signal(false);
  constructor() {
    setTimeout(() => this.loaded.set(true), 30);
  }
}

describe('ShellLayout', () => {
  const phone = new BehaviorSubject<BreakpointState>({
    matches: false,
    breakpoints: {},
  });

  async function render(isPhone: boolean) {
    phone.next({ matches: isPhone, breakpoints: {} });
    TestBed.configureTestingModule({
      imports: [ShellLayout],
      providers: [
        provideRouter([
          { path: 'a', component: PageA },
          { path: 'b', component: PageB },
          { path: 'c', component: PageC },
          { path: 'form', component: Unsaved },
        ]),
        provideHttpClient(),
        provideHttpClientTesting(),
        {
          provide: BreakpointObserver,
          useValue: { observe: () => phone.asObservable() },
        },
      ],
    });
    TestBed.inject(AuthStore).setSession(session);
    const fixture = TestBed.createComponent(ShellLayout);
    await fixture.whenStable();
    return { fixture, el: fixture.nativeElement as HTMLElement };
  }

  it('moves focus to the new page heading after a navigation, not on the first page', async () => {
    const { fixture, el } = await render(false);
    const router = TestBed.inject(Router);
    await router.navigateByUrl('/a');
    await fixture.whenStable();
    expect(document.activeElement?.textContent).not.toBe('Page A');
    el.querySelector<HTMLButtonElement>('main button')?.focus();
    await router.navigateByUrl('/b');
    await fixture.whenStable();
    const h1 = el.querySelector('main h1');
    expect(h1?.textContent).toBe('Page B');
    expect(document.activeElement).toBe(h1);
    expect(h1?.getAttribute('tabindex')).toBe('-1');

    // A heading that renders once the page's data has come gets the focus then.
    await router.navigateByUrl('/c');
    await fixture.whenStable();
    expect(document.activeElement).toBe(el.querySelector('main'));
    await new Promise((r) => setTimeout(r, 60));
    await fixture.whenStable();
    expect(document.activeElement?.textContent).toBe('Page C');
  });

  it('has the landmarks, a skip link and the navigation links', async () => {
    const { el } = await render(false);
    expect(el.querySelector('header')?.textContent).toContain('Mezzo');
    // One navigation landmark, named (mat-nav-list is one itself: no <nav> around it).
    const landmarks = el.querySelectorAll('nav, [role="navigation"]');
    expect(landmarks).toHaveLength(1);
    expect(landmarks[0].getAttribute('role')).toBe('navigation');
    expect(landmarks[0].getAttribute('aria-label')).toBe('Main');
    expect(el.querySelector('main#main-content')).not.toBeNull();
    expect(el.querySelector('a.mz-skip-link')?.getAttribute('href')).toBe(
      '#main-content',
    );
    const labels = Array.from(landmarks[0].querySelectorAll('a')).map((a) =>
      a.textContent?.trim(),
    );
    expect(labels).toEqual([
      'Dashboard',
      'Licenses',
      'Credits',
      'Organisations',
      'Settings',
    ]);
  });

  it('on desktop the navigation sits beside the page, without a menu button', async () => {
    const { el } = await render(false);
    expect(el.querySelector('button[aria-label="Open navigation"]')).toBeNull();
    expect(el.querySelector('mat-sidenav')?.classList).toContain(
      'mat-drawer-side',
    );
  });

  it('on a phone the navigation opens from a menu button', async () => {
    const { el, fixture } = await render(true);
    const button = el.querySelector<HTMLButtonElement>(
      'button[aria-label="Open navigation"]',
    );
    expect(button).not.toBeNull();
    expect(el.querySelector('mat-sidenav')?.classList).toContain(
      'mat-drawer-over',
    );
    expect(button?.getAttribute('aria-expanded')).toBe('false');
    button?.click();
    await new Promise((resolve) => setTimeout(resolve)); // the drawer reports its state a task later
    await fixture.whenStable();
    expect(button?.getAttribute('aria-expanded')).toBe('true');
  });

  it('names the account button after the person and signs out from the menu', async () => {
    const { el, fixture } = await render(false);
    const navigateByUrl = jest
      .spyOn(TestBed.inject(Router), 'navigateByUrl')
      .mockResolvedValue(true);
    const account = el.querySelector<HTMLButtonElement>('.mz-account-button');
    expect(account?.getAttribute('aria-label')).toBe(
      'Account: Ada Lovelace (ada@example.com)',
    );
    account?.click();
    await fixture.whenStable();

    const menu = document.querySelector('.mat-mdc-menu-panel');
    expect(menu?.textContent).toContain('ada@example.com');
    expect(
      Array.from(menu?.querySelectorAll('a[mat-menu-item]') ?? []).map((a) =>
        a.getAttribute('href'),
      ),
    ).toEqual([
      '/account',
      '/settings',
      '/invitations',
      '/account/password',
      '/help',
    ]);
    const signOut = Array.from(
      menu?.querySelectorAll<HTMLButtonElement>('button') ?? [],
    ).find((b) => b.textContent?.includes('Sign out'));
    signOut?.click();

    const backend = TestBed.inject(HttpTestingController);
    backend
      .expectOne(AUTH_PATHS.signOut)
      .flush(null, { status: 204, statusText: 'No Content' });
    await fixture.whenStable();
    expect(TestBed.inject(AuthStore).status()).toBe('signed-out');
    expect(navigateByUrl).toHaveBeenCalledWith('/sign-in');
  });

  it('asks before signing out of a page with unsaved input, and stays signed in on no', async () => {
    const { el, fixture } = await render(false);
    await TestBed.inject(Router).navigateByUrl('/form');
    await fixture.whenStable();
    const confirm = jest.spyOn(window, 'confirm').mockReturnValue(false);
    el.querySelector<HTMLButtonElement>('.mz-account-button')?.click();
    await fixture.whenStable();
    Array.from(
      document.querySelectorAll<HTMLButtonElement>(
        '.mat-mdc-menu-panel button',
      ),
    )
      .find((b) => b.textContent?.includes('Sign out'))
      ?.click();
    await fixture.whenStable();
    expect(confirm).toHaveBeenCalled();
    TestBed.inject(HttpTestingController).expectNone(AUTH_PATHS.signOut);
    expect(TestBed.inject(AuthStore).status()).toBe('signed-in');
    confirm.mockRestore();
  });
});
