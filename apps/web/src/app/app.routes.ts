import type { Route } from '@angular/router';
import { authGuard, guestGuard } from '@mezzo/web-core';

/**
 * Every page is lazy: the first load carries only the router, HTTP and the session, and a page's
 * code arrives when someone goes there. Guards come from web-core because they are needed up front.
 */
export const appRoutes: Route[] = [
  { path: '', pathMatch: 'full', redirectTo: 'dashboard' },
  {
    path: 'sign-in',
    title: 'Sign in · Mezzo',
    canActivate: [guestGuard],
    loadComponent: () => import('@mezzo/web-auth').then((m) => m.SignInPage),
  },
  {
    path: 'sign-up',
    title: 'Create your account · Mezzo',
    canActivate: [guestGuard],
    loadComponent: () => import('@mezzo/web-auth').then((m) => m.SignUpPage),
  },
  {
    path: 'forgot-password',
    title: 'Reset your password · Mezzo',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('@mezzo/web-auth').then((m) => m.ForgotPasswordPage),
  },
  {
    path: 'reset-password',
    title: 'Choose a new password · Mezzo',
    canActivate: [guestGuard],
    loadComponent: () =>
      import('@mezzo/web-auth').then((m) => m.ResetPasswordPage),
  },
  {
    // Open to anyone, signed in or not: help is most needed when signing in does not work.
    path: 'help',
    loadChildren: () => import('@mezzo/web-account').then((m) => m.HELP_ROUTES),
  },
  {
    // Before the shell, and open to anyone: the "this wasn't me" link goes to the old address.
    path: 'account/email/revert',
    loadChildren: () =>
      import('@mezzo/web-account').then((m) => m.REVERT_EMAIL_ROUTES),
  },
  {
    // Before the shell, and open to anyone: the emailed link may be opened on another device.
    path: 'account/email',
    loadChildren: () =>
      import('@mezzo/web-account').then((m) => m.CONFIRM_EMAIL_ROUTES),
  },
  {
    path: '',
    canActivate: [authGuard],
    loadComponent: () => import('@mezzo/web-shell').then((m) => m.ShellLayout),
    children: [
      {
        path: 'dashboard',
        loadChildren: () =>
          import('@mezzo/web-dashboard').then((m) => m.DASHBOARD_ROUTES),
      },
      {
        path: 'licenses',
        loadChildren: () =>
          import('@mezzo/web-licenses').then((m) => m.LICENSES_ROUTES),
      },
      {
        path: 'credits',
        loadChildren: () =>
          import('@mezzo/web-credits').then((m) => m.CREDITS_ROUTES),
      },
      {
        path: 'account/password',
        title: 'Change password · Mezzo',
        loadComponent: () =>
          import('@mezzo/web-auth').then((m) => m.ChangePasswordPage),
      },
      {
        path: 'account',
        loadChildren: () =>
          import('@mezzo/web-account').then((m) => m.ACCOUNT_ROUTES),
      },
      {
        path: 'settings',
        loadChildren: () =>
          import('@mezzo/web-account').then((m) => m.SETTINGS_ROUTES),
      },
      {
        path: 'organizations',
        loadChildren: () =>
          import('@mezzo/web-organizations').then(
            (m) => m.ORGANIZATIONS_ROUTES,
          ),
      },
      {
        path: 'invitations',
        loadChildren: () =>
          import('@mezzo/web-account').then((m) => m.INVITATIONS_ROUTES),
      },
    ],
  },
  {
    path: '**',
    title: 'Page not found · Mezzo',
    loadComponent: () => import('@mezzo/web-ui').then((m) => m.NotFoundPage),
  },
];
