import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import {
  CodeActionRequest,
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidOpenTextDocumentNotification,
  HoverRequest,
  PublishDiagnosticsNotification,
  type CodeAction,
  type CompletionList,
  type Diagnostic,
  type Hover,
  type MarkupContent,
  type PublishDiagnosticsParams,
  type TextEdit,
} from 'vscode-languageserver-protocol';
import { DEFAULT_SOURCE_FORMAT, formatCitation } from '../../server/src/core';
import { CitationsRequest } from '../../shared/protocol';
import { initialize, PROJECT, SEEDS, startInProcess, type TestClient } from './serverHarness';

const FIXTURE = path.join(PROJECT, 'test', 'fixtures', 'workspace', 'quote-check.md');
const DRAFT = readFileSync(FIXTURE, 'utf8');
const draftUri = pathToFileURL(FIXTURE).toString();
/** Every seed document's words, whitespace flattened: the corpus text a fix must reproduce. */
const SEED_TEXT = ['000_320e4d2b8b7a98aa.txt', '003_e40286a65c6de054.txt'].map(file => readFileSync(path.join(SEEDS, file), 'utf8').replace(/\s+/g, ' ')).join('\n');

const messageOf = (diagnostic: Diagnostic) => (typeof diagnostic.message === 'string' ? diagnostic.message : diagnostic.message.value);

describe('draft assistant over LSP: quote check, quick fixes, completion', () => {
  let client: TestClient;
  let version = 1;
  const diagnosticsFor = new Map<string, ((params: PublishDiagnosticsParams) => void)[]>();
  /** The next diagnostics published for a document; fails after 10 s rather than hanging the tier. */
  const nextDiagnostics = (uri: string) =>
    new Promise<PublishDiagnosticsParams>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no diagnostics published for ${uri} within 10 s`)), 10_000);
      const done = (params: PublishDiagnosticsParams) => {
        clearTimeout(timer);
        resolve(params);
      };
      diagnosticsFor.set(uri, [...(diagnosticsFor.get(uri) ?? []), done]);
    });
  let diagnostics: Diagnostic[] = [];

  before(async () => {
    client = startInProcess();
    client.connection.onNotification(PublishDiagnosticsNotification.type, params => {
      const waiting = diagnosticsFor.get(params.uri) ?? [];
      diagnosticsFor.delete(params.uri);
      waiting.forEach(resolve => resolve(params));
    });
    await initialize(client, {});
    const published = nextDiagnostics(draftUri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: draftUri, languageId: 'markdown', version, text: DRAFT } });
    diagnostics = (await published).diagnostics;
  });
  after(() => client.close());

  test('statementLens/citations: the sources of an open draft, or of a text, as CSL-JSON; none for a corpus file', async () => {
    const items = await client.connection.sendRequest(CitationsRequest, { uri: draftUri });
    assert.ok(items.length >= 3, JSON.stringify(items));
    const cgtn = items.find(item => item['container-title'] === 'CGTN');
    assert.equal(cgtn?.type, 'article-newspaper');
    assert.deepEqual(cgtn?.issued, { 'date-parts': [[2021, 10, 1]] });
    assert.match(cgtn?.note ?? '', /^“My job is to shorten this exploring process.*predictable” — Qin Gang$/);
    assert.match(cgtn?.URL ?? '', /^https:\/\/news\.cgtn\.com\//);
    const fromText = await client.connection.sendRequest(CitationsRequest, { text: 'Le Yucheng said "No matter how difficult and complex the issues may be, they should be put on the table."' });
    assert.deepEqual(fromText.map(item => item.id), ['china-daily-2020']);
    const seed = pathToFileURL(path.join(SEEDS, '000_320e4d2b8b7a98aa.txt')).toString();
    assert.deepEqual(await client.connection.sendRequest(CitationsRequest, { uri: seed }), []);
  });

  const lineOf = (needle: string) => DRAFT.split('\n').findIndex(line => line.includes(needle));
  const onLine = (needle: string) => diagnostics.filter(d => d.range.start.line === lineOf(needle));
  const apply = (text: string, edits: TextEdit[]) => TextDocument.applyEdits(TextDocument.create(draftUri, 'markdown', 0, text), edits);
  const quickFixes = async (diagnostic: Diagnostic) =>
    (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri: draftUri }, range: diagnostic.range, context: { diagnostics: [diagnostic] } })) as CodeAction[];
  /** The text between the marks of the quotation on a line, after a fix. */
  const quotationOn = (text: string, line: number) => /["“](.*)["”]/.exec(text.split('\n')[line])![1].replace(/[,.]$/, '');

  test('an exact quotation given to its speaker gets no diagnostic', () => {
    assert.deepEqual(onLine('No matter how difficult'), []);
  });

  test('a changed word: a warning with the corpus wording, and a fix that yields exactly the corpus text', async () => {
    const [warning, ...rest] = onLine('shorten this exploring process');
    assert.equal(rest.length, 0);
    assert.equal(warning.severity, DiagnosticSeverity.Warning);
    assert.equal(warning.code, 'reworded');
    assert.match(messageOf(warning), /“foreseeable” for “predictable”/);
    assert.match(messageOf(warning), /Qin Gang, 2021-10-01/);
    assert.ok(warning.relatedInformation?.[0].location.uri.endsWith('000_320e4d2b8b7a98aa.txt'), 'links to the source');
    const [fix] = await quickFixes(warning);
    assert.match(fix.title, /^Use the exact wording/);
    const fixed = apply(DRAFT, fix.edit!.changes![draftUri]);
    const quotation = quotationOn(fixed, lineOf('shorten this exploring process'));
    assert.equal(quotation, 'My job is to shorten this exploring process as soon as possible, and make it less intense, less surprising, and more smooth and predictable');
    assert.ok(SEED_TEXT.includes(quotation));
  });

  test('a dropped word: a warning naming it, and a fix that restores it', async () => {
    const [warning] = onLine('education communities');
    assert.equal(warning?.code, 'reworded');
    assert.match(messageOf(warning), /dropped “general”/);
    const [fix] = await quickFixes(warning);
    const quotation = quotationOn(apply(DRAFT, fix.edit!.changes![draftUri]), lineOf('education communities'));
    assert.ok(quotation.includes('the general public and some states'), quotation);
    assert.ok(SEED_TEXT.includes(quotation), quotation);
  });

  test('the wrong speaker: a warning on the name, and a fix that gives the words to the corpus speaker', async () => {
    const [warning, ...rest] = onLine('All they think about');
    assert.equal(rest.length, 0, 'the wording itself is right');
    assert.equal(warning.code, 'misattributed');
    assert.match(messageOf(warning), /gives these words to Le Yucheng, not Wang Yi/);
    const line = lineOf('All they think about');
    assert.equal(DRAFT.split('\n')[line].slice(warning.range.start.character, warning.range.end.character), 'Wang Yi');
    const [fix] = await quickFixes(warning);
    assert.equal(fix.title, 'Attribute to Le Yucheng');
    assert.match(apply(DRAFT, fix.edit!.changes![draftUri]).split('\n')[line], /revive the economy," Le Yucheng said\.$/);
  });

  test('an invented quotation of a known person: "no source in the corpus"; scare quotes are left alone', () => {
    const [info] = onLine('new Cold War');
    assert.equal(info?.severity, DiagnosticSeverity.Information);
    assert.match(messageOf(info), /No source in the corpus for this quotation of Yang Tao/);
    assert.deepEqual(onLine('"reset"'), []);
    assert.equal(diagnostics.length, 4, diagnostics.map(messageOf).join('\n'));
  });

  test('hovering an exact quotation says where it is from', async () => {
    const line = lineOf('No matter how difficult');
    const hover = (await client.connection.sendRequest(HoverRequest.type, { textDocument: { uri: draftUri }, position: { line, character: 30 } })) as Hover;
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /Verbatim/);
    assert.match(value, /Le Yucheng/);
    assert.match(value, /2020-08-13/);
    assert.match(value, /Senior diplomat urges continued dialogue/);
  });

  test('completion after `Le Yucheng said "` offers his quotations and inserts one with its citation', async () => {
    const last = DRAFT.split('\n').length - 2;
    assert.equal(DRAFT.split('\n')[last], 'Le Yucheng said "');
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position: { line: last, character: 17 }, context: { triggerKind: 2, triggerCharacter: '"' } })) as CompletionList;
    assert.ok(list.items.length >= 5, `${list.items.length} items`);
    assert.ok(list.items.every(item => item.detail?.startsWith('Le Yucheng · 2020-08-13')), list.items.map(i => i.detail).join('\n'));
    const item = list.items.find(i => i.label.startsWith('No matter how difficult'))!;
    assert.ok(item, list.items.map(i => i.label).join('\n'));
    const inserted = apply(DRAFT, [item.textEdit as TextEdit]).split('\n')[last];
    const source = formatCitation({ quote: '', speaker: 'Le Yucheng', date: '2020-08-13', outlet: 'China Daily', title: null }, DEFAULT_SOURCE_FORMAT);
    assert.equal(inserted, `Le Yucheng said "No matter how difficult and complex the issues may be, they should be put on the table"${source}`);
    assert.equal(source, ' (China Daily, 13 August 2020)', 'the writer’s lead-in stays; the source follows the closing mark');
  });

  test('completion replaces the closing mark an editor auto-inserted', async () => {
    const text = 'Le Yucheng said ""\n';
    const uri = pathToFileURL(path.join(path.dirname(FIXTURE), 'autoclose.md')).toString();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 17 } })) as CompletionList;
    const item = list.items.find(i => i.label.startsWith('No matter how difficult'))!;
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), [item.textEdit as TextEdit]);
    assert.equal(result, 'Le Yucheng said "No matter how difficult and complex the issues may be, they should be put on the table" (China Daily, 13 August 2020)\n');
  });

  test('completion after `"` and a few words offers the best-matching quotations of anyone', async () => {
    const text = `${DRAFT}\nAs one diplomat put it, "gangster logic`;
    const published = nextDiagnostics(draftUri);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: draftUri, version: ++version }, contentChanges: [{ text }] });
    const lines = text.split('\n');
    const list = (await client.connection.sendRequest(CompletionRequest.type, { textDocument: { uri: draftUri }, position: { line: lines.length - 1, character: lines[lines.length - 1].length } })) as CompletionList;
    assert.match(list.items[0]?.label ?? '', /gangster logic/);
    assert.match(list.items[0].detail!, /^Le Yucheng/);
    // Unattributed, the quotation becomes the whole citation, in the format of statementLens.citation.format.
    const accepted = TextDocument.applyEdits(TextDocument.create(draftUri, 'markdown', 0, text), [list.items[0].textEdit as TextEdit]).split('\n').pop();
    assert.equal(accepted, 'As one diplomat put it, “sheer gangster logic and daylight robbery,” Le Yucheng told China Daily on 13 August 2020.');
    await published;
  });

  test('re-checks as the draft changes: fixing the wording clears its warning', async () => {
    const [warning] = onLine('shorten this exploring process');
    const [fix] = await quickFixes(warning);
    const published = nextDiagnostics(draftUri);
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: draftUri, version: ++version }, contentChanges: [{ text: apply(DRAFT, fix.edit!.changes![draftUri]) }] });
    const after = (await published).diagnostics;
    assert.equal(after.length, 3);
    assert.ok(!after.some(d => d.range.start.line === lineOf('shorten this exploring process')));
  });

  test('words the speaker was quoting from someone else, and reported speech put in quotation marks', async () => {
    const text = [
      'Le Yucheng said "The last country in the world to be afraid of isolation, blockade or sanctions is China."',
      'Qin Gang said the relationship is "at the lowest point since its establishment."',
    ].join('\n\n');
    const uri = pathToFileURL(path.join(path.dirname(FIXTURE), 'relayed.md')).toString();
    const published = nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const [relayed, reported] = (await published).diagnostics;
    assert.equal(relayed.code, 'relayed');
    assert.match(messageOf(relayed), /^Le Yucheng was quoting Deng Xiaoping: the words are Deng Xiaoping's/);
    const [fix] = await quickFixes(relayed);
    assert.equal(fix.title, 'Attribute to Deng Xiaoping');
    assert.equal(reported.code, 'notQuoted');
    assert.equal(reported.severity, DiagnosticSeverity.Information);
    assert.match(messageOf(reported), /reports this in the writer's words, not as Qin Gang's own/);
  });

  test('correcting the speaker also corrects a title before the name', async () => {
    const text = 'Foreign Minister Wang Yi said "All they think about is how to work together to defeat COVID-19, save lives, and revive the economy."\n';
    const uri = pathToFileURL(path.join(path.dirname(FIXTURE), 'titled.md')).toString();
    const published = nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const [warning] = (await published).diagnostics;
    assert.equal(warning.code, 'misattributed');
    const [fix] = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: warning.range, context: { diagnostics: [warning] } })) as CodeAction[];
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), fix.edit!.changes![uri]);
    assert.match(result, /^Vice-Foreign Minister Le Yucheng said "All they think about/, 'his role in the corpus, not Wang Yi’s title');
  });

  test('when the corpus changes, open drafts are checked again: a quotation with no source finds one', async () => {
    const text = 'Yang Tao said "China will never accept a new Cold War with the United States."\n';
    const uri = pathToFileURL(path.join(path.dirname(FIXTURE), 'stale.md')).toString();
    const first = nextDiagnostics(uri);
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    assert.equal((await first).diagnostics[0]?.code, 'unsourced');
    // The writer opens the corpus file and adds the statement to it (as a corpus edit, indexed as typed).
    const seed = path.join(SEEDS, '004_4ce518e5b85375c6.txt');
    const seedUri = pathToFileURL(seed).toString();
    const seedText = readFileSync(seed, 'utf8');
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: seedUri, languageId: 'statement', version: 1, text: seedText } });
    const rechecked = nextDiagnostics(uri);
    const added = `${seedText}\n"China will never accept a new Cold War with the United States," Yang said.\n`;
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: seedUri, version: 2 }, contentChanges: [{ text: added }] });
    assert.deepEqual((await rechecked).diagnostics, [], 'the quotation is now found, verbatim, and Yang Tao said it');
    await client.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri: seedUri, version: 3 }, contentChanges: [{ text: seedText }] });
  });

  test('"Attribute to" on an unattributed sentence the corpus has replaces it with its citation', async () => {
    const text = 'We must keep talking. China does not provoke, and China will not flinch from provocations.\n';
    const uri = pathToFileURL(path.join(path.dirname(FIXTURE), 'attribute.md')).toString();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text } });
    const position = { line: 0, character: 40 };
    const actions = (await client.connection.sendRequest(CodeActionRequest.type, { textDocument: { uri }, range: { start: position, end: position }, context: { diagnostics: [] } })) as CodeAction[];
    const attribute = actions.find(a => a.title.startsWith('Attribute to'));
    assert.ok(attribute, actions.map(a => a.title).join('\n'));
    assert.equal(attribute.title, 'Attribute to Le Yucheng (China Daily, 2020-08-13)');
    const result = TextDocument.applyEdits(TextDocument.create(uri, 'markdown', 0, text), attribute.edit!.changes![uri]);
    assert.equal(result, 'We must keep talking. “China does not provoke, and China will not flinch from provocations,” Le Yucheng told China Daily on 13 August 2020.\n');
  });
});
