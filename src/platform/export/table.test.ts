import { test } from 'node:test';
import assert from 'node:assert/strict';
import { neutralise, toCsv } from './table.ts';

test('formulas are neutralised so a spreadsheet shows them as text', () => {
  assert.equal(neutralise('=cmd|\' /C calc\'!A0'), '\'=cmd|\' /C calc\'!A0');
  assert.equal(neutralise('+31 6 1234'), '\'+31 6 1234');
  assert.equal(neutralise('@SUM(A1)'), '\'@SUM(A1)');
  assert.equal(neutralise(-5), -5);
  assert.equal(neutralise('Heemstede'), 'Heemstede');
  assert.equal(neutralise('-27173,25'), '-27173,25');
  assert.equal(neutralise('-1+2'), '\'-1+2');
});

test('CSV is semicolon-separated UTF-8 with BOM and quotes what needs quoting', () => {
  const csv = toCsv([{ header: 'naam', value: (r: { n: string }) => r.n }], [{ n: 'a;b' }, { n: '=1+1' }]);
  assert.equal(csv, '\uFEFFnaam\n"a;b"\n\'=1+1\n');
});
