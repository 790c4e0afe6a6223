import * as vscode from 'vscode';
import type { Range } from 'vscode-languageclient';
import { COMMANDS, type CommandId } from '../../shared/commands';
import { addCorpusFolder } from './corpusFolders';
import type { DocumentsTreeProvider } from './documentsTree';
import { exportCitations } from './exportCitations';
import { insertActiveQuote, searchQuotes } from './searchQuotes';
import { showRelatedStatements } from './relatedStatements';
import type { StatementClient } from './statementClient';
import type { CorpusStatusBar } from './statusBar';
import { showPhraseTimeline, showTimeline } from './timeline';
import type { TimelinePanel } from './timelinePanel';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: StatementClient;
  readonly tree: DocumentsTreeProvider;
  readonly statusBar: CorpusStatusBar;
  readonly timeline: TimelinePanel;
}

type CommandFactory = (context: CommandContext) => (...args: never[]) => unknown;

/** Every command of the extension, id → factory (rust-analyzer's commands.ts pattern). */
const FACTORIES: Record<CommandId, CommandFactory> = {
  [COMMANDS.reindex]: ({ client, statusBar }) => async () => {
    statusBar.indexing();
    const result = await client.reindex();
    void vscode.window.setStatusBarMessage(`Statement Lens: indexed ${result.documents} documents in ${result.durationMs} ms`, 4000);
    return result;
  },
  [COMMANDS.clearIndexCache]: ({ client, statusBar }) => async () => {
    statusBar.indexing();
    const result = await client.clearIndexCache();
    void vscode.window.setStatusBarMessage(`Statement Lens: index cache cleared; indexed ${result.documents} documents in ${result.durationMs} ms`, 4000);
    return result;
  },
  [COMMANDS.toggleSort]: ({ tree }) => () => tree.toggleSort(),
  [COMMANDS.sortByDate]: ({ tree }) => () => tree.setSortMode('date'),
  [COMMANDS.groupBySpeaker]: ({ tree }) => () => tree.setSortMode('speaker'),
  [COMMANDS.refreshDocuments]: ({ tree }) => () => tree.refresh(),
  [COMMANDS.openDocument]: () => async (uri: string, range?: Range) => {
    const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
    return vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
  },
  [COMMANDS.openBundledSeeds]: ({ extension }) => async (fileName?: string) => {
    const folder = vscode.Uri.joinPath(extension.extensionUri, 'seeds');
    if (fileName) return vscode.window.showTextDocument(vscode.Uri.joinPath(folder, fileName), { preview: false });
    const entries = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => /\.(?:txt|md)$/.test(name)).map(([name]) => name).sort();
    const newWindow = { label: '$(empty-window) Open the seeds folder in a new window', name: '' };
    const picked = await vscode.window.showQuickPick([...entries.map(name => ({ label: name, name })), newWindow], { placeHolder: 'Open a bundled seed document' });
    if (!picked) return undefined;
    if (picked === newWindow) return vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
    return vscode.window.showTextDocument(vscode.Uri.joinPath(folder, picked.name), { preview: false });
  },
  [COMMANDS.showMentions]: () => async (uri: string, position: { line: number; character: number }) => {
    const target = vscode.Uri.parse(uri);
    const at = new vscode.Position(position.line, position.character);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', target, at);
    await vscode.commands.executeCommand('editor.action.showReferences', target, at, locations ?? []);
    return locations;
  },
  [COMMANDS.showRelatedStatements]: ({ client }) => showRelatedStatements(client),
  [COMMANDS.showOutput]: ({ client }) => () => client.outputChannel.show(true),
  [COMMANDS.showView]: () => () => vscode.commands.executeCommand('statementLens.documents.focus'),
  [COMMANDS.searchQuotes]: ({ client }) => (query?: string) => searchQuotes(client, typeof query === 'string' ? query : ''),
  [COMMANDS.insertActiveQuote]: () => () => insertActiveQuote(),
  [COMMANDS.showTimeline]: ({ client, timeline }) => showTimeline(client, timeline),
  [COMMANDS.showPhraseTimeline]: ({ timeline }) => showPhraseTimeline(timeline),
  [COMMANDS.addCorpusFolder]: () => (folder?: vscode.Uri) => addCorpusFolder(folder),
  [COMMANDS.exportCitations]: ({ client }) => exportCitations(client),
  // The walkthrough's example draft: a fresh copy in the extension's own storage on each run, so that trying the
  // quick fixes changes nothing of the user's, and a file (not an untitled editor) so that the server checks it.
  [COMMANDS.openExampleDraft]: ({ extension }) => async () => {
    const copy = vscode.Uri.joinPath(extension.globalStorageUri, 'example-draft.md');
    await vscode.workspace.fs.createDirectory(extension.globalStorageUri);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'sample', 'drafts', 'talks.md'), copy, { overwrite: true });
    return vscode.window.showTextDocument(copy, { preview: false });
  },
};

export function registerCommands(context: CommandContext): void {
  for (const [id, factory] of Object.entries(FACTORIES)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(context)));
  }
}
