import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseReportPeriod } from './period.ts';

test('a year, quarter, half year and date range become ISO periods with a Dutch label', () => {
  assert.deepEqual(parseReportPeriod('2019'), { from: '2019-01-01', to: '2019-12-31', label: '2019' });
  assert.deepEqual(parseReportPeriod('2020-K1'), { from: '2020-01-01', to: '2020-03-31', label: '1e kwartaal 2020' });
  assert.deepEqual(parseReportPeriod('2019-q4'), { from: '2019-10-01', to: '2019-12-31', label: '4e kwartaal 2019' });
  assert.deepEqual(parseReportPeriod('2024-H1'), { from: '2024-01-01', to: '2024-06-30', label: '1e halfjaar 2024' });
  assert.deepEqual(parseReportPeriod('01-02-2024/29-02-2024'), { from: '2024-02-01', to: '2024-02-29', label: '01-02-2024 t/m 29-02-2024' });
});

test('impossible periods are refused', () => {
  for (const bad of ['', '19', '2019-K5', '2019-H3', '31-02-2019/01-03-2019', '01-03-2019/01-02-2019', '2019-01-01', 'vorig jaar']) {
    assert.equal(parseReportPeriod(bad), null, bad);
  }
});
