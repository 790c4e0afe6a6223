import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { DefinitionRequest, DidOpenTextDocumentNotification, HoverRequest, ReferencesRequest, WorkspaceSymbolRequest, CodeLensRequest, CodeLensResolveRequest, DocumentLinkRequest, SemanticTokensRequest, type Location, type MarkupContent } from 'vscode-languageserver-protocol';
import { RelatedStatementsRequest } from '../../shared/protocol';
import { initialize, SEEDS, startInProcess, type TestClient } from './serverHarness';

const DRAFT = [
  'Qin said the two sides must talk.',
  'Secretary Blinken arrives next week; Xi Jinping will host him.',
  'We must bring China-U.S. relations back to the right track.',
  'Yang spoke as well.',
].join('\n');

describe('names and related statements over LSP', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-workspace-'));
  const corpus = path.join(workspace, 'corpus');
  const draftUri = pathToFileURL(path.join(workspace, 'draft.md')).toString();
  let client: TestClient;

  before(async () => {
    mkdirSync(corpus);
    // A hostile corpus file: Markdown links, a command URI and HTML in a name's context and quotations.
    writeFileSync(path.join(corpus, 'hostile.md'), '---\ntitle: Hostile <img src=x onerror=alert(1)>\ndate: 2024-01-05\n---\n\nGovernor Yang Jie [click](command:workbench.action.terminal.new) said on Friday that "<script>alert(1)</script> the [bridge](https://evil.example) must be rebuilt by all of us together".\n');
    writeFileSync(path.join(workspace, 'draft.md'), DRAFT);
    client = startInProcess();
    // As the VS Code client does: it runs the card links' commands.
    await initialize(client, { corpusPaths: [corpus], workspace, initializationOptions: { commandLinks: true } });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: DRAFT } });
  });
  after(async () => {
    await client.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  const hover = (line: number, character: number) => client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: { line, character } });

  test('hovering "Qin" in a draft shows Qin Gang with both roles and their dates, newest first', async () => {
    const card = (await hover(0, 1))!;
    const value = (card.contents as MarkupContent).value;
    assert.match(value, /\*\*Qin Gang\*\*/);
    const councilor = value.indexOf('State Councilor and Foreign Minister · 2023-06-18');
    const ambassador = value.search(/ambassador to the U\.S\. · 2021-10-01/);
    assert.ok(councilor > 0, value);
    assert.ok(ambassador > councilor, 'roles are most recent first');
    assert.match(value, /Mentioned in \*\*2\*\* documents/);
    assert.match(value, /What they said:/);
    assert.match(value, /command:statementLens\.searchQuotes\?/);
    assert.deepEqual(card.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 3 } });
  });

  test('an ambiguous surname shows every person it may be', async () => {
    const value = ((await hover(3, 1))!.contents as MarkupContent).value;
    assert.match(value, /may be 2 people/);
    assert.match(value, /\*\*Yang Tao\*\*/);
    assert.match(value, /\*\*Yang Jie\*\*/);
  });

  test('corpus text in a card is inert: no links, HTML or foreign commands', async () => {
    const value = ((await hover(3, 1))!.contents as MarkupContent).value;
    assert.ok(!/(?<!\\)<(?:script|img)/.test(value) && value.includes('\\<img'), 'no raw HTML: every < escaped');
    assert.ok(!/\]\(command:workbench/.test(value), 'no foreign command link');
    assert.ok(!/\]\(https:\/\/evil/.test(value), 'no link from the corpus');
    const commands = [...value.matchAll(/\]\(command:([\w.]+)/g)].map(m => m[1]);
    assert.ok(commands.length > 0 && commands.every(c => c.startsWith('statementLens.')), commands.join(','));
  });

  test('go to definition on "Blinken" lands where the corpus introduces U.S. Secretary of State Antony Blinken', async () => {
    const locations = (await client.connection.sendRequest(DefinitionRequest.type, { textDocument: { uri: draftUri }, position: { line: 1, character: 12 } })) as Location[];
    assert.ok(locations.length >= 1);
    const readout = locations.find(l => l.uri.endsWith('002_b75e0c9e01f78e2c.txt'));
    assert.ok(readout, JSON.stringify(locations));
    assert.equal(readout.range.start.line, 0);
    const line = readFileSync(path.join(SEEDS, '002_b75e0c9e01f78e2c.txt'), 'utf8').split('\n')[0];
    assert.equal(line.slice(readout.range.start.character, readout.range.end.character), 'U.S. Secretary of State Antony Blinken');
  });

  test('references to Xi Jinping span at least three seed documents and the draft', async () => {
    const locations = (await client.connection.sendRequest(ReferencesRequest.type, { textDocument: { uri: draftUri }, position: { line: 1, character: 40 }, context: { includeDeclaration: true } })) as Location[];
    const seeds = new Set(locations.filter(l => l.uri.includes('/seeds/')).map(l => l.uri));
    assert.ok(seeds.size >= 3, `seed documents: ${[...seeds].join(', ')}`);
    assert.ok(locations.some(l => l.uri === draftUri), 'the draft mention is a reference too');
  });

  test('related statements of "bring China-U.S. relations back to the right track" come from two or more other seed documents', async () => {
    const hits = await client.connection.sendRequest(RelatedStatementsRequest, { uri: draftUri, position: { line: 2, character: 10 } });
    const documents = new Set(hits.map(h => path.basename(new URL(h.uri).pathname)));
    assert.ok(documents.size >= 2, JSON.stringify(hits.map(h => [h.documentTitle, h.score, h.text.slice(0, 50)])));
    assert.ok(hits[0].text.toLowerCase().includes('right track'), `best hit shares the phrase: ${hits[0].text}`);
    const byText = await client.connection.sendRequest(RelatedStatementsRequest, { text: 'back to the right track' });
    assert.ok(byText.length > 0);
  });

  test('workspace symbols find people, documents and quotations', async () => {
    const symbols = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'Qin Gang' })) as { name: string; containerName?: string }[];
    assert.ok(symbols.some(s => s.name === 'Qin Gang' && s.containerName === 'Person'));
    const quotes = (await client.connection.sendRequest(WorkspaceSymbolRequest.type, { query: 'gangster logic' })) as { name: string }[];
    assert.ok(quotes.some(s => s.name.includes('gangster logic')));
  });

  test('code lenses over quotations resolve to a related-statements count; semantic tokens mark names in drafts', async () => {
    const seedUri = pathToFileURL(path.join(SEEDS, '002_b75e0c9e01f78e2c.txt')).toString();
    const lenses = await client.connection.sendRequest(CodeLensRequest.type, { textDocument: { uri: seedUri } });
    assert.ok(lenses && lenses.length > 0);
    const resolved = await client.connection.sendRequest(CodeLensResolveRequest.type, lenses[0]);
    assert.match(resolved.command!.title, /related statements?|no related/);
    const tokens = await client.connection.sendRequest(SemanticTokensRequest.type, { textDocument: { uri: draftUri } });
    assert.ok(tokens && tokens.data.length >= 5 * 4, `names marked: ${tokens?.data.length}`);
  });

  test('"Read more:" lines link to the named corpus document when it is indexed', async () => {
    const uri = pathToFileURL(path.join(SEEDS, '000_320e4d2b8b7a98aa.txt')).toString();
    const links = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.ok(Array.isArray(links));
    const target = path.join(corpus, 'linked.md');
    writeFileSync(target, '---\ntitle: "Exclusive: Chinese ambassador to U.S. sends wishes for National Day"\ndate: 2021-09-30\n---\n\nGreetings.\n');
    const indexed = client.nextIndexed();
    await client.connection.sendNotification('workspace/didChangeWatchedFiles', { changes: [{ uri: pathToFileURL(target).toString(), type: 1 }] });
    await indexed;
    const after = await client.connection.sendRequest(DocumentLinkRequest.type, { textDocument: { uri } });
    assert.equal(after?.[0]?.target, pathToFileURL(target).toString());
  });
});
