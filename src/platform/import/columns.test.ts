import { test } from 'node:test';
import assert from 'node:assert/strict';
import { matchHeader, parseDay, parseDecimal, type ColumnSpec } from './columns.ts';

const columns: ColumnSpec<'nummer' | 'naam' | 'fte'>[] = [
  { key: 'nummer', required: true, aliases: ['personeelsnummer', 'persnr'], help: '' },
  { key: 'naam', required: true, aliases: ['naam'], help: '' },
  { key: 'fte', required: false, aliases: ['fte'], help: '' },
];

test('headers match by their usual names, in any order and case, BOM ignored', () => {
  const { map, missing } = matchHeader(['\uFEFFNaam', 'PersNr'], columns);
  assert.deepEqual([...map.entries()], [[0, 'naam'], [1, 'nummer']]);
  assert.deepEqual(missing, []);
});

test('an explicit mapping uses an unfamiliar export as it comes', () => {
  const { map, missing, unknown } = matchHeader(['Medewerker ID', 'Volledige naam', 'Deeltijdfactor'], columns, { nummer: 'Medewerker ID', naam: 'Volledige naam', fte: 'Deeltijdfactor' });
  assert.deepEqual([...map.values()], ['nummer', 'naam', 'fte']);
  assert.deepEqual(missing, []);
  assert.deepEqual(unknown, []);
});

test('a mapped column is not also found under its usual name', () => {
  const { map } = matchHeader(['naam', 'Roepnaam + achternaam', 'persnr'], columns, { naam: 'Roepnaam + achternaam' });
  assert.deepEqual([...map.entries()], [[1, 'naam'], [2, 'nummer']]);
});

test('missing required columns are named', () => {
  assert.deepEqual(matchHeader(['fte'], columns).missing.map((c) => c.key), ['nummer', 'naam']);
});

test('days and decimals in Dutch notation', () => {
  assert.equal(parseDay('29-02-2024'), '2024-02-29');
  assert.equal(parseDay('29-02-2023'), null);
  assert.equal(parseDecimal('0,8'), 0.8);
  assert.equal(parseDecimal('1.234,5'), 1234.5);
  assert.equal(parseDecimal('acht'), null);
});
