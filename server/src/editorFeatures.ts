import {
  ErrorCodes,
  MarkupContent,
  MessageType,
  Position,
  ResponseError,
  type Location,
} from 'vscode-languageserver';
import { markdownToPlainText } from '../../shared/markdown';
import { SHOW_RELATED_STATEMENTS } from '../../shared/protocol';
import { quotationLenses, resolveQuotationLens } from './features/codeLens';
import { definitionAt } from './features/definition';
import { documentLinks } from './features/documentLinks';
import { hoverAt } from './features/hover';
import { OPEN_PEOPLE_FILE_COMMAND, openPeopleFile, peopleFileActions, peopleFileOf } from './features/peopleFile';
import { attributeActions, quotationHover, quoteFixes } from './features/quoteCheck';
import { quoteCompletions } from './features/quoteCompletion';
import { REFERENCES_LIMIT, referencesOf } from './features/references';
import { relatedAt, relatedStatementsMessage } from './features/relatedStatements';
import { semanticTokens } from './features/semanticTokens';
import { workspaceSymbols } from './features/workspaceSymbols';
import { cancelled } from './requests';
import { sliceOf } from './requestScheduler';
import type { ServerContext } from './serverContext';
import { workspaceDrafts } from './workspaceDrafts';

/** The standard LSP features (hover, completion, code actions, definition, references, symbols, links, lenses). */
export function registerEditorFeatures(context: ServerContext): void {
  const { connection, documents, corpus, drafts, requests, dependencies, log, showMessage } = context;
  const settings = { get: () => context.settings().get() };
  /** Between slices of a long task: resumes once the requests that arrived meanwhile are answered. */
  const nothingLighterWaits = sliceOf(connection);

  connection.onHover(requests.onNames(null, async (document, { position }) => {
    const onName = hoverAt(corpus.index, document, position, context.cards());
    const hover = onName || corpus.contains(document.uri) ? onName : quotationHover(corpus.index, document, position, await drafts.check(document.uri), context.cards());
    // A client that reads only plain text (eglot without markdown-mode) gets the card without markup.
    if (hover && !context.cards().markdown && MarkupContent.is(hover.contents)) hover.contents = { kind: 'plaintext', value: markdownToPlainText(hover.contents.value) };
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
      ...peopleFileActions(corpus.index, document, range, peopleFileOf(corpus.host.roots, documents, dependencies.bundledSeedsPath)),
    ];
    const only = context.only;
    return only ? actions.filter(action => only.some(kind => action.kind === kind || action.kind?.startsWith(`${kind}.`))) : actions;
  }, { draftsOnly: true }));

  connection.onDefinition(requests.onNames([], (document, { position }) => definitionAt(corpus.index, document, position)));

  // A frequent name has tens of thousands of mentions: they are converted a batch at a time with waiting requests
  // answered in between, streamed to a client that offers a partial-result token, else cut to the first 1,000.
  connection.onReferences(async ({ textDocument, position }, token, _progress, partialResults) => {
    await corpus.ready();
    if (token.isCancellationRequested) return cancelled();
    const document = await requests.namesApply(textDocument.uri);
    const found = document && referencesOf(corpus.index, document, position, await workspaceDrafts(documents, corpus, context.client().workspaceFolders, token), token);
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

  connection.onWorkspaceSymbol(requests.onCorpus(({ query }, token) => workspaceSymbols(corpus.index, query, token, nothingLighterWaits)));

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

  connection.onExecuteCommand(async ({ command, arguments: args }, token) => {
    if (command === OPEN_PEOPLE_FILE_COMMAND) return openPeopleFile(connection, args);
    if (command !== SHOW_RELATED_STATEMENTS) return new ResponseError(ErrorCodes.InvalidParams, `Unknown command: ${command}`);
    const [uri, position] = (args ?? []) as [unknown, unknown];
    if (typeof uri !== 'string' || !Position.is(position)) return new ResponseError(ErrorCodes.InvalidParams, `${command} takes [uri, position]`);
    return requests.onCorpus((_: unknown, token) => {
      const related = relatedAt(corpus.index, documents, uri, position, 20, token);
      if (!token.isCancellationRequested) showMessage(MessageType.Info, relatedStatementsMessage(related));
      return related;
    })(undefined, token);
  });
}
