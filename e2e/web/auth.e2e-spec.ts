import type { Browser, Page } from 'playwright-core';
import {
  openPhoneBrowser,
  webBaseUrl,
  newPerson,
} from '../src/support/browser';

/**
 * Accounts in a real browser, against the built web app served by the API (E2E_BASE_URL).
 * Sign up a new person, see the shell with their name, sign out, sign in again, change the
 * password without a hitch, and be signed out when the account signs out everywhere from another
 * device.
 */
const baseUrl = webBaseUrl;
const TIMEOUT = 60_000;

describe('accounts in the browser', () => {
  let browser: Browser;
  let page: Page;

  const { person } = newPerson('Casey Rivera', 'casey');

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  async function expectShellFor(name: string): Promise<void> {
    await page.waitForURL('**/dashboard');
    await page.getByRole('banner').getByText('Mezzo').waitFor();
    // On a phone the navigation sits in a closed drawer: present, not visible.
    await page
      .getByRole('navigation', { name: 'Main', includeHidden: true })
      .waitFor({ state: 'attached' });
    // The shell greets the person by name, and the account button carries name and email.
    await page
      .getByRole('heading', { level: 1, name: new RegExp(name.split(' ')[0]) })
      .waitFor();
    await page
      .getByRole('button', { name: `Account: ${name} (${person.email})` })
      .waitFor();
  }

  it(
    'signs up a new person and shows the shell with their name',
    async () => {
      // A visitor who is not signed in causes no refused request and no console error.
      const problems: string[] = [];
      const onConsole = (m: { type(): string; text(): string }) => {
        if (m.type() === 'error') problems.push(`console: ${m.text()}`);
      };
      const onResponse = (r: { status(): number; url(): string }) => {
        if (r.status() >= 400) problems.push(`${r.status()} ${r.url()}`);
      };
      page.on('console', onConsole);
      page.on('response', onResponse);
      await page.goto(`${baseUrl}/`);
      await page.waitForURL('**/sign-in**');
      await page.getByRole('heading', { name: /sign in/i }).waitFor();
      page.off('console', onConsole);
      page.off('response', onResponse);
      expect(problems).toEqual([]);
      await page.goto(`${baseUrl}/`);
      // Signed out: the app sends you to sign in, from where you can create an account.
      await page.waitForURL('**/sign-in**');
      await page.getByRole('link', { name: 'Create an account' }).click();
      await page.waitForURL('**/sign-up**');

      await page.getByLabel('Full name').fill(person.name);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Create account' }).click();

      await expectShellFor(person.name);
    },
    TIMEOUT,
  );

  it(
    'keeps the session across a reload',
    async () => {
      await page.reload();
      await expectShellFor(person.name);
    },
    TIMEOUT,
  );

  it(
    'signs out from the account menu',
    async () => {
      await page
        .getByRole('button', {
          name: `Account: ${person.name} (${person.email})`,
        })
        .click();
      await page.getByRole('menuitem', { name: 'Sign out' }).click();
      await page.waitForURL('**/sign-in**');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();

      // The session is really over: the dashboard sends you back to sign in.
      await page.goto(`${baseUrl}/dashboard`);
      await page.waitForURL('**/sign-in?returnUrl=%2Fdashboard');
    },
    TIMEOUT,
  );

  it(
    'refuses a wrong password with a readable message',
    async () => {
      await page.getByLabel('Email').fill(person.email);
      await page
        .getByLabel('Password', { exact: true })
        .fill('not the password at all');
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .getByText('The email or password is not correct.')
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'signs in again and shows the shell',
    async () => {
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await expectShellFor(person.name);
    },
    TIMEOUT,
  );

  it(
    'changes the password and keeps working on this device, with no refused request',
    async () => {
      const refused: string[] = [];
      const onResponse = (res: { status(): number; url(): string }) => {
        if (res.status() === 401) refused.push(res.url());
      };
      page.on('response', onResponse);
      try {
        await page.goto(`${baseUrl}/account/password`);
        await page
          .getByRole('textbox', { name: 'Current password' })
          .fill(person.password);
        const next = 'a different and equally long passphrase';
        await page.getByRole('textbox', { name: 'New password' }).fill(next);
        await page.getByRole('button', { name: 'Change password' }).click();
        await page.getByText('Your password was changed').waitFor();
        person.password = next;
        // The server ended the old session: the page took the new one at once, so opening
        // Settings (an API call) neither bounces to sign-in nor meets a 401 first.
        await page
          .getByRole('button', {
            name: `Account: ${person.name} (${person.email})`,
          })
          .click();
        await page.getByRole('menuitem', { name: 'Settings' }).click();
        await page
          .getByRole('heading', { level: 1, name: 'Settings' })
          .waitFor();
        expect(page.url()).toMatch(/\/settings$/);
        expect(refused).toEqual([]);
        // Back to the dashboard (a reload restores the new session from its cookie).
        await page.goto(`${baseUrl}/dashboard`);
        await expectShellFor(person.name);
      } finally {
        page.off('response', onResponse);
      }
    },
    TIMEOUT,
  );

  it(
    'signs this device out at its next request when the account signs out everywhere elsewhere',
    async () => {
      // Another device signs in and chooses "Sign out everywhere" (through the API).
      const signIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({
          email: person.email,
          password: person.password,
        }),
      });
      expect(signIn.status).toBe(200);
      const { accessToken } = (await signIn.json()) as { accessToken: string };
      const out = await fetch(`${baseUrl}/api/auth/sign-out-everywhere`, {
        method: 'POST',
        headers: { authorization: `Bearer ${accessToken}` },
      });
      expect(out.status).toBe(204);
      // This device has not reloaded: its access token is still in memory, and its next request
      // (opening Settings loads them) is refused, so it goes to the sign-in page.
      await page
        .getByRole('button', {
          name: `Account: ${person.name} (${person.email})`,
        })
        .click();
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.waitForURL('**/sign-in**');
      await page.getByRole('heading', { level: 1, name: 'Sign in' }).waitFor();
    },
    TIMEOUT,
  );
});
