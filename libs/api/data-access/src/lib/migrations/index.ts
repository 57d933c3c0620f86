import { Initial1763805600000 } from './1763805600000-initial';
import { LicensesCredits1763812800000 } from './1763812800000-licenses-credits';
import { Certificates1763816400000 } from './1763816400000-certificates';
import { Reminders1763820000000 } from './1763820000000-reminders';
import { LicenseRenewalDate1763827200000 } from './1763827200000-license-renewal-date';
import { OrganizationInvitations1763834400000 } from './1763834400000-organization-invitations';
import { EmailChanges1763841600000 } from './1763841600000-email-changes';
import { EmailReverts1763848800000 } from './1763848800000-email-reverts';
import { LicenseActiveUnique1763856000000 } from './1763856000000-license-active-unique';
import { OverdueCycles1763863200000 } from './1763863200000-overdue-cycles';

/** Every migration, in order, as classes (the bundle cannot glob). */
export const MIGRATIONS = [
  Initial1763805600000,
  LicensesCredits1763812800000,
  Certificates1763816400000,
  Reminders1763820000000,
  LicenseRenewalDate1763827200000,
  OrganizationInvitations1763834400000,
  EmailChanges1763841600000,
  EmailReverts1763848800000,
  LicenseActiveUnique1763856000000,
  OverdueCycles1763863200000,
];
