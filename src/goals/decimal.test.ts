import { test } from 'node:test';
import assert from 'node:assert/strict';
import { compareDecimal, csvDecimal, formatDecimal, normalise, parseDecimal, parseDutchDecimal, percentOf, quotient, subtractDecimal } from './decimal.ts';

test('canonical decimals parse exactly; more than 4 decimals or exponents are refused', () => {
  const cases: [string | number, string | null][] = [
    ['41.2', '41.2'], ['41.20', '41.2'], ['-3', '-3'], ['0', '0'], ['-0', '0'], [30000, '30000'], [0.1, '0.1'],
    ['1.23456', null], [1e21, null], ['1,5', null], ['', null], ['abc', null], ['99999999999999.9999', '99999999999999.9999'], ['100000000000000', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseDecimal(input), expected, String(input));
});

test('Dutch input: comma decimals, dots as thousands, euro and percent signs ignored', () => {
  const cases: [string, string | null][] = [
    ['41,2', '41.2'], ['1.234,56', '1234.56'], ['€ 30.000', '30000'], ['€ 30.000,00', '30000'], ['45%', '45'], ['8,1', '8.1'],
    ['41.2', '41.2'], ['-2,5', '-2.5'], ['1.2.3', null], ['12,34,5', null], ['veel', null], ['', null], ['1,23456', null],
  ];
  for (const [input, expected] of cases) assert.equal(parseDutchDecimal(input), expected, input);
});

test('quotient rounds half away from zero like PostgreSQL round(numeric, n)', () => {
  const cases: [bigint, bigint, number, string][] = [
    [1n, 3n, 2, '0.33'], [2n, 3n, 2, '0.67'], [1n, 8n, 2, '0.13'], [-1n, 8n, 2, '-0.13'], [4500n, 10000n, 4, '0.45'],
    [123_456n * 100n, 280_000n, 2, '44.09'], [25n, 60n, 2, '0.42'], [90n, 60n, 2, '1.5'], [0n, 7n, 2, '0'],
  ];
  for (const [n, d, decimals, expected] of cases) assert.equal(quotient(n, d, decimals), expected, `${n}/${d}`);
});

test('comparison, subtraction and percentages stay exact', () => {
  assert.equal(compareDecimal('0.3', '0.30'), 0);
  assert.equal(compareDecimal('8.1', '7.65'), 1);
  assert.equal(compareDecimal('-1', '0'), -1);
  assert.equal(subtractDecimal('0.3', '0.1'), '0.2');
  assert.equal(percentOf('5', '20'), 25);
  assert.equal(percentOf('1', '0'), null);
  assert.equal(normalise('41.2000'), '41.2');
});

test('Dutch display and CSV notation', () => {
  assert.equal(formatDecimal('1234.5'), '1.234,5');
  assert.equal(formatDecimal('30000'), '30.000');
  assert.equal(formatDecimal('8.1', 2), '8,10');
  assert.equal(formatDecimal('-0.25'), '-0,25');
  assert.equal(csvDecimal('-1234.5000'), '-1234,5');
});
