import { LSPErrorCodes, ResponseError, type CancellationToken, type TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusService } from './corpusService';
import { isDraftLanguage, type SettingsStore } from './settings';

/** The LSP answer to a request the client cancelled: no result, and no further work done for it. */
export const cancelled = () => new ResponseError<void>(LSPErrorCodes.RequestCancelled, 'The request was cancelled.');

type Handler<P, R> = (params: P, token: CancellationToken) => Promise<R | ResponseError<void>>;

/** The opening every request handler shares, written once: wait for the index, honour cancellation, find the document. */
export class Requests {
  constructor(
    private readonly corpus: CorpusService,
    private readonly documents: TextDocuments<TextDocument>,
    private readonly settings: () => SettingsStore,
  ) {}

  /**
   * A request on the corpus: it waits until the index is complete, and a request cancelled before or while it
   * runs is answered as cancelled.
   */
  onCorpus<P, R>(handler: (params: P, token: CancellationToken) => R | Promise<R | ResponseError<void>>): Handler<P, R> {
    return async (params, token) => {
      await this.corpus.ready();
      if (token.isCancellationRequested) return cancelled();
      const result = await handler(params, token);
      return token.isCancellationRequested ? cancelled() : result;
    };
  }

  /**
   * A request at a place in a document that name features apply to (see `namesApply`); on any other document
   * the answer is `none`. With `draftsOnly`, corpus files get `none` too.
   */
  onNames<P extends { textDocument: { uri: string } }, R>(none: R, handler: (document: TextDocument, params: P, token: CancellationToken) => R | Promise<R>, options: { draftsOnly?: boolean } = {}): Handler<P, R> {
    return this.onCorpus(async (params: P, token) => {
      const document = await this.namesApply(params.textDocument.uri);
      if (!document || (options.draftsOnly && this.corpus.contains(document.uri))) return none;
      return handler(document, params, token);
    });
  }

  /** The open document, when name features apply to it: corpus files, and drafts in the configured languages. */
  async namesApply(uri: string): Promise<TextDocument | undefined> {
    const document = this.documents.get(uri);
    if (!document) return undefined;
    if (this.corpus.contains(uri)) return document;
    return isDraftLanguage(document, (await this.settings().get()).hoverLanguages) ? document : undefined;
  }
}
