import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sparkline, sparklinePoints } from './sparkline.ts';

const cases: [string, number[], [number, number][]][] = [
  ['rising', [0, 5, 10], [[2, 22], [48, 12], [94, 2]]],
  ['falling', [10, 0], [[2, 2], [94, 22]]],
  ['flat', [3, 3, 3], [[2, 22], [48, 22], [94, 22]]],
  ['empty', [], []],
];
for (const [name, values, want] of cases) {
  test(`sparklinePoints: ${name}`, () => assert.deepEqual(sparklinePoints(values, 96, 24), want));
}

test('sparkline: nothing for fewer than two values; hidden from screen readers otherwise', () => {
  assert.equal(sparkline([4]), '');
  const svg = sparkline([-2, 3, 1], { zeroLine: true });
  assert.match(svg, /aria-hidden="true"/);
  assert.match(svg, /<line /, 'zero line when the series crosses zero');
  assert.equal((svg.match(/points="([^"]+)"/)![1].split(' ')).length, 3);
});
