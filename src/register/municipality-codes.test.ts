import { test } from 'node:test';
import assert from 'node:assert/strict';
import { codeProblemInYear, codeProblemOn, type CodePeriod } from './municipality-codes.ts';

const brielle: CodePeriod = { cbsCode: 'GM0501', name: 'Brielle', validFrom: null, validTo: '2023-01-01', successorCbsCode: 'GM1992' };
const voorne: CodePeriod = { cbsCode: 'GM1992', name: 'Voorne aan Zee', validFrom: '2023-01-01', validTo: null, successorCbsCode: null };
const heemstede: CodePeriod = { cbsCode: 'GM0397', name: 'Heemstede', validFrom: null, validTo: null, successorCbsCode: null };

test('a code without a period is always valid', () => {
  assert.equal(codeProblemOn(heemstede, '1990-05-01'), null);
  assert.equal(codeProblemOn(heemstede, '2030-05-01'), null);
});

test('an ended code is valid up to the day before its end and names its successor after', () => {
  assert.equal(codeProblemOn(brielle, '2022-12-31'), null);
  assert.equal(codeProblemOn(brielle, '2023-01-01', 'Voorne aan Zee'), 'GM0501 (Brielle) bestaat sinds 01-01-2023 niet meer: opgegaan in GM1992 Voorne aan Zee');
  assert.equal(codeProblemInYear(brielle, 2022), null);
  assert.match(codeProblemInYear(brielle, 2023)!, /niet meer/);
});

test('a new code is not valid before it starts', () => {
  assert.equal(codeProblemOn(voorne, '2022-12-31'), 'GM1992 (Voorne aan Zee) bestaat pas sinds 01-01-2023');
  assert.equal(codeProblemOn(voorne, '2023-01-01'), null);
  assert.equal(codeProblemInYear(voorne, 2022), 'GM1992 (Voorne aan Zee) bestaat pas sinds 01-01-2023');
});
