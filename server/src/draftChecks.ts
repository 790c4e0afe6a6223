import type { Connection, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { QuoteCheck, QuoteChecker } from './core';
import type { CorpusService } from './corpusService';
import { quoteDiagnostics } from './features/quoteCheck';
import { ClosedDraftMemory } from './collector';
import { sliceOf } from './requestScheduler';
import { isDraftLanguage, type SettingsStore } from './settings';

/** Quotations checked per draft: a 5,000-word article has about 50; a 1 MB paste of quotations is cut here. */
const MAX_DRAFT_QUOTATIONS = 1000;
/** How long a draft's check runs before giving way to waiting requests. */
const SLICE_MS = 10;

/**
 * Drafts: every quotation checked against the corpus, debounced so typing stays fast, and the checks of each
 * draft cached per document version and state of the corpus (hover, code actions and diagnostics share them).
 */
export class DraftChecks {
  /** Per draft, the checks of one document version against one state of the corpus. */
  private readonly checked = new Map<string, { version: number; checker: QuoteChecker; corpus: number; checks: QuoteCheck[] }>();
  private readonly pending = new Map<string, NodeJS.Timeout>();
  /** Checks being run, per draft: a request that needs them waits for them rather than checking again. */
  private readonly running = new Map<string, { key: string; checker: QuoteChecker; checks: Promise<QuoteCheck[]> }>();
  private readonly closedDrafts = new ClosedDraftMemory();
  /** Between slices of a long check: resumes once the requests that arrived meanwhile are answered. */
  private readonly nothingLighterWaits: () => Promise<void>;

  constructor(
    private readonly connection: Connection,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly corpus: CorpusService,
    private readonly settings: () => SettingsStore,
    private readonly log: (message: string) => void,
  ) {
    this.nothingLighterWaits = sliceOf(connection);
  }

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

  /**
   * A draft was closed: nothing more to check, and its diagnostics go. Nothing of it is kept: its pending and
   * cached checks go (a running one stops at its next slice), and its memory is given back (collector.ts).
   */
  closed(document: TextDocument): void {
    const { uri } = document;
    clearTimeout(this.pending.get(uri));
    this.pending.delete(uri);
    if (!this.corpus.contains(uri)) this.closedDrafts.closed(document.getText().length);
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
    // A hover and the debounced check may ask at once: one check per version and corpus state.
    const key = `${document.version}\u0000${index.version}`;
    const running = this.running.get(uri);
    if (running?.key === key && running.checker === checker) return running.checks;
    const checks = this.checkInSlices(document, checker).finally(() => {
      if (this.running.get(uri)?.checks === checks) this.running.delete(uri);
    });
    this.running.set(uri, { key, checker, checks });
    return checks;
  }

  /**
   * Runs a draft's check a few quotations at a time, answering waiting requests between slices, and publishes
   * it. A draft edited, closed or re-indexed meanwhile is left for the check that follows ([] here).
   */
  private async checkInSlices(document: TextDocument, against: QuoteChecker): Promise<QuoteCheck[]> {
    const { uri, version } = document;
    const index = this.corpus.index;
    const corpusVersion = index.version;
    const current = () => this.documents.get(uri)?.version === version && this.corpus.checker === against && this.corpus.index === index && index.version === corpusVersion;
    const checks: QuoteCheck[] = [];
    const started = performance.now();
    let quotations = 0, sliceStarted = started;
    for (const check of against.checking(document.getText())) {
      if (check) checks.push(check);
      if (++quotations >= MAX_DRAFT_QUOTATIONS) {
        this.log(`Quote check of ${uri}: stopped after ${MAX_DRAFT_QUOTATIONS.toLocaleString('en-US')} quotations; the rest of the draft is not checked.`);
        break;
      }
      if (performance.now() - sliceStarted > SLICE_MS) {
        await this.nothingLighterWaits();
        if (!current()) return [];
        sliceStarted = performance.now();
      }
    }
    const elapsed = performance.now() - started;
    if (elapsed > 200) this.log(`Quote check of ${uri} took ${Math.round(elapsed)} ms (${checks.length} quotations)`);
    this.checked.set(uri, { version, checker: against, corpus: corpusVersion, checks });
    void this.connection.sendDiagnostics({ uri, version, diagnostics: quoteDiagnostics(index, document, checks) });
    return checks;
  }
}
