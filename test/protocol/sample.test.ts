import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  ConfigurationRequest,
  DiagnosticSeverity,
  DidOpenTextDocumentNotification,
  HoverRequest,
  PublishDiagnosticsNotification,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type PublishDiagnosticsParams,
} from 'vscode-languageserver-protocol';
import { DocumentsRequest } from '../../shared/protocol';
import { initialize, PROJECT, SEEDS, startInProcess, type TestClient } from './serverHarness';

/** The workspace `npm start` opens: its settings make the bundled seeds the corpus; drafts/ holds the example. */
const SAMPLE = path.join(PROJECT, 'sample');
const DRAFT = path.join(SAMPLE, 'drafts', 'talks.md');
const draftUri = pathToFileURL(DRAFT).toString();
const draft = TextDocument.create(draftUri, 'markdown', 1, readFileSync(DRAFT, 'utf8'));

/** What VS Code answers for the `statementLens` section in the sample: its settings.json, nested at the dots. */
function sampleSection(): Record<string, unknown> {
  const settings = JSON.parse(readFileSync(path.join(SAMPLE, '.vscode', 'settings.json'), 'utf8')) as Record<string, unknown>;
  const section: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(settings)) {
    const [first, ...rest] = key.split('.');
    if (first !== 'statementLens') continue;
    let node = section;
    for (const part of rest.slice(0, -1)) node = (node[part] ??= {}) as Record<string, unknown>;
    node[rest[rest.length - 1]] = value;
  }
  return section;
}

/** The draft's quotation with one word changed (the seed has "predictable"), as the warning's range covers it. */
const CHANGED = 'My job is to shorten this exploring process as soon as possible, and make it less intense, less surprising, and more smooth and foreseeable';

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);
const lineOf = (needle: string) => draft.getText().split('\n').findIndex(line => line.includes(needle));

describe('the sample workspace that `npm start` opens', () => {
  let client: TestClient;

  before(async () => {
    client = startInProcess();
    client.connection.onRequest(ConfigurationRequest.type, params => params.items.map(item => (item.section === 'statementLens' ? sampleSection() : null)));
    await initialize(client, { workspace: SAMPLE, configuration: true, includeBundledSeeds: false });
  });
  after(() => client.close());

  test('its settings make the five bundled seeds the corpus, and nothing of the sample folder', async () => {
    const documents = await client.connection.sendRequest(DocumentsRequest, {});
    assert.equal(documents.length, 5);
    for (const { uri } of documents) assert.ok(uri.startsWith(pathToFileURL(SEEDS).toString()), uri);
  });

  test('the example draft gets exactly two warnings: a changed word and a wrong speaker; the verbatim quotation none', async () => {
    const published = new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('no diagnostics for the sample draft within 10 s')), 10_000);
      client.connection.onNotification(PublishDiagnosticsNotification.type, params => {
        if (params.uri !== draftUri) return;
        clearTimeout(timer);
        resolve(params);
      });
    });
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version: 1, text: draft.getText() } });
    const diagnostics = (await published).diagnostics;
    const seen = diagnostics.map(d => ({ line: d.range.start.line, code: d.code, severity: d.severity, on: draft.getText(d.range).replace(/\s+/g, ' ') }));
    assert.deepEqual(seen, [
      { line: lineOf('"My job is'), code: 'reworded', severity: DiagnosticSeverity.Warning, on: CHANGED },
      { line: lineOf('Wang Yi said'), code: 'misattributed', severity: DiagnosticSeverity.Warning, on: 'Wang Yi' },
    ], diagnostics.map(messageOf).join('\n'));
    assert.match(messageOf(diagnostics[0]), /“foreseeable” for “predictable”.*Qin Gang, 2021-10-01/);
    assert.match(messageOf(diagnostics[1]), /gives these words to Le Yucheng, not Wang Yi/);
  });

  test('the verbatim quotation is found: its hover gives the source', async () => {
    const line = lineOf('"No matter how');
    const position = { line, character: draft.getText().split('\n')[line].indexOf('No matter how') + 5 };
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Verbatim/);
    assert.match(value, /Le Yucheng/);
  });
});
