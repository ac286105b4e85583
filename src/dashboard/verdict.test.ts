import { test } from 'node:test';
import assert from 'node:assert/strict';
import { verdictSentence } from './verdict.ts';

const H = { name: 'Heemstede' }; const B = { name: 'Bloemendaal' };
const cases: [string, string, { netMinutes: number; netCostCents: number }, string][] = [
  ['first delivered more', 'heel 2025', { netMinutes: 32_310, netCostCents: 9_506_175 }, 'In heel 2025 leverde Heemstede 538,5 uur (€\u00a095.061,75) meer aan Bloemendaal dan het ontving.'],
  ['second delivered more', '1e kwartaal 2026', { netMinutes: -90, netCostCents: -12_345 }, 'In 1e kwartaal 2026 leverde Bloemendaal 1,5 uur (€\u00a0123,45) meer aan Heemstede dan het ontving.'],
  ['in balance', 'heel 2024', { netMinutes: 0, netCostCents: 0 }, 'In heel 2024 leverden Heemstede en Bloemendaal elkaar evenveel uren.'],
  ['partial period said so', '2026 tot en met 30-11-2026, onvolledig', { netMinutes: 1410, netCostCents: 100_000 }, 'In 2026 tot en met 30-11-2026 (onvolledig) leverde Heemstede 23,5 uur (€\u00a01.000,00) meer aan Bloemendaal dan het ontving.'],
];
for (const [name, label, p, want] of cases) test(`verdictSentence: ${name}`, () => assert.equal(verdictSentence(label, { a: H, b: B, ...p }), want));
