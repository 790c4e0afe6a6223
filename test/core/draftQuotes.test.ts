import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { alignWords, CorpusIndex, findDraftQuotations, openQuotationAt, parseStatement, QuoteChecker, wordsOf, type NameOccurrence } from '../../server/src/core';
import { quoteDiagnostics, quoteFixes } from '../../server/src/features/quoteCheck';
import { CHANGED_WORD } from '../../server/src/core/draft/wordAlignment';

/** A stand-in for the corpus's name dictionary: these forms, each one person. */
const KNOWN: Record<string, string> = { 'Qin Gang': 'Qin Gang', Qin: 'Qin Gang', Blinken: 'Antony J. Blinken', Yang: 'Yang Tao', 'Wang Yi': 'Wang Yi' };
function findNames(text: string, start: number, end: number): NameOccurrence[] {
  const found: NameOccurrence[] = [];
  const pattern = /Qin Gang|Qin|Blinken|Yang|Wang Yi/g;
  pattern.lastIndex = start;
  for (let match; (match = pattern.exec(text)) && match.index + match[0].length <= end; ) found.push({ span: { start: match.index, end: match.index + match[0].length }, form: match[0], people: [KNOWN[match[0]]] });
  return found;
}
const attributed = (draft: string) => findDraftQuotations(draft, findNames).map(q => ({ text: q.text, by: q.attribution?.form, people: q.attribution?.people, inherited: q.attribution?.inherited }));

describe('quotations in drafts and who they are given to', () => {
  test('the usual attribution forms', () => {
    const cases: [string, string | undefined][] = [
      ['Qin said "the two sides must keep talking."', 'Qin'],
      ['"The door is open," Blinken told reporters on Monday.', 'Blinken'],
      ['"The door is open," said Qin Gang.', 'Qin Gang'],
      ['Yang: "Differences must not dominate the relationship."', 'Yang'],
      ['According to Wang Yi, "cooperation is the only right choice."', 'Wang Yi'],
      ["Qin Gang's words: \"we are exploring\".", 'Qin Gang'],
      ['Qin Gang, the ambassador, said on Thursday that "the job is to shorten this process."', 'Qin Gang'],
      ['Blinken met Wang Yi, who said "dialogue must continue at every level."', 'Wang Yi'],
      ['Qin also stressed that "the two countries must respect each other."', 'Qin'],
      ['The report was called "a milestone for the region" by officials.', undefined],
      ['Qin met Blinken. The statement called for "a calm approach to the issue".', undefined],
    ];
    for (const [draft, speaker] of cases) assert.equal(attributed(draft)[0]?.by, speaker, draft);
  });

  test('"he said" carries the last named speaker; a name the corpus does not know is kept as written', () => {
    const [first, second] = attributed('Qin Gang said "relations are exploring." He added, "both sides must respect each other."');
    assert.equal(first.by, 'Qin Gang');
    assert.deepEqual({ by: second.by, inherited: second.inherited }, { by: 'Qin Gang', inherited: true });
    const [unknown] = attributed('Jane Roe said "the talks were productive and frank."');
    assert.deepEqual({ by: unknown.by, people: unknown.people }, { by: 'Jane Roe', people: [] });
    assert.equal(attributed('Dr. Jane Roe said "the talks were productive and frank."')[0].by, 'Dr. Jane Roe');
    // A description is no name: "State" is not a speaker.
    assert.equal(attributed('In Washington, the Secretary of State said "the budget doubles down on democracy."')[0].by, undefined);
    assert.equal(attributed('The White House said "the budget doubles down on democracy."')[0].by, undefined);
  });

  test('a verb that begins a longer one ("pointed", "pointed out that"), before or after the quotation, known name or not', () => {
    const cases: [string, string | undefined][] = [
      ['Qin pointed out that "the two sides must keep talking."', 'Qin'],
      ['Qin Gang has pointed out on many occasions that "the two sides must keep talking."', 'Qin Gang'],
      ['"The two sides must keep talking," Qin pointed out.', 'Qin'],
      ['"The two sides must keep talking," pointed out Qin Gang.', 'Qin Gang'],
      ['Jane Roe pointed out that "the two sides must keep talking."', 'Jane Roe'],
      ['"The two sides must keep talking," Jane Roe pointed out on Monday.', 'Jane Roe'],
      ['"The two sides must keep talking," said Jane Roe.', 'Jane Roe'],
      ['Wang Yi described the move as "sheer gangster logic and daylight robbery."', 'Wang Yi'],
      ['Qin pointedly ignored "the two sides must keep talking."', undefined],
    ];
    for (const [draft, speaker] of cases) assert.equal(attributed(draft)[0]?.by, speaker, draft);
    const [, after] = attributed('Qin Gang said "relations are exploring." "Both sides must respect each other," he pointed out.');
    assert.deepEqual({ by: after.by, inherited: after.inherited }, { by: 'Qin Gang', inherited: true });
    const [, before] = attributed('Qin Gang said "relations are exploring." "Both sides must respect each other," said he.');
    assert.deepEqual({ by: before.by, inherited: before.inherited }, { by: 'Qin Gang', inherited: true });
  });

  test('a quotation may run over a line break; blank lines, list items and headings end paragraphs', () => {
    const [wrapped] = attributed('Qin Gang said "the two sides must keep\ntalking about every issue."');
    assert.deepEqual({ text: wrapped.text, by: wrapped.by }, { text: 'the two sides must keep\ntalking about every issue.', by: 'Qin Gang' });
    const items = attributed('- Qin said "the two sides must talk\n- Yang: "differences must not dominate the relationship."');
    assert.deepEqual(items.map(q => q.by), ['Yang'], 'an unclosed quotation in one list item does not swallow the next');
  });

  test('British style: quotations in single marks, apostrophes aside', () => {
    const [quoted] = attributed("Qin said 'China's door for dialogue is always open to the U.S. side.'");
    assert.deepEqual({ text: quoted.text, by: quoted.by }, { text: "China's door for dialogue is always open to the U.S. side.", by: 'Qin' });
    assert.deepEqual(attributed("Yang said the talks went well and Qin's team agreed."), []);
  });

  test('"he said" needs its referent in the same paragraph, with no one else named in between', () => {
    const chained = attributed('Qin Gang said "relations are exploring." Later Wang Yi spoke. He said "both sides must respect each other."');
    assert.equal(chained[1].by, undefined);
    const apart = attributed('Qin Gang said "relations are exploring."\n\nHe said "both sides must respect each other."');
    assert.equal(apart[1].by, undefined);
  });

  test('a quotation still being typed is not a quotation, but is the open quotation at the cursor', () => {
    const draft = 'Qin Gang said "we must';
    assert.deepEqual(findDraftQuotations(draft, findNames), []);
    const open = openQuotationAt(draft, draft.length, findNames)!;
    assert.equal(open.typed, 'we must');
    assert.equal(open.attribution?.form, 'Qin Gang');
    const justOpened = openQuotationAt('Yang: "', 7, findNames)!;
    assert.equal(justOpened.typed, '');
    assert.equal(justOpened.attribution?.form, 'Yang');
    assert.equal(openQuotationAt('Yang: "done."', 13, findNames), undefined, 'a closed quotation is not open');
  });
});

describe('word alignment of a quotation against its source', () => {
  const source = wordsOf('My job is to shorten this exploring process as soon as possible, and make it more smooth and predictable.');
  const align = (quoted: string) => alignWords(wordsOf(quoted), source);
  const words = (from: number, to: number) => source.slice(from, to).map(w => w.key).join(' ');

  test('a verbatim part of the source costs nothing, whatever the case and punctuation', () => {
    const alignment = align('shorten this Exploring process, as soon as possible');
    assert.equal(alignment.cost, 0);
    assert.equal(words(alignment.sourceStart, alignment.sourceEnd), 'shorten this exploring process as soon as possible');
  });

  test('changed, dropped and added words are reported where they are', () => {
    const changed = align('make it more smooth and foreseeable');
    assert.deepEqual(changed.differences.map(d => [words(...d.source), d.quoted]), [['predictable', [5, 6]]]);
    const dropped = align('and make it more predictable');
    assert.equal(dropped.differences.length, 1);
    assert.equal(words(...dropped.differences[0].source), 'smooth and', 'two dropped words, not an added last word');
    const added = align('make it much more smooth');
    assert.deepEqual(added.differences.map(d => ({ quoted: d.quoted, source: d.source[1] - d.source[0] })), [{ quoted: [2, 3], source: 0 }]);
  });

  test('words left out at an ellipsis are not a difference', () => {
    const alignment = align('My job is to shorten this exploring process … and make it more smooth');
    assert.equal(alignment.cost, 0);
    assert.deepEqual(alignment.differences, []);
  });

  test('property: any run of a source aligns at no cost to itself; one changed word costs one change, found at its place', () => {
    const vocabulary = fc.constantFrom('china', 'relations', 'must', 'the', 'and', 'track', 'right', 'back', 'we', 'cooperation');
    fc.assert(
      fc.property(fc.array(vocabulary, { minLength: 3, maxLength: 40 }), fc.nat(), fc.nat(), fc.nat(), (sourceWords, a, b, c) => {
        const text = sourceWords.join(' ');
        const all = wordsOf(text);
        const start = a % all.length, end = start + 1 + (b % (all.length - start));
        const run = all.slice(start, end);
        const exact = alignWords(run, all);
        assert.equal(exact.cost, 0);
        assert.equal(all.slice(exact.sourceStart, exact.sourceEnd).map(w => w.key).join(' '), run.map(w => w.key).join(' '));
        const at = c % run.length;
        const changed = run.map((word, i) => (i === at ? { ...word, key: 'zzz' } : word));
        const alignment = alignWords(changed, all);
        assert.ok(alignment.cost > 0 && alignment.cost <= CHANGED_WORD, `cost ${alignment.cost}`);
        assert.ok(alignment.differences.some(d => d.quoted[0] <= at && at < d.quoted[1]), 'the changed word is a difference');
      }),
      { numRuns: 300 },
    );
  });
});

describe('naming verbs are attributions in a draft', () => {
  const SEEDS = path.resolve(__dirname, '..', '..', 'seeds');
  const index = new CorpusIndex();
  for (const file of readdirSync(SEEDS).filter(name => name.endsWith('.txt'))) index.set(parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8') }));

  test('"described it as", "called it", "dismissed it as", "termed it", "branded it" give the words to the name before them', () => {
    for (const verb of ['described it as', 'called it', 'dismissed it as', 'termed it', 'branded it', 'called the move']) {
      assert.equal(attributed(`Wang Yi ${verb} "sheer gangster logic and daylight robbery."`)[0]?.by, 'Wang Yi', verb);
    }
  });

  test('the seeds give "sheer gangster logic" to Le Yucheng: a warning on Wang Yi, fixed by "Attribute to Le Yucheng"', () => {
    const draft = 'Wang Yi described it as "sheer gangster logic and daylight robbery."';
    const [check] = new QuoteChecker(index).check(draft);
    assert.equal(check?.quotation.attribution?.form, 'Wang Yi');
    assert.deepEqual({ attribution: check.attribution, speaker: check.source?.speaker }, { attribution: 'wrong', speaker: 'Le Yucheng' });
    const uri = 'untitled:draft.md';
    const [warning] = quoteDiagnostics(index, TextDocument.create(uri, 'markdown', 1, draft), [check]);
    assert.equal(warning?.code, 'misattributed');
    assert.deepEqual(quoteFixes(uri, [warning]).map(fix => fix.title), ['Attribute to Le Yucheng']);
  });
});
