import type { INestApplication } from '@nestjs/common';
import { hashPassword } from '@mezzo/api-auth';
import {
  OrganizationsRepository,
  UsersRepository,
} from '@mezzo/api-data-access';

/** Demo logins printed by `npm start`. Local use only: never seeded in production. */
export const DEMO_PASSWORD = 'mezzo-demo-2026';
export const DEMO_ACCOUNTS = [
  {
    email: 'licensee@demo.mezzo.test',
    name: 'Dana Licensee',
    role: 'licensee (LCSW in NJ and NY)',
  },
  {
    email: 'provider@demo.mezzo.test',
    name: 'Priya Provider',
    role: 'owner of CE provider "Garden State CE"',
  },
  {
    email: 'association@demo.mezzo.test',
    name: 'Amir Association',
    role: 'owner of association "NASW-NJ (demo)"',
  },
  { email: 'admin@demo.mezzo.test', name: 'Ada Admin', role: 'platform admin' },
] as const;

/** Creates the demo accounts and organisations that are missing; running it again changes nothing. */
export async function seedDemo(
  app: INestApplication,
): Promise<{ created: number }> {
  const users = app.get(UsersRepository);
  const organizations = app.get(OrganizationsRepository);
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  let created = 0;
  for (const account of DEMO_ACCOUNTS) {
    if (await users.findByEmail(account.email)) continue;
    const user = await users.create({
      email: account.email,
      name: account.name,
      passwordHash,
      isPlatformAdmin: account.email.startsWith('admin@'),
    });
    if (!user) continue;
    created += 1;
    if (account.email.startsWith('provider@'))
      await organizations.createWithOwner({
        name: 'Garden State CE',
        kind: 'provider',
        ownerId: user.id,
      });
    if (account.email.startsWith('association@'))
      await organizations.createWithOwner({
        name: 'NASW-NJ (demo)',
        kind: 'association',
        ownerId: user.id,
      });
  }
  return { created };
}
