import { test } from 'node:test';
import assert from 'node:assert/strict';
import { documentClassErrors, documentClassFindings, type DocumentClassInput } from './document-class.ts';

const today = '2026-12-05';
const d = (decisionTypeKey: string, bodyKind: DocumentClassInput['bodyKind'], documentStatus: DocumentClassInput['documentStatus'], decidedOn = '2019-10-31'): DocumentClassInput =>
  ({ decisionTypeKey, bodyKind, documentStatus, decidedOn });

// [name, decision, expected codes with severity]
const cases: [string, DocumentClassInput, string[]][] = [
  ['kader by the raad as A-stuk (seed 004): nothing', d('kader-samenwerking', 'raad', 'A'), []],
  ['kader by the college as A-stuk: nothing here (the rights check flags the body)', d('kader-samenwerking', 'college', 'A'), []],
  ['kader as C-stuk by the college: refused', d('kader-samenwerking', 'college', 'C'), ['error:kader-als-c-stuk']],
  ['kader as C-stuk by the raad: refused once, as a raad decision', d('kader-samenwerking', 'raad', 'C'), ['error:raadsbesluit-als-c-stuk']],
  ['kader as B-stuk: signal', d('kader-samenwerking', 'raad', 'B'), ['signal:kader-niet-als-a-stuk']],
  ['kader without a stuk: signal', d('kader-samenwerking', 'college', null), ['signal:kader-niet-als-a-stuk']],
  ['progress report as C-stuk (seed 000 §5.3.2): signal, still recordable', d('voortgangsrapportage', 'college', 'C'), ['signal:voortgangsrapportage-als-c-stuk']],
  ['progress report as B-stuk: nothing', d('voortgangsrapportage', 'college', 'B'), []],
  ['agreement as B-stuk (seed 004): nothing', d('samenwerkingsovereenkomst', 'college', 'B'), []],
  ['agreement as C-stuk: signal', d('samenwerkingsovereenkomst', 'college', 'C'), ['signal:overeenkomst-niet-als-b-stuk']],
  ['any raad decision as C-stuk: refused', d('ict-applicaties', 'raad', 'C'), ['error:raadsbesluit-als-c-stuk']],
  ['teamplan by the directie without a stuk: nothing', d('teamplan', 'directie', null), []],
  ['decided today: allowed', d('teamplan', 'directie', null, today), []],
  ['decided tomorrow: refused', d('teamplan', 'directie', null, '2026-12-06'), ['error:besluitdatum-in-toekomst']],
  ['future progress report as C-stuk: both', d('voortgangsrapportage', 'college', 'C', '2027-01-01'), ['error:besluitdatum-in-toekomst', 'signal:voortgangsrapportage-als-c-stuk']],
];
for (const [name, decision, expected] of cases) {
  test(name, () => assert.deepEqual(documentClassFindings(decision, today).map((f) => `${f.severity}:${f.code}`), expected));
}

test('the future-date error names the field and both dates in dd-mm-jjjj', () => {
  const [e] = documentClassErrors(d('teamplan', 'directie', null, '2027-03-15'), today);
  assert.equal(e.field, 'decidedOn');
  assert.equal(e.value, '15-03-2027');
  assert.match(e.message, /15-03-2027/);
  assert.match(e.message, /05-12-2026/);
  assert.match(e.message, /geplande datum/);
});

test('signals never count as errors', () => {
  assert.deepEqual(documentClassErrors(d('voortgangsrapportage', 'college', 'C'), today), []);
});
