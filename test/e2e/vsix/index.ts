import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

/** Run against the packaged .vsix installed into VS Code: it is there, it activates, its server indexes. */
export async function run(): Promise<void> {
  const extension = vscode.extensions.getExtension<{ client: { whenIndexed(): Promise<{ documents: number }> } }>('statement-lens.statement-lens');
  assert.ok(extension, 'the packaged extension is installed');
  assert.ok(!extension.extensionPath.includes('/test/e2e/vsix-host'), 'the installed copy, not a development folder');
  const api = await extension.activate();
  const indexed = await api.client.whenIndexed();
  assert.ok(indexed.documents >= 5, `indexed ${indexed.documents} documents`);
  // What the walkthrough and the Marketplace need is in the package: the example draft and the icon.
  const editor = await vscode.commands.executeCommand<vscode.TextEditor>('statementLens.openExampleDraft');
  assert.match(editor.document.getText(), /Beijing and Washington: keep talking/);
  await vscode.workspace.fs.stat(vscode.Uri.joinPath(extension.extensionUri, (extension.packageJSON as { icon: string }).icon));
  console.log(`1 passed, 0 failed (vsix at ${extension.extensionPath} indexed ${indexed.documents} documents)`);
}
