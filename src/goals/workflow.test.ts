import { test } from 'node:test';
import assert from 'node:assert/strict';
import { allowedTargets, needsApprover, transitionIssues, type TransitionFacts } from './workflow.ts';

const base: TransitionFacts = {
  from: 'concept', to: 'voorgelegd-aan-college', decidedOn: '2026-02-10', lastDecidedOn: null, today: '2026-03-01',
  kpis: [{ name: 'Vervangingsuren P&O', hasBaseline: true }],
};

test('one step forward at a time, or back to concept', () => {
  assert.deepEqual(allowedTargets('concept'), ['voorgelegd-aan-college']);
  assert.deepEqual(allowedTargets('voorgelegd-aan-college'), ['aangeboden-aan-raad', 'concept']);
  assert.deepEqual(allowedTargets('aangeboden-aan-raad'), ['vastgesteld', 'concept']);
  assert.deepEqual(allowedTargets('vastgesteld'), ['concept']);
  assert.equal(needsApprover('voorgelegd-aan-college'), true);
  assert.equal(needsApprover('concept'), false);
});

test('transition checks, each with its Dutch message', () => {
  const cases: { name: string; facts: Partial<TransitionFacts>; expected: string[] }[] = [
    { name: 'complete goal to the college', facts: {}, expected: [] },
    {
      name: 'a KPI without baseline is named', facts: { kpis: [{ name: 'Vervangingsuren P&O', hasBaseline: true }, { name: 'Aandeel uren', hasBaseline: false }] },
      expected: ['indicator ‘Aandeel uren’ heeft nog geen nulmeting (waarde, datum en bron); leg die vast voordat het doel verder kan'],
    },
    { name: 'no KPI at all', facts: { kpis: [] }, expected: ['het doel heeft nog geen indicator: leg eerst minstens één indicator met nulmeting vast'] },
    { name: 'skipping the college', facts: { to: 'vastgesteld' }, expected: ['vanuit ‘Concept’ kan een doel alleen naar ‘Voorgelegd aan het college’'] },
    { name: 'same status', facts: { from: 'concept', to: 'concept' }, expected: ['het doel heeft de status ‘Concept’ al'] },
    { name: 'back to concept needs no baseline', facts: { from: 'aangeboden-aan-raad', to: 'concept', kpis: [{ name: 'X', hasBaseline: false }] }, expected: [] },
    { name: 'decision in the future', facts: { decidedOn: '2026-03-02' }, expected: ['de datum van het besluit ligt in de toekomst'] },
    { name: 'decision before the previous one', facts: { from: 'voorgelegd-aan-college', to: 'aangeboden-aan-raad', lastDecidedOn: '2026-02-11' }, expected: ['de datum ligt vóór de vorige statuswijziging (11-02-2026)'] },
    {
      name: 'from vastgesteld only back', facts: { from: 'vastgesteld', to: 'aangeboden-aan-raad' },
      expected: ['vanuit ‘Vastgesteld door de raad’ kan een doel alleen naar ‘Concept’'],
    },
  ];
  for (const c of cases) {
    assert.deepEqual(transitionIssues({ ...base, ...c.facts }).map((i) => i.message), c.expected, c.name);
  }
});
