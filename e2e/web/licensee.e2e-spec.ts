import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';

/**
 * The licensee's core loop in a real browser, against the built web app served by the API
 * (E2E_BASE_URL): a new person signs up, adds an NJ LCSW license, logs three credits in the
 * current cycle (one of them 1 h of macro content), and sees on the dashboard and the license page
 * that their advocacy content is thin and what is still left to do. Screenshots of the license page
 * at phone and desktop widths go to test-results/screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
const baseUrl = process.env['E2E_BASE_URL'] ?? 'http://localhost:3000';
const TIMEOUT = 90_000;
// The README's screenshots are refreshed on purpose (UPDATE_SCREENSHOTS=1); ordinary runs write to
// the git-ignored test-results/ so a test run never changes tracked files.
const SCREENSHOTS = resolve(
  __dirname,
  process.env['UPDATE_SCREENSHOTS'] === '1'
    ? '../../docs/screenshots'
    : '../../test-results/screenshots',
);

/** Today, as the API judges dates (UTC): always inside the license's current cycle. */
const today = new Date().toISOString().slice(0, 10);

describe('the licensee in the browser', () => {
  let browser: Browser;
  let page: Page;

  const unique = `${Date.now()}-${Math.random().toString(36).slice(2, 8)}`;
  const person = {
    name: `Robin Okafor ${unique.slice(-4)}`,
    email: `robin.${unique}@example.com`,
    password: 'a long and memorable passphrase',
  };

  beforeAll(async () => {
    browser = await chromium.launch({
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
    // A phone-sized window: most licensees use Mezzo on a phone.
    page = await browser.newPage({ viewport: { width: 390, height: 844 } });
    page.setDefaultTimeout(TIMEOUT / 3);
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  /** Opens a select from the keyboard, as someone tabbing through the form would, and picks. */
  async function choose(label: string, option: string | RegExp): Promise<void> {
    await page.getByRole('combobox', { name: label }).press('Enter');
    await page.getByRole('option', { name: option }).click();
    await page
      .getByRole('listbox', { name: label })
      .waitFor({ state: 'detached' });
  }

  async function logCredit(
    title: string,
    hours: string,
    level: 'clinical' | 'macro' | 'general',
  ): Promise<void> {
    await page.goto(`${baseUrl}/credits/new`);
    await page
      .getByRole('heading', { level: 1, name: 'Log a credit' })
      .waitFor();
    await page.getByLabel('Course title').fill(title);
    await page.getByLabel('Provider').fill('Garden State CE');
    await page.getByLabel('Completion date').fill(today);
    await page.getByLabel('Hours', { exact: true }).fill(hours);
    await choose('Format', 'Live online (synchronous)');
    await page.getByRole('button', { name: `All ${level}` }).click();
    await page.getByText(`✓ The split adds up to ${hours} h.`).waitFor();
    if (level === 'macro') {
      await page.getByRole('option', { name: 'Policy and advocacy' }).click();
    }
    await page.getByRole('button', { name: 'Save credit' }).click();
    await page.waitForURL(/\/credits$/);
    await page.getByText(title).first().waitFor();
  }

  /** The shell scrolls inside the page: grow the window to the content for a whole-page picture. */
  async function screenshotWhole(
    width: number,
    height: number,
    file: string,
  ): Promise<void> {
    await page.setViewportSize({ width, height });
    await page.waitForTimeout(300);
    const contentHeight = await page.evaluate(() => {
      const scroller = document.querySelector('mat-sidenav-content');
      const header = document.querySelector('header');
      return (
        (scroller?.scrollHeight ?? 0) +
        (header?.getBoundingClientRect().height ?? 0)
      );
    });
    await page.setViewportSize({
      width,
      height: Math.max(height, Math.ceil(contentHeight)),
    });
    await page.waitForTimeout(300);
    await page.screenshot({ path: resolve(SCREENSHOTS, file) });
    await page.setViewportSize({ width, height });
  }

  it(
    'signs up and is guided to add a first license',
    async () => {
      await page.goto(`${baseUrl}/sign-up`);
      await page.getByLabel('Full name').fill(person.name);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL('**/dashboard');
      await page
        .getByRole('heading', {
          level: 2,
          name: 'Start with your first license',
        })
        .waitFor();
      await page.getByRole('link', { name: 'Add your first license' }).click();
      await page.waitForURL('**/licenses/new');
    },
    TIMEOUT,
  );

  it(
    'adds an NJ LCSW license and lands on its page',
    async () => {
      await page
        .getByRole('heading', { level: 1, name: 'Add a license' })
        .waitFor();
      await choose('State or jurisdiction', 'New Jersey (NJ)');
      await choose('License type', /^LCSW — /);
      // NJ renews on a fixed date: no birth date is asked for.
      await expectHidden(page.getByLabel('Birth date'));
      await page.getByLabel('License number').fill(`44SC${unique.slice(-6)}`);
      await page.getByLabel('Issue date').fill('2018-03-10');
      await page.getByRole('button', { name: 'Add license' }).click();
      await page.waitForURL(/\/licenses\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'NJ LCSW' }).waitFor();
      await page
        .getByRole('heading', { level: 2, name: 'Advocacy balance' })
        .waitFor();
    },
    TIMEOUT,
  );

  it(
    'logs three credits in the current cycle, one of them 1 h of macro content',
    async () => {
      await logCredit('Trauma-focused CBT in practice', '3', 'clinical');
      await logCredit('Documentation that holds up', '2', 'general');
      await logCredit('Testifying on the state budget', '1', 'macro');
    },
    TIMEOUT,
  );

  it(
    'shows the license on the dashboard with a thin advocacy flag and what is next',
    async () => {
      await page.goto(`${baseUrl}/dashboard`);
      const card = page.getByRole('listitem').filter({
        has: page.getByRole('heading', { level: 3, name: 'NJ LCSW' }),
      });
      await card.getByText('Advocacy: Thin').waitFor();
      await card.getByRole('heading', { level: 4, name: 'Next up' }).waitFor();
      await card.getByText('6 h of 40 h').waitFor();
      await card.getByRole('link', { name: 'NJ LCSW' }).click();
      await page.waitForURL(/\/licenses\/[0-9a-f-]{36}$/);
    },
    TIMEOUT,
  );

  it(
    'shows the advocacy balance as thin and the plan on the license page',
    async () => {
      await page.getByRole('heading', { level: 1, name: 'NJ LCSW' }).waitFor();
      const advocacy = page.getByRole('region', { name: 'Advocacy balance' });
      await advocacy.getByText('Advocacy: Thin').waitFor();
      await advocacy
        .getByRole('img', {
          name: 'Hours by practice level: clinical 3 h, macro 1 h, general 2 h',
        })
        .waitFor();
      const plan = page.getByRole('region', { name: 'What is left' });
      await plan.getByRole('listitem').filter({ hasText: 'Ethics' }).waitFor();
      await page
        .getByRole('progressbar', { name: 'Counted toward renewal' })
        .waitFor();

      mkdirSync(SCREENSHOTS, { recursive: true });
      await screenshotWhole(390, 844, 'licensee-dashboard-phone.png');
      await screenshotWhole(1280, 800, 'licensee-dashboard-desktop.png');
    },
    TIMEOUT,
  );
});

async function expectHidden(
  locator: ReturnType<Page['getByLabel']>,
): Promise<void> {
  if ((await locator.count()) !== 0)
    throw new Error('Expected no birth date field');
}
