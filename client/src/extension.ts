import * as path from 'node:path';
import * as vscode from 'vscode';
import { settingsFromConfiguration } from '../../shared/settings';
import { registerCommands } from './commands';
import { DocumentsTreeProvider } from './documentsTree';
import { registerRelatedDocuments } from './relatedStatements';
import { StatementClient } from './statementClient';
import { CorpusStatusBar } from './statusBar';
import { TimelinePanel } from './timelinePanel';

/** What the extension exports, for the end-to-end tests and for other extensions. */
export interface StatementLensApi {
  readonly client: StatementClient;
  readonly documentsTree: DocumentsTreeProvider;
  readonly statusBar: CorpusStatusBar;
  readonly timeline: TimelinePanel;
}

/** The running client, which `deactivate` stops. */
let running: StatementClient | undefined;

export async function activate(context: vscode.ExtensionContext): Promise<StatementLensApi> {
  const output = vscode.window.createOutputChannel('Statement Lens', { log: true });
  const client = new StatementClient(context, output);
  running = client;
  const documentsTree = new DocumentsTreeProvider(client, context.globalState);
  const statusBar = new CorpusStatusBar(client);
  const timeline = new TimelinePanel(context.extensionUri, client);
  const treeView = vscode.window.createTreeView('statementLens.documents', { treeDataProvider: documentsTree, showCollapseAll: true });
  context.subscriptions.push(output, client, documentsTree, statusBar, timeline, treeView, registerRelatedDocuments());
  registerCommands({ extension: context, client, tree: documentsTree, statusBar, timeline });
  // The view's welcome content says "Indexing…" until the first pass is done, then offers to add a corpus folder
  // whenever the tree is empty.
  const indexed = client.onDidIndex(() => {
    indexed.dispose();
    void vscode.commands.executeCommand('setContext', 'statementLens.indexed', true);
  });
  context.subscriptions.push(indexed);
  markCorpusDocuments(context);
  await client.start();
  return { client, documentsTree, statusBar, timeline };
}

/** Plain-text files of the bundled seeds and the corpus folders open in the `statement` language (grammar). */
function markCorpusDocuments(context: vscode.ExtensionContext): void {
  const corpusFolders = () => {
    const folders = [path.join(context.extensionPath, 'seeds')];
    const workspaceFolders = vscode.workspace.workspaceFolders?.map(folder => folder.uri.fsPath) ?? [];
    for (const setting of settingsFromConfiguration({ corpus: vscode.workspace.getConfiguration('statementLens').get('corpus') }).corpusPaths) {
      const folder = setting.split(/[*?[{]/)[0];
      if (path.isAbsolute(folder)) folders.push(folder);
      else folders.push(...workspaceFolders.map(base => path.resolve(base, folder)));
    }
    return folders.map(folder => path.resolve(folder) + path.sep);
  };
  const mark = (document: vscode.TextDocument) => {
    if (document.languageId !== 'plaintext' || document.uri.scheme !== 'file') return;
    if (corpusFolders().some(folder => document.uri.fsPath.startsWith(folder))) void vscode.languages.setTextDocumentLanguage(document, 'statement');
  };
  vscode.workspace.textDocuments.forEach(mark);
  context.subscriptions.push(vscode.workspace.onDidOpenTextDocument(mark));
}

/**
 * Returns the client's stop, which VS Code waits for: the server answers `shutdown` once the index cache is
 * complete on disk. The rest is disposed through context.subscriptions.
 */
export function deactivate(): Promise<void> | undefined {
  return running?.stop();
}
