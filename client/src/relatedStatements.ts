import * as vscode from 'vscode';
import type { RelatedStatement } from '../../server/src/protocol';
import type { StatementClient } from './statementClient';

/**
 * Statement Lens: Show Related Statements. For the selection, or the quotation or sentence under the cursor,
 * opens VS Code's peek view on the related statements; returns them (for tests and other extensions).
 */
export function showRelatedStatements(client: StatementClient) {
  return async (uri?: string, position?: { line: number; character: number }): Promise<RelatedStatement[]> => {
    const editor = vscode.window.activeTextEditor;
    const targetUri = uri ? vscode.Uri.parse(uri) : editor?.document.uri;
    if (!targetUri) return [];
    const at = position ? new vscode.Position(position.line, position.character) : editor!.selection.active;
    const selection = !uri && editor && !editor.selection.isEmpty ? editor.document.getText(editor.selection) : undefined;
    const related = await vscode.window.withProgress({ location: vscode.ProgressLocation.Window, title: 'Finding related statements…' }, () =>
      client.relatedStatements(selection ? { text: selection } : { uri: targetUri, position: at }),
    );
    if (related.length === 0) {
      void vscode.window.showInformationMessage('No related statements in the corpus.');
      return related;
    }
    const locations = related.map(hit => new vscode.Location(vscode.Uri.parse(hit.uri), new vscode.Range(hit.range.start.line, hit.range.start.character, hit.range.end.line, hit.range.end.character)));
    await vscode.commands.executeCommand('editor.action.peekLocations', targetUri, at, locations, 'peek');
    return related;
  };
}
