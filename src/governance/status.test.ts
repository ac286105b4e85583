import { test } from 'node:test';
import assert from 'node:assert/strict';
import { commitmentStatus, milestoneStatus, openDuring } from './status.ts';

const today = '2026-06-01';
const commitmentCases: [Parameters<typeof commitmentStatus>[0], string | null, string][] = [
  ['nieuw', null, 'nieuw'],
  ['nieuw', '2026-06-01', 'nieuw'],
  ['nieuw', '2026-05-31', 'te-laat'],
  ['in-behandeling', '2026-01-01', 'te-laat'],
  ['in-behandeling', '2026-12-31', 'in-behandeling'],
  ['afgedaan', '2020-01-01', 'afgedaan'],
];
for (const [status, due, expected] of commitmentCases) {
  test(`commitment ${status} due ${due ?? 'none'} → ${expected}`, () => assert.equal(commitmentStatus(status, due, today), expected));
}

const milestoneCases: [Parameters<typeof milestoneStatus>[0], string, string][] = [
  ['gepland', '2026-05-01', 'te-laat'], ['loopt', '2026-07-01', 'loopt'], ['gereed', '2020-01-01', 'gereed'], ['vervallen', '2020-01-01', 'vervallen'],
];
for (const [status, due, expected] of milestoneCases) {
  test(`milestone ${status} due ${due} → ${expected}`, () => assert.equal(milestoneStatus(status, due, today), expected));
}

test('openDuring: made before, closed inside, closed before, made after', () => {
  assert.equal(openDuring({ madeOn: '2019-01-01', closedOn: null }, '2020-01-01', '2020-12-31'), true);
  assert.equal(openDuring({ madeOn: '2019-01-01', closedOn: '2020-03-01' }, '2020-01-01', '2020-12-31'), true);
  assert.equal(openDuring({ madeOn: '2019-01-01', closedOn: '2019-12-31' }, '2020-01-01', '2020-12-31'), false);
  assert.equal(openDuring({ madeOn: '2021-01-01', closedOn: null }, '2020-01-01', '2020-12-31'), false);
});
