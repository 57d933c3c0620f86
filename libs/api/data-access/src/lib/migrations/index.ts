import { Initial1763805600000 } from './1763805600000-initial';
import { LicensesCredits1763812800000 } from './1763812800000-licenses-credits';

/** Every migration, in order, as classes (the bundle cannot glob). */
export const MIGRATIONS = [Initial1763805600000, LicensesCredits1763812800000];
