import * as assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { DocumentRequest, PeopleRequest, PhraseTimelineRequest, TimelineRequest } from '../../shared/protocol';
import { initialize, startInProcess, type TestClient } from './serverHarness';

/** statementLens/timeline and statementLens/phraseTimeline as any editor sees them, on the bundled seeds. */
describe('timeline requests over LSP', () => {
  let client: TestClient;
  before(async () => {
    client = startInProcess();
    await initialize(client);
  });
  after(() => client.close());

  test('a person as a writer types them: the same statements for "Qin" and "Qin Gang", in date order, each a quotation of theirs', async () => {
    const byName = await client.connection.sendRequest(TimelineRequest, { person: 'Qin Gang' });
    const byAlias = await client.connection.sendRequest(TimelineRequest, { person: 'Qin' });
    assert.deepEqual(byAlias, byName);
    const { people } = await client.connection.sendRequest(PeopleRequest, { query: 'Qin Gang' });
    assert.equal(byName.length, people.find(p => p.name === 'Qin Gang')!.quotes, 'as many statements as statementLens/people counts quotes');
    const dates = byName.map(s => s.date!);
    assert.deepEqual(dates, [...dates].sort());
    for (const statement of byName) {
      assert.deepEqual(Object.keys(statement).sort(), ['date', 'documentTitle', 'kind', 'range', 'role', 'speaker', 'text', 'uri']);
      assert.equal(statement.speaker, 'Qin Gang');
      assert.ok(statement.documentTitle && !/\.txt$/.test(statement.documentTitle), statement.documentTitle);
      // The range is where the quotation is in the document.
      const detail = (await client.connection.sendRequest(DocumentRequest, { uri: statement.uri }))!;
      const quote = detail.quotes.find(q => q.range.start.line === statement.range.start.line && q.range.start.character === statement.range.start.character);
      assert.equal(quote?.text, statement.text);
      assert.equal(quote?.kind, statement.kind);
    }
    assert.ok(byName.some(s => s.role === 'State Councilor and Foreign Minister'));
  });

  test('nobody by that name: an empty array, not an error', async () => {
    assert.deepEqual(await client.connection.sendRequest(TimelineRequest, { person: 'Nobody Atall' }), []);
    assert.deepEqual(await client.connection.sendRequest(TimelineRequest, { person: 42 as unknown as string }), []);
  });

  test('a phrase: who used it, when, with a limit', async () => {
    const all = await client.connection.sendRequest(PhraseTimelineRequest, { phrase: 'China-U.S. relations' });
    assert.ok(all.length >= 2, `${all.length}`);
    assert.ok(all.every(s => /china-u\.s\.\s+relations/i.test(s.text)));
    const dates = all.map(s => s.date ?? '9999');
    assert.deepEqual(dates, [...dates].sort());
    const first = await client.connection.sendRequest(PhraseTimelineRequest, { phrase: 'China-U.S. relations', limit: 1 });
    assert.deepEqual(first, all.slice(0, 1));
  });
});

describe('the hover card links to the timeline', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-timeline-'));
  after(() => rmSync(workspace, { recursive: true, force: true }));

  for (const commandLinks of [true, false]) {
    test(commandLinks ? 'a client that runs the commands (VS Code) gets "Show timeline" with the resolved name' : 'other clients get no command link', async () => {
      const client = startInProcess();
      try {
        await initialize(client, { workspace, initializationOptions: { commandLinks } });
        const uri = pathToFileURL(path.join(workspace, 'draft.md')).toString();
        await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: 'Qin said the talks went well.\n' } });
        const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } })) as Hover;
        const value = (hover.contents as MarkupContent).value;
        const link = /\[Show timeline\]\(command:statementLens\.showTimeline\?([^)]+)\)/.exec(value);
        if (!commandLinks) return assert.equal(link, null, value);
        assert.ok(link, value);
        assert.deepEqual(JSON.parse(decodeURIComponent(link[1])), ['Qin Gang']);
      } finally {
        await client.close();
      }
    });
  }
});
