import * as vscode from 'vscode';
import { escapeMarkdown } from '../../shared/markdown';
import type { DocumentSummary, PersonSummary, QuoteDetail } from '../../shared/protocol';
import { COMMANDS } from '../../shared/commands';
import { childrenOf, dateLabel, documentRow, speakerLabel, StatementTreeModel, UNDATED, UNKNOWN_SPEAKER, type SortMode, type StatementNode } from './statementTree';
import type { StatementClient } from './statementClient';

export type { SortMode, StatementNode } from './statementTree';
export { UNDATED } from './statementTree';

const SORT_KEY = 'statementLens.documents.sortBy';

/**
 * The Statements view: documents newest first (undated ones last, under "Undated"; by year at scale), or grouped
 * by speaker, one group per resolved person (the server resolves spellings and titles; a group's tooltip lists
 * the aliases). The order is remembered across restarts; the view refreshes whenever the server re-indexes.
 * The shape is statementTree.ts's; this class renders it: rows are made only for what is expanded, and tooltips
 * only when one is shown.
 */
export class DocumentsTreeProvider implements vscode.TreeDataProvider<StatementNode>, vscode.Disposable {
  private readonly changeEmitter = new vscode.EventEmitter<StatementNode | undefined>();
  readonly onDidChangeTreeData = this.changeEmitter.event;
  private model: Promise<StatementTreeModel> | undefined;
  /** The model the rows on screen come from. */
  private current: StatementTreeModel | undefined;
  private readonly disposables: vscode.Disposable[] = [this.changeEmitter];

  constructor(private readonly client: StatementClient, private readonly state: vscode.Memento) {
    this.disposables.push(client.onDidIndex(() => this.refresh()));
    void vscode.commands.executeCommand('setContext', SORT_KEY, this.sortMode);
  }

  get sortMode(): SortMode {
    return this.state.get<SortMode>(SORT_KEY, 'date');
  }

  async setSortMode(mode: SortMode): Promise<void> {
    await this.state.update(SORT_KEY, mode);
    await vscode.commands.executeCommand('setContext', SORT_KEY, mode);
    this.changeEmitter.fire(undefined);
  }

  toggleSort(): Promise<void> {
    return this.setSortMode(this.sortMode === 'date' ? 'speaker' : 'date');
  }

  refresh(): void {
    this.model = undefined;
    this.changeEmitter.fire(undefined);
  }

  async getChildren(node?: StatementNode): Promise<StatementNode[]> {
    if (!node) {
      await this.client.whenIndexed();
      this.model ??= this.client.documents().then(documents => (this.current = new StatementTreeModel(documents)));
      return (await this.model).rootsFor(this.sortMode);
    }
    if (node.kind === 'group') return childrenOf(node);
    if (node.kind === 'document') {
      const detail = await this.client.document(vscode.Uri.parse(node.document.uri));
      return (detail?.quotes ?? []).map(quote => ({ kind: 'quote', document: node.document, quote }));
    }
    return [];
  }

  getTreeItem(node: StatementNode): vscode.TreeItem {
    if (node.kind === 'group') {
      // At scale every group starts collapsed: the first paint is the groups, not thousands of rows.
      const item = new vscode.TreeItem(node.label, this.current?.atScale ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.Expanded);
      item.id = node.id;
      item.description = `${node.documents.length}`;
      // A speaker group is a person: its context menu offers their timeline.
      item.contextValue = node.by === 'speaker' && node.label !== UNKNOWN_SPEAKER ? 'speakerGroup' : 'group';
      item.iconPath = new vscode.ThemeIcon(node.label === UNDATED || node.label === UNKNOWN_SPEAKER ? 'question' : node.by === 'speaker' ? 'person' : 'calendar');
      return item;
    }
    if (node.kind === 'document') {
      const { document } = node;
      const row = documentRow(document, node.speaker);
      const item = new vscode.TreeItem(row.label, document.quoteCount ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = row.description;
      item.resourceUri = vscode.Uri.parse(document.uri);
      item.iconPath = new vscode.ThemeIcon(kindIcon(document.kind));
      item.contextValue = 'document';
      item.command = { command: COMMANDS.openDocument, title: 'Open Document', arguments: [document.uri] };
      return item;
    }
    const { quote } = node;
    const item = new vscode.TreeItem(quote.text.length > 90 ? `${quote.text.slice(0, 89)}…` : quote.text, vscode.TreeItemCollapsibleState.None);
    item.description = quote.speaker ?? 'unattributed';
    item.tooltip = quoteTooltip(quote);
    item.iconPath = new vscode.ThemeIcon('quote');
    item.contextValue = 'quote';
    item.command = { command: COMMANDS.openDocument, title: 'Open Quote', arguments: [node.document.uri, quote.range] };
    return item;
  }

  /** Tooltips are made when one is about to show: a document's fields, a speaker's other names and offices. */
  async resolveTreeItem(item: vscode.TreeItem, node: StatementNode, token: vscode.CancellationToken): Promise<vscode.TreeItem> {
    if (node.kind === 'document') item.tooltip = documentTooltip(node.document);
    if (node.kind !== 'group' || node.by !== 'speaker' || node.label === UNKNOWN_SPEAKER) return item;
    const person = (await this.client.people(node.label, 20, token)).find(p => p.name === node.label);
    if (person) item.tooltip = personTooltip(person);
    return item;
  }

  dispose(): void {
    for (const disposable of this.disposables) disposable.dispose();
  }
}

function personTooltip(person: PersonSummary): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown(`**${escapeMarkdown(person.name)}** · ${person.documents} documents · ${person.quotes} quotes\n\n`);
  if (person.aliases.length) tooltip.appendMarkdown(`Also: ${person.aliases.slice(0, 12).map(escapeMarkdown).join(', ')}${person.aliases.length > 12 ? ', …' : ''}\n\n`);
  for (const role of person.roles.slice(0, 4)) tooltip.appendMarkdown(`- ${escapeMarkdown(role.title)} · ${role.from && role.from !== role.to ? `${role.from} – ` : ''}${role.to ?? 'undated'}${role.source === 'sidecar' ? ' _(people.yaml)_' : ''}\n`);
  return tooltip;
}

const PROVENANCE: Record<string, string> = { frontMatter: 'front matter', sidecar: 'sidecar file', text: 'the text', fileName: 'the file name', unknown: 'unknown' };

/** Corpus text is untrusted: every value is escaped before it reaches the Markdown tooltip. */
function documentTooltip(document: DocumentSummary): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.supportHtml = false;
  tooltip.appendMarkdown(`**${escapeMarkdown(document.title ?? '')}**\n\n`);
  const row = (label: string, value: string, source: string) => tooltip.appendMarkdown(`${label}: ${escapeMarkdown(value)} _(from ${PROVENANCE[source] ?? source})_  \n`);
  row('Date', dateLabel(document), document.provenance.date);
  row('Speakers', document.speakers.map(speaker => speakerLabel(document, speaker)).join(', ') || 'unknown', document.provenance.speakers);
  for (const office of document.speakerOffices ?? []) tooltip.appendMarkdown(`_${escapeMarkdown(office.speaker)}: ${escapeMarkdown(office.why)}_  \n`);
  row('Outlet', document.outlet ?? 'unknown', document.provenance.outlet);
  tooltip.appendMarkdown(`Kind: ${document.kind} · ${document.quoteCount} quotes`);
  return tooltip;
}

function quoteTooltip(quote: QuoteDetail): vscode.MarkdownString {
  const tooltip = new vscode.MarkdownString(undefined, false);
  tooltip.isTrusted = false;
  tooltip.appendMarkdown(`> ${escapeMarkdown(quote.text)}\n\n— ${escapeMarkdown(quote.speaker ?? 'unattributed')}${quote.via ? ` (via ${escapeMarkdown(quote.via)})` : ''} · ${quote.kind}`);
  return tooltip;
}

function kindIcon(kind: DocumentSummary['kind']): string {
  return { article: 'note', readout: 'comment-discussion', speech: 'megaphone', transcript: 'comment', statement: 'file-text' }[kind] ?? 'file';
}
