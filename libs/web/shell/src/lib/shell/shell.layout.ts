import { BreakpointObserver } from '@angular/cdk/layout';
import {
  ChangeDetectionStrategy,
  Component,
  DestroyRef,
  ElementRef,
  Injector,
  afterNextRender,
  computed,
  inject,
  signal,
  viewChild,
} from '@angular/core';
import { takeUntilDestroyed, toSignal } from '@angular/core/rxjs-interop';
import { MatButtonModule } from '@angular/material/button';
import { MatListModule } from '@angular/material/list';
import { MatMenuModule } from '@angular/material/menu';
import { MatSidenav, MatSidenavModule } from '@angular/material/sidenav';
import { MatToolbarModule } from '@angular/material/toolbar';
import {
  NavigationEnd,
  Router,
  RouterLink,
  RouterLinkActive,
  RouterOutlet,
} from '@angular/router';
import {
  AuthStore,
  LEAVE_UNSAVED_QUESTION,
  holdsUnsavedChanges,
  warnBeforeUnload,
} from '@mezzo/web-core';
import { Icon, formFieldDefaults, type IconName } from '@mezzo/web-ui';
import { filter, map } from 'rxjs';

/** Below this width the navigation slides over the page instead of sitting beside it. */
export const PHONE_QUERY = '(max-width: 767.98px)';

interface NavLink {
  path: string;
  label: string;
  icon: IconName;
}

function focusHeading(heading: HTMLElement): void {
  if (!heading.hasAttribute('tabindex')) heading.setAttribute('tabindex', '-1');
  heading.focus({ preventScroll: true });
}

@Component({
  selector: 'mz-shell-layout',
  changeDetection: ChangeDetectionStrategy.OnPush,
  host: { '(window:beforeunload)': 'onBeforeUnload($event)' },
  imports: [
    RouterOutlet,
    RouterLink,
    RouterLinkActive,
    MatToolbarModule,
    MatSidenavModule,
    MatListModule,
    MatMenuModule,
    MatButtonModule,
    Icon,
  ],
  // Every page inside the shell inherits it (see formFieldDefaults).
  providers: [formFieldDefaults],
  templateUrl: './shell.layout.html',
  styleUrl: './shell.layout.css',
})
export class ShellLayout {
  private readonly auth = inject(AuthStore);
  private readonly router = inject(Router);
  private readonly destroyRef = inject(DestroyRef);
  private readonly sidenav = viewChild.required(MatSidenav);
  private readonly main = viewChild.required<ElementRef<HTMLElement>>('main');
  private readonly injector = inject(Injector);

  constructor() {
    // After moving to another page (a link, a save, a delete, signing in), focus lands on the new
    // page's heading, as a screen reader user expects, instead of on <body> where the clicked
    // element was. Not on the app's very first page (navigation 1): there the browser's own start
    // (and the skip link) stand.
    this.router.events
      .pipe(
        filter((e): e is NavigationEnd => e instanceof NavigationEnd),
        takeUntilDestroyed(),
      )
      .subscribe((e) => {
        this.stopWaiting();
        if (e.id === 1) return;
        afterNextRender(() => this.focusPage(), { injector: this.injector });
      });
    this.destroyRef.onDestroy(() => this.stopWaiting());
  }

  /** Watches for the heading of a page still loading its data; stopped by the next navigation. */
  private waiting: { observer: MutationObserver; timer: number } | null = null;

  private stopWaiting(): void {
    if (!this.waiting) return;
    this.waiting.observer.disconnect();
    clearTimeout(this.waiting.timer);
    this.waiting = null;
  }

  /**
   * The page's h1, or the main region while the page loads; then the h1 once it appears (within 10
   * seconds), unless the person has moved focus on meanwhile.
   */
  private focusPage(): void {
    const main = this.main().nativeElement;
    // A page that placed focus itself (a form on its first field) keeps it.
    if (
      main.contains(document.activeElement) &&
      document.activeElement !== main
    )
      return;
    const heading = main.querySelector<HTMLElement>('h1');
    if (heading) return focusHeading(heading);
    main.focus({ preventScroll: true });
    const observer = new MutationObserver(() => {
      const late = main.querySelector<HTMLElement>('h1');
      if (!late) return;
      this.stopWaiting();
      if (document.activeElement === main) focusHeading(late);
    });
    observer.observe(main, { childList: true, subtree: true });
    this.waiting = {
      observer,
      timer: window.setTimeout(() => this.stopWaiting(), 10_000),
    };
  }

  protected readonly user = this.auth.user;
  protected readonly navOpen = signal(false);
  protected readonly isPhone = toSignal(
    inject(BreakpointObserver)
      .observe(PHONE_QUERY)
      .pipe(map((state) => state.matches)),
    { initialValue: false },
  );
  protected readonly accountLabel = computed(() => {
    const user = this.user();
    return user ? `Account: ${user.name} (${user.email})` : 'Account';
  });
  protected readonly links: readonly NavLink[] = [
    { path: '/dashboard', label: 'Dashboard', icon: 'dashboard' },
    { path: '/licenses', label: 'Licenses', icon: 'license' },
    { path: '/credits', label: 'Credits', icon: 'credits' },
    {
      path: '/organizations',
      label: 'Organisations',
      icon: 'organization',
    },
    { path: '/settings', label: 'Settings', icon: 'settings' },
  ];

  /** On a phone the drawer covers the page: close it once a link is chosen. */
  protected navigated(): void {
    if (this.isPhone()) void this.sidenav().close();
  }

  /** Moves focus to the page itself, past the toolbar and navigation. */
  protected skipToContent(event: Event, main: HTMLElement): void {
    event.preventDefault();
    main.focus();
  }

  /** The routed page, to ask before signing out of one with unsaved input, or leaving the app. */
  protected page: unknown = null;

  /** A reload, a closed tab or a typed address asks too while the page holds unsaved input. */
  protected onBeforeUnload(event: BeforeUnloadEvent): void {
    warnBeforeUnload(this.page, event);
  }

  protected signOut(): void {
    // Asked here, before the session ends: once signed out, leaving the page is never blocked.
    if (
      holdsUnsavedChanges(this.page) &&
      !window.confirm(LEAVE_UNSAVED_QUESTION)
    )
      return;
    this.auth
      .signOut()
      .pipe(takeUntilDestroyed(this.destroyRef))
      .subscribe(() => void this.router.navigateByUrl('/sign-in'));
  }
}
