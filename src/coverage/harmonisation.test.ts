/** Harmonisation of the portfolio, and the synthetic demo portfolio against seed 000 §6.2. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { harmonisationOn, type UseFact } from './harmonisation.ts';
import { syntheticPortfolio } from './synthetic-portfolio.ts';

const use = (applicationId: string, municipalityId: string, validFrom: string, validTo: string | null = null): UseFact => ({ applicationId, municipalityId, validFrom, validTo });

test('harmonised = used by every member; the loser of a convergence drops out', () => {
  const uses = [use('zaak-a', 'H', '2013-01-01'), use('zaak-b', 'B', '2013-01-01', '2018-05-01'), use('zaak-a', 'B', '2018-05-01'), use('web', 'H', '2013-01-01'), use('web', 'B', '2013-01-01')];
  assert.deepEqual(harmonisationOn(uses, ['H', 'B'], '2014-01-01'), { day: '2014-01-01', inUse: 3, harmonised: 1, onlyBy: { H: 1, B: 1 }, pct: 33.3 });
  assert.deepEqual(harmonisationOn(uses, ['H', 'B'], '2018-05-01'), { day: '2018-05-01', inUse: 2, harmonised: 2, onlyBy: { H: 0, B: 0 }, pct: 100 });
  assert.equal(harmonisationOn([], ['H', 'B'], '2020-01-01').pct, null);
});

test('the synthetic portfolio: 170 applications in 2013, 80% used by one municipality only, converging since', () => {
  const apps = syntheticPortfolio();
  const uses = apps.flatMap((a) => a.uses.map((u) => use(a.name, u.cbsCode, u.validFrom, u.validTo)));
  const start = harmonisationOn(uses, ['GM0397', 'GM0377'], '2013-01-01');
  assert.equal(start.inUse, 170);
  assert.equal(start.pct, 20);
  const later = harmonisationOn(uses, ['GM0397', 'GM0377'], '2026-01-01');
  assert.ok(later.pct! > start.pct!, 'converging');
  assert.deepEqual(syntheticPortfolio(), apps, 'deterministic');
});
