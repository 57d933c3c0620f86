import { Initial1763805600000 } from './1763805600000-initial';

/** Every migration, in order, as classes (the bundle cannot glob). */
export const MIGRATIONS = [Initial1763805600000];
