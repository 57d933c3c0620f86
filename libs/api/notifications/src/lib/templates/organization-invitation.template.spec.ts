import { organizationInvitationEmail } from './organization-invitation.template';

const invitationUrl = 'https://app.mezzo.test/invitations?token=abc&x=1';
const base = {
  organizationName: 'Garden State CE',
  inviterName: 'Olu Owner',
  role: 'member' as const,
  invitationUrl,
  email: 'sam@example.org',
  expiresInDays: 14,
};

describe('organizationInvitationEmail', () => {
  it('names the organisation, inviter, role, address, link and expiry', () => {
    const email = organizationInvitationEmail(base);
    expect(email.subject).toBe(
      'Garden State CE invites you to join them on Mezzo',
    );
    expect(email.text).toContain(
      'Olu Owner invites you to join Garden State CE on Mezzo as a member.',
    );
    expect(email.text).toContain('sign in to Mezzo with sam@example.org');
    expect(email.text).toContain(`\n${invitationUrl}\n`);
    expect(email.text).toContain('The invitation expires in 14 days.');
    expect(email.html).toContain(
      'href="https://app.mezzo.test/invitations?token=abc&amp;x=1"',
    );
  });

  it('words the owner role and escapes markup in names', () => {
    const { html, text } = organizationInvitationEmail({
      ...base,
      role: 'owner',
      organizationName: '<b>Evil</b> & Co',
      inviterName: ' ',
    });
    expect(text).toContain(
      'Someone invites you to join <b>Evil</b> & Co on Mezzo as an owner.',
    );
    expect(html).toContain('&lt;b&gt;Evil&lt;/b&gt; &amp; Co');
    expect(html).not.toContain('<b>Evil');
  });

  it.each(['javascript:alert(1)', '/invitations?token=abc'])(
    'refuses a link that is not an absolute http(s) URL: %s',
    (bad) => {
      expect(() =>
        organizationInvitationEmail({ ...base, invitationUrl: bad }),
      ).toThrow(TypeError);
    },
  );

  it.each([0, -1, 1.5])('refuses an expiry of %p days', (expiresInDays) => {
    expect(() =>
      organizationInvitationEmail({ ...base, expiresInDays }),
    ).toThrow(RangeError);
  });
});
