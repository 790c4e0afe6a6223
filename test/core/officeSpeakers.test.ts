import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { officeSpeakersFromTitle } from '../../server/src/core/understand/metadata';
import { summaryOf } from '../../server/src/convert';
import { speakerLabel } from '../../client/src/statementTree';
import { indexFiles } from './memoryHost';

const doc = (date: string, title: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

const corpus = indexFiles;

/** `count` documents, a day apart from `start`, each titling `name` with `title` once. */
function mentions(prefix: string, start: string, count: number, title: string, name: string): Record<string, string> {
  const files: Record<string, string> = {};
  for (let i = 0; i < count; i++) {
    const day = new Date(Date.parse(start) + i * 86400000).toISOString().slice(0, 10);
    files[`${prefix}-${i}.md`] = doc(day, `Briefing ${prefix} ${i}`, `${title} ${name} said the harbour works would go on. The committee met again in the afternoon.`);
  }
  return files;
}

describe('speakers named only by office', () => {
  test('the holder of the office on the document’s date, from titled mentions nearby, with why', async () => {
    const { index, uris } = await corpus({
      ...mentions('ps', '2023-04-20', 8, 'Press Secretary', 'Dana Wexford'),
      'statement.md': doc('2023-04-25', 'Statement from the Press Secretary', 'We thank the Senate for its work.\n\nThe harbour bill will be signed on Friday, and the ferry service resumes on Monday.'),
    });
    const summary = summaryOf(index.get(uris['statement.md'])!, index);
    assert.deepEqual(summary.speakers, ['Dana Wexford']);
    assert.equal(summary.speakerOffices?.[0].office, 'Press Secretary');
    assert.match(summary.speakerOffices[0].why, /^Press Secretary on 2023-04-25, from 8 of 8 documents titling someone so between 2023-04-20 and 2023-04-27$/);
    assert.equal(speakerLabel(summary, 'Dana Wexford'), 'Dana Wexford (as Press Secretary)');
    // The person listing counts the statement and says why; its words are theirs for `speaker:`.
    const [person] = index.people('wexford');
    assert.equal(person.documents, 9);
    assert.ok(person.merges.some(merge => merge.reason === 'office on the date' && merge.name === 'Press Secretary' && /Press Secretary on 2023-04-25/.test(merge.why ?? '')), JSON.stringify(person.merges));
    assert.ok(!person.aliases.includes('Press Secretary'), 'an office is not another name of its holder');
    const hits = index.searchQuotes('speaker:wexford ferry service resumes Monday');
    assert.ok(hits.some(hit => hit.entry.uri === uris['statement.md'] && hit.entry.speaker === 'Dana Wexford'), JSON.stringify(hits.map(hit => [hit.entry.uri, hit.entry.speaker])));
  });

  test('two holders of one office at different dates', async () => {
    const { index, uris } = await corpus({
      ...mentions('alder', '2021-03-01', 10, 'President', 'Miriam Alder'),
      ...mentions('brennan', '2025-03-01', 10, 'President', 'Tomas Brennan'),
      'old.md': doc('2021-03-06', 'Presidential Message on Arbor Day', 'Today we plant trees for our grandchildren.'),
      'new.md': doc('2025-03-06', 'Presidential Message on Arbor Day', 'Today we plant trees for the next century.'),
    });
    assert.deepEqual(summaryOf(index.get(uris['old.md'])!, index).speakers, ['Miriam Alder']);
    assert.deepEqual(summaryOf(index.get(uris['new.md'])!, index).speakers, ['Tomas Brennan']);
    assert.equal(index.canonicalName('President', uris['new.md']), 'Tomas Brennan');
  });

  test('a document titling many people with the office is one vote among them', async () => {
    const guests = ['Ines Varga', 'Paolo Mendes', 'Keita Sato', 'Lars Holm', 'Amara Diallo', 'Nadia Petrova', 'Jonas Berg', 'Rosa Linde', 'Tariq Haddad', 'Elena Cruz', 'Mikko Salo', 'Farah Nasser'];
    const { index, uris } = await corpus({
      ...mentions('alder', '2021-03-01', 8, 'President', 'Miriam Alder'),
      'summit.md': doc('2021-03-05', 'Leaders Invited to the Harbour Summit', `${guests.map(guest => `President ${guest}`).join(', ')} will attend the summit.`),
      'message.md': doc('2021-03-05', 'Presidential Message on Arbor Day', 'Today we plant trees for our grandchildren.'),
    });
    assert.deepEqual(summaryOf(index.get(uris['message.md'])!, index).speakers, ['Miriam Alder']);
    assert.match(summaryOf(index.get(uris['message.md'])!, index).speakerOffices![0].why, /from 8 of 9 documents/);
  });

  test('a change of the evidence changes the holder, file by file', async () => {
    const { host, indexer, index, uris } = await corpus({
      ...mentions('alder', '2021-03-01', 10, 'President', 'Miriam Alder'),
      'message.md': doc('2021-03-06', 'Presidential Message on Arbor Day', 'Today we plant trees for our grandchildren.'),
    });
    assert.deepEqual(summaryOf(index.get(uris['message.md'])!, index).speakers, ['Miriam Alder']);
    // The message moves to a date no document near it speaks of: nobody is sure, so nobody is its speaker.
    host.set('message.md', doc('2024-09-06', 'Presidential Message on Arbor Day', 'Today we plant trees for our grandchildren.'));
    await indexer.fileChanged(uris['message.md']);
    assert.deepEqual(summaryOf(index.get(uris['message.md'])!, index).speakers, []);
    assert.equal(index.people('alder')[0].documents, 10);
  });

  test('unclear evidence leaves the speaker unknown: a split, or too few mentions', async () => {
    const { index, uris } = await corpus({
      ...mentions('one', '2022-05-01', 6, 'Press Secretary', 'Rhea Calloway'),
      ...mentions('two', '2022-05-01', 5, 'Press Secretary', 'Owen Partridge'),
      'split.md': doc('2022-05-04', 'Statement from the Press Secretary', 'The ferry service resumes on Monday.'),
      ...mentions('few', '2019-02-01', 2, 'Vice President', 'Lena Markovic'),
      'few.md': doc('2019-02-02', 'Statement from the Vice President on the Ferry Service', 'The ferry service resumes on Monday.'),
      ...mentions('clear', '2020-07-01', 6, 'Vice President', 'Ada Fenwick'),
      'clear.md': doc('2020-07-03', 'Statement from the Vice President on the Ferry Service', 'The ferry service resumes on Monday.'),
    });
    assert.deepEqual(summaryOf(index.get(uris['clear.md'])!, index).speakers, ['Ada Fenwick'], 'six mentions, all of one person, are clear');
    for (const name of ['split.md', 'few.md']) {
      const summary = summaryOf(index.get(uris[name])!, index);
      assert.deepEqual(summary.speakers, [], name);
      assert.equal(summary.speakerOffices, undefined, name);
    }
    assert.ok(!index.people().some(person => /^(?:Press Secretary|Vice President)$/.test(person.name)), 'an office with no holder is no person of the listing');
  });

  test('an office word that is not the document’s speaker', async () => {
    const { index, uris } = await corpus({
      ...mentions('alder', '2021-03-01', 10, 'President', 'Miriam Alder'),
      'readout.md': doc('2021-03-05', 'Readout of the President’s Meeting with Harbour Workers', 'The workers described the state of the docks. Senator Ruth Ingram said the docks needed repairs.'),
      'letter.md': doc('2021-03-05', 'Letter to the Speaker of the House and the President of the Senate on the Harbour', 'The report on the harbour is enclosed.'),
      'statement.md': doc('2021-03-05', 'Statement from the President on the Harbour', 'The report on the harbour is enclosed.'),
    });
    assert.deepEqual(summaryOf(index.get(uris['statement.md'])!, index).speakers, ['Miriam Alder'], 'the office that is the speaker');
    assert.ok(!summaryOf(index.get(uris['readout.md'])!, index).speakers.includes('Miriam Alder'));
    assert.ok(!summaryOf(index.get(uris['letter.md'])!, index).speakers.includes('Miriam Alder'));
    assert.deepEqual(officeSpeakersFromTitle('Readout of the President’s Meeting with Harbour Workers'), []);
    assert.deepEqual(officeSpeakersFromTitle('Statement by the Secretary of State of Ruritania and the Foreign Minister'), []);
    assert.deepEqual(officeSpeakersFromTitle('Statement by the President and the First Lady on the Passing of Their Dog'), ['President', 'First Lady']);
    assert.deepEqual(officeSpeakersFromTitle('America 250: Presidential Message on the Birthday of a Founder'), ['President']);
    assert.deepEqual(officeSpeakersFromTitle('Vice President’s Cover Letter: A Strategy for the Harbour'), ['Vice President']);
  });
});
