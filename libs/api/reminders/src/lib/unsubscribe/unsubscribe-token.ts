import { createHmac, timingSafeEqual } from 'node:crypto';
import type { ReminderSwitch } from '@mezzo/shared-contracts';

/**
 * The token of a reminder email's unsubscribe link: who, which switch, and an HMAC-SHA256 over
 * both, base64url. Nothing is stored, so it lasts as long as the key (mail is read months later,
 * and RFC 8058 wants the link to keep working); it can only ever turn one switch off, which is
 * harmless to repeat.
 *
 * Layout (50 bytes, 67 characters): version (1) · switch (1) · user id (16, the UUID's bytes) · MAC (32).
 */
const VERSION = 1;
const SWITCH_CODES: Record<ReminderSwitch, number> = {
  deadlines: 1,
  advocacy: 2,
};
const SIGNED_BYTES = 18;
const MAC_BYTES = 32;
const TOKEN = /^[A-Za-z0-9_-]{67}$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface UnsubscribeClaim {
  userId: string;
  reminder: ReminderSwitch;
}

export function signUnsubscribeToken(
  key: Buffer,
  { userId, reminder }: UnsubscribeClaim,
): string {
  if (!UUID.test(userId)) throw new TypeError('userId must be a UUID');
  const signed = Buffer.concat([
    Buffer.from([VERSION, SWITCH_CODES[reminder]]),
    Buffer.from(userId.replace(/-/g, ''), 'hex'),
  ]);
  return Buffer.concat([signed, mac(key, signed)]).toString('base64url');
}

/** The claim of a token this key signed; null for anything else, whatever it is. */
export function verifyUnsubscribeToken(
  key: Buffer,
  token: unknown,
): UnsubscribeClaim | null {
  if (typeof token !== 'string' || !TOKEN.test(token)) return null;
  const bytes = Buffer.from(token, 'base64url');
  // The last character carries two spare bits: only the one spelling this key produced counts.
  if (
    bytes.length !== SIGNED_BYTES + MAC_BYTES ||
    bytes.toString('base64url') !== token
  )
    return null;
  const signed = bytes.subarray(0, SIGNED_BYTES);
  if (!timingSafeEqual(bytes.subarray(SIGNED_BYTES), mac(key, signed)))
    return null;
  const reminder = (Object.keys(SWITCH_CODES) as ReminderSwitch[]).find(
    (s) => SWITCH_CODES[s] === signed[1],
  );
  if (signed[0] !== VERSION || !reminder) return null;
  const hex = signed.subarray(2).toString('hex');
  return {
    userId: `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    reminder,
  };
}

function mac(key: Buffer, signed: Buffer): Buffer {
  return createHmac('sha256', key).update(signed).digest();
}
