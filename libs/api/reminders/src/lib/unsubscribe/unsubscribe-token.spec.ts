import { createHmac, randomBytes } from 'node:crypto';
import {
  signUnsubscribeToken,
  verifyUnsubscribeToken,
} from './unsubscribe-token';

const key = Buffer.from('k'.repeat(32));
const ann = '0b5a1c2e-3f4d-4e6f-8a9b-0c1d2e3f4a5b';
const bob = '9f8e7d6c-5b4a-4392-8170-6f5e4d3c2b1a';

/** The token's bytes changed by `edit`, spelled again. */
function edited(token: string, edit: (bytes: Buffer) => void): string {
  const bytes = Buffer.from(token, 'base64url');
  edit(bytes);
  return bytes.toString('base64url');
}

describe('unsubscribe token', () => {
  it('names the user and the switch it was signed for, and nothing else', () => {
    const token = signUnsubscribeToken(key, {
      userId: ann,
      reminder: 'deadlines',
    });
    expect(token).toMatch(/^[A-Za-z0-9_-]{67}$/);
    expect(verifyUnsubscribeToken(key, token)).toEqual({
      userId: ann,
      reminder: 'deadlines',
    });
    const advocacy = signUnsubscribeToken(key, {
      userId: bob,
      reminder: 'advocacy',
    });
    expect(verifyUnsubscribeToken(key, advocacy)).toEqual({
      userId: bob,
      reminder: 'advocacy',
    });
    // Upper-case UUIDs are the same user.
    expect(
      verifyUnsubscribeToken(
        key,
        signUnsubscribeToken(key, {
          userId: ann.toUpperCase(),
          reminder: 'deadlines',
        }),
      )?.userId,
    ).toBe(ann);
  });

  it('is the same token every time: it stays valid in mail already sent', () => {
    const claim = { userId: ann, reminder: 'advocacy' } as const;
    expect(signUnsubscribeToken(key, claim)).toBe(
      signUnsubscribeToken(Buffer.from(key), claim),
    );
  });

  it('refuses a token signed with another key', () => {
    const token = signUnsubscribeToken(randomBytes(32), {
      userId: ann,
      reminder: 'deadlines',
    });
    expect(verifyUnsubscribeToken(key, token)).toBeNull();
  });

  it('refuses the token with another switch or another user put in, keeping its MAC', () => {
    const token = signUnsubscribeToken(key, {
      userId: ann,
      reminder: 'deadlines',
    });
    const otherSwitch = edited(token, (b) => (b[1] = 2));
    const otherUser = edited(token, (b) =>
      Buffer.from(bob.replace(/-/g, ''), 'hex').copy(b, 2),
    );
    expect(verifyUnsubscribeToken(key, otherSwitch)).toBeNull();
    expect(verifyUnsubscribeToken(key, otherUser)).toBeNull();
    // Bob's own token for the same switch does not carry over to Ann either.
    const bobs = signUnsubscribeToken(key, {
      userId: bob,
      reminder: 'deadlines',
    });
    expect(bobs).not.toBe(token);
    expect(verifyUnsubscribeToken(key, bobs)?.userId).toBe(bob);
  });

  it('refuses any single flipped bit', () => {
    const token = signUnsubscribeToken(key, {
      userId: ann,
      reminder: 'advocacy',
    });
    const length = Buffer.from(token, 'base64url').length;
    for (let i = 0; i < length * 8; i++) {
      const tampered = edited(token, (b) => (b[i >> 3] ^= 1 << (i & 7)));
      expect(verifyUnsubscribeToken(key, tampered)).toBeNull();
    }
  });

  it('refuses another spelling of the same bytes (the spare bits of the last character)', () => {
    const token = signUnsubscribeToken(key, {
      userId: ann,
      reminder: 'deadlines',
    });
    const alphabet =
      'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_';
    const last = alphabet.indexOf(token[token.length - 1]);
    const respelled = token.slice(0, -1) + alphabet[last ^ 1];
    expect(Buffer.from(respelled, 'base64url')).toEqual(
      Buffer.from(token, 'base64url'),
    );
    expect(verifyUnsubscribeToken(key, respelled)).toBeNull();
  });

  it('refuses a correctly signed token of an unknown version or switch', () => {
    const forge = (version: number, code: number) => {
      const signed = Buffer.concat([
        Buffer.from([version, code]),
        Buffer.from(ann.replace(/-/g, ''), 'hex'),
      ]);
      const mac = createHmac('sha256', key).update(signed).digest();
      return Buffer.concat([signed, mac]).toString('base64url');
    };
    expect(verifyUnsubscribeToken(key, forge(1, 1))).not.toBeNull();
    expect(verifyUnsubscribeToken(key, forge(2, 1))).toBeNull();
    expect(verifyUnsubscribeToken(key, forge(1, 3))).toBeNull();
    expect(verifyUnsubscribeToken(key, forge(1, 0))).toBeNull();
  });

  it.each([
    ['nothing', undefined],
    ['null', null],
    ['a number', 42],
    ['an array of tokens', ['a', 'b']],
    ['an object', { token: 'x' }],
    ['an empty string', ''],
    ['garbage', 'not a token at all'],
    ['one character short', 'A'.repeat(66)],
    ['one character long', 'A'.repeat(68)],
    ['the right length of zeros', 'A'.repeat(67)],
    ['standard base64', '+/'.repeat(33) + 'A'],
    ['padding', 'A'.repeat(66) + '='],
    ['a NUL character', 'A'.repeat(66) + '\u0000'],
    ['a very long string', 'A'.repeat(100_000)],
  ])('refuses %s without throwing', (_what, token) => {
    expect(verifyUnsubscribeToken(key, token)).toBeNull();
  });

  it('signs only a UUID', () => {
    expect(() =>
      signUnsubscribeToken(key, { userId: 'ann', reminder: 'deadlines' }),
    ).toThrow(/UUID/);
  });
});
