import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkClaims, provesSecondFactor } from './oidc.claims.ts';

const good = { iss: 'https://idp.heemstede.nl', sub: 'medewerker-42', email: 'A.Jansen@Heemstede.nl', email_verified: true, acr: 'loa3', amr: ['pwd', 'otp'] };
const required = { acr: ['loa3', 'loa4'], amr: ['mfa', 'otp', 'hwk'] };

test('checkClaims: requirements on acr, amr and the e-mail address', () => {
  const cases: [string, Record<string, unknown>, { acr: string[]; amr: string[] }, string | null][] = [
    ['all as required', good, required, null],
    ['nothing required', { iss: 'https://i', sub: 's', email: 'a@x.nl', email_verified: true }, { acr: [], amr: [] }, null],
    ['no sub', { ...good, sub: undefined }, required, 'subject'],
    ['no iss', { ...good, iss: undefined }, required, 'subject'],
    ['acr not in the list', { ...good, acr: 'loa2' }, required, 'acr'],
    ['no acr', { ...good, acr: undefined }, required, 'acr'],
    ['acr compared exactly', { ...good, acr: 'LOA3' }, required, 'acr'],
    ['amr without a second factor', { ...good, amr: ['pwd'] }, required, 'amr'],
    ['amr as a single string', { ...good, amr: 'hwk' }, required, null],
    ['amr not a list of strings', { ...good, amr: [1, { m: 'otp' }] }, required, 'amr'],
    ['no e-mail', { ...good, email: undefined }, required, 'email'],
    ['e-mail without @', { ...good, email: 'jansen' }, required, 'email'],
    ['email_verified false', { ...good, email_verified: false }, required, 'email_verified'],
    ['email_verified as the string "true"', { ...good, email_verified: 'true' }, required, 'email_verified'],
    ['no email_verified', { ...good, email_verified: undefined }, required, 'email_verified'],
  ];
  for (const [name, claims, req, refusal] of cases) assert.equal(checkClaims(claims, req).refusal, refusal, name);
});

test('checkClaims: the e-mail address is lower-cased for the account lookup', () => {
  assert.deepEqual(checkClaims(good, required), { email: 'a.jansen@heemstede.nl', acr: 'loa3', amr: ['pwd', 'otp'], account: { issuer: 'https://idp.heemstede.nl', subject: 'medewerker-42' }, refusal: null });
});

test('provesSecondFactor: amr "mfa", or a configured amr method met; a password alone never', () => {
  assert.equal(provesSecondFactor({ amr: ['pwd', 'mfa'] }, { amr: [] }), true);
  assert.equal(provesSecondFactor({ amr: ['pwd', 'otp'] }, { amr: ['otp', 'hwk'] }), true);
  assert.equal(provesSecondFactor({ amr: ['pwd', 'otp'] }, { amr: [] }), false);
  assert.equal(provesSecondFactor({ amr: ['pwd'] }, { amr: ['otp'] }), false);
  assert.equal(provesSecondFactor({ amr: [] }, { amr: [] }), false);
});
