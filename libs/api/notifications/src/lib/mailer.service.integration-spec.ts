import { Logger, Module } from '@nestjs/common';
import { Test, TestingModule } from '@nestjs/testing';
import {
  parseMail,
  startTestSmtpServer,
  TestSmtpServer,
} from '@mezzo/api-testing';
import { mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { MailDeliveryError } from './mail-delivery.error';
import { MailOptions } from './mail-options';
import { MailerService } from './mailer.service';
import { NotificationsModule } from './notifications.module';
import { passwordResetEmail } from './templates/password-reset.template';

const FROM = 'Mezzo <no-reply@mezzo.test>';
const RESET_URL =
  'https://app.mezzo.test/reset-password?token=s3cr3t-t0ken&uid=42';

async function mailerWith(
  options: MailOptions,
): Promise<{ module: TestingModule; mailer: MailerService }> {
  const module = await Test.createTestingModule({
    imports: [NotificationsModule.forRoot(options)],
  }).compile();
  return { module, mailer: module.get(MailerService) };
}

function loggedLines(spy: jest.SpyInstance): string[] {
  return spy.mock.calls.map((args: unknown[]) => args.map(String).join(' '));
}

describe('MailerService', () => {
  let logSpy: jest.SpyInstance;
  let errorSpy: jest.SpyInstance;

  beforeEach(() => {
    logSpy = jest
      .spyOn(Logger.prototype, 'log')
      .mockImplementation(() => undefined);
    errorSpy = jest
      .spyOn(Logger.prototype, 'error')
      .mockImplementation(() => undefined);
  });

  afterEach(() => {
    jest.restoreAllMocks();
  });

  describe('over SMTP', () => {
    let smtp: TestSmtpServer;
    let module: TestingModule;
    let mailer: MailerService;

    beforeEach(async () => {
      smtp = await startTestSmtpServer();
      ({ module, mailer } = await mailerWith({
        smtpUrl: `smtp://mezzo:p%40ss@127.0.0.1:${smtp.port}`,
        from: FROM,
      }));
    });

    afterEach(async () => {
      await module.close();
      await smtp.stop();
    });

    it('delivers the password-reset email with its headers, text and html', async () => {
      const email = passwordResetEmail({
        name: 'Ada Lovelace',
        resetUrl: RESET_URL,
        expiresInMinutes: 60,
      });

      await mailer.send({ to: 'ada@example.com', ...email });

      const received = await smtp.waitFor(
        (mail) => mail.to === 'ada@example.com',
      );
      expect(received.envelope).toEqual({
        from: 'no-reply@mezzo.test',
        to: ['ada@example.com'],
      });
      expect(received.authUser).toBe('mezzo');
      expect(received.from).toBe(FROM);
      expect(received.subject).toBe('Reset your Mezzo password');
      expect(received.headers['content-type']).toMatch(
        /^multipart\/alternative;/,
      );
      expect(received.text).toBe(email.text);
      expect(received.text).toContain(`\n${RESET_URL}\n`);
      expect(received.html).toBe(email.html);
      expect(received.html).toContain(
        'href="https://app.mezzo.test/reset-password?token=s3cr3t-t0ken&amp;uid=42"',
      );
    });

    it('sends a text-only message as a single text part', async () => {
      await mailer.send({
        to: 'bo@example.com',
        subject: 'Plain',
        text: 'Just text, naïvely.',
      });

      const received = await smtp.waitFor((mail) => mail.subject === 'Plain');
      expect(received.headers['content-type']).toMatch(/^text\/plain/);
      expect(received.text).toBe('Just text, naïvely.');
      expect(received.html).toBeUndefined();
    });

    it('adds the RFC 8058 one-click unsubscribe headers when given an unsubscribe URL, and only then', async () => {
      const url = `https://app.mezzo.test/api/reminders/unsubscribe?token=${'A'.repeat(67)}`;
      await mailer.send({
        to: 'ada@example.com',
        subject: 'Reminder',
        text: 'x',
        unsubscribeUrl: url,
      });
      await mailer.send({ to: 'ada@example.com', subject: 'Reset', text: 'y' });
      const reminder = await smtp.waitFor((m) => m.subject === 'Reminder');
      expect(reminder.headers['list-unsubscribe']).toBe(`<${url}>`);
      expect(reminder.headers['list-unsubscribe-post']).toBe(
        'List-Unsubscribe=One-Click',
      );
      const reset = await smtp.waitFor((m) => m.subject === 'Reset');
      expect(reset.headers['list-unsubscribe']).toBeUndefined();
      expect(reset.headers['list-unsubscribe-post']).toBeUndefined();
    });

    it.each([
      'mailto:stop@mezzo.test',
      'javascript:alert(1)',
      'https://app.mezzo.test/u?t=a>, <https://evil.test',
      'https://app.mezzo.test/u?t=a\r\nBcc: eve@example.com',
      'not a url',
    ])('refuses the unsubscribe URL %j and sends nothing', async (url) => {
      await expect(
        mailer.send({
          to: 'ada@example.com',
          subject: 'Reminder',
          text: 'x',
          unsubscribeUrl: url,
        }),
      ).rejects.toMatchObject({
        name: 'MailDeliveryError',
        cause: expect.objectContaining({
          message: 'the unsubscribe URL is not a plain http(s) URL',
        }),
      });
      await mailer.send({ to: 'ada@example.com', subject: 'Probe', text: 'x' });
      await smtp.waitFor((mail) => mail.subject === 'Probe');
      expect(smtp.messages.map((mail) => mail.subject)).toEqual(['Probe']);
    });

    it.each([
      [
        'a header injected through a line break',
        'ada@example.com\r\nBcc: eve@example.com',
      ],
      ['a list of recipients', 'ada@example.com, eve@example.com'],
      ['a group', 'friends: eve@example.com;'],
    ])('refuses %s in the recipient and sends nothing', async (_case, to) => {
      await expect(
        mailer.send({ to, subject: 'Reset', text: 'token' }),
      ).rejects.toMatchObject({
        name: 'MailDeliveryError',
        cause: expect.objectContaining({
          message: 'the recipient is not a single plain email address',
        }),
      });
      // A message that did slip through would have arrived by the time a later one does.
      await mailer.send({ to: 'ada@example.com', subject: 'Probe', text: 'x' });
      await smtp.waitFor((mail) => mail.subject === 'Probe');
      expect(smtp.messages.map((mail) => mail.subject)).toEqual(['Probe']);
    });

    it('logs the recipient and subject, never the body or the SMTP password', async () => {
      await mailer.send({
        to: 'ada@example.com',
        ...passwordResetEmail({
          name: 'Ada',
          resetUrl: RESET_URL,
          expiresInMinutes: 30,
        }),
      });

      const lines = loggedLines(logSpy);
      expect(lines).toContainEqual(
        expect.stringMatching(
          /Mail to ada@example\.com "Reset your Mezzo password" sent over SMTP/,
        ),
      );
      expect(lines).toContainEqual(
        expect.stringContaining(`smtp://127.0.0.1:${smtp.port}`),
      );
      for (const line of lines) {
        expect(line).not.toContain('s3cr3t-t0ken');
        expect(line).not.toContain('p%40ss');
        expect(line).not.toContain('p@ss');
      }
    });
  });

  describe('when the SMTP server cannot be reached', () => {
    it('throws a MailDeliveryError that names recipient and subject, and logs no body', async () => {
      const gone = await startTestSmtpServer();
      await gone.stop();
      const { module, mailer } = await mailerWith({
        smtpUrl: `smtp://mezzo:hunter2@127.0.0.1:${gone.port}`,
        from: FROM,
      });

      const sending = mailer.send({
        to: 'ada@example.com',
        subject: 'Reset',
        text: `token=s3cr3t-t0ken`,
      });

      await expect(sending).rejects.toBeInstanceOf(MailDeliveryError);
      await expect(sending).rejects.toMatchObject({
        code: 'MAIL_DELIVERY_FAILED',
        transport: 'smtp',
        to: 'ada@example.com',
        subject: 'Reset',
        cause: expect.objectContaining({ code: 'ESOCKET' }),
      });
      const logged = loggedLines(errorSpy).join('\n');
      expect(logged).toContain(
        'Could not send "Reset" to ada@example.com via smtp',
      );
      expect(logged).not.toContain('s3cr3t-t0ken');
      expect(logged).not.toContain('hunter2');
      await module.close();
    });
  });

  describe('configuration', () => {
    it('refuses an SMTP URL with another scheme, without echoing it', async () => {
      await expect(
        mailerWith({ smtpUrl: 'http://user:hunter2@mail.test', from: FROM }),
      ).rejects.toThrow(
        /must start with smtp:\/\/ or smtps:\/\/, not http:\/\/$/,
      );
    });
  });

  describe('in local mode (no SMTP URL)', () => {
    let outboxDir: string;

    beforeEach(async () => {
      outboxDir = join(
        await mkdtemp(join(tmpdir(), 'mezzo-outbox-')),
        'outbox',
      );
    });

    afterEach(async () => {
      await rm(join(outboxDir, '..'), { recursive: true, force: true });
    });

    it('writes each message as an .eml file, named so that a sort gives the sending order', async () => {
      const { module, mailer } = await mailerWith({ from: FROM, outboxDir });
      const email = passwordResetEmail({
        name: 'Ada',
        resetUrl: RESET_URL,
        expiresInMinutes: 30,
      });

      await mailer.send({ to: 'first@example.com', ...email });
      await mailer.send({
        to: 'second@example.com',
        subject: 'Second',
        text: 'Two',
      });
      await mailer.send({
        to: 'third@example.com',
        subject: 'Third',
        text: 'Three',
      });
      await module.close();

      const files = (await readdir(outboxDir)).sort();
      expect(files).toHaveLength(3);
      for (const file of files)
        expect(file).toMatch(
          /^\d{4}-\d{2}-\d{2}T\d{2}-\d{2}-\d{2}-\d{3}Z-\d{4}-[0-9a-f]{6}\.eml$/,
        );
      const mails = await Promise.all(
        files.map(async (file) =>
          parseMail(await readFile(join(outboxDir, file))),
        ),
      );
      expect(mails.map((mail) => mail.to)).toEqual([
        'first@example.com',
        'second@example.com',
        'third@example.com',
      ]);

      const [first] = mails;
      expect(first.from).toBe(FROM);
      expect(first.subject).toBe('Reset your Mezzo password');
      expect(first.headers['message-id']).toMatch(/^<.+>$/);
      expect(first.text).toBe(email.text);
      expect(first.html).toBe(email.html);
    });

    it('says where each message went, without its body', async () => {
      const { module, mailer } = await mailerWith({ from: FROM, outboxDir });

      await mailer.send({
        to: 'ada@example.com',
        subject: 'Hello',
        text: 'token=s3cr3t-t0ken',
      });
      await module.close();

      const [file] = await readdir(outboxDir);
      const lines = loggedLines(logSpy);
      expect(lines).toContainEqual(
        expect.stringContaining(
          `No SMTP URL configured: mail is written to ${outboxDir}`,
        ),
      );
      expect(lines).toContainEqual(
        `Mail to ada@example.com "Hello" written to ${join(outboxDir, file)}`,
      );
      expect(lines.join('\n')).not.toContain('s3cr3t-t0ken');
    });

    it('takes its options from a factory with forRootAsync', async () => {
      const OUTBOX_DIR = Symbol('OUTBOX_DIR');
      @Module({
        providers: [{ provide: OUTBOX_DIR, useValue: outboxDir }],
        exports: [OUTBOX_DIR],
      })
      class OutboxSettingsModule {}
      const module = await Test.createTestingModule({
        imports: [
          NotificationsModule.forRootAsync({
            imports: [OutboxSettingsModule],
            inject: [OUTBOX_DIR],
            useFactory: async (dir: string) => ({ from: FROM, outboxDir: dir }),
          }),
        ],
      }).compile();

      await module
        .get(MailerService)
        .send({ to: 'ada@example.com', subject: 'Async', text: 'x' });
      await module.close();

      const [file] = await readdir(outboxDir);
      expect(parseMail(await readFile(join(outboxDir, file))).subject).toBe(
        'Async',
      );
    });

    it('throws a MailDeliveryError when the outbox cannot be written', async () => {
      const blocker = join(outboxDir, '..', 'not-a-directory');
      await writeFile(blocker, 'a file where the outbox should be');
      const { module, mailer } = await mailerWith({
        from: FROM,
        outboxDir: join(blocker, 'outbox'),
      });

      await expect(
        mailer.send({ to: 'ada@example.com', subject: 'Hello', text: 'x' }),
      ).rejects.toMatchObject({
        name: 'MailDeliveryError',
        transport: 'outbox',
        cause: expect.objectContaining({ code: 'ENOTDIR' }),
      });
      await module.close();
    });
  });
});
