import * as vscode from 'vscode';
import type { RelatedStatement } from '../../shared/protocol';
import type { StatementClient } from './statementClient';

/**
 * The peek view names each location by its URI's last path segment, and corpus files are often named by a
 * hash or a long slug. So each related statement's document is shown through this scheme, under a name that
 * says what it is (`title · speaker · date`), with the real document's URI as the query. Its content is the
 * real document's; opening it from the peek opens the real document at the statement instead.
 */
export const RELATED_SCHEME = 'statement-lens-related';

/** `title · speaker · date`, made safe as one path segment (no slashes, no control characters, bounded). */
export function relatedLabel(hit: Pick<RelatedStatement, 'documentTitle' | 'speaker' | 'date'>): string {
  const part = (text: string, max: number) => {
    const clean = text.replace(/[\p{Cc}\p{Cf}]/gu, '').replace(/[/\\]/g, '∕').replace(/\s+/g, ' ').trim();
    return clean.length > max ? `${clean.slice(0, max - 1).trimEnd()}…` : clean;
  };
  return [part(hit.documentTitle, 80) || 'Untitled', part(hit.speaker ?? '', 60) || 'unattributed', hit.date ?? 'undated'].join(' · ');
}

export function relatedUri(hit: RelatedStatement): vscode.Uri {
  return vscode.Uri.from({ scheme: RELATED_SCHEME, path: `/${relatedLabel(hit)}`, query: hit.uri });
}

/** The real document behind a related-statement URI. */
const sourceOf = (uri: vscode.Uri) => vscode.Uri.parse(uri.query, true);

/**
 * Serves the related statements' documents under their readable names, and turns any editor opened on one
 * (Enter or a double click in the peek) into the real document at the same place.
 */
export function registerRelatedDocuments(): vscode.Disposable {
  const provider: vscode.TextDocumentContentProvider = {
    async provideTextDocumentContent(uri) {
      // VS Code decodes the file as it would open it, so the server's ranges land on the same characters.
      return (await vscode.workspace.openTextDocument(sourceOf(uri))).getText();
    },
  };
  const openReal = async (editor: vscode.TextEditor | undefined) => {
    if (editor?.document.uri.scheme !== RELATED_SCHEME) return;
    const virtual = editor.document.uri;
    const selection = await selectionOf(editor);
    await vscode.window.showTextDocument(sourceOf(virtual), { selection, viewColumn: editor.viewColumn, preview: true });
    for (const group of vscode.window.tabGroups.all) {
      for (const tab of group.tabs) {
        if (tab.input instanceof vscode.TabInputText && tab.input.uri.toString() === virtual.toString()) await vscode.window.tabGroups.close(tab);
      }
    }
  };
  return vscode.Disposable.from(
    vscode.workspace.registerTextDocumentContentProvider(RELATED_SCHEME, provider),
    vscode.workspace.onDidOpenTextDocument(document => {
      if (document.uri.scheme === RELATED_SCHEME) void vscode.languages.setTextDocumentLanguage(document, 'statement');
    }),
    vscode.window.onDidChangeActiveTextEditor(editor => void openReal(editor)),
  );
}

/**
 * The selection an editor opens with: it may reach the extension host just after the editor does, so an empty
 * selection at the start waits briefly for the selection event.
 */
function selectionOf(editor: vscode.TextEditor): Promise<vscode.Selection> {
  if (!editor.selection.isEmpty || !editor.selection.active.isEqual(new vscode.Position(0, 0))) return Promise.resolve(editor.selection);
  return new Promise(resolve => {
    const done = (selection: vscode.Selection) => {
      clearTimeout(timer);
      listener.dispose();
      resolve(selection);
    };
    const listener = vscode.window.onDidChangeTextEditorSelection(event => {
      if (event.textEditor === editor) done(event.selections[0]);
    });
    const timer = setTimeout(() => done(editor.selection), 250);
  });
}

/**
 * Statement Lens: Show Related Statements. For the selection, or the quotation or sentence under the cursor,
 * opens VS Code's peek view on the source quotation, listing the related statements by title, speaker and
 * date; returns them (for tests and other extensions).
 */
export function showRelatedStatements(client: StatementClient) {
  return async (uri?: string, position?: { line: number; character: number }): Promise<RelatedStatement[]> => {
    const editor = vscode.window.activeTextEditor;
    const targetUri = uri ? vscode.Uri.parse(uri) : editor?.document.uri;
    if (!targetUri) return [];
    const selection = !uri && editor && !editor.selection.isEmpty ? editor.selection : undefined;
    // The peek opens where the statement starts: the selection's start, or the position (a code lens gives
    // the quotation's), not wherever the cursor happens to be.
    const at = position ? new vscode.Position(position.line, position.character) : selection ? selection.start : editor!.selection.active;
    const related = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Finding related statements…' }, () =>
      client.relatedStatements(selection ? { text: editor!.document.getText(selection) } : { uri: targetUri, position: at }),
    );
    if (related.length === 0) {
      void vscode.window.showInformationMessage('No related statements in the corpus.');
      return related;
    }
    const locations = related.map(hit => new vscode.Location(relatedUri(hit), new vscode.Range(hit.range.start.line, hit.range.start.character, hit.range.end.line, hit.range.end.character)));
    await vscode.commands.executeCommand('editor.action.peekLocations', targetUri, at, locations, 'peek');
    return related;
  };
}
