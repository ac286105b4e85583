import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { findCycle, scheduleConflicts } from './dependencies.ts';

const cases: [string, { id: string; dependsOn: string[] }[], boolean][] = [
  ['empty', [], false],
  ['chain', [{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: [] }], false],
  ['diamond', [{ id: 'a', dependsOn: ['b', 'c'] }, { id: 'b', dependsOn: ['d'] }, { id: 'c', dependsOn: ['d'] }, { id: 'd', dependsOn: [] }], false],
  ['self loop', [{ id: 'a', dependsOn: ['a'] }], true],
  ['two-cycle', [{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['a'] }], true],
  ['long cycle', [{ id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: ['a'] }], true],
  ['unknown dependency is not a cycle', [{ id: 'a', dependsOn: ['zz'] }], false],
];
for (const [name, nodes, cyclic] of cases) test(`findCycle: ${name}`, () => assert.equal(findCycle(nodes) !== null, cyclic));

test('the cycle returned is a real cycle', () => {
  const cycle = findCycle([{ id: 'x', dependsOn: ['a'] }, { id: 'a', dependsOn: ['b'] }, { id: 'b', dependsOn: ['c'] }, { id: 'c', dependsOn: ['a'] }])!;
  assert.deepEqual(cycle, ['a', 'b', 'c', 'a']);
});

test('property: edges only to lower indices never form a cycle; adding a back edge from the lowest reachable does', () => {
  fc.assert(fc.property(fc.array(fc.array(fc.nat(), { maxLength: 4 }), { minLength: 1, maxLength: 12 }), (raw) => {
    const nodes = raw.map((deps, i) => ({ id: `n${i}`, dependsOn: i === 0 ? [] : deps.map((d) => `n${d % i}`) }));
    assert.equal(findCycle(nodes), null);
    if (nodes.length > 1) {
      const last = nodes.length - 1;
      const withBack = nodes.map((n, i) => (i === 0 ? { ...n, dependsOn: [`n${last}`] } : n));
      // n_last → … only reaches n0 if a path exists; make one explicitly.
      withBack[last] = { ...withBack[last], dependsOn: [...withBack[last].dependsOn, 'n0'] };
      assert.notEqual(findCycle(withBack), null);
    }
  }));
});

test('scheduleConflicts: due before its dependency', () => {
  assert.deepEqual(scheduleConflicts([{ id: 'a', dependsOn: ['b'], dueOn: '2008-01-01' }, { id: 'b', dependsOn: [], dueOn: '2008-06-01' }]), [['a', 'b']]);
  assert.deepEqual(scheduleConflicts([{ id: 'a', dependsOn: ['b'], dueOn: '2008-01-01' }, { id: 'b', dependsOn: [], dueOn: '2007-01-01' }]), []);
});
