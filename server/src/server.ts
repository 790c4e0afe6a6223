import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  CodeActionKind,
  DidChangeConfigurationNotification,
  ErrorCodes,
  MarkupContent,
  MessageType,
  Position,
  ResponseError,
  ShowMessageNotification,
  TextDocuments,
  TextDocumentSyncKind,
  type CancellationToken,
  type Connection,
  type InitializeResult,
  type Location,
} from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { normalizeUri, uriOf, uriToPath } from './corpusFiles';
import { CorpusService, messageOf, type ClientState, type ServerDependencies } from './corpusService';
import { detailOf, personSummaryOf, summaryOf } from './convert';
import { DraftChecks } from './draftChecks';
import { quotationLenses, resolveQuotationLens } from './features/codeLens';
import { citationsOf } from './features/citations';
import { definitionAt } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hoverAt } from './features/hover';
import { attributeActions, quotationHover, quoteFixes } from './features/quoteCheck';
import { quoteCompletions } from './features/quoteCompletion';
import { OPEN_PEOPLE_FILE_COMMAND, peopleFileActions } from './features/peopleFile';
import { REFERENCES_LIMIT, referencesOf } from './features/references';
import { relatedStatements, relatedStatementsMessage, statementAt } from './features/relatedStatements';
import { searchQuotes } from './features/quoteSearch';
import { SEMANTIC_LEGEND, semanticTokens } from './features/semanticTokens';
import { phraseTimelineOf, timelineOf } from './features/timeline';
import { workspaceSymbols } from './features/workspaceSymbols';
import { CitationsRequest, ClearIndexCacheRequest, DocumentRequest, DocumentsRequest, PeopleRequest, PhraseTimelineRequest, ReindexRequest, RelatedStatementsRequest, SearchQuotesRequest, SHOW_RELATED_STATEMENTS, TimelineRequest, type CslItem, type RelatedStatement } from '../../shared/protocol';
import { markdownToPlainText } from '../../shared/markdown';
import { cancelled, Requests } from './requests';
import { sliceOf } from './requestScheduler';
import { expandHome } from './indexStore/cacheFolder';
import type { InitializationOptions } from '../../shared/settings';
import { SettingsStore } from './settings';
import { workspaceDrafts } from './workspaceDrafts';

export type { ServerDependencies } from './corpusService';

/**
 * Wires the language server onto a connection: the corpus service, draft checks, and one short adapter per
 * request over the features (features/). The stdio entry point (main.ts) and the in-process tests both call this.
 */
export function startServer(connection: Connection, dependencies: ServerDependencies): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientState = { workspaceFolders: [], canWatchDynamically: false, canWatchRelativePatterns: false, canReportProgress: false };
  let canPullConfiguration = false, canRegisterConfiguration = false;
  /** How hover cards are written for this client: command links, Markdown or plain text. */
  let cards = { commandLinks: false, markdown: true };
  let settings!: SettingsStore;
  const log = (message: string) => connection.console.log(message);
  /**
   * A message the user must see. A notification, not vscode-languageserver's `show…Message`, which sends
   * `window/showMessageRequest`: Neovim answers that with a prompt that waits for a key.
   */
  const showMessage = (type: MessageType, message: string) => void connection.sendNotification(ShowMessageNotification.type, { type, message });
  const corpus = new CorpusService({ connection, documents, dependencies, settings: () => settings, client: () => client, log, showMessage });
  const drafts = new DraftChecks(connection, documents, corpus, () => settings, log);
  const requests = new Requests(corpus, documents, () => settings);
  /** Between slices of a long task: resumes once the requests that arrived meanwhile are answered. */
  const nothingLighterWaits = sliceOf(connection);
  // The corpus changed: what the open drafts quote may now be found, or gone.
  corpus.onAnnounced(() => drafts.scheduleAll());

  connection.onInitialize(params => {
    const capabilities = params.capabilities;
    canPullConfiguration = !!capabilities.workspace?.configuration;
    canRegisterConfiguration = !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration;
    let workspaceFolders = (params.workspaceFolders ?? []).map(folder => uriToPath(folder.uri)).filter((p): p is string => !!p);
    if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
    client = {
      workspaceFolders,
      canWatchDynamically: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
      canWatchRelativePatterns: !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport,
      canReportProgress: !!capabilities.window?.workDoneProgress,
    };
    const initializationOptions = (params.initializationOptions ?? {}) as InitializationOptions;
    const cacheDirectory = initializationOptions.cacheDirectory;
    if (typeof cacheDirectory === 'string' && cacheDirectory.trim()) client = { ...client, cacheDirectory: path.resolve(expandHome(cacheDirectory)) };
    settings = new SettingsStore(connection, () => canPullConfiguration, initializationOptions);
    const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
    cards = { commandLinks: initializationOptions.commandLinks === true, markdown: !hoverFormats || hoverFormats.includes('markdown') };
    const result: InitializeResult = {
      capabilities: {
        textDocumentSync: TextDocumentSyncKind.Incremental,
        workspace: { workspaceFolders: { supported: true } },
        hoverProvider: true,
        definitionProvider: true,
        referencesProvider: true,
        workspaceSymbolProvider: true,
        documentLinkProvider: { resolveProvider: false },
        codeLensProvider: { resolveProvider: true },
        semanticTokensProvider: { legend: SEMANTIC_LEGEND, full: true },
        completionProvider: { triggerCharacters: ['"', '“'] },
        codeActionProvider: { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.RefactorRewrite, CodeActionKind.Refactor] },
        // The VS Code client runs Show Related Statements itself (and would register it twice).
        executeCommandProvider: { commands: [OPEN_PEOPLE_FILE_COMMAND, ...(cards.commandLinks ? [] : [SHOW_RELATED_STATEMENTS])] },
      },
      serverInfo: { name: 'statement-lens-server', version: '0.1.0' },
    };
    return result;
  });

  connection.onInitialized(async () => {
    // Only where the client says it takes the registration (eglot warns about every one it does not know);
    // a client may still refuse it, which costs the feature, never the server.
    if (canPullConfiguration && canRegisterConfiguration) connection.client.register(DidChangeConfigurationNotification.type, { section: 'statementLens' }).catch(error => log(`The client did not register for configuration changes: ${messageOf(error)}`));
    await corpus.reindexAll().catch(corpus.indexingFailed);
  });

  connection.onDidChangeWatchedFiles(({ changes }) => corpus.filesChanged(changes ?? []));
  connection.onExit(() => corpus.dispose());
  // The index cache is complete on disk before `shutdown` is answered.
  connection.onShutdown(() => corpus.shutdown());

  // Only a change to statementLens.corpus.* needs a new pass; others (citation format, draft languages, quote
  // check) apply to the next request, and open drafts are checked again under them.
  connection.onDidChangeConfiguration(async () => {
    settings.invalidate();
    corpus.settingsChanged(await settings.get());
    drafts.scheduleAll();
  });

  documents.onDidChangeContent(({ document }) => {
    if (corpus.contains(document.uri)) corpus.documentEdited(document.uri);
    else drafts.schedule(document.uri, 300);
  });
  documents.onDidClose(({ document }) => {
    drafts.closed(document);
    corpus.documentClosed(document.uri);
  });

  connection.onHover(requests.onNames(null, async (document, { position }) => {
    const onName = hoverAt(corpus.index, document, position, cards);
    const hover = onName || corpus.contains(document.uri) ? onName : quotationHover(corpus.index, document, position, await drafts.check(document.uri), cards);
    // A client that reads only plain text (eglot without markdown-mode) gets the card without markup.
    if (hover && !cards.markdown && MarkupContent.is(hover.contents)) hover.contents = { kind: 'plaintext', value: markdownToPlainText(hover.contents.value) };
    return hover;
  }));

  connection.onCompletion(requests.onNames(null, async (document, { position }, token) => {
    const { citationFormat, sourceFormat } = await settings.get();
    return quoteCompletions(corpus.index, document, position, { citationFormat, sourceFormat }, token);
  }, { draftsOnly: true }));

  connection.onCodeAction(requests.onNames([], async (document, { range, context }) => {
    const actions = [
      ...quoteFixes(document.uri, context.diagnostics),
      ...attributeActions(corpus.checker, corpus.index, document, range, await drafts.check(document.uri), (await settings.get()).citationFormat),
      ...peopleFileActions(corpus.index, document, range, peopleFile()),
    ];
    const only = context.only;
    return only ? actions.filter(action => only.some(kind => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
  }, { draftsOnly: true }));

  /** people.yaml of the first corpus folder the user gave (never the bundled seeds), with its text if it exists. */
  function peopleFile(): { uri: string; current: string | undefined } | undefined {
    const folder = corpus.host.roots.map(root => root.folder).find(root => path.resolve(root) !== path.resolve(dependencies.bundledSeedsPath));
    if (!folder) return undefined;
    const file = path.join(folder, 'people.yaml');
    const uri = uriOf(file);
    const open = documents.get(uri);
    if (open) return { uri, current: open.getText() };
    try {
      return { uri, current: readFileSync(file, 'utf8') };
    } catch {
      return { uri, current: undefined };
    }
  }

  /** Opens a corpus folder's people.yaml (the code action on a person's name names this command). */
  async function openPeopleFile(args: unknown[] | undefined): Promise<void> {
    if (typeof args?.[0] !== 'string') return;
    const line = typeof args[1] === 'number' ? args[1] : 0;
    await connection.window.showDocument({ uri: args[0], takeFocus: true, selection: { start: { line, character: 0 }, end: { line, character: 0 } } }).catch(() => undefined);
  }

  connection.onDefinition(requests.onNames([], (document, { position }) => definitionAt(corpus.index, document, position)));

  // A frequent name has tens of thousands of mentions: they are converted a batch at a time with waiting requests
  // answered in between, streamed to a client that offers a partial-result token, else cut to the first 1,000.
  connection.onReferences(async ({ textDocument, position }, token, _progress, partialResults) => {
    await corpus.ready();
    if (token.isCancellationRequested) return cancelled();
    const document = await requests.namesApply(textDocument.uri);
    const found = document && referencesOf(corpus.index, document, position, await workspaceDrafts(documents, corpus, client.workspaceFolders, token), token);
    if (!found) return token.isCancellationRequested ? cancelled() : [];
    // vscode-languageserver gives a reporter when the client sent a partialResultToken (and takes it out of the params).
    const streaming = partialResults !== undefined;
    const locations: Location[] = [];
    for (const batch of found.batches()) {
      if (token.isCancellationRequested) return cancelled();
      if (streaming) partialResults.report(batch);
      else locations.push(...batch.slice(0, REFERENCES_LIMIT - locations.length));
      if (locations.length >= REFERENCES_LIMIT) break;
      await nothingLighterWaits();
    }
    if (token.isCancellationRequested) return cancelled();
    if (!streaming && found.total > locations.length) {
      const who = found.people.length === 1 ? found.people[0] : found.people.join(' or ');
      const message = `Find All References: ${found.total.toLocaleString('en-US')} mentions of ${who}; the first ${locations.length.toLocaleString('en-US')} are listed (drafts, then the newest documents).`;
      log(message);
      showMessage(MessageType.Info, message);
    }
    return locations;
  });

  connection.onWorkspaceSymbol(requests.onCorpus(({ query }, token) => workspaceSymbols(corpus.index, query, token)));

  connection.onDocumentLinks(requests.onCorpus(({ textDocument }) => {
    const statement = corpus.index.get(textDocument.uri);
    return statement ? documentLinks(corpus.index, statement) : [];
  }));

  connection.onCodeLens(requests.onCorpus(({ textDocument }) => {
    const statement = corpus.index.get(textDocument.uri);
    return statement ? quotationLenses(statement) : [];
  }));

  connection.onCodeLensResolve(lens => resolveQuotationLens(corpus.index, lens));

  connection.languages.semanticTokens.on(requests.onNames({ data: [] }, document => semanticTokens(corpus.index, document), { draftsOnly: true }));

  /** Statements related to the one at a position of a document (open, or else the corpus's copy). */
  function relatedAt(uri: string, position: Position, limit: number, token: CancellationToken): RelatedStatement[] {
    const document = documents.get(uri) ?? openStatement(uri);
    const statement = document && statementAt(corpus.index, document, position);
    return statement ? relatedStatements(corpus.index, statement.text, limit, statement, token) : [];
  }

  /** A corpus document that is not open in the editor, as a TextDocument for position conversions. */
  function openStatement(uri: string): TextDocument | undefined {
    const statement = corpus.index.get(uri);
    return statement && TextDocument.create(uri, 'statement', 0, statement.text);
  }

  connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
    if (command === OPEN_PEOPLE_FILE_COMMAND) return openPeopleFile(args);
    if (command !== SHOW_RELATED_STATEMENTS) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${command}`);
    const [uri, position] = (args ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || !Position.is(position)) return new ResponseError(ErrorCodes.InvalidParams, `${command} takes [uri, position]`);
    return requests.onCorpus((_: unknown, token) => {
      const related = relatedAt(uri, position, 20, token);
      if (!token.isCancellationRequested) showMessage(MessageType.Info, relatedStatementsMessage(related));
      return related;
    })(undefined, token);
  });

  connection.onRequest(RelatedStatementsRequest, requests.onCorpus((params, token) => {
    const limit = Math.min(Math.max(params.limit ?? 20, 1), 100);
    return 'text' in params ? relatedStatements(corpus.index, params.text, limit, undefined, token) : relatedAt(params.uri, params.position, limit, token);
  }));

  connection.onRequest(DocumentsRequest, requests.onCorpus(() => [...corpus.index.all()].map(document => summaryOf(document, corpus.index))));

  connection.onRequest(DocumentRequest, requests.onCorpus(({ uri }) => {
    const document = corpus.index.get(uri) ?? corpus.index.get(normalizeUri(uri));
    return document ? detailOf(document, corpus.index) : null;
  }));

  connection.onRequest(PeopleRequest, requests.onCorpus(({ query, limit }, token) => ({ people: corpus.index.people(query, Math.max(1, limit ?? Infinity), token).map(personSummaryOf) })));

  connection.onRequest(SearchQuotesRequest, requests.onCorpus(async ({ query, limit }, token) => {
    const { citationFormat } = await settings.get();
    return searchQuotes(corpus.index, query, Math.min(Math.max(limit ?? 20, 1), 200), citationFormat, note => log(`Search: ${note}`), token);
  }));

  connection.onRequest(ClearIndexCacheRequest, async () => {
    const { report, cacheDirectory } = await corpus.clearIndexCache();
    return { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs, cacheDirectory };
  });

  connection.onRequest(TimelineRequest, requests.onCorpus(({ person }, token) => (typeof person === 'string' ? timelineOf(corpus.index, person, token) : [])));

  connection.onRequest(PhraseTimelineRequest, requests.onCorpus(({ phrase, limit }, token) => (typeof phrase === 'string' ? phraseTimelineOf(corpus.index, phrase, typeof limit === 'number' ? limit : undefined, token) : [])));

  // Whatever the quote check setting: the sources are wanted even where the squiggles are not. Settings first, as
  // for draft checks: a settings change starts a new pass, which the answer must then wait for.
  connection.onRequest(CitationsRequest, async (params, token) => {
    await settings.get();
    // Against the whole corpus, also while the index loads from the cache: a source not loaded yet is no source.
    await corpus.ready();
    return requests.onCorpus((): CslItem[] => {
      if ('text' in params) return typeof params.text === 'string' ? citationsOf(corpus.index, corpus.checker, params.text) : [];
      const document = documents.get(params.uri) ?? documents.get(normalizeUri(params.uri));
      return document && !corpus.contains(document.uri) ? citationsOf(corpus.index, corpus.checker, document.getText()) : [];
    })(params, token);
  });

  connection.onRequest(ReindexRequest, async () => {
    const report = await corpus.reindexAll();
    return { documents: report.documents, quotes: report.quotes, people: report.people, durationMs: report.durationMs };
  });

  documents.listen(connection);
  connection.listen();
}
