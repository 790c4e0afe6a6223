import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { CorpusIndexer } from '../../server/src/core';
import { MemoryHost } from './memoryHost';

const doc = (date: string, body: string) => `---\ndate: ${date}\n---\n\n${body}\n`;

/** Hovers read per-person records that the index keeps; they must follow every change to the corpus. */
describe('person records follow changes', () => {
  test('roles, documents, quotations and introductions are updated when documents change or go', async () => {
    const host = new MemoryHost();
    const one = host.set('one.md', doc('2021-03-01', 'U.S. President Joe Biden said on Monday that the talks were useful and would continue.'));
    const two = host.set('two.md', doc('2022-05-01', '"We stand with our allies in every hour of need," President Biden said.'));
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    const index = indexer.index;
    // Read everything once, so that the records exist before the corpus changes.
    assert.equal(index.person('Biden')!.name, 'Joe Biden');
    assert.deepEqual(index.documentsOf('Biden').map(d => d.uri), [two, one]);
    assert.equal(index.quotesBy('Joe Biden', 3).length, 1);
    assert.equal(index.introductionsOf('Joe Biden')[0].uri, one);
    assert.deepEqual(index.roleTimelineOf('Joe Biden').map(r => r.title), ['President', 'U.S. President']);

    await indexer.fileChanged(host.set('three.md', doc('2023-01-10', '"We will not waver," President Biden told reporters on Tuesday.')));
    assert.equal(index.documentsOf('Joe Biden')[0].uri.endsWith('three.md'), true, 'the newest document comes first');
    assert.match(index.quotesBy('Joe Biden', 1)[0].quote.text, /^We will not waver/);

    host.files.delete(one);
    indexer.fileDeleted(one);
    assert.equal(index.person('Joe Biden'), undefined, 'with the only full-name document gone, "Biden" is no longer Joe Biden');
    const biden = index.person('Biden')!;
    assert.equal(biden.name, 'Biden');
    assert.equal(biden.uris.length, 2);
    assert.ok(biden.roles.every(role => role.title === 'President'));
    assert.equal(index.quotesBy('Biden').length, 2);
  });

  test('a second full name with the same surname: a bare surname goes to whoever held the office it is given with', async () => {
    const host = new MemoryHost();
    host.set('joe.md', doc('2021-03-01', 'U.S. President Joe Biden said on Monday that the talks were useful and would continue.'));
    host.set('short.md', doc('2022-05-01', '"We stand with our allies in every hour of need," President Biden said.'));
    const indexer = new CorpusIndexer(host);
    await indexer.indexAll();
    const index = indexer.index;
    assert.equal(index.quotesBy('Joe Biden').length, 1);
    const hunter = host.set('hunter.md', doc('2022-06-01', 'U.S. Senator Hunter Biden said on Monday that he would testify.'));
    const senator = host.set('senator.md', doc('2022-06-02', '"I will testify," Senator Biden told reporters.'));
    await indexer.fileChanged(hunter);
    await indexer.fileChanged(senator);
    assert.equal(index.canonicalName('Biden', senator), 'Hunter Biden');
    assert.equal(index.quotesBy('Joe Biden').length, 1, '"President Biden" is still Joe Biden, though a Hunter Biden is now known');
    assert.equal(index.quotesBy('Hunter Biden').length, 1);
    assert.equal(index.person('Joe Biden')!.uris.length, 2);
    host.files.delete(hunter);
    indexer.fileDeleted(hunter);
    assert.equal(index.canonicalName('Biden', senator), 'Biden', 'with Hunter Biden gone, no known Biden was a senator: the name stays its own');
    assert.equal(index.person('Joe Biden')!.uris.length, 2);
  });
});
