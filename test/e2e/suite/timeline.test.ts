import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import * as vscode from 'vscode';
import type { StatementLensApi } from '../../../client/src/extension';
import type { TimelineRendering } from '../../../client/src/timelinePanel';
import type { TimelineTab } from '../../../client/webview/timelineModel';
import type { TimelineStatement } from '../../../shared/protocol';

const EXTENSION_ID = 'statement-lens.statement-lens';

/** Whether the code-server driver (test/e2e/run-code-server.sh) answers requests to act on the page. */
const HAS_DRIVER = process.env.VSCODE_IT_DRIVER === '1';

interface DriverReply {
  count?: number;
  screenshot?: string;
  error?: string;
}

let requests = 0;
/** Asks the driver to act on the page (see run-code-server.sh) and waits for its reply file. */
async function driver(request: { frame?: string; count?: string; click?: string; focus?: string; press?: string[]; pressOn?: string; screenshot?: string }): Promise<DriverReply> {
  const reply = path.join(tmpdir(), `statement-lens-e2e-${process.pid}-${++requests}.json`);
  rmSync(reply, { force: true });
  console.log(`[vscode-it] ${JSON.stringify({ ...request, reply })}`);
  const until = Date.now() + 60_000;
  while (!existsSync(reply)) {
    if (Date.now() > until) throw new Error(`the driver did not answer ${JSON.stringify(request)}`);
    await new Promise(resolve => setTimeout(resolve, 100));
  }
  const answer = JSON.parse(readFileSync(reply, 'utf8')) as DriverReply;
  rmSync(reply, { force: true });
  if (answer.error) throw new Error(`driver: ${answer.error}`);
  return answer;
}

/** Resolves when the webview has drawn a tab (now, or the next time it does). */
function rendering(api: StatementLensApi, tab: TimelineTab): Promise<TimelineRendering> {
  const done = api.timeline.rendered[tab];
  if (done) return Promise.resolve(done);
  return new Promise(resolve => {
    const listener = api.timeline.onDidRender(rendered => {
      if (rendered.tab !== tab) return;
      listener.dispose();
      resolve(rendered);
    });
  });
}

/** Resolves when the active editor's selection is one of `statements`' ranges, with that statement. */
function openedStatement(statements: readonly TimelineStatement[], except?: TimelineStatement): Promise<TimelineStatement> {
  const match = (editor: vscode.TextEditor | undefined) => {
    if (!editor) return undefined;
    const { start, end } = editor.selection;
    return statements.find(s => s !== except && s.uri === editor.document.uri.toString() && s.range.start.line === start.line && s.range.start.character === start.character && s.range.end.line === end.line && s.range.end.character === end.character);
  };
  const visible = () => vscode.window.visibleTextEditors.map(match).find(Boolean);
  return new Promise((resolve, reject) => {
    const now = visible();
    if (now) return resolve(now);
    const timer = setTimeout(() => {
      for (const listener of listeners) listener.dispose();
      reject(new Error('no source opened at a statement of the timeline'));
    }, 30_000);
    const check = () => {
      const found = visible();
      if (!found) return;
      clearTimeout(timer);
      for (const listener of listeners) listener.dispose();
      resolve(found);
    };
    const listeners = [vscode.window.onDidChangeVisibleTextEditors(check), vscode.window.onDidChangeTextEditorSelection(check)];
  });
}

describe('the timeline view', () => {
  let api: StatementLensApi;
  before(async () => {
    api = await vscode.extensions.getExtension<StatementLensApi>(EXTENSION_ID)!.activate();
    await api.client.whenIndexed();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  it('shows a seed person: as many points drawn as the request returns, each opening its source', async function () {
    this.timeout(180_000);
    const expected = await api.client.timeline('Qin Gang');
    assert.ok(expected.length > 0, 'Qin Gang is quoted in the seeds');
    const rendered = rendering(api, 'person');
    const shown = await vscode.commands.executeCommand<TimelineStatement[]>('statementLens.showTimeline', 'Qin');
    assert.deepEqual(shown, expected, '"Qin" is Qin Gang');
    const drawn = await rendered;
    assert.equal(drawn.statements, expected.length);
    assert.equal(drawn.points, expected.length, 'one point in the webview per statement');
    if (!HAS_DRIVER) return;
    // The page itself, as the browser has it: the points in the webview's DOM; a click opens the source.
    const clicked = await driver({ frame: 'svg .point', count: 'svg .point', click: 'svg .point' });
    assert.equal(clicked.count, expected.length, 'points in the webview DOM');
    const first = await openedStatement(expected);
    // The keyboard: the point with the tab stop (the one clicked); the right arrow moves it to the next, Enter opens that.
    await driver({ frame: 'svg .point', press: ['ArrowRight', 'Enter'], pressOn: 'svg .point[tabindex="0"]' });
    const second = await openedStatement(expected, first);
    assert.notEqual(second, first);
    // The text filter: typed into the page, it leaves the points of the statements that mention the word.
    const mentioning = expected.filter(s => `${s.text}\n${s.speaker}\n${s.role}\n${s.documentTitle}`.toLowerCase().includes('exploring'));
    assert.ok(mentioning.length > 0 && mentioning.length < expected.length);
    const filtered = await driver({ frame: 'svg .point', press: [...'exploring'], pressOn: '#filter-text', count: 'svg .point' });
    assert.equal(filtered.count, mentioning.length);
    // Hidden behind another editor, the page is reloaded when shown again: it keeps its filter.
    const draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'draft.md'));
    await vscode.window.showTextDocument(draft, { viewColumn: vscode.ViewColumn.One, preview: false });
    const redrawn = new Promise<TimelineRendering>(resolve => {
      const listener = api.timeline.onDidRender(drawn => {
        listener.dispose();
        resolve(drawn);
      });
    });
    await vscode.commands.executeCommand('workbench.action.previousEditor');
    assert.equal((await redrawn).points, mentioning.length, 'the filter outlives the reload');
  });

  it('opens from the Statements view\'s speaker group and from the hover card\'s link', async () => {
    await api.documentsTree.setSortMode('speaker');
    const groups = await api.documentsTree.getChildren();
    const le = groups.find(node => node.kind === 'group' && node.label === 'Le Yucheng');
    assert.ok(le);
    assert.equal(api.documentsTree.getTreeItem(le).contextValue, 'speakerGroup', 'the group offers the timeline in its context menu');
    const fromTree = await vscode.commands.executeCommand<TimelineStatement[]>('statementLens.showTimeline', le);
    assert.ok(fromTree.length > 0 && fromTree.every(s => s.speaker === 'Le Yucheng'));
    await api.documentsTree.setSortMode('date');

    const draft = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(vscode.workspace.workspaceFolders![0].uri, 'draft.md'));
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', draft.uri, draft.positionAt(draft.getText().indexOf('Qin Gang') + 1));
    const card = hovers.flatMap(hover => hover.contents).map(content => (typeof content === 'string' ? content : content.value)).join('\n');
    const link = /\[Show timeline\]\(command:statementLens\.showTimeline\?([^)]+)\)/.exec(card);
    assert.ok(link, card);
    const [person] = JSON.parse(decodeURIComponent(link[1])) as [string];
    assert.equal(person, 'Qin Gang');
  });

  it('asks for a person in a picker of the corpus\'s people when given none', async function () {
    if (!HAS_DRIVER) this.skip();
    this.timeout(120_000);
    const open = () => vscode.commands.executeCommand<TimelineStatement[] | undefined>('statementLens.showTimeline');
    let picked = open();
    const input = '.quick-input-widget input';
    // The server answers the typed name (or alias): Qin Gang heads the list, and Enter takes him. A key
    // pressed while the picker is still being laid out can be lost (seen once in CI, a fresh code-server),
    // and the timeline panel the test before opened can take the focus late, which closes a quick pick (seen
    // twice in nine runs under load): the picker is opened again and the name typed again before the test
    // gives up.
    const pick = async () => {
      await driver({ frame: input, press: ['Control+a', 'Backspace', 'Q', 'i', 'n'], pressOn: input });
      await driver({ frame: '.quick-input-list .monaco-list-row[aria-posinset="1"][aria-label^="Qin Gang"]', press: ['Enter'], pressOn: input });
    };
    await pick().catch(async () => {
      picked = open();
      await pick();
    });
    const statements = await picked;
    assert.ok(statements && statements.length > 0 && statements.every(s => s.speaker === 'Qin Gang'));
  });

  it('follows the colour theme: dark and high contrast', async function () {
    if (!HAS_DRIVER) this.skip();
    this.timeout(120_000);
    const settings = vscode.workspace.getConfiguration('workbench');
    const before = settings.inspect<string>('colorTheme')?.globalValue;
    const out = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'out', 'e2e');
    await vscode.commands.executeCommand('statementLens.showTimeline', 'Qin Gang');
    try {
      for (const [theme, bodyClass] of [['Default Dark Modern', 'vscode-dark'], ['Default High Contrast', 'vscode-high-contrast']]) {
        await settings.update('colorTheme', theme, vscode.ConfigurationTarget.Global);
        // VS Code marks the page's body with the theme kind; the page's colours are that theme's variables.
        const seen = await driver({ frame: `body.${bodyClass} svg .point`, count: `body.${bodyClass} svg .point`, screenshot: path.join(out, `timeline-${bodyClass}.png`) });
        assert.ok((seen.count ?? 0) > 0, theme);
      }
    } finally {
      await settings.update('colorTheme', before, vscode.ConfigurationTarget.Global);
    }
  });

  it('shows who used a phrase in the second tab, and saves a screenshot for the README', async function () {
    this.timeout(180_000);
    const expected = await api.client.phraseTimeline('China-U.S. relations');
    assert.ok(new Set(expected.map(s => s.speaker)).size >= 1 && expected.length > 1);
    const rendered = rendering(api, 'phrase');
    await vscode.commands.executeCommand('statementLens.showPhraseTimeline', 'China-U.S. relations');
    assert.equal((await rendered).points, expected.length);
    if (!HAS_DRIVER) return;
    // The picture for the README: the person tab alone in the window, a point focused so its quotation shows.
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    await vscode.commands.executeCommand('workbench.action.closeSidebar');
    await vscode.commands.executeCommand('workbench.action.closePanel');
    await vscode.commands.executeCommand('workbench.action.closeAuxiliaryBar');
    const person = rendering(api, 'person');
    await vscode.commands.executeCommand('statementLens.showTimeline', 'Qin Gang');
    await person;
    const screenshot = path.join(vscode.extensions.getExtension(EXTENSION_ID)!.extensionPath, 'media', 'timeline.png');
    await driver({ frame: 'svg .point', focus: 'svg .point:nth-of-type(4)' });
    const shot = await driver({ frame: 'svg .point', screenshot });
    assert.equal(shot.screenshot, screenshot);
    assert.ok(existsSync(screenshot));
  });
});
