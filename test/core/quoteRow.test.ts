import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { LABEL_CHARS, plainText, quoteRow } from '../../client/src/quoteRow';

// A pure client helper, tested with the other pure code: what a Search Quotes row shows.
test('speaker · date lead the detail whatever the quotation\'s length; the label is cut to fit', () => {
  const text = `${'We will keep talking with every partner who wants peace, '.repeat(6)}and this is the end.`;
  const row = quoteRow({ text, speaker: 'Wang Yi', date: '2024-06-02', documentTitle: 'Talks in Oslo', matches: [[0, 7]] });
  assert.equal(row.detail, 'Wang Yi · 2024-06-02 · Talks in Oslo');
  assert.ok(row.label.length <= LABEL_CHARS + 1 && row.label.endsWith('…') && text.startsWith(row.label.slice(0, -1)), row.label);
  const short = quoteRow({ text: 'Differences must not dominate.', speaker: null, date: null, documentTitle: 'A readout', matches: [] });
  assert.deepEqual(short, { label: 'Differences must not dominate.', detail: 'unattributed · undated · A readout' });
});

test('a text several documents carry says how many others do, after its earliest source', () => {
  const hit = { text: 'We will rebuild the harbour.', speaker: 'Iris Vale', date: '2020-05-01', documentTitle: 'Release', matches: [] };
  assert.equal(quoteRow({ ...hit, sources: [{}, {}, {}, {}] }).detail, 'Iris Vale · 2020-05-01 · Release · and 3 other sources');
  assert.equal(quoteRow({ ...hit, sources: [{}, {}] }).detail, 'Iris Vale · 2020-05-01 · Release · and 1 other source');
  assert.equal(quoteRow(hit).detail, 'Iris Vale · 2020-05-01 · Release');
});

test('a match far into a long quotation is in the label', () => {
  const text = `${'Cooperation is the only right choice for both of our great countries, '.repeat(4)}and sheer gangster logic is not.`;
  const at = text.indexOf('gangster');
  const row = quoteRow({ text, speaker: 'Le Yucheng', date: '2020-08-13', documentTitle: 'Senior diplomat urges continued dialogue with US', matches: [[at, at + 8]] });
  assert.ok(row.label.startsWith('…') && row.label.includes('sheer gangster logic'), row.label);
});

test('markup in corpus text shows as plain text; matched offsets map into it; icons stay escaped', () => {
  assert.equal(quoteRow({ text: 'Growth in <s>GTB</s> \\[GDP\\] terms &amp; more', speaker: 'X Y', date: null, documentTitle: '<b>Title</b>', matches: [] }).label, 'Growth in GTB [GDP] terms & more');
  assert.equal(quoteRow({ text: 'a', speaker: 'X Y', date: null, documentTitle: '<b>Title</b>', matches: [] }).detail, 'X Y · undated · Title');
  const plain = plainText('one\n  <i>two</i>');
  assert.equal(plain.text, 'one two');
  assert.equal('one\n  <i>two</i>'[plain.origin[plain.text.indexOf('two')]], 't');
  assert.equal(quoteRow({ text: 'Press $(alert) now', speaker: null, date: null, documentTitle: 't', matches: [] }).label, 'Press \\$(alert) now');
});
