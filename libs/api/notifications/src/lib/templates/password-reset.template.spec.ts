import { escapeHtml } from './escape-html';
import { passwordResetEmail } from './password-reset.template';

const resetUrl = 'https://app.mezzo.test/reset-password?token=abc123&uid=42';

describe('passwordResetEmail', () => {
  it('greets by name and carries the link and the expiry in the text part', () => {
    const email = passwordResetEmail({
      name: 'Ada Lovelace',
      resetUrl,
      expiresInMinutes: 30,
    });

    expect(email.subject).toBe('Reset your Mezzo password');
    expect(email.text).toContain('Hi Ada Lovelace,');
    expect(email.text).toContain(`\n${resetUrl}\n`);
    expect(email.text).toContain('The link expires in 30 minutes.');
    expect(email.text).toContain(
      "If you didn't ask for this, you can ignore this email",
    );
  });

  it('links the reset page in the html part, with the ampersand escaped in the attribute', () => {
    const { html } = passwordResetEmail({
      name: 'Ada',
      resetUrl,
      expiresInMinutes: 30,
    });

    expect(html).toContain(
      'href="https://app.mezzo.test/reset-password?token=abc123&amp;uid=42"',
    );
    expect(html).not.toContain('token=abc123&uid');
    expect(html).toContain('<p>Hi Ada,</p>');
  });

  it('after an email change was undone, says why a new password is needed and does not say "ignore this"', () => {
    const email = passwordResetEmail({
      name: 'Ada',
      resetUrl,
      expiresInMinutes: 60,
      reason: 'email-restored',
    });
    expect(email.subject).toBe('Choose a new Mezzo password');
    for (const part of [email.text, email.html]) {
      expect(part).toContain(
        'Your Mezzo sign-in email is this address again, and every device was signed out.',
      );
      expect(part).toContain('that password no longer works');
      expect(part).toContain('The link expires in 1 hour.');
      expect(part).not.toContain('ignore this email');
    }
    expect(email.text).toContain(`\n${resetUrl}\n`);
  });

  it('escapes a name that contains markup', () => {
    const { html, text } = passwordResetEmail({
      name: '<img src=x onerror="alert(1)"> & Co',
      resetUrl,
      expiresInMinutes: 30,
    });

    expect(html).toContain(
      'Hi &lt;img src=x onerror=&quot;alert(1)&quot;&gt; &amp; Co,',
    );
    expect(html).not.toContain('<img');
    // The text part is not HTML: the name appears as typed.
    expect(text).toContain('Hi <img src=x onerror="alert(1)"> & Co,');
  });

  it('falls back to a neutral greeting when the name is blank', () => {
    expect(
      passwordResetEmail({ name: '  ', resetUrl, expiresInMinutes: 30 }).text,
    ).toMatch(/^Hi there,/);
  });

  it.each([
    [1, '1 minute'],
    [45, '45 minutes'],
    [60, '1 hour'],
    [120, '2 hours'],
    [90, '90 minutes'],
  ])('words an expiry of %i minutes as "%s"', (expiresInMinutes, words) => {
    const email = passwordResetEmail({
      name: 'Ada',
      resetUrl,
      expiresInMinutes,
    });

    expect(email.text).toContain(`The link expires in ${words}.`);
    expect(email.html).toContain(`The link expires in ${words}.`);
  });

  it.each([
    'javascript:alert(1)',
    'data:text/html,hi',
    '/reset-password?token=abc',
  ])(
    'refuses a reset link that is not an absolute http(s) URL: %s',
    (badUrl) => {
      expect(() =>
        passwordResetEmail({
          name: 'Ada',
          resetUrl: badUrl,
          expiresInMinutes: 30,
        }),
      ).toThrow(TypeError);
    },
  );

  it.each([0, -5, 2.5, Number.NaN])(
    'refuses an expiry of %p minutes',
    (expiresInMinutes) => {
      expect(() =>
        passwordResetEmail({ name: 'Ada', resetUrl, expiresInMinutes }),
      ).toThrow(RangeError);
    },
  );
});

describe('escapeHtml', () => {
  it('escapes the five characters that matter in content and attributes', () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      '&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;',
    );
  });

  it('leaves other text, accents included, unchanged', () => {
    expect(escapeHtml('Zoë Smith, LCSW')).toBe('Zoë Smith, LCSW');
  });
});
