/**
 * Encryption at rest for secrets the app must read back (TOTP seeds): AES-256-GCM with a
 * key from VLECHT_SECRET_KEY (32 bytes, base64 or hex), stored as `v1.<iv>.<tag>.<data>`
 * (base64url). Without a key a value is stored as is — the demo and tests — and
 * `vlecht serve` warns. A sealed value read without the key, or with another key, is an
 * error, never silently a wrong secret. Unsealed (older) values still open.
 */
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

const PREFIX = 'v1.';

/** The key from the environment (or the given text); null when none is set. Throws on a malformed key. */
export function secretKeyFrom(text: string | undefined = process.env.VLECHT_SECRET_KEY): Buffer | null {
  if (!text) return null;
  const key = /^[0-9a-f]{64}$/i.test(text) ? Buffer.from(text, 'hex') : Buffer.from(text, 'base64');
  if (key.length !== 32) throw new Error('VLECHT_SECRET_KEY moet 32 bytes zijn (64 hextekens of base64), bijv. uit `openssl rand -base64 32`');
  return key;
}

export const isSealed = (stored: string) => stored.startsWith(PREFIX);

export function seal(plain: string, key: Buffer | null = secretKeyFrom()): string {
  if (!key) return plain;
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const data = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return `${PREFIX}${iv.toString('base64url')}.${cipher.getAuthTag().toString('base64url')}.${data.toString('base64url')}`;
}

export function open(stored: string, key: Buffer | null = secretKeyFrom()): string {
  if (!isSealed(stored)) return stored;
  if (!key) throw new Error('versleuteld geheim, maar VLECHT_SECRET_KEY is niet gezet');
  const [iv, tag, data] = stored.slice(PREFIX.length).split('.').map((p) => Buffer.from(p, 'base64url'));
  const decipher = createDecipheriv('aes-256-gcm', key, iv);
  decipher.setAuthTag(tag);
  return Buffer.concat([decipher.update(data), decipher.final()]).toString('utf8');
}
