import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { describePoint, filterPoints, sampleEvenly, nextPoint, periodEnd, periodStart, placePoints, rowsOf, ticks, timeScale, type TimelinePoint, type TimelineView } from '../../client/webview/timelineModel';

const point = (date: string | null, text: string, kind: TimelinePoint['kind'] = 'direct', speaker: string | null = 'Qin Gang'): TimelinePoint => ({ date, text, kind, speaker, role: null, documentTitle: `Title of ${text}` });
const view = (points: TimelinePoint[], tab: 'person' | 'phrase' = 'person'): TimelineView => ({ id: 1, tab, title: 'Qin Gang', aliases: [], roles: [{ title: 'Ambassador', from: '2021-07', to: '2022-12-30' }], points });

/** The timeline webview's layout, without a DOM. */
describe('timeline layout', () => {
  test('dates of any precision are periods: a year runs to its last instant', () => {
    assert.equal(new Date(periodStart('2021')).toISOString(), '2021-01-01T00:00:00.000Z');
    assert.equal(new Date(periodEnd('2021')).toISOString(), '2021-12-31T23:59:59.999Z');
    assert.equal(new Date(periodEnd('2024-02')).toISOString(), '2024-02-29T23:59:59.999Z');
    assert.equal(new Date(periodEnd('2021-10-01')).toISOString(), '2021-10-01T23:59:59.999Z');
    assert.ok(Number.isNaN(periodStart('June 18')));
  });

  test('the filter keeps every word anywhere in the statement; a date range drops undated ones and keeps overlapping periods', () => {
    const points = [point('2021-10-01', 'The exploring process'), point('2023', 'Back on track', 'reported'), point(null, 'Undated words')];
    assert.deepEqual(filterPoints(points, { text: '', from: '', to: '' }), [0, 1, 2]);
    assert.deepEqual(filterPoints(points, { text: 'PROCESS exploring', from: '', to: '' }), [0]);
    assert.deepEqual(filterPoints(points, { text: 'title of back', from: '', to: '' }), [1], 'the document title counts');
    assert.deepEqual(filterPoints(points, { text: '', from: '2023-06-01', to: '' }), [1], 'the year 2023 overlaps June 2023 on');
    assert.deepEqual(filterPoints(points, { text: '', from: '', to: '2021-09-30' }), []);
  });

  test('rows: kinds on the person tab (a fragment is direct, a transcript turn speech); speakers by first use on the phrase tab, the rest as Others', () => {
    const person = rowsOf(view([point('2021', 'a', 'fragment'), point('2021', 'b', 'transcript'), point('2021', 'c', 'reported')]));
    assert.deepEqual(person.rows.map(r => r.key), ['direct', 'reported', 'speech']);
    assert.deepEqual(['fragment', 'transcript', 'reported'].map(kind => person.rowOf(point(null, '', kind as TimelinePoint['kind']))), [0, 2, 1]);
    const speakers = ['B', 'A', 'A', 'C', 'D', 'A'].map((speaker, i) => point(`202${i}`, speaker, 'direct', speaker));
    const phrase = rowsOf(view(speakers, 'phrase'), 2);
    assert.deepEqual(phrase.rows.map(r => r.label), ['B', 'A', 'Others']);
    assert.equal(phrase.rowOf(speakers[4]), 2);
  });

  test('the scale spans statements and roles; ticks fall inside it', () => {
    const scale = timeScale(view([point('2021-10-01', 'a'), point('2023-06-18', 'b')]), 100, 1100)!;
    assert.ok(scale.x(periodStart('2021-07')) > 100 && scale.x(periodStart('2023-06-18')) < 1100);
    assert.ok(scale.x(periodStart('2021-07')) < scale.x(periodStart('2021-10-01')), 'the role starts before the first statement');
    const found = ticks(scale, 10);
    assert.ok(found.length >= 3 && found.length <= 12, found.map(t => t.label).join(' '));
    assert.ok(found.every(t => t.time >= scale.start && t.time <= scale.end));
    assert.equal(timeScale({ ...view([point(null, 'a')]), roles: [] }, 0, 100), undefined);
  });

  test('points on one date stack instead of covering each other; arrow keys follow date order and rows', () => {
    const points = [point('2021-10-01', 'a'), point('2021-10-01', 'b'), point('2021-10-01', 'c', 'reported'), point('2023-06-18', 'd'), point(null, 'e')];
    const v = view(points);
    const scale = timeScale(v, 100, 1100)!;
    const { rowOf } = rowsOf(v);
    const placed = placePoints(v, [0, 1, 2, 3, 4], scale, rowOf, 1150);
    assert.equal(placed.length, 5);
    const key = (p: { x: number; row: number; dy: number }) => `${Math.round(p.x)}:${p.row}:${p.dy}`;
    assert.equal(new Set(placed.map(key)).size, 5, 'no two points in one place');
    assert.deepEqual(placed.map(p => p.x), [...placed.map(p => p.x)].sort((a, b) => a - b), 'date order');
    assert.equal(placed.at(-1)!.index, 4, 'the undated point is last, in its strip');
    const at = (index: number) => placed.findIndex(p => p.index === index);
    assert.equal(nextPoint(placed, at(0), 'ArrowDown'), at(2), 'down to the reported row');
    assert.equal(nextPoint(placed, at(2), 'ArrowDown'), undefined, 'no speech row with points');
    assert.equal(nextPoint(placed, 0, 'End'), placed.length - 1);
    assert.equal(nextPoint(placed, 0, 'ArrowLeft'), 0);
    assert.equal(nextPoint(placed, 0, 'x'), undefined);
  });

  test('a large timeline is drawn as an even sample over time, the first and last kept', () => {
    const kept = Array.from({ length: 40_000 }, (_, i) => i * 2);
    const sample = sampleEvenly(kept, 3000);
    assert.equal(sample.length, 3000);
    assert.equal(sample[0], 0);
    assert.equal(sample.at(-1), kept.at(-1));
    assert.deepEqual([...sample], [...sample].sort((a, b) => a - b));
    const gaps = sample.slice(1).map((value, i) => value - sample[i]);
    assert.ok(Math.max(...gaps) - Math.min(...gaps) <= 2, 'evenly spread');
    assert.equal(sampleEvenly(kept.slice(0, 10), 3000).length, 10);
  });

  test('what a screen reader hears: kind, date, who, the words', () => {
    assert.equal(describePoint({ ...point('2021-10-01', 'We will try.', 'fragment'), role: 'Ambassador' }), 'Direct quotation (fragment), 2021-10-01, Qin Gang, Ambassador: We will try.');
  });
});
