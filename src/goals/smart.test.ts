import { test } from 'node:test';
import assert from 'node:assert/strict';
import { sixMonthsBefore, smartCheck, smartSummary, type SmartGoal, type SmartKpi } from './smart.ts';

const complete: SmartKpi = { name: 'Vervangingsuren P&O', hasBaseline: true, targetCount: 1, deadline: '2026-12-31', lastMeasuredOn: '2026-01-31' };
const adopted: SmartGoal = { ownerName: 'Teammanager P&O', status: 'vastgesteld', kpis: [complete] };
const TODAY = '2026-03-15';

test('six months back keeps the day, clamped to the month end', () => {
  const cases: [string, string][] = [['2026-03-15', '2025-09-15'], ['2026-08-31', '2026-02-28'], ['2028-08-31', '2028-02-29'], ['2026-12-01', '2026-06-01'], ['2026-06-30', '2025-12-30']];
  for (const [today, expected] of cases) assert.equal(sixMonthsBefore(today), expected, today);
});

test('a goal with owner, adopted by the council, and a KPI with baseline, target, deadline and a recent measurement is SMART', () => {
  assert.deepEqual(smartCheck(adopted, TODAY), { smart: true, gaps: [] });
});

test('each missing element is named once, with the KPI it concerns, in a fixed order', () => {
  const cases: { name: string; goal: SmartGoal; expected: string[] }[] = [
    { name: 'no baseline', goal: { ...adopted, kpis: [{ ...complete, hasBaseline: false }] }, expected: ['geen nulmeting voor indicator ‘Vervangingsuren P&O’'] },
    { name: 'no target', goal: { ...adopted, kpis: [{ ...complete, targetCount: 0 }] }, expected: ['geen streefwaarde voor indicator ‘Vervangingsuren P&O’'] },
    { name: 'no deadline', goal: { ...adopted, kpis: [{ ...complete, deadline: null }] }, expected: ['geen deadline voor indicator ‘Vervangingsuren P&O’'] },
    { name: 'no owner', goal: { ...adopted, ownerName: '  ' }, expected: ['geen eigenaar'] },
    { name: 'not adopted', goal: { ...adopted, status: 'aangeboden-aan-raad' }, expected: ['niet vastgesteld door de raad'] },
    { name: 'measurement too old', goal: { ...adopted, kpis: [{ ...complete, lastMeasuredOn: '2025-09-14' }] }, expected: ['geen meting in de laatste 6 maanden voor indicator ‘Vervangingsuren P&O’'] },
    { name: 'measurement exactly six months ago counts', goal: { ...adopted, kpis: [{ ...complete, lastMeasuredOn: '2025-09-15' }] }, expected: [] },
    { name: 'never measured', goal: { ...adopted, kpis: [{ ...complete, lastMeasuredOn: null }] }, expected: ['geen meting in de laatste 6 maanden voor indicator ‘Vervangingsuren P&O’'] },
    {
      name: 'two KPIs, one incomplete', goal: { ...adopted, kpis: [complete, { name: 'Aandeel uren', hasBaseline: false, targetCount: 0, deadline: '2027-01-01', lastMeasuredOn: '2026-03-01' }] },
      expected: ['geen nulmeting voor indicator ‘Aandeel uren’', 'geen streefwaarde voor indicator ‘Aandeel uren’'],
    },
    {
      name: 'a concept without KPI lacks everything', goal: { ownerName: '', status: 'concept', kpis: [] },
      expected: [
        'geen nulmeting (het doel heeft nog geen indicator)', 'geen streefwaarde (het doel heeft nog geen indicator)', 'geen deadline (het doel heeft nog geen indicator)',
        'geen eigenaar', 'niet vastgesteld door de raad', 'geen meting in de laatste 6 maanden (het doel heeft nog geen indicator)',
      ],
    },
  ];
  for (const c of cases) {
    const result = smartCheck(c.goal, TODAY);
    assert.deepEqual(result.gaps.map((g) => g.message), c.expected, c.name);
    assert.equal(result.smart, c.expected.length === 0, c.name);
  }
});

test('the summary counts fully SMART goals and each gap once per goal', () => {
  const results = [
    smartCheck(adopted, TODAY),
    smartCheck({ ...adopted, kpis: [{ ...complete, hasBaseline: false }, { ...complete, name: 'B', hasBaseline: false }] }, TODAY),
    smartCheck({ ownerName: '', status: 'concept', kpis: [] }, TODAY),
  ];
  const s = smartSummary(results);
  assert.equal(s.sentence, '1 van de 3 doelen is volledig SMART.');
  assert.deepEqual(s.byCode.map((c) => [c.code, c.goals]), [
    ['geen-nulmeting', 2], ['geen-streefwaarde', 1], ['geen-deadline', 1], ['geen-eigenaar', 1], ['niet-vastgesteld', 1], ['geen-recente-meting', 1],
  ]);
  assert.equal(smartSummary([]).sentence, 'Er zijn nog geen doelen vastgelegd: de samenwerking is niet te sturen op doelen.');
  assert.equal(smartSummary([results[1]]).sentence, '0 van de 1 doel is volledig SMART.');
  assert.equal(smartSummary([results[0], results[0]]).sentence, '2 van de 2 doelen zijn volledig SMART.');
});
