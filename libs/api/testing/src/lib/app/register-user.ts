import request from 'supertest';
import type { TestApp } from './test-app';

/** The password every test account is registered with. */
export const TEST_PASSWORD = 'long enough password';

/**
 * Registers `<who>@example.org` (shown as `name`) on a test app that includes AuthModule, checks
 * the 201, and returns the new account's access token.
 */
export async function registerUser(
  t: TestApp,
  who: string,
  name: string = who,
): Promise<string> {
  const res = await request(t.server)
    .post('/api/auth/register')
    .send({ name, email: `${who}@example.org`, password: TEST_PASSWORD })
    .expect(201);
  return res.body.accessToken as string;
}
