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
  const revertUrl = 'https://app.mezzo.test/account/email/revert?token=r3v&x=1';
  const base = {
    name: 'Robin & Co',
    newEmail: 'robin.new@example.org',
    revertUrl,
    revertExpiresInDays: 7,
    supportEmail: 'help@mezzo.test',
  };

  it('tells the old address where the account signs in now', () => {
    const email = emailChangedEmail(base);
    expect(email.subject).toBe('Your Mezzo sign-in email was changed');
    expect(email.text).toContain(
      'Your Mezzo sign-in email was changed to robin.new@example.org.',
    );
    expect(email.text).toContain('If this was you, there is nothing to do.');
    expect(email.html).toContain('Hi Robin &amp; Co,');
  });

  it('carries the link that undoes the change, what it does and for how long, in both parts', () => {
    const { text, html } = emailChangedEmail(base);
    expect(text).toContain(
      "If this wasn't you, someone who knows your password changed it. Undo it with this link:",
    );
    expect(text).toContain(`\n${revertUrl}\n`);
    expect(text).toContain('The link works once, for 7 days.');
    expect(text).toContain('signs out every device');
    expect(text).toContain('a link to choose a new password');
    expect(html).toContain(
      'href="https://app.mezzo.test/account/email/revert?token=r3v&amp;x=1"',
    );
    expect(html).not.toContain('token=r3v&x=1');
    expect(html).toContain(">This wasn't me: undo the change</a>");
    expect(html).toContain('The link works once, for 7 days.');
    // Past the link's life, where to write.
    expect(text).toContain(
      'If it no longer works, write to Mezzo support at help@mezzo.test and keep this email.',
    );
    expect(html).toContain('write to Mezzo support at help@mezzo.test');
  });

  it("without a link of its own, points to the earlier change's link and carries no undo link", () => {
    const { text, html } = emailChangedEmail({ ...base, revertUrl: undefined });
    expect(text).toContain(
      'Your Mezzo sign-in email was changed to robin.new@example.org.',
    );
    expect(text).toContain(
      "The account's email was also changed in the 7 days before",
    );
    expect(text).toContain('the undo link sent then');
    expect(text).toContain(
      'If you cannot use that link, write to Mezzo support at help@mezzo.test',
    );
    expect(text).not.toContain('/account/email/revert');
    expect(html).not.toContain('href=');
    expect(html).toContain('Hi Robin &amp; Co,');
  });

  it('says "1 day" and escapes markup in the new address', () => {
    const { text, html } = emailChangedEmail({
      ...base,
      newEmail: '<i>x</i>@example.org',
      revertExpiresInDays: 1,
    });
    expect(text).toContain('for 1 day.');
    expect(html).toContain('&lt;i&gt;x&lt;/i&gt;@example.org');
    expect(html).not.toContain('<i>x');
  });

  it.each(['javascript:alert(1)', '/account/email/revert?token=abc'])(
    'refuses a link that is not an absolute http(s) URL: %s',
    (bad) => {
      expect(() => emailChangedEmail({ ...base, revertUrl: bad })).toThrow(
        TypeError,
      );
    },
  );

  it.each([0, -1, 1.5])('refuses a lifetime of %p days', (days) => {
    expect(() =>
      emailChangedEmail({ ...base, revertExpiresInDays: days }),
    ).toThrow(RangeError);
  });
});
