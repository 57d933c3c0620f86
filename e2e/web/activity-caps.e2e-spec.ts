import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  newPerson,
  openPhoneBrowser,
  signUpWithToken,
  webBaseUrl,
} from '../src/support/browser';
import { call } from '../src/support/http';

/**
 * A service activity in a real browser at phone width, against the built web app served by the API
 * (E2E_BASE_URL): an Arizona LCSW logs 8 hours of Board meetings with the format the credit form
 * groups under "Service and practice"; the license page counts 6 of them (R4-6-802(B)(2)), says why
 * the other 2 do not count, and names the board and the rule set's notes under "About these rules".
 */
const TIMEOUT = 60_000;

/** Today, as the API judges dates (UTC): inside the license's current cycle. */
const today = new Date().toISOString().slice(0, 10);

describe('an activity the board caps, in the browser', () => {
  let browser: Browser;
  let page: Page;
  let licenseId = '';

  const { unique, person } = newPerson('Ari Board', 'ari');

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it(
    'logs Board meeting attendance from the grouped format list',
    async () => {
      const token = await signUpWithToken(page, person);
      const created = await call<{ id: string }>('POST', '/api/licenses', {
        token,
        body: {
          jurisdiction: 'AZ',
          licenseType: 'LCSW',
          number: `AZ-${unique.slice(-6)}`,
          issuedOn: '2012-11-01',
        },
      });
      expect(created.status).toBe(201);
      licenseId = created.body.id;

      await page.goto(`${webBaseUrl}/credits/new`);
      await page
        .getByRole('heading', { level: 1, name: 'Log a credit' })
        .waitFor();
      await page
        .getByLabel('Course title')
        .fill('Board of Behavioral Health Examiners meetings');
      await page.getByLabel('Completion date').fill(today);
      await page.getByLabel('Hours', { exact: true }).fill('8');
      // The activities come in their own group of the list.
      await chooseOption(
        page,
        'Format',
        'Attending a licensing board meeting',
        'Service and practice',
      );
      await page.getByRole('button', { name: 'All macro' }).click();
      await page.getByText('✓ The split adds up to 8 h.').waitFor();
      await page.getByRole('option', { name: 'Policy and advocacy' }).click();
      await page.getByRole('button', { name: 'Save credit' }).click();
      await page.waitForURL(/\/credits$/);
      await page
        .getByText('Attending a licensing board meeting')
        .first()
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    "counts 6 of the 8 hours and shows the board and the rule set's notes",
    async () => {
      await page.goto(`${webBaseUrl}/licenses/${licenseId}`);
      const excluded = page.locator('.mz-excl li');
      await excluded.first().waitFor();
      expect((await excluded.allInnerTexts()).join('\n')).toMatch(
        /Board of Behavioral Health Examiners meetings — 2 h[\s\S]*Attendance at a Board meeting: hours above the 6-hour cap/,
      );

      const about = page.getByRole('region', { name: 'About these rules' });
      await about
        .getByRole('link', {
          name: /Arizona Board of Behavioral Health Examiners/,
        })
        .waitFor();
      await about.getByText(/What Mezzo does not check/).click();
      await about
        .getByText(/Board meeting attendance counts at most 6 h/)
        .waitFor();
    },
    TIMEOUT,
  );
});
