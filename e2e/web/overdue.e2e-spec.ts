import type { Browser, Page } from 'playwright-core';
import { Client } from 'pg';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  SCREENSHOTS,
  openPhoneBrowser,
  signUpWithToken,
  newPerson,
} from '../src/support/browser';
import { call } from '../src/support/http';

/**
 * An overdue cycle in a real browser at phone width, against the built web app served by the API
 * (E2E_BASE_URL): a licensee whose NJ license has been in Mezzo for years, with no credits, so the
 * cycle that ended before today's ended short. The dashboard and the license page say so; "I renewed
 * this license" moves the license on to its current cycle, and Undo brings the overdue cycle back.
 */
const TIMEOUT = 60_000;

describe('an overdue cycle in the browser', () => {
  let browser: Browser;
  let page: Page;
  let licenseId = '';

  const { unique, person } = newPerson('Lee Late', 'lee');

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  it(
    'says on the dashboard that the cycle before this one ended short',
    async () => {
      const token = await signUpWithToken(page, person);
      const created = await call<{ id: string; status: string }>(
        'POST',
        '/api/licenses',
        {
          token,
          body: {
            jurisdiction: 'NJ',
            licenseType: 'LCSW',
            number: `LATE-${unique.slice(-6)}`,
            issuedOn: '2018-03-10',
          },
        },
      );
      expect(created.status).toBe(201);
      licenseId = created.body.id;
      // As if it had been added to Mezzo years ago: its earlier cycle was tracked.
      const url = process.env['E2E_DATABASE_URL'];
      if (!url) throw new Error('E2E_DATABASE_URL is not set');
      const db = new Client({ connectionString: url });
      await db.connect();
      try {
        await db.query(
          `UPDATE licenses SET created_at = '2015-01-01T00:00:00Z' WHERE id = $1`,
          [licenseId],
        );
      } finally {
        await db.end();
      }

      await page.reload();
      const card = page.locator('li.mz-card', { hasText: 'NJ LCSW' });
      await card.getByText('Overdue', { exact: true }).first().waitFor();
      await card
        .getByText(
          /Overdue: the cycle that ended Aug 31, \d{4} was 40 h short\./,
        )
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'shows the overdue cycle on the license page, and moves on once the licensee says they renewed (with Undo)',
    async () => {
      // The whole card opens the license (its title is the link).
      await page.getByRole('link', { name: 'NJ LCSW' }).click();
      await page.waitForURL(`**/licenses/${licenseId}`);
      const overdue = page.getByRole('region', {
        name: /^Overdue: the cycle that ended Aug 31, \d{4}$/,
      });
      await overdue.waitFor();
      await overdue
        .getByText(/ended with 40 h of its 40 h required missing in Mezzo\./)
        .waitFor();
      await overdue.getByText('5 more hours of Ethics').waitFor();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await page.screenshot({
        path: resolve(SCREENSHOTS, 'license-overdue-phone.png'),
        fullPage: true,
      });

      await overdue
        .getByRole('button', { name: 'I renewed this license' })
        .click();
      await page
        .getByText(/Renewal through Aug 31, \d{4} recorded\./)
        .waitFor();
      await overdue.waitFor({ state: 'detached' });
      await page.getByText('In progress', { exact: true }).waitFor();

      await page.getByRole('button', { name: 'Undo' }).click();
      await page
        .getByRole('region', { name: /^Overdue: the cycle that ended/ })
        .waitFor();
      const listed = await page.evaluate(
        () => document.querySelector('mz-status-chip')?.textContent ?? '',
      );
      expect(listed).toContain('Overdue');
    },
    TIMEOUT,
  );
});
