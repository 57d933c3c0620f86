import type { INestApplication } from '@nestjs/common';
import { hashPassword } from '@mezzo/api-auth';
import {
  CreditsRepository,
  LicensesRepository,
  OrganizationsRepository,
  UsersRepository,
  type CreditFields,
} from '@mezzo/api-data-access';
import { todayIso } from '@mezzo/api-core';
import { evaluate } from '@mezzo/compliance-engine';
import { findLicenseType } from '@mezzo/compliance-rules';

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
  // Completion dates inside both licenses' current cycles whatever day the demo is seeded, so the
  // demo shows counted hours rather than a log that has fallen out of its cycle.
  const on = demoDates(
    [
      { jurisdiction: 'NJ', licenseType: 'LCSW', issuedOn: '2016-06-15' },
      { jurisdiction: 'NY', licenseType: 'LCSW', issuedOn: '2019-09-01' },
    ],
    todayIso(),
  );
  const base = {
    provider: 'Garden State CE',
    topics: [] as string[],
    macroAreas: [] as string[],
    // Approved by ASWB ACE and by the New York State Education Department, as many courses are.
    approvals: [
      { body: 'ACE', number: '1234' },
      { body: 'NYSED', number: '0456' },
    ],
  };
  const log: CreditFields[] = [
    {
      ...base,
      title: 'Trauma-informed CBT',
      completedOn: on(0.1),
      hours: 6,
      format: 'live-in-person',
      practiceClinical: 6,
      practiceMacro: 0,
      practiceGeneral: 0,
    },
    {
      ...base,
      title: 'Ethics in clinical supervision',
      completedOn: on(0.25),
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
      completedOn: on(0.45),
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
      completedOn: on(0.7),
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
      completedOn: on(0.9),
      hours: 1.5,
      format: 'live-online',
      macroAreas: ['policy-advocacy'],
      practiceClinical: 0,
      practiceMacro: 1.5,
      practiceGeneral: 0,
      approvals: [{ body: 'NASW', number: '886' }],
    },
  ];
  for (const fields of log) await credits.create(userId, fields, actor);
}

/**
 * A date at `share` (0–1) of the way from the latest start of the licenses' current cycles to
 * yesterday (today when the cycles began today): every demo credit then lies in every cycle.
 */
export function demoDates(
  licenses: { jurisdiction: string; licenseType: string; issuedOn: string }[],
  today: string,
): (share: number) => string {
  let start = '0000-01-01';
  for (const l of licenses) {
    const rules = findLicenseType(l.jurisdiction, l.licenseType);
    if (!rules)
      throw new Error(`No rules for ${l.jurisdiction} ${l.licenseType}`);
    const cycle = evaluate(
      {
        jurisdiction: rules.jurisdiction.jurisdiction,
        licenseType: rules.licenseType,
      },
      {
        jurisdiction: l.jurisdiction,
        licenseType: l.licenseType,
        license: { issuedOn: l.issuedOn },
        asOf: today,
        credits: [],
      },
    ).cycle;
    if (cycle.start > start) start = cycle.start;
  }
  const day = 86_400_000;
  const from = Date.parse(`${start}T00:00:00Z`);
  const to = Math.max(from, Date.parse(`${today}T00:00:00Z`) - day);
  return (share) =>
    new Date(from + Math.round(((to - from) / day) * share) * day)
      .toISOString()
      .slice(0, 10);
}
