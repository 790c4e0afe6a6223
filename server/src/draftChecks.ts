import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { QuoteCheck, QuoteChecker } from './core';
import type { CorpusService } from './corpusService';
import { quoteDiagnostics } from './features/quoteCheck';
import { isDraftLanguage, type SettingsStore } from './settings';

/**
 * Drafts: every quotation checked against the corpus, debounced so typing stays fast, and the checks of each
 * draft cached per document version and state of the corpus (hover, code actions and diagnostics share them).
 */
export class DraftChecks {
  /** Per draft, the checks of one document version against one state of the corpus. */
  private readonly checked = new Map<string, { version: number; checker: QuoteChecker; corpus: number; checks: QuoteCheck[] }>();
  private readonly pending = new Map<string, NodeJS.Timeout>();

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly corpus: CorpusService,
    private readonly settings: () => SettingsStore,
    private readonly log: (message: string) => void,
  ) {}

  /** Checks a draft after `delay` ms, unless it changes again before then. */
  schedule(uri: string, delay: number): void {
    clearTimeout(this.pending.get(uri));
    this.pending.set(uri, setTimeout(() => {
      this.pending.delete(uri);
      void this.check(uri);
    }, delay));
  }

  /** Checks every open draft again: the corpus or the settings changed. */
  scheduleAll(): void {
    for (const document of this.documents.all()) if (!this.corpus.contains(document.uri)) this.schedule(document.uri, 0);
  }

  /** A draft was closed: nothing more to check, and its diagnostics go. */
  closed(uri: string): void {
    clearTimeout(this.pending.get(uri));
    if (this.checked.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
  }

  /** The checks of a draft as it is now: cached per version and corpus state, else run and published. */
  async check(uri: string): Promise<QuoteCheck[]> {
    // Settings first: a settings change starts a new pass, which the check must then wait for.
    const current = await this.settings().get();
    await this.corpus.ready();
    const document = this.documents.get(uri);
    if (!document || this.corpus.contains(uri)) return [];
    if (!current.quoteCheck || !isDraftLanguage(document, current.hoverLanguages)) {
      if (this.checked.delete(uri)) void this.connection.sendDiagnostics({ uri, diagnostics: [] });
      return [];
    }
    const { checker, index } = this.corpus;
    const cached = this.checked.get(uri);
    if (cached && cached.version === document.version && cached.checker === checker && cached.corpus === index.version) return cached.checks;
    const started = performance.now();
    const checks = checker.check(document.getText());
    const elapsed = performance.now() - started;
    if (elapsed > 200) this.log(`Quote check of ${uri} took ${Math.round(elapsed)} ms (${checks.length} quotations)`);
    this.checked.set(uri, { version: document.version, checker, corpus: index.version, checks });
    void this.connection.sendDiagnostics({ uri, version: document.version, diagnostics: quoteDiagnostics(index, document, checks) });
    return checks;
  }
}
