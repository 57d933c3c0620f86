import type { AxeResults, ImpactValue, Result } from 'axe-core';
import type { Browser, Page } from 'playwright-core';
import {
  chooseOption,
  openPhoneBrowser,
  webBaseUrl,
  newPerson,
} from '../src/support/browser';

/**
 * Accessibility of the licensee's pages in a real browser, against the built web app served by the
 * API (E2E_BASE_URL). axe-core checks every main page against WCAG 2.0/2.1 A and AA, at the phone
 * width the other suites use and, for the pages whose layout changes most, at a desktop width. A
 * serious or critical violation fails the page's test and is listed with the rule, its help and the
 * selectors of the elements at fault; lesser findings are not a failure here.
 */
const baseUrl = webBaseUrl;
const TIMEOUT = 60_000;
const AXE_SCRIPT = require.resolve('axe-core/axe.min.js');
const WCAG_A_AA = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const FAILING: readonly ImpactValue[] = ['serious', 'critical'];

/** Today, as the API judges dates (UTC): always inside the license's current cycle. */
const today = new Date().toISOString().slice(0, 10);

declare global {
  interface Window {
    axe?: typeof import('axe-core');
  }
}

describe('accessibility of the licensee pages (axe-core, WCAG 2.1 A/AA)', () => {
  let browser: Browser;
  let page: Page;
  let licenseUrl = '';
  let historyUrl = '';

  const { unique, person } = newPerson('Sam Achebe', 'sam');
  const creditTitle = 'Ethics in supervision';

  beforeAll(async () => {
    ({ browser, page } = await openPhoneBrowser(TIMEOUT / 3));
  }, TIMEOUT);

  afterAll(async () => {
    await browser?.close();
  }, TIMEOUT);

  /** Waits until the page shows its heading and has stopped loading, so axe sees what a person sees. */
  async function settled(heading: string | RegExp): Promise<void> {
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    await page.waitForLoadState('networkidle');
    await page.waitForFunction(
      () =>
        !document.querySelector(
          'mat-progress-bar[mode="indeterminate"], mat-spinner, mat-progress-spinner[mode="indeterminate"]',
        ),
    );
    await still();
  }

  /**
   * Waits for running finite animations (Material's fades and slides) to end: a colour caught
   * mid-fade would be judged as low contrast. Endless ones (a busy spinner) are not waited for.
   */
  async function still(): Promise<void> {
    await page.waitForFunction(() =>
      document
        .getAnimations()
        .every(
          (a) =>
            a.playState !== 'running' ||
            a.effect?.getComputedTiming().iterations === Infinity,
        ),
    );
  }

  /**
   * Runs axe on the whole document; answers the serious or critical WCAG A/AA violations found, as
   * text, or null when there are none.
   */
  async function audit(where: string): Promise<string | null> {
    await still();
    if (!(await page.evaluate(() => typeof window.axe !== 'undefined'))) {
      await page.addScriptTag({ path: AXE_SCRIPT });
    }
    const results = await page.evaluate((tags) => {
      if (!window.axe) throw new Error('axe-core did not load');
      return window.axe.run(document, { runOnly: tags }) as Promise<AxeResults>;
    }, WCAG_A_AA);
    const failing = results.violations.filter(
      (v) => v.impact != null && FAILING.includes(v.impact),
    );
    return failing.length === 0
      ? null
      : `${failing.length} serious or critical accessibility violation(s) on ${where}:\n` +
          failing.map(describeViolation).join('\n');
  }

  /** Fails with every finding at once, so one page's problems do not hide another's. */
  function expectNone(findings: (string | null)[]): void {
    const found = findings.filter((f): f is string => f !== null);
    if (found.length > 0) throw new Error(found.join('\n\n'));
  }

  async function expectAccessible(where: string): Promise<void> {
    expectNone([await audit(where)]);
  }

  /** Opens a select from the keyboard, as someone tabbing through the form would, and picks. */
  const choose = (label: string, option: string | RegExp) =>
    chooseOption(page, label, option);

  describe('signed out, at phone width', () => {
    it(
      'the sign-in page',
      async () => {
        await page.goto(`${baseUrl}/sign-in`);
        await settled('Sign in');
        const findings = [await audit('the sign-in page')];
        await page.getByLabel('Email').fill('nobody@example.com');
        await page
          .getByLabel('Password', { exact: true })
          .fill('not the password');
        await page.getByRole('button', { name: 'Sign in' }).click();
        await page.getByRole('alert').waitFor();
        findings.push(await audit('the sign-in page, refusing a sign-in'));
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the sign-up page',
      async () => {
        await page.goto(`${baseUrl}/sign-up`);
        await settled('Create your account');
        const findings = [await audit('the sign-up page')];
        await page.getByRole('button', { name: 'Create account' }).click();
        await page.locator('mat-error').first().waitFor();
        findings.push(await audit('the sign-up page, with field errors'));
        expectNone(findings);
      },
      TIMEOUT,
    );
  });

  describe('help, at phone width', () => {
    it(
      'the Help page, reached from the sign-in page, names the support address',
      async () => {
        await page.goto(`${baseUrl}/sign-in`);
        await settled('Sign in');
        await page.getByRole('link', { name: 'Help' }).click();
        await page.waitForURL('**/help');
        await settled('Help');
        await page.getByRole('link', { name: 'support@mezzo.local' }).waitFor();
        expect(
          await page
            .getByRole('link', { name: 'support@mezzo.local' })
            .getAttribute('href'),
        ).toBe('mailto:support@mezzo.local');
        await expectAccessible('the Help page');
      },
      TIMEOUT,
    );
  });

  describe('signed in, at phone width', () => {
    beforeAll(async () => {
      await page.goto(`${baseUrl}/sign-up`);
      await page.getByLabel('Full name').fill(person.name);
      await page.getByLabel('Email').fill(person.email);
      await page.getByLabel('Password', { exact: true }).fill(person.password);
      await page.getByRole('button', { name: 'Create account' }).click();
      await page.waitForURL('**/dashboard');
    }, TIMEOUT);

    it(
      'the add-license form, then the license page of a new NJ LCSW license',
      async () => {
        await page.goto(`${baseUrl}/licenses/new`);
        await settled('Add a license');
        const findings = [await audit('the add-license form')];
        await page.getByRole('button', { name: 'Add license' }).click();
        await page.locator('mat-error').first().waitFor();
        findings.push(await audit('the add-license form, with field errors'));

        await choose('State or jurisdiction', 'New Jersey (NJ)');
        await choose('License type', /^LCSW — /);
        await page.getByLabel('License number').fill(`44SC${unique.slice(-6)}`);
        await page.getByLabel('Issue date').fill('2018-03-10');
        await page.getByRole('button', { name: 'Add license' }).click();
        await page.waitForURL(/\/licenses\/[0-9a-f-]{36}$/);
        licenseUrl = page.url();
        await settled('NJ LCSW');
        findings.push(await audit('the license page (no credits yet)'));
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the log-a-credit form, then the credits list',
      async () => {
        await page.goto(`${baseUrl}/credits/new`);
        await settled('Log a credit');
        const findings = [await audit('the log-a-credit form')];
        await page.getByRole('button', { name: 'Save credit' }).click();
        await page.locator('mat-error').first().waitFor();
        findings.push(await audit('the log-a-credit form, with field errors'));

        await page.getByLabel('Course title').fill(creditTitle);
        await page.getByLabel('Provider').fill('Garden State CE');
        await page.getByLabel('Completion date').fill(today);
        await page.getByLabel('Hours', { exact: true }).fill('3');
        await choose('Format', 'Live online (synchronous)');
        await page.getByRole('button', { name: 'All general' }).click();
        await page.getByText('✓ The split adds up to 3 h.').waitFor();
        findings.push(await audit('the log-a-credit form, filled in'));
        await page.getByRole('button', { name: 'Save credit' }).click();
        await page.waitForURL(/\/credits$/);
        await settled('Credits');
        await page.getByText(creditTitle).first().waitFor();
        findings.push(await audit('the credits list'));
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the credit history',
      async () => {
        await page
          .getByRole('link', { name: `History of ${creditTitle}` })
          .click();
        await page.waitForURL(/\/credits\/[0-9a-f-]{36}\/history$/);
        historyUrl = page.url();
        await settled(`History of “${creditTitle}”`);
        await expectAccessible('the credit history');
      },
      TIMEOUT,
    );

    it(
      'the dashboard',
      async () => {
        await page.goto(`${baseUrl}/dashboard`);
        await settled(/^Welcome, /);
        await expectAccessible('the dashboard');
      },
      TIMEOUT,
    );

    it(
      'the licenses list',
      async () => {
        await page.goto(`${baseUrl}/licenses`);
        await settled('Licenses');
        await expectAccessible('the licenses list');
      },
      TIMEOUT,
    );

    it(
      'the license page, with a credit',
      async () => {
        await page.goto(licenseUrl);
        await settled('NJ LCSW');
        await expectAccessible('the license page');
      },
      TIMEOUT,
    );

    it(
      'the settings page',
      async () => {
        await page.goto(`${baseUrl}/settings`);
        await settled('Settings');
        await expectAccessible('the settings page');
      },
      TIMEOUT,
    );

    it(
      'the account page, with a change of sign-in email waiting for its link',
      async () => {
        await page.goto(`${baseUrl}/account`);
        await settled('Your account');
        const card = page.getByRole('region', { name: 'Your sign-in email' });
        await card
          .getByLabel('New email')
          .fill(`sam.new.${unique}@example.com`);
        await card.getByLabel('Current password').fill(person.password);
        await card
          .getByRole('button', { name: 'Send confirmation link' })
          .click();
        await card
          .getByRole('button', { name: 'Cancel this change' })
          .waitFor();
        await settled('Your account');
        await expectAccessible('the account page');
      },
      TIMEOUT,
    );

    it(
      'the invitations page (none pending)',
      async () => {
        await page.goto(`${baseUrl}/invitations`);
        await settled('Invitations');
        await expectAccessible('the invitations page');
      },
      TIMEOUT,
    );

    it(
      'the organisations page (none yet) and a new organisation with an invitation',
      async () => {
        await page.goto(`${baseUrl}/organizations`);
        await settled('Organisations');
        await expectAccessible('the organisations page');
        await page.getByLabel('Organisation name').fill('Axe Check Chapter');
        await choose('Kind', 'Association');
        await page.getByRole('button', { name: 'Create organisation' }).click();
        await page
          .getByRole('textbox', { name: 'Email' })
          .fill(`invitee.${unique}@example.com`);
        await page.getByRole('button', { name: 'Send invitation' }).click();
        await page
          .getByRole('button', { name: /^Withdraw the invitation to / })
          .waitFor();
        await settled('Axe Check Chapter');
        await expectAccessible('an organisation page');
      },
      TIMEOUT,
    );

    it(
      'the email-confirmation page (a link that no longer works)',
      async () => {
        await page.goto(`${baseUrl}/account/email?token=no-such-token`);
        await settled('Confirm your new email');
        await page.getByRole('alert').waitFor();
        await expectAccessible('the email-confirmation page');
      },
      TIMEOUT,
    );

    it(
      'the page the "this wasn\'t me" link opens, before the click and with a link that no longer works',
      async () => {
        await page.goto(`${baseUrl}/account/email/revert?token=no-such-token`);
        await settled('Undo the change of your sign-in email');
        await page.getByRole('button', { name: 'Undo this change' }).waitFor();
        const findings = [await audit('the undo-email-change page')];
        await page.getByRole('button', { name: 'Undo this change' }).click();
        await page.getByRole('alert').waitFor();
        await settled('Undo the change of your sign-in email');
        findings.push(
          await audit('the undo-email-change page, refusing a dead link'),
        );
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the change-password page',
      async () => {
        await page.goto(`${baseUrl}/account/password`);
        await settled('Change password');
        await expectAccessible('the change-password page');
      },
      TIMEOUT,
    );

    it(
      'the skip link, focused, and the navigation drawer, open',
      async () => {
        await page.goto(`${baseUrl}/dashboard`);
        await settled(/^Welcome, /);
        await page.keyboard.press('Tab');
        await page
          .getByRole('link', { name: 'Skip to main content' })
          .evaluate((a) => {
            if (a !== document.activeElement)
              throw new Error('The skip link is not the first stop');
          });
        const findings = [await audit('the dashboard, skip link focused')];
        // The focused skip link sits over the toolbar: go on by keyboard, as its user would.
        await page.keyboard.press('Tab');
        await page.keyboard.press('Enter');
        await page
          .getByRole('navigation', { name: 'Main' })
          .getByRole('link', { name: 'Credits' })
          .waitFor();
        findings.push(await audit('the dashboard, navigation drawer open'));
        await page.keyboard.press('Escape');
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the account menu, open',
      async () => {
        await page.goto(`${baseUrl}/dashboard`);
        await settled(/^Welcome, /);
        await page
          .getByRole('button', {
            name: `Account: ${person.name} (${person.email})`,
          })
          .click();
        await page.getByRole('menuitem', { name: 'Settings' }).waitFor();
        await expectAccessible('the dashboard with the account menu open');
        await page.keyboard.press('Escape');
      },
      TIMEOUT,
    );
  });

  describe('signed in, at desktop width', () => {
    beforeAll(async () => {
      await page.setViewportSize({ width: 1280, height: 800 });
    });

    it(
      'the dashboard',
      async () => {
        await page.goto(`${baseUrl}/dashboard`);
        await settled(/^Welcome, /);
        await expectAccessible('the dashboard (desktop)');
      },
      TIMEOUT,
    );

    it(
      'the license page',
      async () => {
        await page.goto(licenseUrl);
        await settled('NJ LCSW');
        await expectAccessible('the license page (desktop)');
      },
      TIMEOUT,
    );

    it(
      'the licenses and credits lists, shown as tables',
      async () => {
        await page.goto(`${baseUrl}/licenses`);
        await settled('Licenses');
        const findings = [await audit('the licenses list (desktop)')];
        await page.goto(`${baseUrl}/credits`);
        await settled('Credits');
        await page.getByText(creditTitle).first().waitFor();
        findings.push(await audit('the credits list (desktop)'));
        expectNone(findings);
      },
      TIMEOUT,
    );

    it(
      'the credit history',
      async () => {
        await page.goto(historyUrl);
        await settled(`History of “${creditTitle}”`);
        await expectAccessible('the credit history (desktop)');
      },
      TIMEOUT,
    );
  });
});

/** One violation, as a reader fixing it needs it: rule, impact, help, link, and each element's selector. */
function describeViolation(v: Result): string {
  const targets = v.nodes
    .map(
      (n) =>
        `      - ${n.target.map(String).join(' >> ')}` +
        (n.failureSummary
          ? `\n        ${n.failureSummary.replace(/\s*\n\s*/g, ' ')}`
          : ''),
    )
    .join('\n');
  return `  [${v.id}] (${v.impact}) ${v.help} — ${v.helpUrl}\n    ${v.nodes.length} element(s):\n${targets}`;
}
