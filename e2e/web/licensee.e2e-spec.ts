import { mkdirSync, readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import PDFDocument from 'pdfkit';
import type { Browser, Page } from 'playwright-core';
import {
  SCREENSHOTS,
  chooseOption,
  openPhoneBrowser,
  webBaseUrl,
  newPerson,
} from '../src/support/browser';

/**
 * The licensee's core loop in a real browser, against the built web app served by the API
 * (E2E_BASE_URL): a new person signs up, adds an NJ LCSW license, logs three credits in the
 * current cycle (one of them 1 h of macro content), and sees on the dashboard and the license page
 * that their advocacy content is thin and what is still left to do. The first credit starts from a
 * certificate PDF: the form is prefilled from it, and the file is attached on save; the audit packet
 * (PDF and ZIP) then downloads from the license page. Screenshots of the license page
 * at phone and desktop widths go to test-results/screenshots (docs/screenshots with UPDATE_SCREENSHOTS=1).
 */
const baseUrl = webBaseUrl;
const TIMEOUT = 90_000;

/** Today, as the API judges dates (UTC): always inside the license's current cycle. */
const today = new Date().toISOString().slice(0, 10);
const todayLong = new Date().toLocaleDateString('en-US', {
  month: 'long',
  day: 'numeric',
  year: 'numeric',
  timeZone: 'UTC',
});

/** A certificate as CE providers issue them, with the ASWB ACE statement (reference/standards.md). */
function certificatePdf(): Promise<Buffer> {
  return new Promise((ok) => {
    const doc = new PDFDocument();
    const parts: Buffer[] = [];
    doc.on('data', (c: Buffer) => parts.push(c));
    doc.on('end', () => ok(Buffer.concat(parts)));
    for (const line of [
      'Certificate of Completion',
      'Course title: Trauma-focused CBT in practice',
      `Date of completion: ${todayLong}`,
      'Format: Live webinar',
      'Garden State CE, #1234, is approved to offer social work continuing education by the Association of Social Work Boards (ASWB) Approved Continuing Education (ACE) program. Organizations, not individual courses, are approved as ACE providers. State and provincial regulatory boards have the final authority to determine whether an individual course may be accepted for continuing education credit. Garden State CE maintains responsibility for this course. ACE provider approval period: 01/01/2024 - 01/01/2030. Social workers completing this course receive 3 clinical continuing education credits.',
    ])
      doc.text(line);
    doc.end();
  });
}

describe('the licensee in the browser', () => {
  let browser: Browser;
  let page: Page;

  const { unique, person } = newPerson('Robin Okafor', 'robin');

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  const choose = (label: string, option: string | RegExp) =>
    chooseOption(page, label, option);

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
      // TN asks for the renewal date; on a phone its two-line hint, then its error, push the next
      // field down instead of running into it.
      await choose('State or jurisdiction', 'Tennessee (TN)');
      await choose('License type', /^LCSW — /);
      const renewal = page.getByLabel('Renewal date on your license');
      await renewal.waitFor();
      await page.getByRole('button', { name: 'Add license' }).click();
      await page.getByText('Enter the renewal (expiration) date').waitFor();
      const overlap = await page.evaluate(() => {
        const field = document
          .querySelector('input[formcontrolname="renewsOn"]')
          ?.closest('mat-form-field');
        const next = field?.nextElementSibling;
        const error = field?.querySelector('mat-error');
        if (!field || !next || !error) return 'missing';
        const text = error.getBoundingClientRect().bottom;
        const below = next.getBoundingClientRect().top;
        return text <= below + 1 ? null : `${text} > ${below}`;
      });
      expect(overlap).toBeNull();
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
    'uploads a certificate PDF, sees the credit form prefilled from it, and saves the credit with it',
    async () => {
      await page.goto(`${baseUrl}/credits/new`);
      await page
        .getByRole('heading', { level: 1, name: 'Log a credit' })
        .waitFor();
      await page.getByLabel('Choose a certificate').setInputFiles({
        name: 'tf-cbt-certificate.pdf',
        mimeType: 'application/pdf',
        buffer: await certificatePdf(),
      });
      await page.getByText('Filled in from tf-cbt-certificate.pdf').waitFor();
      const value = (label: string) =>
        page.getByLabel(label, { exact: true }).inputValue();
      expect(await value('Course title')).toBe(
        'Trauma-focused CBT in practice',
      );
      expect(await value('Provider')).toBe('Garden State CE');
      expect(await value('Completion date')).toBe(today);
      expect(await value('Hours')).toBe('3');
      expect(await value('Approving body 1')).toBe('ACE');
      expect(await value('Approval number 1')).toBe('1234');
      await page
        .getByRole('combobox', { name: 'Format' })
        .getByText('Live online (synchronous)')
        .waitFor();
      await page.getByText('✓ The split adds up to 3 h.').waitFor();
      mkdirSync(SCREENSHOTS, { recursive: true });
      await screenshotWhole(390, 844, 'credit-prefilled-phone.png');
      await page.getByRole('button', { name: 'Save credit' }).click();
      await page.waitForURL(/\/credits$/);
      await page.getByText('Trauma-focused CBT in practice').first().waitFor();
    },
    TIMEOUT,
  );

  it(
    'logs two more credits in the current cycle, one of them 1 h of macro content',
    async () => {
      await logCredit('Documentation that holds up', '2', 'general');
      await logCredit('Testifying on the state budget', '1', 'macro');
    },
    TIMEOUT,
  );

  it(
    'shows in the credit log which credit has its certificate, and downloads it from the credit',
    async () => {
      await page.goto(`${baseUrl}/credits`);
      const withCertificate = page
        .getByRole('listitem')
        .filter({ hasText: 'Trauma-focused CBT in practice' });
      await withCertificate.getByText('1 certificate').waitFor();
      await page
        .getByRole('listitem')
        .filter({ hasText: 'Documentation that holds up' })
        .getByText('No certificate')
        .waitFor();
      await withCertificate
        .getByRole('link', { name: 'Edit Trauma-focused CBT in practice' })
        .click();
      const certificates = page.getByRole('region', { name: 'Certificates' });
      await certificates
        .getByText('tf-cbt-certificate.pdf', { exact: true })
        .first()
        .waitFor();
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        certificates
          .getByRole('button', { name: 'Download tf-cbt-certificate.pdf' })
          .click(),
      ]);
      expect(download.suggestedFilename()).toBe('tf-cbt-certificate.pdf');
      const bytes = readFileSync(await download.path());
      expect(bytes.subarray(0, 4).toString('latin1')).toBe('%PDF');
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

  it(
    'downloads the audit packet, as a PDF and as a ZIP holding the certificate',
    async () => {
      const records = page.getByRole('region', {
        name: 'Audit packet and records',
      });
      for (const [button, ext, magic] of [
        ['Download audit packet (PDF)', 'pdf', '%PDF'],
        ['Download with certificates (ZIP)', 'zip', 'PK'],
      ] as const) {
        const [download] = await Promise.all([
          page.waitForEvent('download'),
          records.getByRole('button', { name: button }).click(),
        ]);
        expect(download.suggestedFilename()).toMatch(
          new RegExp(`^mezzo-nj-lcsw-.*\\.${ext}$`),
        );
        const path = await download.path();
        const bytes = readFileSync(path);
        expect(bytes.subarray(0, magic.length).toString('latin1')).toBe(magic);
        if (ext === 'zip') {
          // The certificate goes into the ZIP under its own name.
          expect(bytes.includes(Buffer.from('tf-cbt-certificate.pdf'))).toBe(
            true,
          );
        }
      }
    },
    TIMEOUT,
  );

  it(
    'adds an NC LCSW license with the renewal date printed on it: a first period under two years asks for 30 h',
    async () => {
      await page.goto(`${baseUrl}/licenses/new`);
      await page
        .getByRole('heading', { level: 1, name: 'Add a license' })
        .waitFor();
      await choose('State or jurisdiction', 'North Carolina (NC)');
      await choose('License type', /^LCSW — /);
      // Optional here: NC cycles follow the issue date unless the license says otherwise.
      await page
        .getByText('Empty: every 2 years from the issue date.')
        .waitFor();
      await page.getByLabel('License number').fill(`NC${unique.slice(-6)}`);
      await page.getByLabel('Issue date').fill('2025-03-10');
      await page
        .getByLabel('Renewal date on your license (optional)')
        .fill('2027-01-31');
      await page.getByRole('button', { name: 'Add license' }).click();
      await page.waitForURL(/\/licenses\/[0-9a-f-]{36}$/);
      await page.getByRole('heading', { level: 1, name: 'NC LCSW' }).waitFor();
      await page.getByText('Cycle Mar 10, 2025 – Jan 31, 2027').waitFor();
      await page.getByText('· First renewal').waitFor();
      await page
        .getByText(/ h of 30 h$/)
        .first()
        .waitFor();
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
