import type { ValueTransformer } from 'typeorm';

/** PostgreSQL numeric arrives as a string (exact decimal); hours are small, so a JS number is exact enough at 2 dp. */
export const numeric: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null ? null : Number(value)),
};
