import type { Connection, MessageType, TextDocuments } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { ClientState, CorpusService, ServerDependencies } from './corpusService';
import type { DraftChecks } from './draftChecks';
import type { Requests } from './requests';
import type { SettingsStore } from './settings';

/** How hover cards are written for this client: command links, Markdown or plain text. */
export interface HoverCards {
  readonly commandLinks: boolean;
  readonly markdown: boolean;
}

/**
 * What the request handlers share: the connection, open documents, the corpus service and draft checks, and
 * what `initialize` told about the client (read through functions: it is known only once the client has spoken).
 */
export interface ServerContext {
  readonly connection: Connection;
  readonly documents: TextDocuments<TextDocument>;
  readonly dependencies: ServerDependencies;
  readonly corpus: CorpusService;
  readonly drafts: DraftChecks;
  readonly requests: Requests;
  readonly settings: () => SettingsStore;
  readonly client: () => ClientState;
  readonly cards: () => HoverCards;
  readonly log: (message: string) => void;
  /** A message the user must see (a notification: see server.ts). */
  readonly showMessage: (type: MessageType, message: string) => void;
}
