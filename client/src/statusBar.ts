import * as vscode from 'vscode';
import type { StatementClient } from './statementClient';

/** Corpus size (documents · quotes); a spinner while indexing; a click opens the Statements view. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('statementLens.corpus', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;

  constructor(client: StatementClient) {
    this.item.name = 'Statement Lens Corpus';
    this.item.command = 'statementLens.showView';
    this.indexing();
    this.item.show();
    this.listener = client.onDidIndex(({ documents, quotes, people, durationMs }) => {
      this.item.text = `$(quote) ${documents.toLocaleString()} docs · ${quotes.toLocaleString()} quotes`;
      this.item.tooltip = `Statement Lens corpus: ${documents} documents, ${quotes} quotations, ${people} people (indexed in ${durationMs} ms). Click to open the Statements view.`;
    });
  }

  indexing(): void {
    this.item.text = '$(sync~spin) Indexing statements…';
    this.item.tooltip = 'Statement Lens is indexing the corpus';
  }

  get text(): string {
    return this.item.text;
  }

  dispose(): void {
    this.listener.dispose();
    this.item.dispose();
  }
}
