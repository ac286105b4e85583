import { test } from 'node:test';
import assert from 'node:assert/strict';
import { icsDay, parseCalendarCsv, parseIcs } from './calendar-file.ts';

const ics = (events: string) => `BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:-//test//NL\r\n${events}END:VCALENDAR\r\n`;

test('icsDay: date, floating and TZID date-time, UTC converted to the Amsterdam day', () => {
  assert.equal(icsDay('20260129'), '2026-01-29');
  assert.equal(icsDay('20260129T193000'), '2026-01-29');
  assert.equal(icsDay('20260129T233000Z'), '2026-01-30'); // 00:30 in Amsterdam (winter time)
  assert.equal(icsDay('20260631'), null);
  assert.equal(icsDay('nonsense'), null);
});

test('parseIcs: events with folded summary, escaped text, cancelled events skipped', () => {
  const parsed = parseIcs(ics([
    'BEGIN:VEVENT\r\nUID:r1@heemstede\r\nDTSTART;TZID=Europe/Amsterdam:20260129T200000\r\nSUMMARY:Raadsvergadering\\, openba\r\n ar\r\nEND:VEVENT\r\n',
    'BEGIN:VEVENT\r\nUID:r2\r\nDTSTART;VALUE=DATE:20260226\r\nSUMMARY:Raad\r\nEND:VEVENT\r\n',
    'BEGIN:VEVENT\r\nUID:r3\r\nDTSTART;VALUE=DATE:20260326\r\nSTATUS:CANCELLED\r\nEND:VEVENT\r\n',
  ].join('')));
  assert.deepEqual(parsed.problems, []);
  assert.deepEqual(parsed.rows.map((r) => [r.meetingOn, r.title, r.uid]), [['2026-01-29', 'Raadsvergadering, openbaar', 'r1@heemstede'], ['2026-02-26', 'Raad', 'r2']]);
});

test('parseIcs: every bad event is reported with its line, in Dutch', () => {
  const parsed = parseIcs(ics([
    'BEGIN:VEVENT\r\nSUMMARY:zonder datum\r\nEND:VEVENT\r\n',
    'BEGIN:VEVENT\r\nDTSTART:20261340\r\nEND:VEVENT\r\n',
    'BEGIN:VEVENT\r\nDTSTART:20260101\r\nRRULE:FREQ=MONTHLY\r\nEND:VEVENT\r\n',
    'BEGIN:VEVENT\r\nDTSTART:20260101\r\n',
  ].join('')));
  assert.deepEqual(parsed.problems.map((p) => [p.row, p.field]), [[4, 'DTSTART'], [7, 'DTSTART'], [10, 'RRULE'], [14, 'END']]);
  assert.match(parsed.problems[1].message, /geen geldige datum/);
});

test('parseIcs: not a calendar', () => {
  assert.equal(parseIcs('hallo').problems[0].message, 'dit is geen iCalendar-bestand (BEGIN:VCALENDAR ontbreekt)');
});

test('parseCalendarCsv: Dutch dates, optional columns, every bad row reported', () => {
  const parsed = parseCalendarCsv('\uFEFForgaan;datum;omschrijving\nraad-gm0397;29-01-2026;Raad\n;2026-02-26;\nraad-gm0397;31-02-2026;x\nraad-gm0397;;y\n');
  assert.deepEqual(parsed.rows.map((r) => [r.row, r.bodyKey, r.meetingOn, r.title]), [[2, 'raad-gm0397', '2026-01-29', 'Raad'], [3, null, '2026-02-26', '']]);
  assert.deepEqual(parsed.problems.map((p) => [p.row, p.field, p.value]), [[4, 'datum', '31-02-2026'], [5, 'datum', undefined]]);
});

test('parseCalendarCsv: header without datum', () => {
  assert.equal(parseCalendarCsv('wanneer;wat\n1-1-2026;x').problems[0].field, 'datum');
});
