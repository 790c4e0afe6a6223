import * as vscode from 'vscode';
import type { Range } from 'vscode-languageclient';
import { addCorpusFolder } from './corpusFolders';
import type { DocumentsTreeProvider } from './documentsTree';
import { exportCitations } from './exportCitations';
import { insertActiveQuote, searchQuotes } from './searchQuotes';
import { showRelatedStatements } from './relatedStatements';
import type { StatementClient } from './statementClient';
import type { CorpusStatusBar } from './statusBar';

export interface CommandContext {
  readonly extension: vscode.ExtensionContext;
  readonly client: StatementClient;
  readonly tree: DocumentsTreeProvider;
  readonly statusBar: CorpusStatusBar;
}

type CommandFactory = (context: CommandContext) => (...args: never[]) => unknown;

/** Every command of the extension, id → factory (rust-analyzer's commands.ts pattern). */
const COMMANDS: Record<string, CommandFactory> = {
  'statementLens.reindex': ({ client, statusBar }) => async () => {
    statusBar.indexing();
    const result = await client.reindex();
    void vscode.window.setStatusBarMessage(`Statement Lens: indexed ${result.documents} documents in ${result.durationMs} ms`, 4000);
    return result;
  },
  'statementLens.toggleSort': ({ tree }) => () => tree.toggleSort(),
  'statementLens.documents.sortByDate': ({ tree }) => () => tree.setSortMode('date'),
  'statementLens.documents.groupBySpeaker': ({ tree }) => () => tree.setSortMode('speaker'),
  'statementLens.documents.refresh': ({ tree }) => () => tree.refresh(),
  'statementLens.documents.open': () => async (uri: string, range?: Range) => {
    const selection = range ? new vscode.Range(range.start.line, range.start.character, range.end.line, range.end.character) : undefined;
    return vscode.window.showTextDocument(vscode.Uri.parse(uri), { selection, preview: true });
  },
  'statementLens.openBundledSeeds': ({ extension }) => async (fileName?: string) => {
    const folder = vscode.Uri.joinPath(extension.extensionUri, 'seeds');
    if (fileName) return vscode.window.showTextDocument(vscode.Uri.joinPath(folder, fileName), { preview: false });
    const entries = (await vscode.workspace.fs.readDirectory(folder)).filter(([name]) => /\.(?:txt|md)$/.test(name)).map(([name]) => name).sort();
    const newWindow = { label: '$(empty-window) Open the seeds folder in a new window', name: '' };
    const picked = await vscode.window.showQuickPick([...entries.map(name => ({ label: name, name })), newWindow], { placeHolder: 'Open a bundled seed document' });
    if (!picked) return undefined;
    if (picked === newWindow) return vscode.commands.executeCommand('vscode.openFolder', folder, { forceNewWindow: true });
    return vscode.window.showTextDocument(vscode.Uri.joinPath(folder, picked.name), { preview: false });
  },
  'statementLens.showMentions': () => async (uri: string, position: { line: number; character: number }) => {
    const target = vscode.Uri.parse(uri);
    const at = new vscode.Position(position.line, position.character);
    const locations = await vscode.commands.executeCommand<vscode.Location[]>('vscode.executeReferenceProvider', target, at);
    await vscode.commands.executeCommand('editor.action.showReferences', target, at, locations ?? []);
    return locations;
  },
  'statementLens.showRelatedStatements': ({ client }) => showRelatedStatements(client),
  'statementLens.showOutput': ({ client }) => () => client.outputChannel.show(true),
  'statementLens.showView': () => () => vscode.commands.executeCommand('statementLens.documents.focus'),
  'statementLens.searchQuotes': ({ client }) => (query?: string) => searchQuotes(client, typeof query === 'string' ? query : ''),
  'statementLens.searchQuotes.insertActive': () => () => insertActiveQuote(),
  'statementLens.addCorpusFolder': () => (folder?: vscode.Uri) => addCorpusFolder(folder),
  'statementLens.exportCitations': ({ client }) => exportCitations(client),
  // The walkthrough's example draft: a fresh copy in the extension's own storage on each run, so that trying the
  // quick fixes changes nothing of the user's, and a file (not an untitled editor) so that the server checks it.
  'statementLens.openExampleDraft': ({ extension }) => async () => {
    const copy = vscode.Uri.joinPath(extension.globalStorageUri, 'example-draft.md');
    await vscode.workspace.fs.createDirectory(extension.globalStorageUri);
    await vscode.workspace.fs.copy(vscode.Uri.joinPath(extension.extensionUri, 'sample', 'drafts', 'talks.md'), copy, { overwrite: true });
    return vscode.window.showTextDocument(copy, { preview: false });
  },
};

export function registerCommands(context: CommandContext): void {
  for (const [id, factory] of Object.entries(COMMANDS)) {
    context.extension.subscriptions.push(vscode.commands.registerCommand(id, factory(context)));
  }
}
