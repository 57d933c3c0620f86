import type { INestApplication } from '@nestjs/common';
import { hashPassword } from '@mezzo/api-auth';
import {
  CreditsRepository,
  LicensesRepository,
  OrganizationsRepository,
  UsersRepository,
  type CreditFields,
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
    if (account.email.startsWith('licensee@'))
      await seedLicensee(app, user.id, user.name);
    if (account.email.startsWith('association@'))
      await organizations.createWithOwner({
        name: 'NASW-NJ (demo)',
        kind: 'association',
        ownerId: user.id,
      });
  }
  return { created };
}

/** Two licenses and a realistic, clinically heavy credit log: the advocacy balance shows "thin". */
async function seedLicensee(
  app: INestApplication,
  userId: string,
  name: string,
): Promise<void> {
  const licenses = app.get(LicensesRepository);
  const credits = app.get(CreditsRepository);
  await licenses.create(userId, {
    jurisdiction: 'NJ',
    licenseType: 'LCSW',
    number: '44SC05551234',
    issuedOn: '2016-06-15',
    birthDate: null,
    renewsOn: null,
    roles: [],
  });
  await licenses.create(userId, {
    jurisdiction: 'NY',
    licenseType: 'LCSW',
    number: '091234',
    issuedOn: '2019-09-01',
    birthDate: null,
    renewsOn: null,
    roles: ['supervisor'],
  });
  const actor = { id: userId, name };
  const base = {
    provider: 'Garden State CE',
    topics: [] as string[],
    macroAreas: [] as string[],
    approvals: [{ body: 'ACE', number: '1234' }],
  };
  const log: CreditFields[] = [
    {
      ...base,
      title: 'Trauma-informed CBT',
      completedOn: '2025-01-18',
      hours: 6,
      format: 'live-in-person',
      practiceClinical: 6,
      practiceMacro: 0,
      practiceGeneral: 0,
    },
    {
      ...base,
      title: 'Ethics in clinical supervision',
      completedOn: '2025-03-07',
      hours: 5,
      format: 'live-online',
      topics: ['ethics'],
      practiceClinical: 3,
      practiceMacro: 0,
      practiceGeneral: 2,
    },
    {
      ...base,
      title: 'Cultural humility in practice',
      completedOn: '2025-06-12',
      hours: 3,
      format: 'self-study',
      topics: ['cultural-competence'],
      practiceClinical: 0,
      practiceMacro: 0,
      practiceGeneral: 3,
    },
    {
      ...base,
      title: 'Motivational interviewing',
      completedOn: '2025-09-20',
      hours: 8,
      format: 'live-online',
      practiceClinical: 8,
      practiceMacro: 0,
      practiceGeneral: 0,
    },
    {
      ...base,
      provider: 'NASW-NJ',
      title: 'Testifying on state budget bills',
      completedOn: '2026-02-03',
      hours: 1.5,
      format: 'live-online',
      macroAreas: ['policy-advocacy'],
      practiceClinical: 0,
      practiceMacro: 1.5,
      practiceGeneral: 0,
    },
  ];
  for (const fields of log) await credits.create(userId, fields, actor);
}
