import { test } from 'node:test';
import assert from 'node:assert/strict';
import { goalLight, kpiLight, type LightFacts } from './traffic-light.ts';
import { applicableTarget, currentTargets, formatWithUnit } from './targets.ts';

const lower: LightFacts = {
  direction: 'lager-is-beter', unit: 'uur',
  baseline: { value: '500', date: '2024-09-30' }, target: { value: '400', date: '2026-12-31' }, latest: { value: '450', date: '2025-12-31' }, deadline: '2026-12-31',
};
const TODAY = '2026-03-15';

test('each light with the sentence that explains it', () => {
  const cases: { name: string; facts: Partial<LightFacts>; light: string; words: string }[] = [
    { name: 'halfway', facts: {}, light: 'oranje', words: 'Onderweg: de laatste meting (450 uur op 31-12-2025) is beter dan de nulmeting (500 uur), maar haalt de streefwaarde (400 uur voor 31-12-2026) nog niet; 50% van de afstand is afgelegd.' },
    { name: 'reached', facts: { latest: { value: '400', date: '2026-03-31' } }, light: 'groen', words: 'Op koers: de laatste meting (400 uur op 31-03-2026) haalt de streefwaarde (400 uur voor 31-12-2026).' },
    { name: 'worse than baseline', facts: { latest: { value: '520.5', date: '2025-12-31' } }, light: 'rood', words: 'Achter: de laatste meting (520,5 uur op 31-12-2025) is niet beter dan de nulmeting (500 uur); de streefwaarde is 400 uur voor 31-12-2026.' },
    { name: 'equal to baseline is no progress', facts: { latest: { value: '500', date: '2025-12-31' } }, light: 'rood', words: 'Achter: de laatste meting (500 uur op 31-12-2025) is niet beter dan de nulmeting (500 uur); de streefwaarde is 400 uur voor 31-12-2026.' },
    { name: 'deadline passed', facts: { deadline: '2026-01-01' }, light: 'rood', words: 'Niet gehaald: de deadline (01-01-2026) is verstreken en de laatste meting (450 uur op 31-12-2025) haalt de streefwaarde (400 uur voor 31-12-2026) niet.' },
    { name: 'no target, no measurement', facts: { target: null, latest: null }, light: 'grijs', words: 'Geen oordeel mogelijk: er is geen streefwaarde, er is nog geen meting.' },
    { name: 'no baseline', facts: { baseline: null }, light: 'grijs', words: 'Geen oordeel mogelijk: er is geen nulmeting.' },
    {
      name: 'higher is better, percent', facts: { direction: 'hoger-is-beter', unit: '%', baseline: { value: '40', date: '2024-09-30' }, target: { value: '45', date: '2026-12-31' }, latest: { value: '41.25', date: '2025-12-31' } },
      light: 'oranje', words: 'Onderweg: de laatste meting (41,25% op 31-12-2025) is beter dan de nulmeting (40%), maar haalt de streefwaarde (45% voor 31-12-2026) nog niet; 25% van de afstand is afgelegd.',
    },
  ];
  for (const c of cases) {
    const j = kpiLight({ ...lower, ...c.facts }, TODAY);
    assert.equal(j.light, c.light, c.name);
    assert.equal(j.words, c.words, c.name);
  }
});

test('a goal shows its worst judged KPI and names every KPI state', () => {
  assert.deepEqual(goalLight([{ name: 'A', light: 'groen' }, { name: 'B', light: 'rood' }, { name: 'C', light: 'grijs' }]), {
    light: 'rood', words: 'Rood: ‘B’ achter of niet gehaald; ‘A’ op koers; ‘C’ zonder oordeel.',
  });
  assert.deepEqual(goalLight([{ name: 'A', light: 'groen' }, { name: 'B', light: 'groen' }]), { light: 'groen', words: 'Groen: ‘A’ en ‘B’ op koers.' });
  assert.equal(goalLight([{ name: 'A', light: 'grijs' }]).light, 'grijs');
  assert.equal(goalLight([]).words, 'Grijs: geen oordeel mogelijk, het doel heeft nog geen indicator.');
});

test('targets in force: a revision replaces the earlier target for the same date', () => {
  const targets = [
    { targetDate: '2026-12-31', value: '45', setOn: '2025-01-10' },
    { targetDate: '2027-12-31', value: '50', setOn: '2025-01-10' },
    { targetDate: '2026-12-31', value: '43', setOn: '2025-06-01' },
  ];
  assert.deepEqual(currentTargets(targets).map((t) => t.value), ['43', '50']);
  assert.equal(applicableTarget(targets, '2025-12-31')?.value, '43');
  assert.equal(applicableTarget(targets, '2027-03-31')?.value, '50');
  assert.equal(applicableTarget(targets, '2028-03-31')?.value, '50');
  assert.equal(applicableTarget([], '2028-03-31'), null);
});

test('values with their unit', () => {
  assert.equal(formatWithUnit('41.2', '%'), '41,2%');
  assert.equal(formatWithUnit('30000', 'euro'), '€ 30.000');
  assert.equal(formatWithUnit('8.1', 'cijfer (1-10)'), '8,1');
  assert.equal(formatWithUnit('1234.5', 'uur'), '1.234,5 uur');
});
