import { createConnection } from 'node:net';
import { createTransport } from 'nodemailer';
import { startTestSmtpServer, TestSmtpServer } from './test-smtp-server';

describe('startTestSmtpServer', () => {
  let smtp: TestSmtpServer;

  beforeEach(async () => {
    smtp = await startTestSmtpServer();
  });

  afterEach(async () => {
    await smtp.stop();
  });

  it('listens on an ephemeral port of 127.0.0.1', () => {
    expect(smtp.port).toBeGreaterThan(0);
    expect(smtp.url).toBe(`smtp://127.0.0.1:${smtp.port}`);
  });

  it('receives a message over SMTP and exposes envelope, headers, text and html', async () => {
    const transport = createTransport(smtp.url);
    await transport.sendMail({
      from: 'Mezzo <no-reply@mezzo.test>',
      to: 'ada@example.com',
      subject: 'Welcome',
      text: 'Plain body\n.leading dot survives',
      html: '<p>HTML body</p>',
    });

    expect(smtp.messages).toHaveLength(1);
    const [mail] = smtp.messages;
    expect(mail.envelope).toEqual({
      from: 'no-reply@mezzo.test',
      to: ['ada@example.com'],
    });
    expect(mail.from).toBe('Mezzo <no-reply@mezzo.test>');
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe('Welcome');
    expect(mail.text).toBe('Plain body\n.leading dot survives');
    expect(mail.html).toBe('<p>HTML body</p>');
    expect(mail.headers['message-id']).toMatch(/^<.+@.+>$/);
    expect(mail.raw).toContain('Subject: Welcome');
    expect(mail.authUser).toBeUndefined();
  });

  it('accepts any credentials and records the user name', async () => {
    const transport = createTransport(
      `smtp://mailer:secret@127.0.0.1:${smtp.port}`,
    );
    await transport.sendMail({
      from: 'a@mezzo.test',
      to: 'b@example.com',
      subject: 'Auth',
      text: 'x',
    });

    expect(smtp.messages[0].authUser).toBe('mailer');
  });

  it('waitFor resolves with a message that arrives later', async () => {
    const waiting = smtp.waitFor((mail) => mail.to === 'late@example.com');
    const transport = createTransport(smtp.url);
    await transport.sendMail({
      from: 'a@mezzo.test',
      to: 'early@example.com',
      subject: 'Early',
      text: '1',
    });
    await transport.sendMail({
      from: 'a@mezzo.test',
      to: 'late@example.com',
      subject: 'Late',
      text: '2',
    });

    await expect(waiting).resolves.toMatchObject({ subject: 'Late' });
  });

  it('waitFor resolves at once with a message already received', async () => {
    const transport = createTransport(smtp.url);
    await transport.sendMail({
      from: 'a@mezzo.test',
      to: 'b@example.com',
      subject: 'Already here',
      text: '1',
    });

    await expect(
      smtp.waitFor((mail) => mail.subject === 'Already here', 10),
    ).resolves.toMatchObject({
      to: 'b@example.com',
    });
  });

  it('waitFor rejects after the timeout, naming what was received', async () => {
    const transport = createTransport(smtp.url);
    await transport.sendMail({
      from: 'a@mezzo.test',
      to: 'b@example.com',
      subject: 'Other',
      text: '1',
    });

    await expect(
      smtp.waitFor((mail) => mail.subject === 'Never', 50),
    ).rejects.toThrow(
      /No matching mail within 50 ms; received: "Other" to b@example.com/,
    );
  });

  it('stops listening once stopped', async () => {
    const { port } = smtp;
    await smtp.stop();

    await expect(
      new Promise<void>((resolve, reject) => {
        const socket = createConnection({ host: '127.0.0.1', port });
        socket.once('connect', () => {
          socket.destroy();
          resolve();
        });
        socket.once('error', reject);
      }),
    ).rejects.toMatchObject({ code: 'ECONNREFUSED' });

    // afterEach stops again: a second stop must not throw or hang.
  });
});
