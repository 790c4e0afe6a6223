import * as path from 'node:path';
import { CodeActionKind, TextDocumentSyncKind, type InitializeParams, type InitializeResult } from 'vscode-languageserver';
import { SHOW_RELATED_STATEMENTS } from '../../shared/protocol';
import type { InitializationOptions } from '../../shared/settings';
import { uriToPath } from './corpusFiles';
import type { ClientState } from './corpusService';
import { OPEN_PEOPLE_FILE_COMMAND } from './features/peopleFile';
import { SEMANTIC_LEGEND } from './features/semanticTokens';
import { expandHome } from './indexStore/cacheFolder';
import type { HoverCards } from './serverContext';

/** What `initialize` tells about the client: its folders and abilities, how it shows cards, its options. */
export interface Initialized {
  readonly client: ClientState;
  readonly cards: HoverCards;
  readonly canPullConfiguration: boolean;
  readonly canRegisterConfiguration: boolean;
  readonly options: InitializationOptions;
}

export function readInitialize(params: InitializeParams): Initialized {
  const capabilities = params.capabilities;
  let workspaceFolders = (params.workspaceFolders ?? []).map(folder => uriToPath(folder.uri)).filter((p): p is string => !!p);
  if (workspaceFolders.length === 0 && params.rootUri) workspaceFolders = [uriToPath(params.rootUri)].filter((p): p is string => !!p);
  const options = (params.initializationOptions ?? {}) as InitializationOptions;
  const cacheDirectory = options.cacheDirectory;
  const client: ClientState = {
    workspaceFolders,
    canWatchDynamically: !!capabilities.workspace?.didChangeWatchedFiles?.dynamicRegistration,
    canWatchRelativePatterns: !!capabilities.workspace?.didChangeWatchedFiles?.relativePatternSupport,
    canReportProgress: !!capabilities.window?.workDoneProgress,
    ...(typeof cacheDirectory === 'string' && cacheDirectory.trim() ? { cacheDirectory: path.resolve(expandHome(cacheDirectory)) } : {}),
  };
  const hoverFormats = capabilities.textDocument?.hover?.contentFormat;
  return {
    client,
    cards: { commandLinks: options.commandLinks === true, markdown: !hoverFormats || hoverFormats.includes('markdown') },
    canPullConfiguration: !!capabilities.workspace?.configuration,
    canRegisterConfiguration: !!capabilities.workspace?.didChangeConfiguration?.dynamicRegistration,
    options,
  };
}

/** The features this server offers. */
export function serverCapabilities(cards: HoverCards): InitializeResult {
  return {
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
}
