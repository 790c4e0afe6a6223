import { DidChangeConfigurationNotification, MessageType, ShowMessageNotification, TextDocuments, type Connection } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { CorpusService, messageOf, type ClientState, type ServerDependencies } from './corpusService';
import { registerCustomRequests } from './customRequests';
import { DraftChecks } from './draftChecks';
import { registerEditorFeatures } from './editorFeatures';
import { readInitialize, serverCapabilities } from './initialize';
import { Requests } from './requests';
import type { HoverCards, ServerContext } from './serverContext';
import { SettingsStore } from './settings';

export type { ServerDependencies } from './corpusService';

/**
 * Wires the language server onto a connection: the corpus service, draft checks and the client's lifecycle here;
 * the standard LSP features (editorFeatures.ts) and the custom requests (customRequests.ts) as short adapters
 * over features/. The stdio entry point (main.ts) and the in-process tests both call this.
 */
export function startServer(connection: Connection, dependencies: ServerDependencies): void {
  const documents = new TextDocuments(TextDocument);
  let client: ClientState = { workspaceFolders: [], canWatchDynamically: false, canWatchRelativePatterns: false, canReportProgress: false };
  let canPullConfiguration = false, canRegisterConfiguration = false;
  let cards: HoverCards = { commandLinks: false, markdown: true };
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
  // The corpus changed: what the open drafts quote may now be found, or gone.
  corpus.onAnnounced(() => drafts.scheduleAll());

  connection.onInitialize(params => {
    const initialized = readInitialize(params);
    ({ client, cards, canPullConfiguration, canRegisterConfiguration } = initialized);
    settings = new SettingsStore(connection, () => canPullConfiguration, initialized.options);
    return serverCapabilities(cards);
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

  const context: ServerContext = { connection, documents, dependencies, corpus, drafts, requests, settings: () => settings, client: () => client, cards: () => cards, log, showMessage };
  registerEditorFeatures(context);
  registerCustomRequests(context);

  documents.listen(connection);
  connection.listen();
}
