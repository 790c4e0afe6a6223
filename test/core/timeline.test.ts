import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CorpusIndex, CorpusIndexer, parseStatement, personTimeline, phraseTimeline, readPeopleRules, resolvePerson, type TimelineStatement } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/read/sidecar';
import { MemoryHost } from './memoryHost';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');

function seedIndex(): CorpusIndex {
  const index = new CorpusIndex();
  const sidecar = readSidecar('statements.yaml', readFileSync(path.join(SEEDS, 'statements.yaml'), 'utf8'));
  for (const file of readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
    index.set(parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), sidecar: sidecar.entries.get(file) }));
  }
  return index;
}

const doc = (date: string, body: string) => `---\ndate: ${date}\n---\n\n${body}\n`;

function assertDateOrder(statements: readonly TimelineStatement[]): void {
  const dates = statements.map(s => s.date);
  const dated = dates.filter((d): d is string => d !== null);
  assert.deepEqual(dated, [...dated].sort(), 'earliest first');
  assert.ok(dates.indexOf(null) === -1 || dates.slice(dates.indexOf(null)).every(d => d === null), 'undated last');
}

describe('person timeline on the seeds', () => {
  const index = seedIndex();

  test('"Qin", "Qin Gang" and "Foreign Minister Qin" are one person: every quotation of his, each with the role he held then', () => {
    const full = personTimeline(index, 'Qin Gang')!;
    assert.equal(full.person, 'Qin Gang');
    assert.deepEqual(personTimeline(index, 'Qin'), full);
    assert.deepEqual(personTimeline(index, 'foreign minister qin'), full, 'a title and lower case, as a writer types it');
    // Every quotation the corpus gives him is on it, and nothing else.
    const expected = [...index.all()].flatMap(document => document.quotes.filter(q => q.speaker && index.canonicalName(q.speaker, document.uri) === 'Qin Gang').map(q => `${document.uri}#${q.span.start}`));
    assert.deepEqual(full.statements.map(s => `${s.uri}#${s.span.start}`).sort(), expected.sort());
    assert.ok(full.statements.length >= 10, `${full.statements.length} statements`);
    assertDateOrder(full.statements);
    assert.deepEqual([...new Set(full.statements.map(s => s.date))], ['2021-10-01', '2023-06-18']);
    // In 2021 he spoke as ambassador, in 2023 as foreign minister: the role is the one the document states.
    for (const statement of full.statements) {
      if (statement.date === '2021-10-01') assert.match(statement.role ?? '', /ambassador to the U\.S\./i);
      else assert.equal(statement.role, 'State Councilor and Foreign Minister');
      assert.equal(statement.speaker, 'Qin Gang');
      const document = index.get(statement.uri)!;
      assert.equal(document.text.slice(statement.span.start, statement.span.end), statement.text, 'the span is the quotation');
    }
    assert.ok(new Set(full.statements.map(s => s.kind)).has('direct') && new Set(full.statements.map(s => s.kind)).has('reported'));
    assert.deepEqual(full.roles.map(r => r.title).sort(), ["China's new ambassador to the U.S.", 'State Councilor and Foreign Minister'].sort());
  });

  test('a person with no quotations has roles and an empty timeline; a name nobody has is no person', () => {
    const biden = personTimeline(index, 'President Biden')!;
    assert.equal(biden.person, 'Joe Biden');
    assert.equal(biden.statements.length, 0);
    assert.ok(biden.roles.length > 0);
    assert.equal(personTimeline(index, 'Nobody Atall'), undefined);
    assert.equal(personTimeline(index, '   '), undefined);
    assert.equal(resolvePerson(index, 'Le'), 'Le Yucheng');
  });
});

describe('phrase timeline', () => {
  const index = seedIndex();

  test('who used "right track": the quotations that contain it, in date order, with speaker and role', () => {
    const found = phraseTimeline(index, 'Right  Track');
    assert.ok(found.length >= 2, JSON.stringify(found.map(s => s.speaker)));
    assertDateOrder(found);
    for (const statement of found) assert.match(statement.text.replace(/\s+/g, ' '), /right track/i);
    // Every seed quotation with the phrase is there.
    const expected = [...index.all()].flatMap(d => d.quotes.filter(q => q.speaker && /\bright\s+track\b/i.test(q.text))).length;
    assert.ok(found.length <= expected && found.length > 0);
    assert.ok(found.some(s => s.speaker === 'Wang Yi'), found.map(s => s.speaker).join(', '));
  });

  test('the innermost quotation is who used it: Deng Xiaoping, not Le Yucheng who quotes him', () => {
    const found = phraseTimeline(index, 'afraid of isolation');
    assert.deepEqual(found.map(s => [s.speaker, s.date]), [['Deng Xiaoping', '2020-08-13']]);
  });

  test('whole words only, line breaks and curly apostrophes aside; a limit keeps the earliest', async () => {
    const host = new MemoryHost();
    host.set('a.md', doc('2022-05-01', '"We will hold the line on prices, and we won’t move," Minister Ana Ruiz said.'));
    host.set('b.md', doc('2021-03-01', '"We will hold the\nline on prices this year," Senator Tom Field told reporters.'));
    host.set('c.md', doc('2020-01-01', '"Hold the linesman to account," Governor Eve Stone said.'));
    host.set('d.md', doc('2023-01-01', '"We won\'t move, we will hold the line on prices," Ambassador Li Wen said.'));
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    const found = phraseTimeline(indexer.index, 'hold the line');
    assert.deepEqual(found.map(s => [s.date, s.speaker]), [['2021-03-01', 'Tom Field'], ['2022-05-01', 'Ana Ruiz'], ['2023-01-01', 'Li Wen']], '"linesman" is another word');
    assert.equal(found[1].role, 'Minister');
    assert.deepEqual(phraseTimeline(indexer.index, "won't move").map(s => s.speaker), ['Ana Ruiz', 'Li Wen'], 'a straight apostrophe finds a curly one');
    assert.deepEqual(phraseTimeline(indexer.index, 'hold the line', 1).map(s => s.date), ['2021-03-01']);
    assert.deepEqual(phraseTimeline(indexer.index, '  '), []);
    assert.deepEqual(phraseTimeline(indexer.index, '(.*)+$'), [], 'the phrase is text, not a pattern');
  });

  test('a role people.yaml gives with dates covers statements the documents give no role for', async () => {
    const host = new MemoryHost();
    host.set('a.md', doc('2022-05-01', '"Prices will fall," Ana Ruiz said.'));
    host.set('b.md', doc('2019-05-01', '"Prices will rise," Ana Ruiz said.'));
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    indexer.index.setPeopleRules(readPeopleRules('- name: Ana Ruiz\n  roles:\n    - { title: Minister of Trade, from: 2021-01, to: null }\n').rules);
    const timeline = personTimeline(indexer.index, 'Ruiz')!;
    assert.deepEqual(timeline.statements.map(s => [s.date, s.role]), [['2019-05-01', null], ['2022-05-01', 'Minister of Trade']]);
  });
});
