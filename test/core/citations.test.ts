// Citations that travel (issue 17): a document's address in `${url}`, and CSL-JSON items for a draft's sources.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import CSL from 'citeproc';
import { CorpusIndex, cslItemsOf, DEFAULT_SOURCE_FORMAT, formatCitation, parseStatement, QuoteChecker, type CslItem } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/read/sidecar';
import { CORPORA, PROJECT } from './goldScore';

const SEEDS = path.join(PROJECT, 'seeds');

let seeds: CorpusIndex | undefined;
function seedIndex(): CorpusIndex {
  if (seeds) return seeds;
  const index = (seeds = new CorpusIndex());
  const sidecar = readSidecar('statements.yaml', readFileSync(path.join(SEEDS, 'statements.yaml'), 'utf8'));
  for (const file of readdirSync(SEEDS).filter(f => f.endsWith('.txt'))) {
    index.set(parseStatement({ uri: `file://${SEEDS}/${file}`, text: readFileSync(path.join(SEEDS, file), 'utf8'), sidecar: sidecar.entries.get(file) }));
  }
  return index;
}

describe('a document\'s address', () => {
  test('comes from front matter (source_url or url), else the sidecar, and is kept only when it is http(s)', () => {
    const fromFrontMatter = parseStatement({ uri: 'memory:///a.md', text: '---\ntitle: Remarks\nsource_url: https://www.state.gov/remarks-to-the-press/\n---\n\nThe Secretary spoke.\n' });
    assert.deepEqual(fromFrontMatter.url, { value: 'https://www.state.gov/remarks-to-the-press/', source: 'frontMatter' });
    const manifest = readSidecar('MANIFEST.tsv', 'file\tdate\ttitle\turl\nb.txt\t2021-05-20\tA Title\thttps://www.state.gov/b/\n');
    const fromSidecar = parseStatement({ uri: 'memory:///b.txt', text: 'A Title\n\nThe Secretary spoke.\n', sidecar: manifest.entries.get('b.txt') });
    assert.deepEqual(fromSidecar.url, { value: 'https://www.state.gov/b/', source: 'sidecar' });
    for (const hostile of ['javascript:alert(1)', 'file:///etc/passwd', 'not a url', 'https://example.org/a b']) {
      const document = parseStatement({ uri: 'memory:///c.md', text: `---\ntitle: T\nurl: "${hostile}"\n---\n\nText.\n` });
      assert.equal(document.url.value, null, hostile);
    }
    assert.equal(parseStatement({ uri: 'memory:///d.txt', text: 'No address here.\n' }).url.value, null);
  });

  test('every row of a real archive manifest gives its document the row\'s url', { skip: existsSync(path.join(CORPORA, 'statedept')) ? false : '../shared/corpora is not on this machine' }, () => {
    const folder = path.join(CORPORA, 'statedept');
    const manifestText = readFileSync(path.join(folder, 'MANIFEST.tsv'), 'utf8');
    const manifest = readSidecar('MANIFEST.tsv', manifestText);
    const rows = manifestText.split('\n').slice(1, 21).map(line => line.split('\t')).filter(cells => cells.length > 3);
    assert.ok(rows.length >= 10);
    for (const [file, , , url] of rows) {
      const document = parseStatement({ uri: `file://${folder}/${file}`, text: readFileSync(path.join(folder, file), 'utf8'), sidecar: manifest.entries.get(file) });
      assert.equal(document.url.value, url, file);
      assert.equal(document.url.source, 'sidecar');
    }
  });
});

describe('${url} in the citation formats', () => {
  const fields = { quote: 'We will keep talking.', speaker: 'Qin Gang', date: '2021-10-01', outlet: 'CGTN', title: 'Interview' };
  test('is the address when known', () => {
    assert.equal(formatCitation({ ...fields, url: 'https://news.cgtn.com/x' }, '“${quote},” ${speaker} ${saidTo} on ${longDate}. ${url}'), '“We will keep talking,” Qin Gang told CGTN on 1 October 2021. https://news.cgtn.com/x');
    assert.equal(formatCitation({ ...fields, quote: '', url: 'https://news.cgtn.com/x' }, ' (${source}, ${longDate}, ${url})'), ' (CGTN, 1 October 2021, https://news.cgtn.com/x)');
  });
  test('is empty when unknown, leaving no trailing space; formats without it are unchanged', () => {
    assert.equal(formatCitation({ ...fields, url: null }, '“${quote},” ${speaker} ${saidTo} on ${longDate}. ${url}'), '“We will keep talking,” Qin Gang told CGTN on 1 October 2021.');
    assert.equal(formatCitation({ ...fields, quote: '' }, DEFAULT_SOURCE_FORMAT), ' (CGTN, 1 October 2021)');
  });
  test('the seeds give CGTN\'s and China Daily\'s addresses', () => {
    const index = seedIndex();
    const [hit] = index.searchQuotes('shorten this exploring process', 1);
    const document = index.get(hit.entry.uri)!;
    assert.match(formatCitation({ quote: hit.entry.text, speaker: hit.entry.speaker, date: hit.entry.date, outlet: document.outlet.value, title: document.title.value, url: document.url.value }, '${speaker}, ${url}'), /^Qin Gang, https:\/\/news\.cgtn\.com\/news\/2021-10-01\//);
  });
});

describe('CSL-JSON for a draft\'s sourced quotations', () => {
  const index = seedIndex();
  const draft = readFileSync(path.join(PROJECT, 'sample', 'drafts', 'talks.md'), 'utf8');
  const items = cslItemsOf(new QuoteChecker(index).check(draft), index);

  test('one item per cited passage, in the draft\'s order, with the corpus wording and speaker in the note', () => {
    assert.equal(items.length, 3, JSON.stringify(items, null, 1));
    assert.match(items[0].note, /^“No matter how difficult and complex the issues may be, they should be put on the table” — Le Yucheng$/);
    // The draft changed "predictable" to "foreseeable": the note gives what the corpus has.
    assert.match(items[1].note, /more smooth and predictable” — Qin Gang$/);
    // The draft gives the last quotation to Wang Yi; its source is Le Yucheng's.
    assert.match(items[2].note, /— Le Yucheng$/);
    assert.equal(new Set(items.map(item => item.id)).size, items.length, 'ids are unique');
  });

  test('a news article: article-newspaper, outlet as container, no author, date parts and URL from the sidecar', () => {
    const cgtn = items[1];
    assert.equal(cgtn.type, 'article-newspaper');
    assert.equal(cgtn.title, 'Exclusive: Chinese ambassador says China-U.S. relations in \'exploring\' period');
    assert.equal(cgtn['container-title'], 'CGTN');
    assert.deepEqual(cgtn.issued, { 'date-parts': [[2021, 10, 1]] });
    assert.match(cgtn.URL ?? '', /^https:\/\/news\.cgtn\.com\//);
    assert.equal(cgtn.author, undefined, 'the reporter is unknown, and the person quoted is not the author');
    assert.equal(cgtn.id, 'cgtn-2021');
  });

  /** The item for a draft quoting one of the seed quotations of a document of this kind, to its speaker. */
  function itemQuoting(kind: string) {
    const document = [...index.all()].find(d => d.kind === kind)!;
    const quote = document.quotes.find(q => q.speaker && !q.speakerKind && q.text.split(' ').length > 8)!;
    const found = cslItemsOf(new QuoteChecker(index).check(`${quote.speaker} said "${quote.text}"`), index);
    assert.equal(found.length, 1, `${kind}: ${quote.speaker} said "${quote.text}"`);
    return { document, item: found[0] };
  }

  test('a speech: its speaker is the author, and no URL when the corpus has none', () => {
    const { document, item } = itemQuoting('speech');
    assert.equal(item.type, 'speech');
    assert.deepEqual(item.author, [{ literal: 'Wang Yi' }]);
    assert.deepEqual(item.issued, { 'date-parts': [[2021, 2, 22]] });
    assert.equal(document.url.value, null);
    assert.equal(item.URL, undefined);
    assert.equal(item.id, 'wang-yi-2021');
  });

  test('a readout: issued by its ministry', () => {
    const { document, item } = itemQuoting('readout');
    assert.equal(item.type, 'document');
    assert.deepEqual(item.author, [{ literal: document.outlet.value! }]);
    assert.deepEqual(item.issued, { 'date-parts': [[2023, 6, 18]] });
  });

  test('quotations the corpus has not got give no item', () => {
    assert.deepEqual(cslItemsOf(new QuoteChecker(index).check('Qin Gang said "we will build a bridge to the moon by the end of next year."'), index), []);
  });
});

describe('CSL-JSON that citeproc-js renders', () => {
  // APA 7th edition and its en-US locale, as @citation-js/plugin-csl ships them (CSL styles and locales are
  // CC BY-SA 3.0, from the Citation Style Language project).
  const styles = JSON.parse(readFileSync(require.resolve('@citation-js/plugin-csl/lib/styles.json'), 'utf8')) as Record<string, string>;
  const locales = JSON.parse(readFileSync(require.resolve('@citation-js/plugin-csl/lib/locales.json'), 'utf8')) as Record<string, string>;

  function bibliography(items: readonly CslItem[]): string[] {
    const byId = new Map(items.map(item => [item.id, item]));
    const engine = new CSL.Engine({ retrieveLocale: lang => locales[lang] ?? locales['en-US'], retrieveItem: id => byId.get(id) }, styles.apa, 'en-US');
    engine.updateItems(items.map(item => item.id));
    const result = engine.makeBibliography();
    assert.ok(result, 'a bibliography');
    assert.deepEqual(result[0].bibliography_errors, []);
    return result[1].map(entry => entry.replace(/<[^>]+>/g, '').replace(/&#38;/g, '&').trim());
  }

  test('the sample draft\'s sources become an APA bibliography with outlet, date, title and address', () => {
    const index = seedIndex();
    const items = cslItemsOf(new QuoteChecker(index).check(readFileSync(path.join(PROJECT, 'sample', 'drafts', 'talks.md'), 'utf8')), index);
    const entries = bibliography(items);
    assert.equal(entries.length, items.length);
    const cgtn = entries.find(entry => entry.includes('exploring'));
    assert.ok(cgtn, entries.join('\n'));
    assert.match(cgtn, /Exclusive: Chinese ambassador says China-U\.S\. relations in ['‘“]exploring['’”] period/);
    assert.match(cgtn, /\(2021, October 1\)/);
    assert.match(cgtn, /CGTN/);
    assert.match(cgtn, /https:\/\/news\.cgtn\.com\/news\/2021-10-01\//);
  });

  test('a speech is entered under its speaker', () => {
    const index = seedIndex();
    const document = [...index.all()].find(d => d.kind === 'speech')!;
    const quote = document.quotes.find(q => q.speaker && !q.speakerKind && q.text.split(' ').length > 8)!;
    const [entry] = bibliography(cslItemsOf(new QuoteChecker(index).check(`${quote.speaker} said "${quote.text}"`), index));
    assert.match(entry, /^Wang Yi\. \(2021, February 22\)\./);
  });
});
