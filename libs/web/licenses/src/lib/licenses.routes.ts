import type { Route } from '@angular/router';
import { confirmLeavingUnsaved } from '@mezzo/web-core';

/** Mounted under `licenses` by the app (lazy); each page is its own chunk. */
export const LICENSES_ROUTES: Route[] = [
  {
    path: '',
    title: 'Licenses · Mezzo',
    loadComponent: () =>
      import('./list/licenses-list.page').then((m) => m.LicensesListPage),
  },
  {
    path: 'new',
    title: 'Add a license · Mezzo',
    loadComponent: () =>
      import('./form/license-form.page').then((m) => m.LicenseFormPage),
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':id/edit',
    title: 'Edit license · Mezzo',
    loadComponent: () =>
      import('./form/license-form.page').then((m) => m.LicenseFormPage),
    canDeactivate: [confirmLeavingUnsaved],
  },
  {
    path: ':id',
    title: 'License · Mezzo',
    loadComponent: () =>
      import('./compliance/license-compliance.page').then(
        (m) => m.LicenseCompliancePage,
      ),
  },
];
