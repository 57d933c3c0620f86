import type { SessionResponse } from '@mezzo/shared-contracts';

/** A signed-in session for specs (`@mezzo/web-core/testing`; not in the library's index). */
export const TEST_SESSION: SessionResponse = {
  user: {
    id: 'u1',
    name: 'Ada Lovelace',
    email: 'ada@example.com',
    isPlatformAdmin: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    memberships: [],
  },
  accessToken: 'tok',
  expiresIn: 900,
};
