import { test } from 'node:test';
import assert from 'node:assert/strict';
import { checkDecisions, decisionFlags, requiresOrAdvice, type CheckBody, type RightsMatrix } from './rights.ts';

const bodies: CheckBody[] = [
  { id: 'mt', name: 'MT-Kzoom', kind: 'gezamenlijk-mt' },
  { id: 'dir', name: 'Directieoverleg', kind: 'directie' },
  { id: 'col', name: 'College Heemstede', kind: 'college' },
  { id: 'or', name: 'Ondernemingsraad', kind: 'or' },
];
const matrix: RightsMatrix = {
  teamplan: { dir: 'besluit', mt: 'adviseert', or: 'adviseert' },
  werkproces: { mt: 'geinformeerd', dir: 'besluit' },
};
const d = (bodyId: string, decisionTypeId: string, orAdviceOn: string | null = null) => ({ id: 'x', bodyId, decisionTypeId, decidedOn: '2017-03-01', orAdviceOn });

const cases: [string, ReturnType<typeof d>, string[]][] = [
  ['body with besluit right and OR advice before: no flag', d('dir', 'teamplan', '2017-02-01'), []],
  ['same day OR advice counts as before', d('dir', 'teamplan', '2017-03-01'), []],
  ['advising body decides: flagged', d('mt', 'teamplan', '2017-02-01'), ['geen-besluitrecht']],
  ['body without any role decides: flagged', d('col', 'werkproces'), ['geen-besluitrecht']],
  ['OR advice required but missing', d('dir', 'teamplan'), ['or-advies-ontbreekt']],
  ['OR advice after the decision', d('dir', 'teamplan', '2017-10-27'), ['or-advies-na-besluit']],
  ['both flags at once', d('mt', 'teamplan'), ['geen-besluitrecht', 'or-advies-ontbreekt']],
  ['no OR advice needed for werkproces', d('dir', 'werkproces'), []],
  ['unknown type: nobody may decide', d('dir', 'onbekend'), ['geen-besluitrecht']],
];
for (const [name, decision, codes] of cases) {
  test(name, () => assert.deepEqual(decisionFlags(decision, matrix, bodies).map((f) => f.code), codes));
}

test('the message names the body, its right and who may decide', () => {
  const [flag] = decisionFlags(d('mt', 'teamplan', '2017-01-01'), matrix, bodies);
  assert.match(flag.message, /MT-Kzoom adviseert/);
  assert.match(flag.message, /besluitrecht: Directieoverleg/);
});

test('requiresOrAdvice follows the matrix', () => {
  assert.equal(requiresOrAdvice(matrix, bodies, 'teamplan'), true);
  assert.equal(requiresOrAdvice(matrix, bodies, 'werkproces'), false);
});

test('checkDecisions returns only flagged decisions', () => {
  const result = checkDecisions([{ ...d('dir', 'werkproces'), id: 'ok' }, { ...d('mt', 'werkproces'), id: 'bad' }], matrix, bodies);
  assert.deepEqual([...result.keys()], ['bad']);
});
