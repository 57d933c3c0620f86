import type { Route } from '@angular/router';
import { confirmLeavingUnsaved } from '@mezzo/web-core';

/** Mounted under `credits` by the app (lazy); each page is its own chunk. */
export const CREDITS_ROUTES: Route[] = [
  {
    path: '',
    title: 'Credits · Mezzo',
    loadComponent: () =>
      import('./list/credits-list.page').then((m) => m.CreditsListPage),
  },
  {
    path: 'new',
    title: 'Log a credit · Mezzo',
    loadComponent: () =>
      import('./form/credit-form.page').then((m) => m.CreditFormPage),
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':id/edit',
    title: 'Edit credit · Mezzo',
    loadComponent: () =>
      import('./form/credit-form.page').then((m) => m.CreditFormPage),
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':id/history',
    title: 'Credit history · Mezzo',
    loadComponent: () =>
      import('./history/credit-history.page').then((m) => m.CreditHistoryPage),
  },
];
