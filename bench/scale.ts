import type { Cancellation, CorpusHost } from '../server/src/core';

/**
 * BENCH_SCALE=2 or 4: the corpus plus copies of it, read through the real host. Copy k lives under a second
 * root URI (`corpora` → `corpora~k`, same folders and file names, so the folders' sidecars apply) and has a
 * quarter of its lower-case words of five letters or more altered, so the vocabulary and postings grow as a
 * larger corpus's would; names are left as they are, so the same people appear in k times the documents.
 */
export class ScaledCorpusHost implements CorpusHost {
  constructor(private readonly inner: CorpusHost, private readonly root: string, readonly scale: number) {}

  async listFiles(token?: Cancellation): Promise<string[]> {
    const files = await this.inner.listFiles(token);
    const all = [...files];
    for (let copy = 2; copy <= this.scale; copy++) for (const uri of files) if (uri.startsWith(this.root)) all.push(copyUri(this.root, uri, copy));
    return all;
  }

  async readFile(uri: string, maxBytes?: number): Promise<Uint8Array | undefined> {
    const match = uri.startsWith(`${this.root}~`) ? /^~(\d+)\//.exec(uri.slice(this.root.length)) : null;
    if (!match) return this.inner.readFile(uri, maxBytes);
    const copy = Number(match[1]);
    const bytes = await this.inner.readFile(this.root + uri.slice(this.root.length + match[0].length - 1), maxBytes);
    if (!bytes || /\.(?:tsv|ya?ml)$/i.test(uri)) return bytes;
    return Buffer.from(alterWords(Buffer.from(bytes).toString('utf8'), copy), 'utf8');
  }
}

const copyUri = (root: string, uri: string, copy: number) => `${root}~${copy}${uri.slice(root.length)}`;

/** A quarter of the lower-case words of 5+ letters, chosen by a hash of the word and the copy, get one letter changed. */
export function alterWords(text: string, copy: number): string {
  return text.replace(/\b[a-z]{5,}\b/g, word => {
    let hash = copy * 2654435761;
    for (let i = 0; i < word.length; i++) hash = Math.imul(hash ^ word.charCodeAt(i), 16777619);
    if ((hash >>> 0) % 4 !== 0) return word;
    const at = 1 + ((hash >>> 8) % (word.length - 2));
    const letter = String.fromCharCode(97 + ((word.charCodeAt(at) - 97 + copy) % 26));
    return word.slice(0, at) + letter + word.slice(at + 1);
  });
}
