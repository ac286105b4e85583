import { test } from 'node:test';
import assert from 'node:assert/strict';
import { groupedSecret, matchingStep, needsSecondFactor, newTotpSecret, normaliseCode, totpCode, totpUri } from './totp.ts';

// RFC 6238 appendix B: the ASCII secret "12345678901234567890" (base32 below), SHA-1.
const RFC_SECRET = 'GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ';
const at = (s: number) => new Date(s * 1000);

test('computes the RFC 6238 test vectors (last six digits)', () => {
  for (const [time, code] of [[59, '287082'], [1111111109, '081804'], [1234567890, '005924'], [2000000000, '279037']] as const) {
    assert.equal(totpCode(RFC_SECRET, at(time)), code, `at ${time}`);
  }
});

test('accepts the code of the step before and after, not two steps away', () => {
  const now = at(1_800_000_015); // step 60_000_000
  assert.equal(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, now), now), 60_000_000);
  assert.equal(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, at(1_800_000_015 - 30)), now), 59_999_999);
  assert.equal(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, at(1_800_000_015 + 30)), now), 60_000_001);
  assert.equal(matchingStep(RFC_SECRET, totpCode(RFC_SECRET, at(1_800_000_015 - 60)), now), null);
});

test('reads codes with spaces; refuses anything but six digits', () => {
  assert.equal(normaliseCode(' 123 456 '), '123456');
  assert.equal(normaliseCode('123-456'), '123456');
  for (const bad of ['', '12345', '1234567', 'abcdef', '12345x']) assert.equal(normaliseCode(bad), null, bad);
  assert.equal(matchingStep(RFC_SECRET, 'abcdef', at(59)), null);
});

test('a new secret has 160 bits and its URI names issuer and account', () => {
  const secret = newTotpSecret();
  assert.match(secret, /^[A-Z2-7]{32}$/);
  assert.notEqual(secret, newTotpSecret());
  const uri = totpUri(secret, 'a@vlecht.test');
  assert.match(uri, /^otpauth:\/\/totp\/Vlecht:a%40vlecht\.test\?/);
  assert.match(uri, new RegExp(`secret=${secret}`));
  assert.equal(groupedSecret('ABCDEFGHIJ'), 'ABCD EFGH IJ');
});

test('beheerder and controller need a second factor; other roles do not', () => {
  assert.equal(needsSecondFactor([{ role: 'beheerder' }]), true);
  assert.equal(needsSecondFactor([{ role: 'raadslid' }, { role: 'controller' }]), true);
  assert.equal(needsSecondFactor([{ role: 'directie' }, { role: 'teammanager' }, { role: 'raadslid' }]), false);
  assert.equal(needsSecondFactor([]), false);
});
