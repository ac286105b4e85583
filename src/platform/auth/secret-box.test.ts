import { test } from 'node:test';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import { isSealed, open, seal, secretKeyFrom } from './secret-box.ts';

const key = randomBytes(32);

test('seal/open: sealed text is not the secret, opens to it, differs each time (random IV)', () => {
  const a = seal('JBSWY3DPEHPK3PXP', key);
  const b = seal('JBSWY3DPEHPK3PXP', key);
  assert.ok(isSealed(a));
  assert.doesNotMatch(a, /JBSWY3DPEHPK3PXP/);
  assert.notEqual(a, b);
  assert.equal(open(a, key), 'JBSWY3DPEHPK3PXP');
  assert.equal(open(b, key), 'JBSWY3DPEHPK3PXP');
});

test('without a key the value is stored as is; unsealed values open as is', () => {
  assert.equal(seal('JBSWY3DPEHPK3PXP', null), 'JBSWY3DPEHPK3PXP');
  assert.equal(open('JBSWY3DPEHPK3PXP', key), 'JBSWY3DPEHPK3PXP');
});

test('a sealed value never opens wrongly: no key, another key or a changed byte is an error', () => {
  const sealed = seal('JBSWY3DPEHPK3PXP', key);
  assert.throws(() => open(sealed, null), /VLECHT_SECRET_KEY/);
  assert.throws(() => open(sealed, randomBytes(32)));
  const parts = sealed.split('.');
  const data = Buffer.from(parts[3], 'base64url');
  data[0] ^= 1;
  assert.throws(() => open([...parts.slice(0, 3), data.toString('base64url')].join('.'), key));
});

test('the key is 32 bytes as hex or base64; anything else is refused with a Dutch message', () => {
  assert.equal(secretKeyFrom(undefined), null);
  assert.equal(secretKeyFrom(key.toString('hex'))!.equals(key), true);
  assert.equal(secretKeyFrom(key.toString('base64'))!.equals(key), true);
  assert.throws(() => secretKeyFrom('te-kort'), /32 bytes/);
});
