import * as vscode from 'vscode';
import type { CslItem } from '../../shared/protocol';
import type { StatementClient } from './statementClient';

/**
 * Statement Lens: Export Citations (CSL-JSON). Writes the sources of the active draft's quotations as a CSL-JSON
 * array (Zotero's import, Pandoc's `--bibliography`, citeproc-js) to a file the writer picks, beside the draft
 * by default; `target` skips the dialog (tests, other extensions). Returns the items written.
 */
export function exportCitations(client: StatementClient) {
  return async (draft?: vscode.Uri, target?: vscode.Uri): Promise<CslItem[]> => {
    const document = draft instanceof vscode.Uri ? await vscode.workspace.openTextDocument(draft) : vscode.window.activeTextEditor?.document;
    if (!document) {
      void vscode.window.showInformationMessage('Open a draft to export the citations of its quotations.');
      return [];
    }
    const items = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Finding the sources of the draft\'s quotations…' }, () => client.citations(document));
    if (items.length === 0) {
      void vscode.window.showInformationMessage('No quotation of this draft has a source in the corpus.');
      return items;
    }
    const file = target instanceof vscode.Uri ? target : await vscode.window.showSaveDialog({
      defaultUri: defaultTarget(document.uri),
      filters: { 'CSL-JSON': ['json'] },
      saveLabel: 'Export Citations',
      title: `Export ${items.length} citation${items.length === 1 ? '' : 's'} (CSL-JSON)`,
    });
    if (!file) return [];
    await vscode.workspace.fs.writeFile(file, Buffer.from(JSON.stringify(items, null, 2) + '\n', 'utf8'));
    if (!(target instanceof vscode.Uri)) {
      void vscode.window.showInformationMessage(`Exported ${items.length} citation${items.length === 1 ? '' : 's'} to ${vscode.workspace.asRelativePath(file)}.`, 'Open').then(choice => choice && vscode.window.showTextDocument(file));
    }
    return items;
  };
}

/** `draft.md` → `draft.csl.json` beside it; an untitled draft → `citations.csl.json` in the first workspace folder. */
function defaultTarget(draft: vscode.Uri): vscode.Uri | undefined {
  if (draft.scheme === 'file') return draft.with({ path: draft.path.replace(/(\.[^./]*)?$/, '.csl.json') });
  const folder = vscode.workspace.workspaceFolders?.[0]?.uri;
  return folder && vscode.Uri.joinPath(folder, 'citations.csl.json');
}
