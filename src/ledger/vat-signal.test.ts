import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { vatSignal, type LendingRow } from './vat-signal.ts';
import { VlechtError } from '../platform/errors.ts';

const NAMES: Record<string, string> = { hs: 'Heemstede', bd: 'Bloemendaal', la: 'Laren' };
/** Intl puts a no-break space after €; compare with ordinary spaces. */
const plain = (s: string) => s.replace(/\u00a0/g, ' ');
const options = { municipalityName: (id: string) => NAMES[id] ?? id, employeeName: (id: string) => `Medewerker ${id}` };

/** `n` consecutive months from `start` (`YYYY-MM`), each with the same minutes. */
function months(start: string, n: number, row: Omit<LendingRow, 'month'>): LendingRow[] {
  const [y, m] = start.split('-').map(Number);
  return Array.from({ length: n }, (_, i) => {
    const idx = y * 12 + m - 1 + i;
    return { ...row, month: `${Math.floor(idx / 12)}-${String((idx % 12) + 1).padStart(2, '0')}` };
  });
}

describe('VAT signal per employee', () => {
  const cases: { name: string; rows: LendingRow[]; run: number; flagged: boolean; from?: string; to?: string }[] = [
    {
      name: 'flags an employee lent to Bloemendaal for 13 consecutive months',
      rows: months('2023-01', 13, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 600 }),
      run: 13, flagged: true, from: '2023-01', to: '2024-01',
    },
    {
      name: 'does not flag exactly 12 consecutive months',
      rows: months('2023-01', 12, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 600 }),
      run: 12, flagged: false, from: '2023-01', to: '2023-12',
    },
    {
      name: 'a month without lending breaks the run',
      rows: [
        ...months('2023-01', 8, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 600 }),
        ...months('2023-10', 10, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 600 }),
      ],
      run: 10, flagged: false, from: '2023-10', to: '2024-07',
    },
    {
      name: 'counts lending to any other municipality in the run, across a year boundary',
      rows: [
        ...months('2023-06', 7, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 60 }),
        ...months('2024-01', 7, { employeeId: 'e1', employerId: 'hs', servedId: 'la', minutes: 60 }),
      ],
      run: 14, flagged: true, from: '2023-06', to: '2024-07',
    },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const [e] = vatSignal(c.rows, options).employees;
      assert.equal(e.longestRun.months, c.run);
      if (c.from) assert.deepEqual([e.longestRun.from, e.longestRun.to], [c.from, c.to]);
      assert.deepEqual(e.flags, c.flagged ? ['langer-dan-12-maanden'] : []);
    });
  }

  test('gives the share of hours for the other municipality and says it is a signal, not advice', () => {
    const rows: LendingRow[] = [
      ...months('2023-01', 13, { employeeId: 'e1', employerId: 'hs', servedId: 'bd', minutes: 300 }),
      ...months('2023-01', 13, { employeeId: 'e1', employerId: 'hs', servedId: 'hs', minutes: 700 }),
    ];
    const [e] = vatSignal(rows, options).employees;
    assert.equal(e.totalMinutes, 13_000);
    assert.equal(e.lentMinutes, 3_900);
    assert.equal(e.lentPermille, 300);
    assert.deepEqual(e.byServed, [{ municipalityId: 'bd', minutes: 3_900 }]);
    assert.match(e.message, /Medewerker e1 \(in dienst van Heemstede\) werkte 30,0% van de uren voor Bloemendaal, het langst 13 maanden aaneen \(januari 2023 t\/m januari 2024\)/);
    assert.match(e.message, /ter beschikking stellen van personeel \(2022\)/);
    assert.match(e.message, /signaal.*geen juridisch of fiscaal advies/);
  });

  test('leaves out employees who only work for their own employer', () => {
    const rows = months('2023-01', 24, { employeeId: 'e1', employerId: 'hs', servedId: 'hs', minutes: 9_000 });
    const signal = vatSignal(rows, options);
    assert.deepEqual(signal.employees, []);
    assert.deepEqual(signal.pairs, []);
    assert.equal(signal.flagged, false);
  });
});

describe('VAT signal per pair of municipalities', () => {
  const lend = (employerId: string, servedId: string, minutes: number, employeeId = `${employerId}-1`): LendingRow =>
    ({ employeeId, employerId, servedId, month: '2024-03', minutes });

  const cases: { name: string; rows: LendingRow[]; threshold?: number; net: number; total: number; flagged: boolean }[] = [
    { name: 'flags Heemstede lending 60 hours more than it gets back out of 100 (60% > 10%)', rows: [lend('hs', 'bd', 4_800), lend('bd', 'hs', 1_200)], net: -3_600, total: 6_000, flagged: true },
    { name: 'does not flag an imbalance of exactly 10%', rows: [lend('hs', 'bd', 3_300), lend('bd', 'hs', 2_700)], net: -600, total: 6_000, flagged: false },
    { name: 'flags an imbalance just over 10%', rows: [lend('hs', 'bd', 3_301), lend('bd', 'hs', 2_699)], net: -602, total: 6_000, flagged: true },
    { name: 'signs the net from the first municipality in name order: Bloemendaal delivering more is positive', rows: [lend('hs', 'bd', 1_000), lend('bd', 'hs', 3_000)], net: 2_000, total: 4_000, flagged: true },
    { name: 'a higher threshold of 60% leaves a 50% imbalance alone', rows: [lend('hs', 'bd', 3_000), lend('bd', 'hs', 1_000)], threshold: 60, net: -2_000, total: 4_000, flagged: false },
    { name: 'adds up several employees and months of one direction', rows: [lend('hs', 'bd', 1_000), lend('hs', 'bd', 500, 'hs-2'), { ...lend('hs', 'bd', 500), month: '2024-04' }], net: -2_000, total: 2_000, flagged: true },
  ];
  for (const c of cases) {
    test(c.name, () => {
      const [pair] = vatSignal(c.rows, { ...options, thresholdPercent: c.threshold }).pairs;
      assert.deepEqual([pair.a, pair.b], ['bd', 'hs']);
      assert.equal(pair.netMinutes, c.net);
      assert.equal(pair.totalMinutes, c.total);
      assert.deepEqual(pair.flags, c.flagged ? ['onevenwichtige-uitlening'] : []);
    });
  }

  test('expresses the net lending in money when a cost per minute is given, in Dutch', () => {
    const signal = vatSignal([lend('hs', 'bd', 4_800), lend('bd', 'hs', 1_200)], { ...options, centsPerMinute: 91.5 });
    const [pair] = signal.pairs;
    assert.equal(pair.netCents, -329_400);
    assert.equal(pair.netPermille, 600);
    assert.match(plain(pair.message), /^Heemstede leverde per saldo 60 uur \(ongeveer € 3\.294,00\) meer aan Bloemendaal dan andersom, zonder verrekening: 60,0% van de 100 uitgewisselde uren\./);
    assert.match(pair.message, /drempel van 10%.*geen juridisch of fiscaal advies/);
    assert.equal(signal.flagged, true);
    assert.equal(vatSignal([lend('hs', 'bd', 60)], options).pairs[0].netCents, null);
  });

  test('a balanced exchange has nothing uncompensated', () => {
    const [pair] = vatSignal([lend('hs', 'bd', 600), lend('bd', 'hs', 600)], { ...options, centsPerMinute: 100 }).pairs;
    assert.equal(pair.netMinutes, 0);
    assert.equal(pair.netCents, 0);
    assert.match(pair.message, /evenveel uren/);
  });

  test('refuses a malformed month, negative minutes and a threshold over 100%', () => {
    assert.throws(() => vatSignal([{ ...lend('hs', 'bd', -5), month: '2024-13' }], { thresholdPercent: 150 }), (e: unknown) => {
      assert.ok(e instanceof VlechtError && e.code === 'VALIDATION');
      assert.deepEqual(e.issues.map((i) => i.field), ['month', 'minutes', 'thresholdPercent']);
      return true;
    });
  });
});
