// Citations that travel (issue 17): a document's address in `${url}`.
import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import * as path from 'node:path';
import { describe, test } from 'node:test';
import { CorpusIndex, DEFAULT_SOURCE_FORMAT, formatCitation, parseStatement } from '../../server/src/core';
import { readSidecar } from '../../server/src/core/sidecar';
import { CORPORA, PROJECT } from './goldScore';

const SEEDS = path.join(PROJECT, 'seeds');

function seedIndex(): CorpusIndex {
  const index = new CorpusIndex();
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
