import * as os from 'node:os';
import * as vscode from 'vscode';
import { corpusTargetOf, type CorpusTarget } from './corpusTarget';

const SETTING = 'corpus.paths';

/**
 * Statement Lens: Add Corpus Folder…. Picks folders (or takes one, from a test or another extension) and adds
 * each to `statementLens.corpus.paths` where it belongs (corpusTarget.ts); the server re-indexes on the
 * settings change. Returns what was written.
 */
export async function addCorpusFolder(folder?: vscode.Uri): Promise<CorpusTarget[]> {
  const folders = folder instanceof vscode.Uri ? [folder] : await vscode.window.showOpenDialog({
    canSelectFolders: true,
    canSelectFiles: false,
    canSelectMany: true,
    openLabel: 'Add to Corpus',
    title: 'Add Corpus Folder: a folder of statements (.txt, .md)',
    defaultUri: vscode.workspace.workspaceFolders?.[0]?.uri,
  });
  if (!folders?.length) return [];
  const written: CorpusTarget[] = [];
  for (const picked of folders) {
    const target = corpusTargetOf(picked.fsPath, vscode.workspace.workspaceFolders?.map(f => f.uri.fsPath) ?? [], vscode.workspace.isTrusted, os.homedir());
    const scope = target.scope === 'workspaceFolder' ? vscode.Uri.file(target.workspaceFolder) : undefined;
    const configuration = vscode.workspace.getConfiguration('statementLens', scope);
    const inspected = configuration.inspect<string[]>(SETTING);
    const current = (target.scope === 'workspaceFolder' ? workspaceValue(inspected, scope!) : inspected?.globalValue) ?? [];
    if (current.includes(target.entry)) {
      void vscode.window.showInformationMessage(`${target.entry} is already a corpus folder.`);
      continue;
    }
    await configuration.update(SETTING, [...current, target.entry], target.scope === 'workspaceFolder' ? configurationTarget(scope!) : vscode.ConfigurationTarget.Global);
    written.push(target);
    void vscode.window.showInformationMessage(`Added ${target.entry} to the corpus folders in ${target.scope === 'user' ? 'your user settings' : 'the workspace settings'}; indexing it now.`);
  }
  return written;
}

/** In a single-folder window the folder's settings are the workspace's; in a multi-root one, the folder's own. */
function configurationTarget(folder: vscode.Uri): vscode.ConfigurationTarget {
  return vscode.workspace.workspaceFile && vscode.workspace.getWorkspaceFolder(folder) ? vscode.ConfigurationTarget.WorkspaceFolder : vscode.ConfigurationTarget.Workspace;
}

function workspaceValue(inspected: { workspaceValue?: string[]; workspaceFolderValue?: string[] } | undefined, folder: vscode.Uri): string[] | undefined {
  return configurationTarget(folder) === vscode.ConfigurationTarget.WorkspaceFolder ? inspected?.workspaceFolderValue : inspected?.workspaceValue;
}
