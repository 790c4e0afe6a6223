// The Statements view's shape (client/src/statementTree.ts, pure): what is at the root, what groups hold, what rows say.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AT_SCALE, documentRow, StatementTreeModel, UNDATED, UNKNOWN_SPEAKER, type StatementNode } from '../../client/src/statementTree';
import type { DocumentSummary } from '../../shared/protocol';

const SPEAKERS = ['Qin Gang', 'Le Yucheng', 'Wang Yi', 'Antony J. Blinken', 'Émile Zola'];

/** A summary as the server sends it; `i` decides date, speakers and title, so the corpus is the same every run. */
function summary(i: number): DocumentSummary {
  const year = 1990 + (i % 35);
  const dated = i % 17 !== 0;
  const speakers = i % 11 === 0 ? [] : i % 5 === 0 ? [SPEAKERS[i % 5], SPEAKERS[(i + 1) % 5]] : [SPEAKERS[i % 5]];
  return {
    uri: `file:///corpus/${i}.txt`, title: `Statement ${i}`, date: dated ? `${year}-${String(1 + (i % 12)).padStart(2, '0')}-${String(1 + (i % 28)).padStart(2, '0')}` : null,
    speakers, outlet: null, kind: 'article', quoteCount: i % 3,
    provenance: { title: 'text', date: 'text', speakers: 'text', outlet: 'unknown' },
  };
}

const group = (node: StatementNode) => (node.kind === 'group' ? node : assert.fail(`not a group: ${JSON.stringify(node)}`));

describe('a small corpus', () => {
  const documents = Array.from({ length: 40 }, (_, i) => summary(i));
  const model = new StatementTreeModel(documents);

  test('by date: a flat newest-first list, the undated under "Undated" at the end', () => {
    assert.equal(model.atScale, false);
    const roots = model.rootsFor('date');
    const rows = roots.filter(node => node.kind === 'document');
    const dates = rows.map(node => (node.kind === 'document' ? node.document.date! : ''));
    assert.deepEqual(dates, [...dates].sort().reverse());
    const last = group(roots[roots.length - 1]);
    assert.equal(last.label, UNDATED);
    assert.equal(rows.length + last.documents.length, documents.length);
  });

  test('by speaker: one group per speaker, "Unknown speaker" last; a two-speaker document is in both, under distinct ids', () => {
    const roots = model.rootsFor('speaker').map(group);
    assert.deepEqual(roots.map(g => g.label), ['Antony J. Blinken', 'Émile Zola', 'Le Yucheng', 'Qin Gang', 'Wang Yi', UNKNOWN_SPEAKER]);
    const shared = documents.find(d => d.speakers.length === 2)!;
    const rows = roots.flatMap(g => model.childrenOf(g)).filter(node => node.kind === 'document' && node.document === shared);
    assert.equal(rows.length, 2);
    const ids = roots.flatMap(g => [g.id, ...model.childrenOf(g).map(node => (node.kind === 'document' ? node.id : ''))]);
    assert.equal(new Set(ids).size, ids.length, 'ids are unique across the view');
  });
});

describe('at scale', () => {
  const documents = Array.from({ length: AT_SCALE * 4 }, (_, i) => summary(i));
  const model = new StatementTreeModel(documents);

  test('by date: one group per year, newest first, then "Undated"; each holds its documents newest first', () => {
    assert.equal(model.atScale, true);
    const roots = model.rootsFor('date').map(group);
    const years = roots.slice(0, -1).map(g => g.label);
    assert.deepEqual(years, [...new Set(documents.filter(d => d.date).map(d => d.date!.slice(0, 4)))].sort().reverse());
    assert.equal(roots[roots.length - 1].label, UNDATED);
    assert.equal(roots.reduce((sum, g) => sum + g.documents.length, 0), documents.length);
    for (const year of roots.slice(0, -1)) {
      const children = model.childrenOf(year);
      assert.ok(children.every(node => node.kind === 'document' && node.document.date!.startsWith(year.label)));
    }
  });

  test('the same roots are returned on a second switch to a sort order (grouped once per corpus state)', () => {
    assert.equal(model.rootsFor('speaker'), model.rootsFor('speaker'));
    assert.notEqual(model.rootsFor('speaker'), model.rootsFor('date'));
  });
});

describe('rows', () => {
  test('date · speaker first, then the title; under a speaker\'s group only the others are named', () => {
    const two = { ...summary(5), speakers: ['Qin Gang', 'Le Yucheng'] };
    assert.deepEqual(documentRow(two), { label: `${two.date} · Qin Gang, Le Yucheng`, description: 'Statement 5' });
    assert.deepEqual(documentRow(two, 'Qin Gang'), { label: `${two.date} · Le Yucheng`, description: 'Statement 5' });
    assert.deepEqual(documentRow({ ...two, speakers: ['A B', 'C D', 'E F', 'G H'] }).label, `${two.date} · A B, C D +2`);
    assert.equal(documentRow({ ...two, speakers: [], date: null, partialDate: 'June 18' }).label, 'June 18 (year unknown) · unknown speaker');
    assert.equal(documentRow({ ...two, speakers: ['Qin Gang'] }, 'Qin Gang').label, two.date);
  });
});
