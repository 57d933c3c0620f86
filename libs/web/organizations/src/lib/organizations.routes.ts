import type { Route } from '@angular/router';
import { confirmLeavingUnsaved } from '@mezzo/web-core';

/** Mounted under `organizations` by the app (lazy); each page is its own chunk. */
export const ORGANIZATIONS_ROUTES: Route[] = [
  {
    path: '',
    title: 'Organisations · Mezzo',
    loadComponent: () =>
      import('./list/organizations-list.page').then(
        (m) => m.OrganizationsListPage,
      ),
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':id',
    title: 'Organisation · Mezzo',
    loadComponent: () =>
      import('./detail/organization.page').then((m) => m.OrganizationPage),
    canDeactivate: [confirmLeavingUnsaved],
  },
];
