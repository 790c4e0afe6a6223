import * as assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { CorpusIndex, parseStatement, type StatementDocument } from '../../server/src/core';

const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
const seeds = readdirSync(SEEDS).filter(file => file.endsWith('.txt')).map(file => parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8') }));
/** Copy k of every seed, under its own URI. */
const copies = (k: number): StatementDocument[] => seeds.map(document => ({ ...document, uri: `${document.uri}?copy=${k}` }));

const QUERIES = ['my job is to shortn exploring proccess as soon as possible', 'gangster logic sheer robbery daylight', 'speaker:qin relations', 'what it was', 'relationship between china and the united states'];

/** Everything a search, a related-statements lookup and a passage lookup answer, in order. */
function answers(index: CorpusIndex): string {
  const lines: string[] = [];
  for (const query of QUERIES) for (const hit of index.searchQuotes(query, 15)) lines.push(`${query} → ${hit.entry.uri} ${hit.entry.span.start} ${hit.score.toFixed(6)} ${hit.sources?.length ?? 1}`);
  for (const hit of index.relatedStatements('No matter how difficult, we must keep the relationship on the right track', 15)) lines.push(`related → ${hit.entry.uri} ${hit.entry.span.start} ${hit.score.toFixed(6)}`);
  for (const entry of index.passagesContaining('exploring process as soon as possible', 15)) lines.push(`passage → ${entry.uri} ${entry.span.start}`);
  return lines.join('\n');
}

test('search answers the same whether postings are sealed, added to since, or compacted after removals', () => {
  const plain = new CorpusIndex(), sealed = new CorpusIndex();
  for (let k = 0; k < 60; k++) for (const document of copies(k)) {
    plain.set(document);
    sealed.set(document);
  }
  // Warm-up seals the postings a full pass added into one typed array; `plain` keeps them as they came.
  let slices = 0;
  while (sealed.warmUp()) slices++;
  assert.ok(slices > 0);
  assert.equal(answers(sealed), answers(plain));

  // Ids added after the seal live apart from the sealed ones until the next seal.
  for (let k = 60; k < 70; k++) for (const document of copies(k)) {
    plain.set(document);
    sealed.set(document);
  }
  assert.equal(answers(sealed), answers(plain));
  while (sealed.warmUp()) slices++;
  for (let k = 70; k < 72; k++) for (const document of copies(k)) {
    plain.set(document);
    sealed.set(document);
  }

  // Removing most copies compacts the postings (over 10,000 removed entries, over a quarter of those left):
  // sealed ids and ids added since, dead and alive.
  for (let k = 0; k < 65; k++) for (const document of copies(k)) {
    plain.delete(document.uri);
    sealed.delete(document.uri);
  }
  const after = answers(sealed);
  assert.equal(after, answers(plain));
  assert.match(after, /copy=6[5-9]/);
  assert.match(after, /copy=7[01]/);
  assert.doesNotMatch(after, /copy=(?:[0-9]|[1-5][0-9]|6[0-4])\b/);
});

test('a passage lookup ranks by every word it scores, however long the common words\' postings', () => {
  const index = new CorpusIndex();
  const add = (name: string, text: string) => index.set(parseStatement({ uri: `file:///corpus/${name}.txt`, text }));
  // Common words in hundreds of entries: once the rare words decide which entries can be kept, the common
  // words' postings are searched for those entries rather than walked.
  for (let i = 0; i < 400; i++) add(`common-${i}`, `The council budget meeting number ${i} went on late into the evening.`);
  add('both', 'The zebrafish quartet reviewed the council budget meeting on Tuesday.');
  add('rare', 'The zebrafish quartet reviewed the plan on Tuesday.');
  add('one', 'The zebrafish swam away from the harbour.');
  while (index.warmUp()) { /* seal, as after a full pass */ }
  const found = index.passagesContaining('zebrafish quartet council budget meeting', 10).map(entry => entry.uri.replace(/^.*\//, ''));
  // "one" holds only one rare word: under half the best score, like the entries holding only common words.
  assert.deepEqual(found, ['both.txt', 'rare.txt']);
});

test('search answers the same whatever order the documents were indexed in (a cold pass and a cache load differ)', () => {
  const forward = new CorpusIndex(), backward = new CorpusIndex();
  const documents = [0, 1, 2].flatMap(k => copies(k));
  for (const document of documents) forward.set(document);
  for (const document of [...documents].reverse()) backward.set(document);
  assert.equal(answers(backward), answers(forward));
});
