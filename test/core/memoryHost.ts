import { CorpusIndexer, type CorpusHost, type CorpusIndex } from '../../server/src/core';

/** An in-memory corpus for tests: uri → bytes; `onRead` lets a test change the corpus mid-index. */
export class MemoryHost implements CorpusHost {
  readonly files = new Map<string, Uint8Array>();
  onRead?: (uri: string) => void;

  set(name: string, content: string | Uint8Array): string {
    const uri = `memory:///corpus/${name}`;
    this.files.set(uri, typeof content === 'string' ? new TextEncoder().encode(content) : content);
    return uri;
  }

  async listFiles(): Promise<string[]> {
    return [...this.files.keys()];
  }

  async readFile(uri: string): Promise<Uint8Array | undefined> {
    this.onRead?.(uri);
    return this.files.get(uri);
  }
}

/** The index of every file in `host` after one full pass. */
export async function indexOf(host: MemoryHost): Promise<CorpusIndex> {
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  return indexer.index;
}

/** Indexes files written for a test (name → text); returns the host, the indexer, its index and the URIs by name. */
export async function indexFiles(files: Record<string, string>) {
  const host = new MemoryHost();
  const uris: Record<string, string> = {};
  for (const [name, text] of Object.entries(files)) uris[name] = host.set(name, text);
  const indexer = new CorpusIndexer(host);
  await indexer.indexAll();
  return { host, indexer, index: indexer.index, uris };
}
