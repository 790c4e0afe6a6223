import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndex, formatCitation, parseStatement, QuoteChecker } from '../../server/src/core';
import { withoutFormatControls } from '../../server/src/core/read/invisible';
import { escapeMarkdown, truncate } from '../../shared/markdown';

/** Zero-width, bidi-control and other format characters (Unicode Cf) in corpus text, and odd line breaks. */
const INVISIBLE = ['\u200B', '\u200C', '\u200D', '\u200E', '\u200F', '\u202A', '\u202B', '\u202C', '\u202D', '\u202E', '\u2066', '\u2067', '\u2068', '\u2069', '\uFEFF'];
const hasInvisible = (text: string) => INVISIBLE.some(c => text.includes(c));

describe('format characters and line breaks in corpus text', () => {
  const index = new CorpusIndex();
  const quote = 'We will keep\u200B talking with every part\u200Dner who wants pea\u202Ece';
  index.set(parseStatement({ uri: 'memory:///corpus/talks.txt', text: `Talks in Oslo\nJune 2, 2024\n\n"${quote}," Foreign Minister Wang Yi told reporters on Monday.\n` }));

  test('an exact draft quotation of text holding them is verbatim, and found by search', () => {
    const checks = new QuoteChecker(index).check('Wang Yi said: "We will keep talking with every partner who wants peace."');
    assert.equal(checks.length, 1);
    assert.equal(checks[0].wording, 'verbatim', JSON.stringify(checks[0].differences));
    assert.equal(index.searchQuotes('keep talking with every partner', 1)[0]?.entry.uri, 'memory:///corpus/talks.txt');
  });

  test('citations and quick-fix text never carry them into a draft', () => {
    const citation = formatCitation({ quote, speaker: 'Wang\u200B Yi', date: '2024-06-02', outlet: 'C\u202ENN', title: null });
    assert.ok(!hasInvisible(citation), JSON.stringify(citation));
    assert.equal(withoutFormatControls(quote), 'We will keep talking with every partner who wants peace');
    const reworded = new QuoteChecker(index).check('Wang Yi said: "We will keep talking with each partner who wants peace."');
    assert.equal(reworded[0].wording, 'reworded');
    assert.ok(reworded[0].source && !hasInvisible(withoutFormatControls(reworded[0].source.exact)));
  });

  test('hovers show them visibly and turn every line break into a space; symbols and labels drop them', () => {
    const shown = escapeMarkdown('Title\r===\rpea\u202Ece\u2028# heading\r\nend');
    assert.ok(!hasInvisible(shown) && !/[\r\n\u2028]/.test(shown), JSON.stringify(shown));
    assert.match(shown, /⟨U\+202E⟩/);
    assert.ok(!hasInvisible(truncate(quote, 200)));
  });
});
