import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  openPhoneBrowser,
  signUpInBrowser,
  newPerson,
} from '../src/support/browser';
import { outbox } from '../src/support/outbox';

/**
 * Managing an organisation in a real browser at phone width, against the built web app served by
 * the API (E2E_BASE_URL): a new person finds Organisations in the navigation (none yet), creates
 * one (an empty form is refused first), invites an email (an invalid one is refused next to the
 * field), sees the invitation listed and mailed, and withdraws it after confirming.
 */
const TIMEOUT = 60_000;

describe('organisations in the browser', () => {
  let browser: Browser;
  let page: Page;

  const { unique, person } = newPerson('Olu Owner', 'olu');
  const orgName = `South Jersey Clinicians ${unique.slice(-4)}`;
  const invitee = `sam.${unique}@example.com`;

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it(
    'signs up and finds Organisations in the navigation, with none yet',
    async () => {
      await signUpInBrowser(page, person);
      await page.getByRole('button', { name: 'Open navigation' }).click();
      await page
        .getByRole('navigation', { name: 'Main' })
        .getByRole('link', { name: 'Organisations' })
        .click();
      await page.waitForURL('**/organizations');
      await page
        .getByRole('heading', { level: 1, name: 'Organisations' })
        .waitFor();
      await page
        .getByText('You do not belong to any organisation yet.')
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'creates an organisation after an empty form is refused, and lands on its page',
    async () => {
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await page.getByText('Enter the organisation’s name.').waitFor();
      await page.getByLabel('Organisation name').fill(orgName);
      await page.getByRole('combobox', { name: 'Kind' }).click();
      await page.getByRole('option', { name: 'Association' }).click();
      await page.getByRole('button', { name: 'Create organisation' }).click();
      await page.waitForURL(/\/organizations\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
      await page.getByText('Association · Your role: Owner').waitFor();
      const members = page.getByRole('table');
      await members.getByText(`${person.name} (you)`).waitFor();
      await page.getByText('No open invitations.').waitFor();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: resolve(SCREENSHOTS, 'organization-members-phone.png'),
      });
    },
    TIMEOUT,
  );

  it(
    'invites an email (an invalid one refused next to the field) and lists the invitation',
    async () => {
      const email = page.getByRole('textbox', { name: 'Email' });
      await email.fill('not-an-email');
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByText('Enter an email address like name@example.com.')
        .waitFor();
      await email.fill(invitee);
      await page.getByRole('combobox', { name: 'Role', exact: true }).click();
      await page.getByRole('option', { name: 'Admin' }).click();
      await page.getByRole('button', { name: 'Send invitation' }).click();
      await page
        .getByRole('status')
        .getByText(`Invitation sent to ${invitee} to join as admin.`)
        .waitFor();
      const listed = page
        .getByRole('list', { name: 'Open invitations' })
        .getByRole('listitem');
      await listed.filter({ hasText: invitee }).waitFor();
      expect(await listed.count()).toBe(1);
      expect(await listed.first().textContent()).toContain('Admin');
      expect(outbox().some((m) => m.to.includes(invitee))).toBe(true);
      await page.screenshot({
        path: resolve(SCREENSHOTS, 'organization-invitations-phone.png'),
      });
    },
    TIMEOUT,
  );

  it(
    'withdraws the invitation after confirming, and it stays gone after a reload',
    async () => {
      await page
        .getByRole('button', { name: `Withdraw the invitation to ${invitee}` })
        .click();
      const dialog = page.getByRole('dialog', {
        name: `Withdraw the invitation to ${invitee}?`,
      });
      await dialog.getByRole('button', { name: 'Withdraw invitation' }).click();
      await page
        .getByRole('status')
        .getByText(`The invitation to ${invitee} was withdrawn.`)
        .waitFor();
      await page.getByText('No open invitations.').waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: orgName }).waitFor();
      await page.getByText('No open invitations.').waitFor();
      expect(await page.getByText(invitee).count()).toBe(0);
    },
    TIMEOUT,
  );
});
