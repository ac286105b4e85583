import { test } from 'node:test';
import assert from 'node:assert/strict';
import { teamShare } from './share.ts';

// [name, served minutes, team minutes, agreed ‰, expected share ‰, expected deviation ‰]
const cases: [string, number, number, number, number | null, number | null][] = [
  ['a team without hours has no share and no deviation (not −50 procentpunt)', 0, 0, 500, null, null],
  ['all hours for one municipality against an equal split: +50 procentpunt', 600, 600, 500, 1000, 500],
  ['no hours for this municipality while the team worked: −50 procentpunt', 0, 600, 500, 0, -500],
  ['exactly the agreed 60/40', 360, 600, 600, 600, 0],
  ['rounds half up to a whole per mille: 1 of 3 minutes = 333', 1, 3, 500, 333, -167],
  ['2 of 3 minutes = 667', 2, 3, 500, 667, 167],
];
for (const [name, served, total, agreed, share, deviation] of cases) {
  test(name, () => assert.deepEqual(teamShare(served, total, agreed), { sharePermille: share, deviationPermille: deviation }));
}
