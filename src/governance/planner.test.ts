import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { dayNumber, isoOfDay, planJointDecision, type CouncilTrack } from './planner.ts';

const body = (id: string, meetings: string[], leadDays: number) => ({ id, name: id, meetings, leadDays });

// Heemstede: commissie Middelen 28 days, raad 21 days; Bloemendaal: commissie 14, raad 14 (synthetic calendars).
const heemstede: CouncilTrack = {
  council: body('raad-h', ['2026-01-29', '2026-02-26', '2026-03-26', '2026-04-23'], 21),
  committee: body('cie-h', ['2026-01-14', '2026-02-11', '2026-03-11', '2026-04-08'], 28),
};
const bloemendaal: CouncilTrack = {
  council: body('raad-b', ['2026-02-05', '2026-03-05', '2026-04-02'], 14),
  committee: body('cie-b', ['2026-01-22', '2026-02-19', '2026-03-19'], 14),
};

const cases: [string, string, CouncilTrack[], { h?: [string | null, string | null]; b?: [string | null, string | null]; all: string | null }][] = [
  ['ready early January: H cie 11-02 (ready+28 = 29-01), raad 26-02; B cie 22-01, raad 05-02', '2026-01-01', [heemstede, bloemendaal],
    { h: ['2026-02-11', '2026-02-26'], b: ['2026-01-22', '2026-02-05'], all: '2026-02-26' }],
  ['exactly the lead time is enough', '2026-01-14', [heemstede], { h: ['2026-02-11', '2026-02-26'], all: '2026-02-26' }],
  ['one day late moves to the next cycle', '2026-01-15', [heemstede], { h: ['2026-03-11', '2026-03-26'], all: '2026-03-26' }],
  ['no committee: only the council lead time', '2026-02-01', [{ council: heemstede.council, committee: null }], { h: [null, '2026-02-26'], all: '2026-02-26' }],
  ['calendar runs out', '2026-04-01', [heemstede, bloemendaal], { h: [null, null], b: [null, null], all: null }],
  ['committee and council on the same day is not allowed', '2026-01-01',
    [{ council: body('r', ['2026-03-01', '2026-04-01'], 0), committee: body('c', ['2026-03-01'], 0) }], { all: '2026-04-01' }],
];
for (const [name, readyOn, tracks, expected] of cases) {
  test(`planner: ${name}`, () => {
    const plan = planJointDecision({ readyOn, tracks });
    for (const [key, id] of [['h', 'raad-h'], ['b', 'raad-b']] as const) {
      const want = expected[key];
      if (!want) continue;
      const got = plan.councils.find((c) => c.councilId === id)!;
      assert.deepEqual([got.committeeOn, got.councilOn], want);
    }
    assert.equal(plan.allDecidedOn, expected.all);
  });
}

test('planner: submission deadlines are the meeting minus the lead time', () => {
  const [h] = planJointDecision({ readyOn: '2026-01-01', tracks: [heemstede] }).councils;
  assert.equal(h.submitCommitteeBy, '2026-01-14');
  assert.equal(h.submitCouncilBy, '2026-02-05');
});

test('planner: a missing date says why in Dutch', () => {
  const [h] = planJointDecision({ readyOn: '2026-04-01', tracks: [heemstede] }).councils;
  assert.match(h.problem ?? '', /geen vergadering/);
});

/**
 * Independent brute force: walk every day from readyOn; a day D is a possible council
 * decision day when D is a council meeting, D − readyOn ≥ council lead, and some committee
 * meeting C (if any committee) has C − readyOn ≥ committee lead and D − C ≥ gap. The first
 * such D per council; the joint date is the maximum.
 */
function bruteForce(readyOn: string, tracks: CouncilTrack[], horizon: number): string | null {
  const r = dayNumber(readyOn);
  let joint: number | null = null;
  for (const t of tracks) {
    let found: number | null = null;
    for (let day = r; day <= r + horizon && found === null; day++) {
      if (!t.council.meetings.includes(isoOfDay(day))) continue;
      if (day - r < t.council.leadDays) continue;
      const committeeOk = !t.committee || t.committee.meetings.some((c) => {
        const cd = dayNumber(c);
        return cd - r >= t.committee!.leadDays && day - cd >= (t.minDaysAfterCommittee ?? 1);
      });
      if (committeeOk) found = day;
    }
    if (found === null) return null;
    joint = joint === null ? found : Math.max(joint, found);
  }
  return joint === null ? null : isoOfDay(joint);
}

test('property: the planner equals a brute-force search over every day', () => {
  const start = dayNumber('2026-01-01');
  const meetings = fc.uniqueArray(fc.integer({ min: 0, max: 200 }), { maxLength: 10 }).map((ds) => ds.map((d) => isoOfDay(start + d)));
  const track = fc.record({
    council: fc.record({ id: fc.uuid(), name: fc.constant('raad'), meetings, leadDays: fc.integer({ min: 0, max: 40 }) }),
    committee: fc.option(fc.record({ id: fc.uuid(), name: fc.constant('commissie'), meetings, leadDays: fc.integer({ min: 0, max: 40 }) }), { nil: null }),
    minDaysAfterCommittee: fc.integer({ min: 0, max: 10 }),
  });
  fc.assert(fc.property(fc.integer({ min: 0, max: 120 }), fc.array(track, { minLength: 1, maxLength: 4 }), (offset, tracks) => {
    const readyOn = isoOfDay(start + offset);
    const plan = planJointDecision({ readyOn, tracks });
    assert.equal(plan.allDecidedOn, bruteForce(readyOn, tracks, 400));
  }), { numRuns: 500 });
});
