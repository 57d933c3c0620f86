import { resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { call } from './http';

/** The built product under test, started by the e2e global setup. */
export const webBaseUrl =
  process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';

/**
 * Where browser suites write screenshots: the git-ignored test-results/ in ordinary runs, so a test
 * run never changes tracked files; docs/screenshots (the README's) with UPDATE_SCREENSHOTS=1.
 */
export const SCREENSHOTS = resolve(
  __dirname,
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? '../../../docs/screenshots'
    : '../../../test-results/screenshots',
);

/**
 * Debian's Chromium (installed by .ci/run), headless, with a phone-sized page: most licensees use
 * Mezzo on a phone. Steps wait at most `stepTimeout` each.
 */
export async function openPhoneBrowser(
  stepTimeout: number,
): Promise<{ browser: Browser; page: Page }> {
  const browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  });
  const page = await browser.newPage({ viewport: { width: 390, height: 844 } });
  page.setDefaultTimeout(stepTimeout);
  return { browser, page };
}

/**
 * Opens a select from the keyboard, as someone tabbing through a form would, and picks an option;
 * with `group`, the option must stand in the option group of that label.
 */
export async function chooseOption(
  page: Page,
  label: string,
  option: string | RegExp,
  group?: string,
): Promise<void> {
  await page.getByRole('combobox', { name: label }).press('Enter');
  const scope = group ? page.getByRole('group', { name: group }) : page;
  await scope.getByRole('option', { name: option }).click();
  await page
    .getByRole('listbox', { name: label })
    .waitFor({ state: 'detached' });
}

/** Signs a new person up through the sign-up page; resolves on the dashboard they land on. */
export async function signUpInBrowser(
  page: Page,
  person: { name: string; email: string; password: string },
): Promise<void> {
  await page.goto(`${webBaseUrl}/sign-up`);
  await page.getByLabel('Full name').fill(person.name);
  await page.getByLabel('Email').fill(person.email);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Create account' }).click();
  await page.waitForURL('**/dashboard');
}

/**
 * Signs a new person up through the page, then in over HTTP: the bearer token a suite uses to set up
 * what the page then shows (licenses, credits) without going through every form.
 */
export async function signUpWithToken(
  page: Page,
  person: { name: string; email: string; password: string },
): Promise<string> {
  await signUpInBrowser(page, person);
  const res = await call<{ accessToken: string }>('POST', '/api/auth/sign-in', {
    body: { email: person.email, password: person.password },
  });
  return res.body.accessToken;
}

/**
 * Someone no earlier run signed up: `Name 1a2b`, `handle.<unique>@example.com`, a valid password.
 * `unique` can name whatever else the suite creates.
 */
export function newPerson(
  fullName: string,
  handle: string,
): {
  unique: string;
  person: { name: string; email: string; password: string };
} {
  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  return {
    unique,
    person: {
      name: `${fullName} ${unique.slice(-4)}`,
      email: `${handle}.${unique}@example.com`,
      password: 'a long and memorable passphrase',
    },
  };
}
