import type { CancellationToken, TextDocuments } from 'vscode-languageserver';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { FileSystemCorpusHost } from './corpusFiles';
import type { CorpusService } from './corpusService';
import type { Draft } from './features/references';

const MAX_WORKSPACE_DRAFTS = 2000;
const MAX_DRAFT_BYTES = 2_000_000;

/** Open drafts plus the Markdown and text files of the workspace folders that are not corpus files. */
export async function workspaceDrafts(documents: TextDocuments<TextDocument>, corpus: CorpusService, workspaceFolders: readonly string[], token?: CancellationToken): Promise<Draft[]> {
  const drafts = new Map<string, Draft>();
  for (const document of documents.all()) if (!corpus.contains(document.uri)) drafts.set(document.uri, { uri: document.uri, document });
  const draftHost = new FileSystemCorpusHost(workspaceFolders.map(folder => ({ folder })));
  for (const uri of (await draftHost.listFiles(token)).slice(0, MAX_WORKSPACE_DRAFTS)) {
    if (token?.isCancellationRequested) break;
    if (drafts.has(uri) || corpus.contains(uri) || corpus.index.get(uri)) continue;
    // The size is checked before reading: a 50 MB export beside the drafts is not read on every request.
    const bytes = await draftHost.readFile(uri, MAX_DRAFT_BYTES).catch(() => undefined);
    if (bytes && bytes.length < MAX_DRAFT_BYTES) drafts.set(uri, { uri, document: TextDocument.create(uri, 'markdown', 0, new TextDecoder().decode(bytes)) });
  }
  return [...drafts.values()];
}
