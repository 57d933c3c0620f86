import type { Route } from '@angular/router';

/** Mounted under `settings` by the app (lazy). */
export const SETTINGS_ROUTES: Route[] = [
  {
    path: '',
    title: 'Settings · Mezzo',
    loadComponent: () =>
      import('./settings/settings.page').then((m) => m.SettingsPage),
  },
];

/** Mounted under `account` by the app (lazy); `account/password` stays with web-auth. */
export const ACCOUNT_ROUTES: Route[] = [
  {
    path: '',
    title: 'Your account · Mezzo',
    loadComponent: () =>
      import('./account/account.page').then((m) => m.AccountPage),
  },
];

/** Mounted under `invitations` by the app (lazy); the invitation email links here. */
export const INVITATIONS_ROUTES: Route[] = [
  {
    path: '',
    title: 'Invitations · Mezzo',
    loadComponent: () =>
      import('./invitations/invitations.page').then((m) => m.InvitationsPage),
  },
];
