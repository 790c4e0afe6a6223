import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DidOpenTextDocumentNotification, HoverRequest, type MarkupContent } from 'vscode-languageserver-protocol';
import { initialize, startInProcess, type TestClient } from './serverHarness';

/** Offices read once each, all newer than the one the corpus states twice. */
const ONE_OFF = ['Envoy', 'Commissioner', 'Ambassador', 'Director', 'Administrator', 'Adviser', 'Chairwoman'];

describe('roles on a hover card', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-roles-'));
  const corpus = path.join(workspace, 'corpus');
  const draftUri = pathToFileURL(path.join(workspace, 'draft.md')).toString();
  let client: TestClient;

  before(async () => {
    mkdirSync(corpus);
    const write = (name: string, date: string, body: string) => writeFileSync(path.join(corpus, name), `---\ndate: ${date}\n---\n\n${body}\n`);
    write('a.md', '2020-01-10', 'Governor Dana Whitcombe said the port would reopen in spring.');
    write('b.md', '2020-02-10', 'Governor Dana Whitcombe said the harbour dues would fall.');
    ONE_OFF.forEach((office, i) => write(`c${i}.md`, `2021-0${i + 1}-15`, `${office} Dana Whitcombe said the talks would go on.`));
    writeFileSync(path.join(workspace, 'draft.md'), 'Whitcombe spoke today.');
    client = startInProcess();
    await initialize(client, { corpusPaths: [corpus], workspace, includeBundledSeeds: false });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: 'Whitcombe spoke today.' } });
  });
  after(async () => {
    await client.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('an office stated on two dates comes before offices read once, however recent', async () => {
    const hover = await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: { line: 0, character: 2 } });
    const roles = (hover!.contents as MarkupContent).value.split('\n').filter(line => line.startsWith('- ') && line.includes(' · 20'));
    assert.match(roles[0], /^- Governor · 2020-01-10 – 2020-02-10 \(2 documents\)/, roles.join('\n'));
    assert.equal(roles.length, 6, 'six roles at most');
    // Among those read once, the newest first.
    assert.match(roles[1], /^- Chairwoman · 2021-07-15$/, roles.join('\n'));
  });
});
