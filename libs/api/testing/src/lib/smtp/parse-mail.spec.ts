import { createTransport } from 'nodemailer';
import {
  decodeEncodedWords,
  decodeQuotedPrintable,
  parseMail,
} from './parse-mail';

const crlf = (lines: string[]): string => lines.join('\r\n') + '\r\n';

describe('parseMail', () => {
  it('reads unfolded headers and a single-part body', () => {
    const mail = parseMail(
      crlf([
        'From: Mezzo <no-reply@mezzo.test>',
        'To: ada@example.com',
        'Subject: A subject that was',
        ' folded over two lines',
        'Content-Type: text/plain; charset=utf-8',
        '',
        'Line one',
        'Line two',
      ]),
    );

    expect(mail.from).toBe('Mezzo <no-reply@mezzo.test>');
    expect(mail.to).toBe('ada@example.com');
    expect(mail.subject).toBe('A subject that was folded over two lines');
    expect(mail.headers['content-type']).toBe('text/plain; charset=utf-8');
    expect(mail.text).toBe('Line one\nLine two');
    expect(mail.html).toBeUndefined();
  });

  it('finds the text and html parts of a multipart message and decodes their transfer encodings', () => {
    const html = Buffer.from('<p>Bonjour Zoë</p>', 'utf8').toString('base64');
    const mail = parseMail(
      crlf([
        'Subject: =?UTF-8?Q?R=C3=A9initialiser?= =?UTF-8?Q?_votre_mot?=',
        'Content-Type: multipart/alternative; boundary="b1"',
        '',
        'preamble to ignore',
        '--b1',
        'Content-Type: text/plain; charset=utf-8',
        'Content-Transfer-Encoding: quoted-printable',
        '',
        'Bonjour Zo=C3=AB, ce lien est tr=',
        '=C3=A8s long: https://app.test/reset?token=3Dabc',
        '--b1',
        'Content-Type: text/html; charset=utf-8',
        'Content-Transfer-Encoding: base64',
        '',
        html,
        '--b1--',
        'epilogue to ignore',
      ]),
    );

    expect(mail.subject).toBe('Réinitialiser votre mot');
    expect(mail.text).toBe(
      'Bonjour Zoë, ce lien est très long: https://app.test/reset?token=abc',
    );
    expect(mail.html).toBe('<p>Bonjour Zoë</p>');
  });

  it('skips attachments when looking for the text part', () => {
    const mail = parseMail(
      crlf([
        'Content-Type: multipart/mixed; boundary=outer',
        '',
        '--outer',
        'Content-Type: text/plain',
        'Content-Disposition: attachment; filename=notes.txt',
        '',
        'not the body',
        '--outer',
        'Content-Type: text/plain',
        '',
        'the body',
        '--outer--',
      ]),
    );

    expect(mail.text).toBe('the body');
  });

  it('reads back what nodemailer writes, long lines and non-ASCII included', async () => {
    const transport = createTransport({
      streamTransport: true,
      buffer: true,
      newline: 'windows',
    });
    const text = `Hi Zoë,\n\n${'A long line that the encoder has to wrap. '.repeat(5)}\nhttps://app.test/reset?token=a=b&c=d`;
    const info = await transport.sendMail({
      from: '"Mezzo Notifications" <no-reply@mezzo.test>',
      to: 'zoe@example.com',
      subject: 'Réinitialisez votre mot de passe — Mezzo',
      text,
      html: '<p>Hi Zoë</p>',
    });

    const mail = parseMail(info.message as Buffer);

    expect(mail.from).toBe('Mezzo Notifications <no-reply@mezzo.test>');
    expect(mail.to).toBe('zoe@example.com');
    expect(mail.subject).toBe('Réinitialisez votre mot de passe — Mezzo');
    expect(mail.text).toBe(text);
    expect(mail.html).toBe('<p>Hi Zoë</p>');
  });
});

describe('decoders', () => {
  it('decodes quoted-printable soft breaks and escaped bytes', () => {
    expect(decodeQuotedPrintable('a=3Db=\r\nc =C3=A9')).toBe('a=bc é');
  });

  it('leaves a stray "=" that is not an escape alone', () => {
    expect(decodeQuotedPrintable('x=zz')).toBe('x=zz');
  });

  it('decodes base64 encoded words and keeps plain text around them', () => {
    expect(
      decodeEncodedWords(
        `Hello =?utf-8?B?${Buffer.from('Zoë').toString('base64')}?= !`,
      ),
    ).toBe('Hello Zoë !');
  });
});
