import { test } from 'node:test';
import assert from 'node:assert/strict';
import { staffingOn } from './staffing.ts';

test('sums FTE per employer exactly in thousandths, only for assignments valid on the day', () => {
  const facts = [
    { employerMunicipalityId: 'H', fteMilli: 889, validFrom: '2019-01-01', validTo: null },
    { employerMunicipalityId: 'H', fteMilli: 1000, validFrom: '2019-01-01', validTo: null },
    { employerMunicipalityId: 'B', fteMilli: 500, validFrom: '2019-01-01', validTo: '2020-01-01' },
    { employerMunicipalityId: 'B', fteMilli: 778, validFrom: '2020-01-01', validTo: null },
  ];
  const result = staffingOn(facts, '2026-11-23').sort((a, b) => a.municipalityId.localeCompare(b.municipalityId));
  assert.deepEqual(result, [
    { municipalityId: 'B', people: 1, fteMilli: 778 },
    { municipalityId: 'H', people: 2, fteMilli: 1889 },
  ]);
});
