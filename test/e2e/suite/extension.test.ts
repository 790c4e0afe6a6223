import * as assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StatementLensApi } from '../../../client/src/extension';
import type { StatementNode } from '../../../client/src/documentsTree';
import { relatedUri } from '../../../client/src/relatedStatements';
import type { IndexedParams, RelatedStatement } from '../../../shared/protocol';

const EXTENSION_ID = 'statement-lens.statement-lens';
const SEED_COUNT = 5;
const WORKSPACE_CORPUS = 1; // test/fixtures/workspace/corpus

let api: StatementLensApi;

const nextIndexed = () => new Promise<IndexedParams>(resolve => {
  const listener = api.client.onDidIndex(params => {
    listener.dispose();
    resolve(params);
  });
});

/**
 * The next `statementLens/indexed` with this many documents: a settings change may be preceded by an incremental
 * pass (a watched file) that still counts the old corpus.
 */
const indexedWith = (documents: number) => new Promise<IndexedParams>(resolve => {
  const listener = api.client.onDidIndex(params => {
    if (params.documents !== documents) return;
    listener.dispose();
    resolve(params);
  });
});

async function documentNodes(nodes: StatementNode[]): Promise<Extract<StatementNode, { kind: 'document' }>[]> {
  const result: Extract<StatementNode, { kind: 'document' }>[] = [];
  for (const node of nodes) {
    if (node.kind === 'document') result.push(node);
    else if (node.kind === 'group') result.push(...((await api.documentsTree.getChildren(node)) as Extract<StatementNode, { kind: 'document' }>[]));
  }
  return result;
}

describe('Statement Lens in VS Code', () => {
  before(async () => {
    const extension = vscode.extensions.getExtension<StatementLensApi>(EXTENSION_ID);
    assert.ok(extension, 'the extension is installed in the development host');
    api = await extension.activate();
    assert.ok(extension.isActive);
  });

  it('indexes the bundled seeds and the workspace corpus, and says so', async () => {
    const indexed = await api.client.whenIndexed();
    assert.equal(indexed.documents, SEED_COUNT + WORKSPACE_CORPUS);
    assert.ok(indexed.quotes > 30, `quotes: ${indexed.quotes}`);
    assert.match(api.statusBar.text, new RegExp(`${SEED_COUNT + WORKSPACE_CORPUS} docs`));
    assert.match(api.statusBar.tooltip, /Last full index finished at \S+ and took \d/);
    assert.match(api.statusBar.accessibilityLabel, /^Statement Lens corpus: \d+ documents/);
  });

  it('lists documents newest first in the Statements view', async () => {
    await api.documentsTree.setSortMode('date');
    const roots = await api.documentsTree.getChildren();
    const documents = await documentNodes(roots);
    assert.equal(documents.length, SEED_COUNT + WORKSPACE_CORPUS);
    const dates = documents.map(node => node.document.date).filter((date): date is string => !!date);
    assert.deepEqual(dates, [...dates].sort().reverse(), 'dated documents are newest first');
    const lastRoot = roots[roots.length - 1];
    if (documents.some(node => !node.document.date)) assert.equal(lastRoot.kind === 'group' && lastRoot.label, 'Undated');
    const item = api.documentsTree.getTreeItem(documents[0]);
    assert.match(typeof item.label === 'string' ? item.label : '', /^\d{4}-\d{2}-\d{2} · \S/, 'each row leads with its date · speaker');
    assert.equal(item.description, documents[0].document.title, 'then the title');
    const resolved = await api.documentsTree.resolveTreeItem(item, documents[0], new vscode.CancellationTokenSource().token);
    const tooltip = (resolved.tooltip as vscode.MarkdownString).value;
    assert.match(tooltip, /Outlet/);
    assert.match(tooltip, /from (?:front matter|sidecar file|the text|the file name)/);
  });

  it('groups documents by speaker, and the toggle command switches and remembers the order', async () => {
    await api.documentsTree.setSortMode('date');
    await vscode.commands.executeCommand('statementLens.toggleSort');
    assert.equal(api.documentsTree.sortMode, 'speaker');
    const groups = await api.documentsTree.getChildren();
    assert.ok(groups.every(node => node.kind === 'group'));
    const qin = groups.find(node => node.kind === 'group' && node.label === 'Qin Gang');
    assert.ok(qin && qin.kind === 'group', `groups: ${groups.map(g => (g.kind === 'group' ? g.label : '?')).join(', ')}`);
    assert.equal(qin.documents.length, 2, 'Qin Gang speaks in two seed documents');
    const all = await documentNodes(groups);
    assert.ok(all.length >= SEED_COUNT + WORKSPACE_CORPUS);
    await vscode.commands.executeCommand('statementLens.toggleSort');
    assert.equal(api.documentsTree.sortMode, 'date');
  });

  it('opens a document from the tree, in the statement language', async () => {
    const documents = await documentNodes(await api.documentsTree.getChildren());
    const seed = documents.find(node => node.document.uri.includes('/seeds/000_'));
    assert.ok(seed);
    const item = api.documentsTree.getTreeItem(seed);
    assert.ok(item.command);
    await vscode.commands.executeCommand(item.command.command, ...((item.command.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor;
    assert.ok(editor);
    assert.equal(editor.document.uri.toString(), vscode.Uri.parse(seed.document.uri).toString());
    for (let i = 0; i < 50 && editor.document.languageId !== 'statement'; i++) await new Promise(resolve => setTimeout(resolve, 100));
    assert.equal(editor.document.languageId, 'statement');
  });

  it('opens a quotation from the tree at its place', async () => {
    const documents = await documentNodes(await api.documentsTree.getChildren());
    const seed = documents.find(node => node.document.uri.includes('/seeds/000_'))!;
    const quotes = await api.documentsTree.getChildren(seed);
    const quote = quotes.find(node => node.kind === 'quote' && node.quote.text.startsWith('My job is to shorten'));
    assert.ok(quote && quote.kind === 'quote', 'Qin Gang\'s first quotation is listed under the document');
    const item = api.documentsTree.getTreeItem(quote);
    await vscode.commands.executeCommand(item.command!.command, ...((item.command!.arguments ?? []) as unknown[]));
    const editor = vscode.window.activeTextEditor!;
    assert.equal(editor.document.getText(editor.selection).replace(/\s+/g, ' '), quote.quote.text);
  });

  it('reindexes on command', async () => {
    const result = await vscode.commands.executeCommand<IndexedParams>('statementLens.reindex');
    assert.equal(result.documents, SEED_COUNT + WORKSPACE_CORPUS);
  });

  it('clears the index cache on command, indexes again, and writes a new cache in global storage', async () => {
    const result = await vscode.commands.executeCommand<IndexedParams & { cacheDirectory: string | null }>('statementLens.clearIndexCache');
    assert.equal(result.documents, SEED_COUNT + WORKSPACE_CORPUS);
    assert.ok(result.cacheDirectory?.endsWith(path.join('statement-lens.statement-lens', 'index-cache')), `the cache is in the extension's global storage: ${result.cacheDirectory}`);
    // Written after the pass, in the background: a manifest appears within seconds.
    const manifest = () => readdirSync(result.cacheDirectory!).some(name => existsSync(path.join(result.cacheDirectory!, name, 'manifest.json')));
    for (const deadline = Date.now() + 20_000; !manifest() && Date.now() < deadline; ) await new Promise(resolve => setTimeout(resolve, 100));
    assert.ok(manifest(), 'a new cache was written');
  });

  it('re-indexes when a corpus file is created and deleted', async () => {
    const folder = vscode.workspace.workspaceFolders![0].uri;
    const file = vscode.Uri.joinPath(folder, 'corpus', 'tmp-e2e-statement.md');
    const created = nextIndexed();
    await vscode.workspace.fs.writeFile(file, Buffer.from('---\ntitle: Temporary Statement\ndate: 2025-01-02\n---\n\n"We will keep the channels of communication open at every level," Secretary Jane Roe told reporters.\n'));
    try {
      assert.equal((await created).documents, SEED_COUNT + WORKSPACE_CORPUS + 1);
      const titles = (await api.client.documents()).map(d => d.title);
      assert.ok(titles.includes('Temporary Statement'));
    } finally {
      const deleted = nextIndexed();
      await vscode.workspace.fs.delete(file);
      assert.equal((await deleted).documents, SEED_COUNT + WORKSPACE_CORPUS);
    }
  });

  it('opens a bundled seed by command', async () => {
    await vscode.commands.executeCommand('statementLens.openBundledSeeds', '004_4ce518e5b85375c6.txt');
    assert.match(vscode.window.activeTextEditor!.document.uri.path, /seeds\/004_4ce518e5b85375c6\.txt$/);
  });

  describe('names in a draft', () => {
    let draft: vscode.TextDocument;
    const at = (needle: string, offset = 1) => draft.positionAt(draft.getText().indexOf(needle) + offset);

    before(async () => {
      draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'draft.md'));
      await vscode.window.showTextDocument(draft);
    });

    it('hovering "Qin Gang" shows both roles with their dates', async () => {
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, at('Qin Gang'));
      const text = hovers.flatMap(h => h.contents.map(c => (typeof c === 'string' ? c : c.value))).join('\n');
      assert.match(text, /State Councilor and Foreign Minister · 2023-06-18/);
      assert.match(text, /2021-10-01/);
      const card = hovers[0].contents[0] as vscode.MarkdownString;
      assert.deepEqual(card.isTrusted, { enabledCommands: ['statementLens.documents.open', 'statementLens.showMentions', 'statementLens.searchQuotes', 'statementLens.showTimeline'] }, 'only the extension\'s own commands are enabled');
      assert.notEqual(card.supportHtml, true);
    });

    it('go to definition on a name lands on the corpus introduction', async () => {
      const locations = await vscode.commands.executeCommand<(vscode.Location | vscode.LocationLink)[]>('vscode.executeDefinitionProvider', draft.uri, at('Qin Gang'));
      assert.ok(locations.length >= 1);
      const first = locations[0] as vscode.Location;
      const target = await vscode.workspace.openTextDocument(first.uri);
      assert.match(target.getText(first.range), /Qin Gang$/);
    });

    it('find all references spans the seed documents and the draft', async () => {
      const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', draft.uri, at('Qin Gang'));
      const uris = new Set(locations.map(l => l.uri.toString()));
      assert.ok([...uris].filter(u => u.includes('/seeds/')).length >= 2, [...uris].join('\n'));
      assert.ok(uris.has(draft.uri.toString()));
    });

    it('Show Related Statements finds statements from other documents', async () => {
      const editor = await vscode.window.showTextDocument(draft);
      const start = draft.getText().indexOf('back on track');
      editor.selection = new vscode.Selection(draft.positionAt(start), draft.positionAt(start + 'back on track'.length));
      const related = await vscode.commands.executeCommand<RelatedStatement[]>('statementLens.showRelatedStatements');
      assert.ok(related.length > 0, 'related statements');
      assert.ok(new Set(related.map(r => r.uri)).size >= 2);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');

      // The peek names each document `title · speaker · date` (seed files are named by hashes) and shows the real text.
      const [hit] = related;
      const shown = relatedUri(hit);
      assert.equal(shown.path, `/${hit.documentTitle} · ${hit.speaker ?? 'unattributed'} · ${hit.date ?? 'undated'}`);
      assert.doesNotMatch(shown.path, /[0-9a-f]{12}|\.txt/);
      const virtual = await vscode.workspace.openTextDocument(shown);
      const real = await vscode.workspace.openTextDocument(vscode.Uri.parse(hit.uri));
      assert.equal(virtual.getText(), real.getText());
      const range = new vscode.Range(hit.range.start.line, hit.range.start.character, hit.range.end.line, hit.range.end.character);
      assert.equal(virtual.getText(range), hit.text);
      // Opened from the peek, it is the real document, at the statement.
      const opened = new Promise<vscode.TextEditor>(resolve => {
        const listener = vscode.window.onDidChangeActiveTextEditor(editor => {
          if (editor?.document.uri.toString() === hit.uri) {
            listener.dispose();
            resolve(editor);
          }
        });
      });
      await vscode.window.showTextDocument(virtual, { selection: range });
      const editor2 = await opened;
      assert.equal(editor2.document.getText(editor2.selection), hit.text);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('workspace symbols list people and documents', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.SymbolInformation[]>('vscode.executeWorkspaceSymbolProvider', 'Le Yucheng');
      assert.ok(symbols.some(s => s.name === 'Le Yucheng'));
    });
  });

  describe('Search Quotes', () => {
    it('finds a quotation typed with typos and a missing word; Alt+Enter inserts it with its citation as one undoable edit', async () => {
      const draft = await vscode.workspace.openTextDocument({ language: 'markdown', content: 'As the ambassador put it: ' });
      const editor = await vscode.window.showTextDocument(draft);
      editor.selection = new vscode.Selection(draft.positionAt(draft.getText().length), draft.positionAt(draft.getText().length));
      const picker = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem & { hit: { text: string; citation: string } }>>('statementLens.searchQuotes', 'my job is to shortn exploring proces as soon as posible');
      assert.ok(picker.items.length > 0, 'results while typing');
      const first = picker.items[0];
      assert.match(first.label, /^My job is to shorten this exploring process/);
      assert.ok(first.detail?.startsWith('Qin Gang · 2021-10-01 · '), 'speaker and date lead the detail line, where a long label cannot push them off');
      assert.ok(first.label.length <= 91, 'the label is cut to fit');
      assert.equal(picker.placeholder, 'Words you remember (speaker:qin after:2021)');
      assert.equal(await vscode.commands.executeCommand('statementLens.searchQuotes.insertActive'), true);
      const seed = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'seeds', '000_320e4d2b8b7a98aa.txt'));
      assert.ok(seed.getText().includes(first.hit.text), 'the inserted words are the exact corpus text');
      assert.equal(draft.getText(), `As the ambassador put it: ${first.hit.citation}`);
      assert.match(first.hit.citation, /Qin Gang told CGTN on 1 October 2021\.$/);
      await vscode.commands.executeCommand('undo');
      assert.equal(draft.getText(), 'As the ambassador put it: ', 'one undo removes the insertion');
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    });

    it('Enter opens the source at the quotation; speaker: filters by alias', async () => {
      const picker = await vscode.commands.executeCommand<vscode.QuickPick<vscode.QuickPickItem>>('statementLens.searchQuotes', 'speaker:Le gangster logic');
      assert.ok(picker.items.length > 0 && picker.items.every(item => item.detail?.startsWith('Le Yucheng')));
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      for (let i = 0; i < 50 && !vscode.window.activeTextEditor?.document.uri.path.endsWith('003_e40286a65c6de054.txt'); i++) await new Promise(resolve => setTimeout(resolve, 100));
      const editor = vscode.window.activeTextEditor!;
      assert.match(editor.document.uri.path, /003_e40286a65c6de054\.txt$/);
      assert.match(editor.document.getText(editor.selection), /gangster logic/);
    });
  });
  describe('Draft assistant', () => {
    let draft: vscode.TextDocument;
    let editor: vscode.TextEditor;
    const lineOf = (needle: string) => draft.getText().split('\n').findIndex(line => line.includes(needle));

    /** The quote check's diagnostics, once the debounced check has published all of them. */
    async function quoteDiagnostics(count: number): Promise<vscode.Diagnostic[]> {
      let found: vscode.Diagnostic[] = [];
      for (let i = 0; i < 100; i++) {
        found = vscode.languages.getDiagnostics(draft.uri).filter(d => d.source === 'Statement Lens');
        if (found.length === count) return found;
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      assert.fail(`expected ${count} diagnostics, got: ${found.map(d => d.message).join(' | ')}`);
    }

    before(async () => {
      draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'quote-check.md'));
      editor = await vscode.window.showTextDocument(draft);
    });
    after(() => vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor'));

    it('flags the changed word, the dropped word, the wrong speaker and the invented quotation, and nothing else', async () => {
      const diagnostics = await quoteDiagnostics(4);
      const byLine = new Map(diagnostics.map(d => [d.range.start.line, d]));
      assert.equal(byLine.get(lineOf('shorten this exploring'))?.severity, vscode.DiagnosticSeverity.Warning);
      assert.match(byLine.get(lineOf('education communities'))!.message, /dropped “general”/);
      assert.match(byLine.get(lineOf('All they think about'))!.message, /to Le Yucheng, not Wang Yi/);
      assert.equal(byLine.get(lineOf('new Cold War'))?.severity, vscode.DiagnosticSeverity.Information);
      assert.ok(!byLine.has(lineOf('No matter how difficult')), 'the exact quotation is not flagged');
    });

    it('the quick fix puts in exactly the corpus wording, as one undoable edit', async () => {
      const [warning] = (await quoteDiagnostics(4)).filter(d => d.range.start.line === lineOf('shorten this exploring'));
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', draft.uri, warning.range, vscode.CodeActionKind.QuickFix.value);
      const fix = actions.find(action => action.title.startsWith('Use the exact wording'));
      assert.ok(fix?.edit, actions.map(a => a.title).join(', '));
      const before = draft.getText();
      assert.ok(await vscode.workspace.applyEdit(fix.edit));
      const seed = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.extensions.getExtension(EXTENSION_ID)!.extensionUri, 'seeds', '000_320e4d2b8b7a98aa.txt'));
      const quoted = /"(.*),"/.exec(draft.lineAt(lineOf('shorten this exploring')).text)![1];
      assert.ok(seed.getText().replace(/\s+/g, ' ').includes(quoted), quoted);
      assert.ok(quoted.endsWith('more smooth and predictable'));
      await quoteDiagnostics(3);
      await vscode.window.showTextDocument(draft);
      await vscode.commands.executeCommand('undo');
      assert.equal(draft.getText(), before, 'one undo restores the draft');
    });

    it('completion after `Le Yucheng said "` offers his quotations and inserts one with its citation', async () => {
      const last = draft.getText().split('\n').lastIndexOf('Le Yucheng said "');
      assert.ok(last > 0);
      const position = new vscode.Position(last, 'Le Yucheng said "'.length);
      const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', draft.uri, position, '"');
      const ours = list.items.filter(item => typeof item.detail === 'string' && item.detail.startsWith('Le Yucheng · 2020-08-13'));
      assert.ok(ours.length >= 5, `${ours.length} of his quotations`);
      const item = ours.find(i => (typeof i.label === 'string' ? i.label : i.label.label).startsWith('No matter how difficult'))!;
      const range = item.range instanceof vscode.Range ? item.range : item.range!.replacing;
      await editor.edit(edit => edit.replace(range, typeof item.insertText === 'string' ? item.insertText : item.insertText!.value));
      assert.equal(draft.lineAt(last).text, 'Le Yucheng said "No matter how difficult and complex the issues may be, they should be put on the table" (China Daily, 13 August 2020)');
    });
  });
  describe('Onboarding', () => {
    const extension = () => vscode.extensions.getExtension(EXTENSION_ID)!;
    const workspaceFolder = () => vscode.workspace.workspaceFolders![0].uri.fsPath;
    const settingsFile = () => path.join(workspaceFolder(), '.vscode', 'settings.json');

    it('the walkthrough opens, with its four steps, each linking a command of the extension', async () => {
      const manifest = JSON.parse(readFileSync(path.join(extension().extensionPath, 'package.json'), 'utf8')) as { contributes: { walkthroughs: unknown } };
      const walkthroughs = manifest.contributes.walkthroughs as { id: string; title: string; steps: { id: string; description: string; media: { markdown?: string } }[] }[];
      const [walkthrough] = walkthroughs;
      assert.deepEqual(walkthrough.steps.map(step => step.id), ['addCorpusFolder', 'searchQuote', 'checkDraft', 'openTimeline']);
      const commands = new Set(await vscode.commands.getCommands(true));
      for (const step of walkthrough.steps) {
        const linked = [...step.description.matchAll(/\(command:([\w.]+)/g)].map(match => match[1]);
        assert.ok(linked.length > 0, `${step.id} links a command`);
        // The timeline is built on another branch; every other command is this extension's and registered.
        for (const command of linked.filter(id => id !== 'statementLens.showTimeline')) assert.ok(commands.has(command), `${step.id}: ${command} is registered`);
        await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension().extensionUri, step.media.markdown!));
      }
      await vscode.commands.executeCommand('workbench.action.openWalkthrough', `${EXTENSION_ID}#${walkthrough.id}`, false);
      let tab: vscode.Tab | undefined;
      for (let i = 0; i < 50 && !(tab = vscode.window.tabGroups.activeTabGroup.activeTab); i++) await new Promise(resolve => setTimeout(resolve, 100));
      console.log(`    walkthrough tab: "${tab?.label}"`);
      assert.ok(tab && /Welcome|Walkthrough|Statement Lens/.test(tab.label), `the walkthrough's editor is active (${tab?.label})`);
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('the example draft opens as a file, and the quote check flags its changed word', async () => {
      const editor = await vscode.commands.executeCommand<vscode.TextEditor>('statementLens.openExampleDraft');
      assert.equal(editor.document.uri.scheme, 'file');
      assert.match(editor.document.getText(), /Beijing and Washington: keep talking/);
      let diagnostics: vscode.Diagnostic[] = [];
      for (let i = 0; i < 100 && diagnostics.length < 2; i++) {
        diagnostics = vscode.languages.getDiagnostics(editor.document.uri).filter(d => d.source === 'Statement Lens');
        await new Promise(resolve => setTimeout(resolve, 100));
      }
      assert.ok(diagnostics.some(d => /foreseeable/.test(d.message)), diagnostics.map(d => d.message).join(' | '));
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
    });

    it('Add Corpus Folder writes a folder inside the workspace into its settings, relative, and the server indexes it', async () => {
      const original = readFileSync(settingsFile(), 'utf8');
      const folder = path.join(workspaceFolder(), 'more-statements');
      mkdirSync(folder, { recursive: true });
      writeFileSync(path.join(folder, 'added.md'), '---\ntitle: An Added Statement\ndate: 2025-03-04\nurl: https://example.org/added\n---\n\n"We will keep every channel open," Minister Ada Lind said.\n');
      try {
        const reindexed = indexedWith(SEED_COUNT + WORKSPACE_CORPUS + 1);
        const written = await vscode.commands.executeCommand<{ scope: string; entry: string }[]>('statementLens.addCorpusFolder', vscode.Uri.file(folder));
        assert.deepEqual(written.map(({ scope, entry }) => ({ scope, entry })), [{ scope: 'workspaceFolder', entry: 'more-statements' }]);
        assert.deepEqual(vscode.workspace.getConfiguration('statementLens').inspect<string[]>('corpus.paths')?.workspaceValue, ['corpus', 'more-statements']);
        assert.equal((await reindexed).documents, SEED_COUNT + WORKSPACE_CORPUS + 1);
        assert.ok((await api.client.documents()).some(d => d.title === 'An Added Statement'));
        const again = await vscode.commands.executeCommand<unknown[]>('statementLens.addCorpusFolder', vscode.Uri.file(folder));
        assert.deepEqual(again, [], 'a folder already there is not added twice');
      } finally {
        const restored = indexedWith(SEED_COUNT + WORKSPACE_CORPUS);
        writeFileSync(settingsFile(), original);
        rmSync(folder, { recursive: true, force: true });
        assert.equal((await restored).documents, SEED_COUNT + WORKSPACE_CORPUS);
      }
    });

    it('Export Citations writes the draft\'s sources as CSL-JSON', async () => {
      const draft = vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'quote-check.md');
      await vscode.window.showTextDocument(draft);
      const out = path.join(mkdtempSync(path.join(tmpdir(), 'statement-lens-csl-')), 'draft.csl.json');
      try {
        const items = await vscode.commands.executeCommand<{ id: string }[]>('statementLens.exportCitations', draft, vscode.Uri.file(out));
        const written = JSON.parse(readFileSync(out, 'utf8')) as { id: string; type: string; 'container-title'?: string; URL?: string; note: string }[];
        assert.deepEqual(written.map(item => item.id), items.map(item => item.id));
        const cgtn = written.find(item => item['container-title'] === 'CGTN');
        assert.equal(cgtn?.type, 'article-newspaper');
        assert.match(cgtn?.URL ?? '', /^https:\/\/news\.cgtn\.com\//);
        assert.match(cgtn?.note ?? '', /^“My job is to shorten this exploring process/);
      } finally {
        rmSync(path.dirname(out), { recursive: true, force: true });
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      }
    });
  });

  describe('The Statements view at scale', () => {
    const GENERATED = 5000;
    const SPEAKERS = ['Amara Okafor', 'Bjorn Lind', 'Chen Wei', 'Dilnoza Karimova', 'Elena Petrova', 'Farid Haddad', 'Grace Mwangi', 'Hiro Tanaka'];
    let corpus: string;
    let original: string;

    before(() => {
      // A generated corpus, written at test time: dated across 20 years, one or two speakers each, a quotation each.
      corpus = mkdtempSync(path.join(tmpdir(), 'statement-lens-scale-'));
      for (let i = 0; i < GENERATED; i++) {
        const year = 2005 + (i % 20), month = 1 + (i % 12), day = 1 + (i % 28);
        const speakers = i % 9 === 0 ? [SPEAKERS[i % 8], SPEAKERS[(i + 3) % 8]] : [SPEAKERS[i % 8]];
        const date = `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
        writeFileSync(path.join(corpus, `${date}-${i}.md`), `---\ntitle: Statement ${i} on the harbour agreement\ndate: ${date}\nspeakers: [${speakers.join(', ')}]\n---\n\n"We will keep talking about harbour ${i} for as long as it takes," ${speakers[0]} said.\n`);
      }
      original = readFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json'), 'utf8');
    });

    after(async () => {
      const restored = indexedWith(SEED_COUNT + WORKSPACE_CORPUS);
      writeFileSync(path.join(vscode.workspace.workspaceFolders![0].uri.fsPath, '.vscode', 'settings.json'), original);
      assert.equal((await restored).documents, SEED_COUNT + WORKSPACE_CORPUS);
      rmSync(corpus, { recursive: true, force: true });
    });

    it(`on ${GENERATED} generated documents: collapsed year and speaker groups, rows made when a group opens, date · speaker first`, async function () {
      this.timeout(600_000);
      await api.documentsTree.setSortMode('date');
      const indexed = indexedWith(SEED_COUNT + WORKSPACE_CORPUS + GENERATED);
      await vscode.workspace.getConfiguration('statementLens').update('corpus.paths', ['corpus', corpus], vscode.ConfigurationTarget.Workspace);
      assert.equal((await indexed).documents, SEED_COUNT + WORKSPACE_CORPUS + GENERATED);
      let started = performance.now();
      const years = await api.documentsTree.getChildren();
      const shownMs = performance.now() - started;
      assert.ok(years.every(node => node.kind === 'group'), 'by date at scale: year groups, then Undated');
      assert.deepEqual(years.slice(0, 3).map(node => node.kind === 'group' && node.label), ['2024', '2023', '2022']);
      assert.ok(years.map(node => api.documentsTree.getTreeItem(node)).every(item => item.collapsibleState === vscode.TreeItemCollapsibleState.Collapsed), 'every group starts collapsed');
      const [newest] = await api.documentsTree.getChildren(years[0]);
      const row = api.documentsTree.getTreeItem(newest);
      assert.match(typeof row.label === 'string' ? row.label : '', /^2024-\d\d-\d\d · [A-Z]/);
      assert.match(String(row.description), /^Statement \d+ on the harbour agreement$/);

      started = performance.now();
      await api.documentsTree.setSortMode('speaker');
      const speakers = await api.documentsTree.getChildren();
      const switchMs = performance.now() - started;
      const chen = speakers.find(node => node.kind === 'group' && node.label === 'Chen Wei');
      assert.ok(chen && chen.kind === 'group', speakers.map(node => (node.kind === 'group' ? node.label : '?')).join(', '));
      assert.equal(api.documentsTree.getTreeItem(chen).collapsibleState, vscode.TreeItemCollapsibleState.Collapsed);
      const expected = Array.from({ length: GENERATED }, (_, i) => i).filter(i => i % 8 === 2 || (i % 9 === 0 && (i + 3) % 8 === 2)).length;
      assert.equal((await api.documentsTree.getChildren(chen)).length, expected);
      await api.documentsTree.setSortMode('date');
      console.log(`    at ${GENERATED + SEED_COUNT + WORKSPACE_CORPUS} documents: root rows ${Math.round(shownMs)} ms after indexing (summaries requested, grouped), switch to speakers ${Math.round(switchMs)} ms (load ${loadavg()[0].toFixed(1)})`);
    });
  });

  describe('Crash recovery', () => {
    it('restarts a killed server, says so once, and answers again', async () => {
      const pid = api.client.serverProcessId;
      assert.ok(pid, 'the server runs in its own process');
      // The first pass of the new server; a late pass of the old one (settings restored above) does not count.
      const reindexed = new Promise<IndexedParams>(resolve => {
        const listener = api.client.onDidIndex(params => {
          if (api.client.restarts === 0) return;
          listener.dispose();
          resolve(params);
        });
      });
      process.kill(pid, 'SIGKILL');
      const indexed = await reindexed;
      assert.equal(indexed.documents, SEED_COUNT + WORKSPACE_CORPUS, 'the restarted server indexes the corpus again');
      assert.equal(api.client.restarts, 1, 'one restart, reported once');
      assert.ok(api.client.serverProcessId && api.client.serverProcessId !== pid, 'a new server process');
      const draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'draft.md'));
      const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, draft.positionAt(draft.getText().indexOf('Qin Gang') + 1));
      assert.match(hovers.map(h => h.contents.map(c => (typeof c === 'string' ? c : c.value)).join('\n')).join('\n'), /Qin Gang/);
    });
  });
});

