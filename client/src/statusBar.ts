import * as vscode from 'vscode';
import { COMMANDS } from '../../shared/commands';
import { corpusStatus, type FullIndex } from './corpusStatus';
import type { StatementClient } from './statementClient';

/** Corpus size (documents · quotes); a spinner while indexing; a click opens the Statements view. */
export class CorpusStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('statementLens.corpus', vscode.StatusBarAlignment.Left, 10);
  private readonly listener: vscode.Disposable;
  private readonly startListener: vscode.Disposable;
  /** The next report ends a full pass: the first one after start-up, or after a re-index was asked for. */
  private fullPending = true;
  private lastFull: FullIndex | undefined;

  constructor(client: StatementClient) {
    this.item.name = 'Statement Lens Corpus';
    this.item.command = COMMANDS.showView;
    this.indexing();
    this.item.show();
    // The server says when a full pass starts (a corpus setting changed, too), so the old count never shows as current.
    this.startListener = client.onDidStartIndexing(() => this.indexing());
    this.listener = client.onDidIndex(params => {
      if (this.fullPending) this.lastFull = { finishedAt: new Date(), durationMs: params.durationMs };
      this.fullPending = false;
      const status = corpusStatus(params, this.lastFull);
      this.item.text = status.text;
      this.item.tooltip = status.tooltip;
      this.item.accessibilityInformation = { label: status.accessibilityLabel };
    });
  }

  indexing(): void {
    this.fullPending = true;
    this.item.text = '$(sync~spin) Indexing statements…';
    this.item.tooltip = 'Statement Lens is indexing the corpus';
    this.item.accessibilityInformation = { label: 'Statement Lens is indexing the corpus' };
  }

  get text(): string {
    return this.item.text;
  }

  get tooltip(): string {
    return typeof this.item.tooltip === 'string' ? this.item.tooltip : (this.item.tooltip?.value ?? '');
  }

  get accessibilityLabel(): string {
    return this.item.accessibilityInformation?.label ?? '';
  }

  dispose(): void {
    this.listener.dispose();
    this.startListener.dispose();
    this.item.dispose();
  }
}
