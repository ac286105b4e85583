import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseMeasurementCsv, parseMeasurementDate } from './measurement-csv.ts';

const TODAY = '2026-03-15';

test('a good file: any column order, Dutch decimals, default source for empty cells', () => {
  const csv = '\uFEFFwaarde;Datum;bron\n41,2;31-03-2025;Urenregistratie\n1.234,5;2025-06-30;\n';
  const { rows, problems } = parseMeasurementCsv(csv, TODAY, 'Jaarverslag 2025');
  assert.deepEqual(problems, []);
  assert.deepEqual(rows, [
    { row: 2, measuredOn: '2025-03-31', value: '41.2', source: 'Urenregistratie' },
    { row: 3, measuredOn: '2025-06-30', value: '1234.5', source: 'Jaarverslag 2025' },
  ]);
});

test('comma-separated files with quoted Dutch decimals also work', () => {
  const { rows } = parseMeasurementCsv('datum,waarde\n31-12-2025,"8,1"\n', TODAY, 'MTO');
  assert.deepEqual(rows.map((r) => r.value), ['8.1']);
});

test('every bad row is reported with row, column and what was typed', () => {
  const csv = 'datum;waarde;bron\n30-02-2025;4;x\n31-12-2026;5;x\n31-03-2025;veel;x\n31-03-2025;1;x\n01-01-2025;2;\n';
  const { rows, problems } = parseMeasurementCsv(csv, TODAY, '');
  assert.deepEqual(rows, []);
  assert.deepEqual(problems.map((p) => [p.row, p.field, p.value ?? null]), [
    [2, 'datum', '30-02-2025'], [3, 'datum', '31-12-2026'], [4, 'waarde', 'veel'], [5, 'datum', '31-03-2025'], [6, 'bron', null],
  ]);
  assert.match(problems[3].message, /ook op regel 4/);
});

test('a missing column or an empty file is named', () => {
  assert.deepEqual(parseMeasurementCsv('datum;bron\n', TODAY, '').problems.map((p) => p.message), ['de kolom waarde ontbreekt in de kopregel (verwacht: datum;waarde;bron)']);
  assert.deepEqual(parseMeasurementCsv('datum;waarde\n', TODAY, '').problems.map((p) => p.message), ['het bestand bevat geen metingen onder de kopregel']);
  assert.equal(parseMeasurementDate('1-4-2017'), '2017-04-01');
  assert.equal(parseMeasurementDate('2017-02-29'), null);
});
