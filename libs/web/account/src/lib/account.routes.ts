import type { Route } from '@angular/router';
import { confirmLeavingUnsaved } from '@mezzo/web-core';

/** Mounted under `settings` by the app (lazy). */
export const SETTINGS_ROUTES: Route[] = [
  {
    path: '',
    title: 'Settings · Mezzo',
    loadComponent: () =>
      import('./settings/settings.page').then((m) => m.SettingsPage),
    canDeactivate: [confirmLeavingUnsaved],
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

/**
 * Mounted under `account/email` by the app (lazy), outside the signed-in shell and without a
 * guard: the email-change link may be opened where nobody is signed in.
 */
export const CONFIRM_EMAIL_ROUTES: Route[] = [
  {
    path: '',
    title: 'Confirm your new email · Mezzo',
    loadComponent: () =>
      import('./confirm-email/confirm-email.page').then(
        (m) => m.ConfirmEmailPage,
      ),
  },
];

/**
 * Mounted under `account/email/revert` by the app (lazy), outside the signed-in shell and without
 * a guard: the "this wasn't me" link goes to the old address, read wherever its owner reads mail,
 * and whoever changed the email may hold every session.
 */
export const REVERT_EMAIL_ROUTES: Route[] = [
  {
    path: '',
    title: 'Undo the change of your sign-in email · Mezzo',
    loadComponent: () =>
      import('./revert-email/revert-email.page').then((m) => m.RevertEmailPage),
  },
];

/** Mounted under `help` by the app (lazy), outside the shell and open to anyone. */
export const HELP_ROUTES: Route[] = [
  {
    path: '',
    title: 'Help · Mezzo',
    loadComponent: () => import('./help/help.page').then((m) => m.HelpPage),
  },
];
