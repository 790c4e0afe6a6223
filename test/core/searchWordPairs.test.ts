import * as assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CorpusIndex } from '../../server/src/core';
import { NeighbourPairs, spelled } from '../../server/src/core/search/wordPairs';
import { indexOf, MemoryHost } from './memoryHost';

/**
 * Four- and five-word queries are mostly stop words around one common indexed word: hundreds of short
 * statements share that word, and the one wanted is long. Every rule below has such a crowd and one target.
 */
describe('quote search by word pairs side by side', () => {
  let index: CorpusIndex;
  before(async () => {
    const host = new MemoryHost();
    for (let i = 0; i < 400; i++) {
      const day = `2020-0${1 + (i % 9)}-${String(1 + (i % 28)).padStart(2, '0')}`;
      // Each crowd statement holds the indexed word, and some a single pair of the query ("think there").
      host.set(`${day}_crowd-${i}.txt`, `Note ${i}\n\n"Do you think there will be talks ${i}?" a reporter asked.\n\n"We focus on jobs, part of plant ${i}," Envoy Tom Bay said.\n\n"There has been no change in the plan for site ${i}," Envoy Tom Bay said.\n`);
    }
    host.set('2021-01-01_spirit.txt', 'Speech\n\n"I think there should be a spirit of patience here, a spirit of building things slowly and together, in every village of the valley," Envoy Tom Bay said.\n');
    host.set('2021-01-02_pacific.txt', 'Speech\n\n"And as part of our focus on the islands, we recognize how much the fishing agreements matter to every family," Envoy Tom Bay said.\n');
    host.set('2021-01-03_charged.txt', 'Release\n\n"Ahmed Noor has been charged in the northern district with smuggling rare birds and with conspiracy to commit fraud," the prosecutor said.\n');
    host.set('2021-01-04_contraction.txt', 'Remarks\n\n"Look, I’m not going to get ahead of the committee on the harbour plan or its budget for next year," Envoy Tom Bay said.\n');
    host.set('2021-01-05_crowd-contraction.txt', 'Remarks\n\n"I am not going to the harbour," Envoy Tom Bay said.\n');
    index = await indexOf(host);
  });

  test('the entry holding more of the query\'s pairs, stop words\' too, outranks hundreds sharing one pair', () => {
    assert.match(index.searchQuotes('think there should be a', 5)[0].entry.text, /^I think there should be a spirit/);
  });

  test('a pair found swapped counts too: "part of focus our" finds "part of our focus" over "part of" alone', () => {
    assert.match(index.searchQuotes('part of focus our', 5)[0].entry.text, /^And as part of our focus on/);
  });

  test('a typo whose forms are common ("chargd": change, charge, charged) keeps the entry with the pairs', () => {
    assert.match(index.searchQuotes('has been chargd in', 5)[0].entry.text, /^Ahmed Noor has been charged in/);
  });

  test('a folded contraction matches the apostrophe the text has ("im" for "I’m")', () => {
    assert.match(index.searchQuotes('look im not going', 5)[0].entry.text, /^Look, I’m not going/);
  });
});

test('a folded word is spelled with an apostrophe only where English contracts', () => {
  const matches = (word: string, text: string) => new RegExp(`^${spelled(word)}$`, 'i').test(text);
  assert.ok(matches('dont', 'don’t'));
  assert.ok(matches('im', "I'm"));
  assert.ok(matches('youre', 'you’re'));
  assert.ok(matches('americas', 'America’s'));
  assert.ok(matches('theyll', 'they’ll'));
  assert.ok(!matches('plan', 'pl’an'));
  // One optional apostrophe at most: the pattern stays small enough to compile in well under a millisecond.
  assert.ok(spelled('internationalization').length < 30);
});

/**
 * The pattern the pair test was before it read texts word by word: one regular expression per query, the
 * deciding pairs to tell whether an entry is weighed, and every counted pair, in order and swapped, to weigh
 * it. The word-by-word reading must find what it found, on texts made to trip it.
 */
function patternWeight(queryWords: string[], terms: { word: string; forms: Map<string, number> }[], text: string): number | undefined {
  const byWord = new Map(terms.map(term => [term.word, term]));
  const alternatives = queryWords.map(word => {
    const forms = byWord.get(word)?.forms;
    if (!forms?.size) return { indexed: false, pattern: spelled(word) };
    return { indexed: true, pattern: `(?:${[...forms].sort((a, b) => b[1] - a[1]).slice(0, 8).map(([form]) => spelled(form)).join('|')})` };
  });
  const deciding: string[] = [], counted: string[] = [], weights: number[] = [];
  for (let i = 1; i < alternatives.length; i++) {
    const a = alternatives[i - 1], b = alternatives[i];
    if (a.indexed || b.indexed) deciding.push(`${a.pattern}\\W+${b.pattern}`);
    if (counted.length < 30) {
      counted.push(`${a.pattern}\\W+${b.pattern}`);
      weights.push(1);
    }
    if ((a.indexed || b.indexed) && counted.length < 30) {
      counted.push(`${b.pattern}\\W+${a.pattern}`);
      weights.push(0.5);
    }
  }
  if (!deciding.length || !new RegExp(`\\b(?:${deciding.join('|')})\\b`, 'i').test(text)) return undefined;
  const counter = new RegExp(`\\b(?:${counted.map(pair => `(${pair})`).join('|')})\\b`, 'gi');
  let seen = 0, sum = 0;
  for (let match = counter.exec(text); match; match = counter.exec(text)) {
    const group = match.findIndex((part, i) => i > 0 && part !== undefined);
    if (!(seen & (1 << group))) {
      seen |= 1 << group;
      sum += weights[group - 1];
    }
    counter.lastIndex = match.index + 1;
  }
  return sum;
}

describe('the word pair test reads a text word by word as the pattern read it', () => {
  const terms = [
    { word: 'charged', forms: new Map([['charged', 1], ['charge', 0.85], ['changed', 0.75]]) },
    { word: 'were', forms: new Map([['were', 1]]) },
    { word: 'plan', forms: new Map([['plan', 1], ['plans', 0.85]]) },
  ];
  const cases: [string, string][] = [
    ['has been charged in', 'Ahmed Noor has been charged in the district.'],
    ['has been charged in', 'HAS BEEN CHARGED IN CAPITALS, and has—been, charged…in again'],
    ['were charged with', 'We’re charged with it; we\'re charged; we’ re charged; were_charged with'],
    ['dont plan to', 'I don’t plan to, do n’t plan to, don\'t plans to, don’’t plan to'],
    ['the plan the plan', 'the plan, the plan and plan the'],
    ['charged plan', 'plan charged, plan_charged, charged café plan, charged\u00e9 plan'],
    ['americas plan', 'America’s plan and Americas plan and America’ s plan'],
    ['im not going', 'Look, I’m not going; i’m not; Im not going to'],
  ];
  for (const [query, text] of cases) {
    test(`"${query}" in "${text.slice(0, 40)}…"`, () => {
      const words = query.split(' ');
      const pairs = NeighbourPairs.of(words, terms.filter(term => words.includes(term.word)));
      assert.equal(pairs?.weightIn(text), patternWeight(words, terms, text));
    });
  }

  test('on 2,000 texts and queries drawn from a few words, apostrophes and separators', () => {
    let state = 7;
    const next = (n: number) => ((state = (state * 1664525 + 1013904223) >>> 0) % n);
    const vocabulary = ['we', 're', 'were', 'dont', 'don', 't', 'plan', 'plans', 'charged', 'charge', 'in', 'im', 'i', 'm', 'the', 'its', 'it', 's'];
    const separators = [' ', ' ', ' ', ', ', '’', "'", '_', '—', 'é', '  ', '’’'];
    const casing = (word: string) => (next(4) === 0 ? word.toUpperCase() : word);
    for (let round = 0; round < 2000; round++) {
      const words = Array.from({ length: 2 + next(5) }, () => vocabulary[next(vocabulary.length)]);
      const indexed = ['plan', 'charged', 'dont'].filter(word => words.includes(word));
      const forms = (word: string) => new Map(word === 'plan' ? [['plan', 1], ['plans', 0.85]] : word === 'charged' ? [['charged', 1], ['charge', 0.85]] : [['dont', 1], ['don', 0.8]]);
      const queryTerms = indexed.map(word => ({ word, forms: forms(word) }));
      let text = '';
      for (let i = 0, length = 3 + next(12); i < length; i++) text += (i ? separators[next(separators.length)] : '') + casing(vocabulary[next(vocabulary.length)]);
      const pairs = NeighbourPairs.of(words, queryTerms);
      assert.equal(pairs?.weightIn(text), pairs && patternWeight(words, queryTerms, text), `"${words.join(' ')}" in "${text}"`);
    }
  });
});
