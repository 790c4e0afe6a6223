import type { Cancellation } from '../model';

/**
 * How the core reaches corpus files. The language server implements it over the file system and the editor's
 * open documents, the command-line tool over the file system, and tests over an in-memory map.
 */
export interface CorpusHost {
  /** URIs of every corpus file (documents and sidecar files) under the configured roots. */
  listFiles(token?: Cancellation): Promise<string[]>;
  /**
   * The file's bytes, or undefined when it no longer exists. Throws FileTooLarge (without reading the file)
   * when it is over `maxBytes`, and any other error for unreadable files.
   */
  readFile(uri: string, maxBytes?: number): Promise<Uint8Array | undefined>;
}

export class FileTooLarge extends Error {
  constructor(readonly size: number) {
    super(`file of ${size} bytes is over the size limit`);
  }
}

export const DOCUMENT_EXTENSIONS = ['.txt', '.md', '.markdown'];
export const isCorpusDocument = (uri: string) => DOCUMENT_EXTENSIONS.some(ext => uri.toLowerCase().endsWith(ext)) && !/\/(?:readme|license|changelog)\.md$/i.test(uri);
export const folderOf = (uri: string) => uri.slice(0, uri.lastIndexOf('/'));
