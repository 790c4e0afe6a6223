import { randomBytes } from 'node:crypto';
import * as vscode from 'vscode';
import type { PersonSummary, TimelineStatement } from '../../shared/protocol';
import type { FromWebview, TimelineTab, TimelineView, ToWebview } from '../webview/timelineModel';
import type { StatementClient } from './statementClient';

const VIEW_TYPE = 'statementLens.timeline';
const MAX_PHRASE_CHARS = 200;
/** Quotation text sent to the page per point: a person quoted 40,000 times must not become 34 MB of messages. */
const MAX_POINT_CHARS = 600;

/** What the webview reported after drawing a tab: points in its DOM, statements the tab has. */
export interface TimelineRendering {
  readonly tab: TimelineTab;
  readonly points: number;
  readonly statements: number;
}

/**
 * The timeline view: one webview panel with two tabs, a person's statements and roles over time, and who used a
 * phrase, when. The statements' URIs and ranges stay here; the webview gets the text to draw and asks to open
 * the `n`th point, so a page can only open what the server answered.
 */
export class TimelinePanel implements vscode.Disposable {
  private panel: vscode.WebviewPanel | undefined;
  private readonly views: Partial<Record<TimelineTab, { view: TimelineView; statements: TimelineStatement[] }>> = {};
  private active: TimelineTab = 'person';
  private nextId = 1;
  private readonly renderedEmitter = new vscode.EventEmitter<TimelineRendering>();
  /** Fired each time the webview has drawn a tab (the end-to-end test waits on it). */
  readonly onDidRender = this.renderedEmitter.event;
  /** The latest rendering of each tab. */
  readonly rendered: Partial<Record<TimelineTab, TimelineRendering>> = {};

  constructor(private readonly extensionUri: vscode.Uri, private readonly client: StatementClient) {}

  /**
   * Shows a person's timeline; `name` as a writer types it. Resolves with the statements shown, or undefined
   * (and a message) when the corpus knows nobody by that name.
   */
  async showPerson(name: string): Promise<TimelineStatement[] | undefined> {
    const [statements, person] = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: `Timeline of ${name}…` }, () => Promise.all([this.client.timeline(name), this.findPerson(name)]));
    // The server's resolution decides who it is whenever there are statements to go by.
    const resolved = statements[0]?.speaker ? ((await this.findPerson(statements[0].speaker, true)) ?? person) : person;
    if (!resolved) {
      void vscode.window.showInformationMessage(`Statement Lens: the corpus names nobody called “${name}”.`);
      return undefined;
    }
    const view: TimelineView = {
      id: this.nextId++,
      tab: 'person',
      title: resolved.name,
      aliases: resolved.aliases,
      roles: resolved.roles.map(({ title, from, to }) => ({ title, from, to })),
      points: statements.map(pointOf),
    };
    this.show('person', view, statements);
    return statements;
  }

  /** Shows who used a phrase, when. */
  async showPhrase(phrase: string): Promise<TimelineStatement[] | undefined> {
    const text = phrase.replace(/\s+/g, ' ').trim().slice(0, MAX_PHRASE_CHARS);
    if (!text) return undefined;
    const statements = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Phrase timeline…' }, () => this.client.phraseTimeline(text));
    this.show('phrase', { id: this.nextId++, tab: 'phrase', title: text, aliases: [], roles: [], points: statements.map(pointOf) }, statements);
    return statements;
  }

  /** The person a typed name stands for among the resolved people: an exact name or alias first, then the one with most documents; then without a leading title word. */
  private async findPerson(name: string, exact = false): Promise<PersonSummary | undefined> {
    const words = name.trim().split(/\s+/).filter(Boolean);
    for (let first = 0; first < words.length; first++) {
      const query = words.slice(first).join(' ');
      const people = await this.client.people(query, 50);
      const folded = fold(query);
      const match = people.find(person => fold(person.name) === folded) ?? people.find(person => person.aliases.some(alias => fold(alias) === folded));
      if (match || exact) return match;
      if (people.length) return people[0];
    }
    return undefined;
  }

  private show(tab: TimelineTab, view: TimelineView, statements: TimelineStatement[]): void {
    this.views[tab] = { view, statements };
    this.active = tab;
    delete this.rendered[tab];
    const panel = this.ensurePanel();
    panel.title = tab === 'person' ? `Timeline: ${view.title}` : `Phrase: ${view.title.length > 30 ? `${view.title.slice(0, 29)}…` : view.title}`;
    panel.reveal(panel.viewColumn ?? vscode.ViewColumn.Active);
    this.post();
  }

  private post(): void {
    const message: ToWebview = { type: 'show', views: { person: this.views.person?.view, phrase: this.views.phrase?.view }, active: this.active };
    void this.panel?.webview.postMessage(message);
  }

  private ensurePanel(): vscode.WebviewPanel {
    if (this.panel) return this.panel;
    const roots = [vscode.Uri.joinPath(this.extensionUri, 'client', 'out'), vscode.Uri.joinPath(this.extensionUri, 'media')];
    const panel = vscode.window.createWebviewPanel(VIEW_TYPE, 'Timeline', vscode.ViewColumn.Active, { enableScripts: true, localResourceRoots: roots });
    panel.iconPath = vscode.Uri.joinPath(this.extensionUri, 'media', 'statements.svg');
    panel.webview.html = this.html(panel.webview);
    panel.webview.onDidReceiveMessage((message: FromWebview) => this.received(message));
    panel.onDidDispose(() => {
      this.panel = undefined;
      for (const tab of ['person', 'phrase'] as TimelineTab[]) delete this.rendered[tab];
    });
    this.panel = panel;
    return panel;
  }

  private received(message: FromWebview): void {
    if (message.type === 'ready') this.post();
    else if (message.type === 'rendered') {
      const rendering = { tab: message.tab, points: message.points, statements: message.statements };
      this.rendered[message.tab] = rendering;
      this.renderedEmitter.fire(rendering);
    } else if (message.type === 'open') {
      const statement = this.views[message.tab]?.statements[message.index];
      if (!statement) return;
      const { start, end } = statement.range;
      void vscode.window.showTextDocument(vscode.Uri.parse(statement.uri), {
        selection: new vscode.Range(start.line, start.character, end.line, end.character),
        viewColumn: vscode.ViewColumn.Beside,
        // The focus stays on the point, so arrow keys and Enter go on through the timeline.
        preserveFocus: true,
        preview: true,
      });
    }
  }

  /** The page: a strict Content-Security-Policy (this script by nonce, styles from the extension, nothing remote). */
  private html(webview: vscode.Webview): string {
    const nonce = randomBytes(16).toString('base64');
    const script = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'client', 'out', 'timeline.js'));
    const style = webview.asWebviewUri(vscode.Uri.joinPath(this.extensionUri, 'media', 'timeline.css'));
    const csp = `default-src 'none'; style-src ${webview.cspSource}; img-src ${webview.cspSource}; font-src ${webview.cspSource}; script-src 'nonce-${nonce}';`;
    return `<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="UTF-8">
<meta http-equiv="Content-Security-Policy" content="${csp}">
<meta name="viewport" content="width=device-width, initial-scale=1.0">
<link rel="stylesheet" href="${style.toString()}">
<title>Timeline</title>
</head>
<body>
<div role="tablist" aria-label="Timelines">
  <button type="button" role="tab" id="tab-person" aria-controls="panel" aria-selected="true">Person</button>
  <button type="button" role="tab" id="tab-phrase" aria-controls="panel" aria-selected="false" tabindex="-1">Phrase</button>
</div>
<main id="panel" role="tabpanel" aria-labelledby="tab-person">
  <h1 id="title"></h1>
  <p id="subtitle"></p>
  <form id="filters" role="search" aria-label="Filter statements">
    <label>Filter <input id="filter-text" type="search" placeholder="words in the quotation" autocomplete="off"></label>
    <label>From <input id="filter-from" type="date"></label>
    <label>To <input id="filter-to" type="date"></label>
    <span id="count" role="status"></span>
  </form>
  <ul id="legend" aria-label="Kinds of statement"></ul>
  <div id="chart"></div>
  <p id="empty" hidden></p>
  <section id="detail" aria-live="polite" aria-label="Statement"></section>
</main>
<script nonce="${nonce}" src="${script.toString()}"></script>
</body>
</html>`;
  }

  dispose(): void {
    this.panel?.dispose();
    this.renderedEmitter.dispose();
  }
}

function pointOf(statement: TimelineStatement): TimelineView['points'][number] {
  const text = statement.text.length > MAX_POINT_CHARS ? `${statement.text.slice(0, MAX_POINT_CHARS - 1)}…` : statement.text;
  return { date: statement.date, text, kind: statement.kind, speaker: statement.speaker, role: statement.role, documentTitle: statement.documentTitle };
}

function fold(text: string): string {
  return text.normalize('NFKD').replace(/[\u0300-\u036f]/g, '').toLowerCase().replace(/\s+/g, ' ').trim();
}
