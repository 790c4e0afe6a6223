import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { CodeActionRequest, DidChangeWatchedFilesNotification, DidOpenTextDocumentNotification, FileChangeType, HoverRequest, type CodeAction, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { DocumentsRequest, PeopleRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, startInProcess, type TestClient } from './serverHarness';

const doc = (date: string, body: string) => `---\ndate: ${date}\n---\n\n${body}\n`;

/** Person resolution as any editor sees it: statementLens/people, the speaker summaries, hovers, people.yaml. */
describe('resolved people over LSP', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-people-'));
  const corpus = path.join(workspace, 'corpus');
  let client: TestClient;

  before(async () => {
    mkdirSync(corpus);
    const files: Record<string, string> = {
      'a.md': doc('2022-01-10', 'Egyptian President Abdel Fattah Al Sisi said the talks were useful.'),
      'b.md': doc('2022-02-10', '"The border is open," Egyptian President Abdel Fattah El-Sisi said.'),
      'c.md': doc('2022-03-10', 'Egyptian President Abdel-Fattah El Sisi said the aid had arrived.'),
      'd.md': doc('2022-03-01', 'First Lady Jill Biden said the schools would reopen.'),
      'e.md': doc('2022-03-02', 'President Joe Biden said the bill would pass.'),
      'f.md': doc('2022-03-03', '"The bill will pass," President Biden said.'),
    };
    for (const [name, text] of Object.entries(files)) writeFileSync(path.join(corpus, name), text);
    client = startInProcess();
    await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false, workspace });
  });
  after(async () => {
    await client.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('statementLens/people: one record per person, most documents first, with aliases, roles and reasons', async () => {
    const { people } = await client.connection.sendRequest(PeopleRequest, {});
    const sisi = people.filter(p => /sisi/i.test(p.name));
    assert.equal(sisi.length, 1, JSON.stringify(sisi));
    assert.equal(sisi[0].documents, 3);
    assert.ok(sisi[0].aliases.length >= 2, JSON.stringify(sisi[0]));
    assert.ok(sisi[0].merges.every(merge => typeof merge.reason === 'string'));
    assert.equal(sisi[0].quotes, 1);
    assert.deepEqual(Object.keys(sisi[0].roles[0]).sort(), ['from', 'title', 'to']);
    assert.equal(people[0].name, sisi[0].name, 'most documents first');
    const { people: found } = await client.connection.sendRequest(PeopleRequest, { query: 'jill' });
    assert.deepEqual(found.map(p => p.name), ['Jill Biden']);
  });

  test('the speaker view gets resolved speakers, and speaker: finds every spelling', async () => {
    const summaries = await client.connection.sendRequest(DocumentsRequest, {});
    const speakers = new Set(summaries.filter(s => /[abc]\.md$/.test(s.uri)).flatMap(s => s.speakers));
    assert.equal(speakers.size, 1, [...speakers].join(' | '));
    const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'speaker:"Al Sisi" border open' });
    assert.ok(hits.some(hit => hit.uri.endsWith('b.md')), JSON.stringify(hits.map(h => h.speaker)));
  });

  test('a hover on "President Biden" in a draft shows Joe Biden only, a code action opens people.yaml; people.yaml keeps two names apart and hides one', async () => {
    const draft = pathToFileURL(path.join(workspace, 'draft.md')).toString();
    const text = 'President Biden spoke. Jill Biden spoke too.';
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draft, languageId: 'markdown', version: 1, text } });
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draft }, position: { line: 0, character: 12 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /\*\*Joe Biden\*\*/);
    assert.doesNotMatch(value, /Jill/);

    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draft }, range: { start: { line: 0, character: 12 }, end: { line: 0, character: 12 } }, context: { diagnostics: [] } })) as CodeAction[];
    const correct = actions.find(action => action.title === 'Correct Joe Biden in people.yaml');
    assert.ok(correct, JSON.stringify(actions.map(a => a.title)));
    const changes = correct.edit!.documentChanges!;
    assert.deepEqual(changes[0], { kind: 'create', uri: pathToFileURL(path.join(corpus, 'people.yaml')).toString(), options: { ignoreIfExists: true } }, 'creates the folder’s people.yaml');
    assert.match(JSON.stringify(changes[1]), /- name: Joe Biden/);
    assert.equal(correct.command?.command, 'statementLens.openPeopleFile');

    const file = path.join(corpus, 'people.yaml');
    writeFileSync(file, '- apart: [Abdel Fattah Al Sisi, Abdel Fattah El-Sisi]\n- hide: Jill Biden\n');
    const indexed = client.nextIndexed();
    await client.connection.sendNotification(DidChangeWatchedFilesNotification.type, { changes: [{ uri: pathToFileURL(file).toString(), type: FileChangeType.Created }] });
    await indexed;
    const { people } = await client.connection.sendRequest(PeopleRequest, {});
    assert.ok(people.filter(p => /sisi/i.test(p.name)).length >= 2, 'kept apart');
    assert.ok(!people.some(p => p.name === 'Jill Biden'), 'hidden');
  });
});
