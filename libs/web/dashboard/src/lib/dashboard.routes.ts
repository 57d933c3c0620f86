import type { Route } from '@angular/router';

/** Mounted under `dashboard` by the app (lazy). */
export const DASHBOARD_ROUTES: Route[] = [
  {
    path: '',
    title: 'Dashboard · Mezzo',
    loadComponent: () =>
      import('./dashboard/dashboard.page').then((m) => m.LicenseeDashboardPage),
  },
];
