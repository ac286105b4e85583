import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatCents, formatDate, formatFte, parseDutchDate, parseDutchNumber } from './format.ts';

test('money from integer cents is shown as € 1.234,56', () => {
  assert.equal(formatCents(123456).replace(/\u00a0/g, ' '), '€ 1.234,56');
  assert.equal(formatCents(3_000_000).replace(/\u00a0/g, ' '), '€ 30.000,00');
});

test('dates are shown as dd-mm-jjjj', () => {
  assert.equal(formatDate('2017-04-01'), '01-04-2017');
  assert.equal(formatDate(null), '');
});

test('FTE in thousandths is shown with a comma', () => {
  assert.equal(formatFte(889), '0,889');
  assert.equal(formatFte(1000), '1,00');
});

test('Dutch dates and numbers are parsed; anything else is left for validation', () => {
  assert.equal(parseDutchDate('1-4-2017'), '2017-04-01');
  assert.equal(parseDutchDate('2017-04-01'), '2017-04-01');
  assert.equal(parseDutchDate('gisteren'), 'gisteren');
  assert.equal(parseDutchNumber('1.234,56'), 1234.56);
  assert.equal(parseDutchNumber('0,8'), 0.8);
  assert.equal(parseDutchNumber('65.5'), 65.5);
  assert.ok(Number.isNaN(parseDutchNumber('twee')));
});
