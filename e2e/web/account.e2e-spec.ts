import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  openPhoneBrowser,
  signUpInBrowser,
  webBaseUrl,
  newPerson,
} from '../src/support/browser';
import { waitForMail } from '../src/support/outbox';

/**
 * Settings and the account in a real browser, against the built web app served by the API
 * (E2E_BASE_URL): a new person sets their advocacy floor and reminder emails (kept across a
 * reload), makes a private calendar feed (fetched without a session) and turns it off, downloads
 * all their data, changes their sign-in email through the link mailed to the new address (the
 * account page still shows the change waiting after a reload; the link is opened on another
 * device), undoes that change from the "this wasn't me" link sent to the old address (in a browser
 * with no session: every session ends, the password is replaced through the emailed link), and
 * deletes the account (a wrong password first), after which they cannot sign in.
 */
const baseUrl = webBaseUrl;
const TIMEOUT = 60_000;

describe('settings and the account in the browser', () => {
  let browser: Browser;
  let page: Page;

  const { unique, person } = newPerson('Jordan Malik', 'jordan');
  /** The notice of the change, to the address before it; the next step undoes it from there. */
  let changedNotice: {
    oldEmail: string;
    newEmail: string;
    text: string;
  } | null = null;

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it(
    'signs up and finds Settings and the account in the account menu',
    async () => {
      await signUpInBrowser(page, person);
      await page
        .getByRole('button', {
          name: `Account: ${person.name} (${person.email})`,
        })
        .click();
      await page.getByRole('menuitem', { name: 'Settings' }).click();
      await page.waitForURL('**/settings');
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    },
    TIMEOUT,
  );

  it(
    'saves the advocacy floor and reminder switches, and keeps them across a reload',
    async () => {
      await page.getByLabel('Advocacy floor').fill('25');
      await page.getByRole('switch', { name: 'Advocacy notice' }).click();
      await page.getByRole('button', { name: 'Save settings' }).click();
      await page.getByText('Your settings are saved.').waitFor();

      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      await page.getByRole('switch', { name: 'Deadline reminders' }).waitFor();
      expect(await page.getByLabel('Advocacy floor').inputValue()).toBe('25');
      expect(
        await page
          .getByRole('switch', { name: 'Advocacy notice' })
          .getAttribute('aria-checked'),
      ).toBe('false');
      expect(
        await page
          .getByRole('switch', { name: 'Deadline reminders' })
          .getAttribute('aria-checked'),
      ).toBe('true');
    },
    TIMEOUT,
  );

  it(
    'makes a private calendar feed that works without a session, then turns it off',
    async () => {
      await page.getByRole('button', { name: 'Create a feed URL' }).click();
      const url = await page.getByLabel('Your feed URL').inputValue();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: resolve(SCREENSHOTS, 'settings-phone.png'),
      });
      expect(url).toMatch(/^http.*\/api\/calendar\/[^/]+\.ics$/);
      const feed = await fetch(url);
      expect(feed.status).toBe(200);
      expect(feed.headers.get('content-type')).toContain('text/calendar');
      expect(await feed.text()).toContain('BEGIN:VCALENDAR');

      await page.getByRole('button', { name: 'Turn the feed off' }).click();
      await page.getByText('No feed yet.').waitFor();
      expect((await fetch(url)).status).toBe(404);
    },
    TIMEOUT,
  );

  it(
    'downloads all my data as JSON from the account page',
    async () => {
      await page.goto(`${baseUrl}/account`);
      await page
        .getByRole('heading', { level: 1, name: 'Your account' })
        .waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: 'Download all my data' }).click(),
      ]);
      expect(download.suggestedFilename()).toBe('mezzo-export.json');
      const data = JSON.parse(readFileSync(await download.path(), 'utf8')) as {
        user: { email: string };
        settings: { advocacyFloorPercent: number | null };
      };
      expect(data.user.email).toBe(person.email);
    },
    TIMEOUT,
  );

  it(
    'changes the sign-in email through the link mailed to the new address, opened on another device',
    async () => {
      const oldEmail = person.email;
      const newEmail = `jordan.new.${unique}@example.com`;
      const card = page.getByRole('region', { name: 'Your sign-in email' });
      await card.getByLabel('New email').fill(newEmail);
      await card.getByLabel('Current password').fill('not my password');
      await card
        .getByRole('button', { name: 'Send confirmation link' })
        .click();
      await card.getByText('That password is not correct.').waitFor();

      await card.getByLabel('Current password').fill(person.password);
      await card
        .getByRole('button', { name: 'Send confirmation link' })
        .click();
      await card.getByRole('status').getByText(newEmail).waitFor();
      expect(await card.getByRole('status').textContent()).toContain(
        `until then, sign in with ${oldEmail}`,
      );

      // A reload still shows the change waiting for its link, with a way to cancel it.
      await page.reload();
      await card
        .getByText(`A confirmation link was sent to ${newEmail}; it expires at`)
        .waitFor();
      await card.getByRole('button', { name: 'Cancel this change' }).waitFor();

      const mail = await waitForMail(
        newEmail,
        'Confirm your new Mezzo sign-in email',
      );
      const link = /(http\S+\/account\/email\?token=[A-Za-z0-9_-]+)/.exec(
        mail.text,
      )?.[1];
      expect(link?.startsWith(baseUrl)).toBe(true);

      // Another device: a browser where nobody is signed in.
      const other = await browser.newContext({
        viewport: { width: 390, height: 844 },
      });
      try {
        const elsewhere = await other.newPage();
        elsewhere.setDefaultTimeout(TIMEOUT / 3);
        await elsewhere.goto(link!);
        await elsewhere
          .getByText(`Your sign-in email is now ${newEmail}.`)
          .waitFor();
        expect(elsewhere.url()).not.toContain('token=');
        await elsewhere.getByRole('link', { name: 'Sign in' }).click();
        await elsewhere.getByLabel('Email').fill(newEmail);
        await elsewhere
          .getByLabel('Password', { exact: true })
          .fill(person.password);
        await elsewhere.getByRole('button', { name: 'Sign in' }).click();
        await elsewhere.waitForURL('**/dashboard');
      } finally {
        await other.close();
      }

      const told = await waitForMail(
        oldEmail,
        'Your Mezzo sign-in email was changed',
      );
      expect(told.text).toContain(
        `Your Mezzo sign-in email was changed to ${newEmail}.`,
      );
      const oldSignIn = await fetch(`${baseUrl}/api/auth/sign-in`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: JSON.stringify({ email: oldEmail, password: person.password }),
      });
      expect(oldSignIn.status).toBe(401);

      // Here, still signed in, the account page shows the new address.
      await page.reload();
      await page
        .getByRole('region', { name: 'Signed in as' })
        .getByText(newEmail)
        .waitFor();
      person.email = newEmail;
      changedNotice = { oldEmail, newEmail, text: told.text };
    },
    TIMEOUT,
  );

  it(
    'undoes the change from the link sent to the old address, signing out everywhere, and sets a new password',
    async () => {
      expect(changedNotice).not.toBeNull();
      const { oldEmail, newEmail, text } = changedNotice!;
      const signInWith = (email: string, password: string) =>
        fetch(`${baseUrl}/api/auth/sign-in`, {
          method: 'POST',
          headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ email, password }),
        });
      expect(text).toContain("If this wasn't you");
      const link =
        /(http\S+\/account\/email\/revert\?token=[A-Za-z0-9_-]+)/.exec(
          text,
        )?.[1];
      expect(link?.startsWith(baseUrl)).toBe(true);

      // The owner reads the notice in a browser where nobody is signed in.
      const other = await browser.newContext({
        viewport: { width: 390, height: 844 },
      });
      try {
        const owner = await other.newPage();
        owner.setDefaultTimeout(TIMEOUT / 3);
        await owner.goto(link!);
        await owner
          .getByRole('heading', {
            level: 1,
            name: 'Undo the change of your sign-in email',
          })
          .waitFor();
        expect(owner.url()).not.toContain('token=');
        // Opening the link changed nothing: the new address still signs in.
        expect((await signInWith(newEmail, person.password)).status).toBe(200);

        await owner.getByRole('button', { name: 'Undo this change' }).click();
        await owner
          .getByRole('status')
          .getByText(
            `Your sign-in email is ${oldEmail} again. We signed you out everywhere and sent a link to ${oldEmail} to set a new password.`,
          )
          .waitFor();
        expect(
          await owner.evaluate(() => document.activeElement?.className),
        ).toContain('mz-outcome');

        // Neither address signs in with the password the taker knew.
        expect((await signInWith(newEmail, person.password)).status).toBe(401);
        expect((await signInWith(oldEmail, person.password)).status).toBe(401);

        // The restored address got a link to choose a new password; it signs in with that.
        const mail = await waitForMail(oldEmail, 'Choose a new Mezzo password');
        const reset = /(http\S+\/reset-password\?token=[A-Za-z0-9_-]+)/.exec(
          mail.text,
        )?.[1];
        expect(reset?.startsWith(baseUrl)).toBe(true);
        person.password = 'my own passphrase once more';
        await owner.goto(reset!);
        await owner
          .getByLabel('New password', { exact: true })
          .fill(person.password);
        await owner.getByRole('button', { name: 'Save new password' }).click();
        await owner.waitForURL('**/sign-in**');
        await owner.getByLabel('Email').fill(oldEmail);
        await owner
          .getByLabel('Password', { exact: true })
          .fill(person.password);
        await owner.getByRole('button', { name: 'Sign in' }).click();
        await owner.waitForURL('**/dashboard');
      } finally {
        await other.close();
      }
      person.email = oldEmail;

      // The device that was signed in all along has been signed out.
      await page.goto(`${baseUrl}/account`);
      await page.waitForURL('**/sign-in**');
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page.waitForURL('**/account');
      await page
        .getByRole('region', { name: 'Signed in as' })
        .getByText(oldEmail)
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'refuses a wrong password, then deletes the account for good',
    async () => {
      await page.screenshot({
        path: resolve(SCREENSHOTS, 'account-phone.png'),
      });
      const form = page.getByRole('region', { name: 'Delete your account' });
      await form.getByLabel('Your password').fill('not my password');
      await form.getByRole('checkbox', { name: /I understand/ }).check();
      await form.getByRole('button', { name: 'Delete my account' }).click();
      await form.getByText('That password is not correct.').waitFor();

      await form.getByLabel('Your password').fill(person.password);
      await form.getByRole('button', { name: 'Delete my account' }).click();
      await page.waitForURL('**/sign-in**');
      await page
        .getByText('Your account and everything in it are deleted.')
        .waitFor();

      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Sign in' }).click();
      await page
        .getByRole('alert')
        .getByText('The email or password is not correct.')
        .waitFor();
    },
    TIMEOUT,
  );
});
