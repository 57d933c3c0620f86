import { confirmEmailChangeEmail, emailInUseEmail } from './email-change.email';
import { emailChangedEmail } from './email-changed.email';

const confirmUrl = 'https://app.mezzo.test/account/email?token=abc&x=1';

describe('confirmEmailChangeEmail', () => {
  const base = {
    name: 'Robin Okafor',
    newEmail: 'robin.new@example.org',
    confirmUrl,
    expiresInHours: 24,
  };

  it('greets the person, names the new address and carries the link and its expiry', () => {
    const email = confirmEmailChangeEmail(base);
    expect(email.subject).toBe('Confirm your new Mezzo sign-in email');
    expect(email.text).toContain('Hi Robin Okafor,');
    expect(email.text).toContain(
      'You asked to sign in to Mezzo with robin.new@example.org from now on.',
    );
    expect(email.text).toContain(`\n${confirmUrl}\n`);
    expect(email.text).toContain(
      'The link expires in 24 hours and works once.',
    );
    expect(email.html).toContain(
      'href="https://app.mezzo.test/account/email?token=abc&amp;x=1"',
    );
  });

  it('escapes markup in the name and says "1 hour"', () => {
    const { html, text } = confirmEmailChangeEmail({
      ...base,
      name: '<b>Evil</b>',
      expiresInHours: 1,
    });
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt;');
    expect(html).not.toContain('<b>Evil');
    expect(text).toContain('expires in 1 hour ');
  });

  it.each(['javascript:alert(1)', '/account/email?token=abc'])(
    'refuses a link that is not an absolute http(s) URL: %s',
    (bad) => {
      expect(() =>
        confirmEmailChangeEmail({ ...base, confirmUrl: bad }),
      ).toThrow(TypeError);
    },
  );

  it.each([0, -1, 1.5])('refuses an expiry of %p hours', (expiresInHours) => {
    expect(() => confirmEmailChangeEmail({ ...base, expiresInHours })).toThrow(
      RangeError,
    );
  });
});

describe('emailInUseEmail', () => {
  it('tells the holder of the address that nothing changed, with a way to sign in and no link to confirm', () => {
    const email = emailInUseEmail({
      name: ' ',
      email: 'tara@example.org',
      signInUrl: 'https://app.mezzo.test/sign-in',
    });
    expect(email.subject).toBe('Your email is already on a Mezzo account');
    expect(email.text).toContain('Hi there,');
    expect(email.text).toContain(
      'Someone asked to make tara@example.org the sign-in email of another Mezzo account.',
    );
    expect(email.text).toContain('nothing changed');
    expect(email.html).toContain('href="https://app.mezzo.test/sign-in"');
    expect(email.text).not.toContain('token=');
  });
});

describe('emailChangedEmail', () => {
  it('tells the old address where the account signs in now, and what to do if it was not them', () => {
    const email = emailChangedEmail({
      name: 'Robin & Co',
      newEmail: 'robin.new@example.org',
    });
    expect(email.subject).toBe('Your Mezzo sign-in email was changed');
    expect(email.text).toContain(
      'Your Mezzo sign-in email was changed to robin.new@example.org.',
    );
    expect(email.text).toContain('If it was not,');
    expect(email.html).toContain('Hi Robin &amp; Co,');
  });
});
