/**
 * How the core reaches corpus files. The language server implements it over the file system and the editor's
 * open documents, the command-line tool over the file system, and tests over an in-memory map.
 */
export interface CorpusHost {
  /** URIs of every corpus file (documents and sidecar files) under the configured roots. */
  listFiles(token?: { readonly isCancellationRequested: boolean }): Promise<string[]>;
  /** The file's bytes, or undefined when it no longer exists. May throw for unreadable files. */
  readFile(uri: string): Promise<Uint8Array | undefined>;
  /** The size in bytes without reading it, or undefined when unknown. */
  fileSize?(uri: string): Promise<number | undefined>;
}

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const isCorpusDocument = (uri: string) => DOCUMENT_EXTENSIONS.some(ext => uri.toLowerCase().endsWith(ext)) && !/\/(?:readme|license|changelog)\.md$/i.test(uri);
export const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
export const baseName = (uri: string) => decodeURIComponent(uri.slice(uri.lastIndexOf('/') + 1));
