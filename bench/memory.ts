import { getHeapStatistics, serialize, setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { packForTransfer, parseForIndex, type CorpusIndex, type CorpusIndexer } from '../server/src/core';

/** A full garbage collection (twice: weak maps and finalizers free more on the second). */
function collectGarbage(): void {
  setFlagsFromString('--expose-gc');
  const gc = runInNewContext('gc') as () => void;
  gc();
  gc();
}

const MB = 1048576;
const mb = (bytes: number) => `${(bytes / MB).toFixed(1)} MB`;

export function heapUsedAfterGc(): number {
  collectGarbage();
  return process.memoryUsage().heapUsed + process.memoryUsage().arrayBuffers;
}

/** The main thread's memory now: RSS, the V8 heap, typed-array buffers. */
export function memoryNow(label: string): void {
  collectGarbage();
  const usage = process.memoryUsage();
  const heap = getHeapStatistics();
  console.log(`${label}: RSS ${mb(usage.rss)}; main-thread heap used ${mb(usage.heapUsed)} of ${mb(heap.total_heap_size)}; array buffers ${mb(usage.arrayBuffers)}`);
}

type Mutable = Record<string, unknown>;

/**
 * What each structure of the index holds, measured by letting go of it and collecting garbage: the heap (and
 * array buffers) freed is what that structure alone kept alive. Structures are released in the order listed,
 * so memory two of them share counts for the later one (a quotation's text shared by the document and the
 * search entries counts under documents). Destroys the index: run it last.
 */
export function memoryByStructure(indexer: CorpusIndexer): void {
  const { index } = indexer;
  const internals = index as unknown as Mutable;
  // People moved into a registry of their own; its fields are released as the index's used to be.
  const registry = internals.registry as Mutable;
  const search = internals.search as Mutable;
  const documents = [...index.all()] as unknown as Mutable[];
  const slots = (search.slots as ({ entries: Mutable[] } | undefined)[]);
  const steps: [string, () => void][] = [
    ['search: typo and stem lookup (trigrams of the vocabulary, stems)', () => {
      const vocabulary = search.vocabulary as Mutable;
      vocabulary.gramIndex = new Map();
      vocabulary.stemIndex = new Map();
      vocabulary.gramCounts = new Int32Array(0);
    }],
    ['search: postings (word → entry ids)', () => {
      search.postings = undefined;
    }],
    ['search: vocabulary (distinct words)', () => {
      search.vocabulary = undefined;
    }],
    ['search: entry texts (quotations and sentences)', () => {
      // Entries made from their span (SpanEntry) have no text of their own; each becomes a plain entry alike.
      for (const slot of slots) if (slot) slot.entries = slot.entries.map(entry => ({ text: '', span: entry.span, speaker: entry.speaker, isQuote: entry.isQuote }));
    }],
    ['search: where each entry\'s text lies in its document (the word-pair test reads it there)', () => {
      // The documents' texts themselves are the documents' own too: they count under "documents: text".
      search.entryStart = search.entryEnd = undefined;
      search.slotTexts = [];
    }],
    ['search: entries (spans, speakers, per-entry arrays)', () => {
      for (const name of ['entrySlot', 'entryLocal', 'entryLength']) search[name] = undefined;
      search.slots = [];
      search.slotByUri = new Map();
      search.scratch = new Float32Array(0);
    }],
    ['names dictionary (forms for drafts)', () => {
      internals.names = undefined;
    }],
    ['name facts and person records (roles, aliases, documents by name)', () => {
      registry.facts = new Map();
      registry.records = new Map();
    }],
    ['person resolution (name groups, identities, per-document decisions)', () => {
      registry.resolver = undefined;
    }],
    ['people by name (name → document → person)', () => {
      registry.peopleByName = new Map();
    }],
    ['documents: quotations (text, spans, speakers)', () => {
      for (const document of documents) document.quotes = [];
    }],
    ['documents: people (roles, aliases, mentions)', () => {
      for (const document of documents) document.people = [];
    }],
    ['documents: paragraphs', () => {
      for (const document of documents) document.paragraphs = [];
    }],
    ['documents: text', () => {
      for (const document of documents) document.text = '';
    }],
    ['documents: the rest (metadata, URIs, maps)', () => {
      documents.length = 0;
      internals.documents = new Map();
    }],
    ['search: the rest', () => {
      internals.search = undefined;
    }],
    ['the indexer: sidecars, versions, problems', () => {
      const fields = indexer as unknown as Mutable;
      for (const name of ['sidecars', 'peopleRules', 'openTexts', 'problemsByUri', 'versions', 'emptyFiles']) fields[name] = undefined;
    }],
  ];
  const start = heapUsedAfterGc();
  let before = start;
  for (const [name, release] of steps) {
    release();
    const after = heapUsedAfterGc();
    console.log(`  ${name.padEnd(72)} ${mb(before - after).padStart(10)}`);
    before = after;
  }
  console.log(`  ${'total held by the index'.padEnd(72)} ${mb(start - before).padStart(10)}`);
  console.log(`  ${'heap left (code, libraries, the bench)'.padEnd(72)} ${mb(before).padStart(10)}`);
}

/**
 * What the worker pool sends back per document, packed and serialized as postMessage does it (a sample of the
 * corpus, parsed in this thread): what the main thread deserializes and keeps.
 */
export function workerTransfer(index: CorpusIndex, every = 50): void {
  let documentBytes = 0, searchBytes = 0, textBytes = 0, sampled = 0;
  let at = 0;
  for (const document of index.all()) {
    if (at++ % every !== 0) continue;
    const packed = packForTransfer(parseForIndex({ uri: document.uri, text: document.text }), document.text);
    documentBytes += serialize(packed.document).length;
    searchBytes += serialize(packed.search).length;
    textBytes += serialize(document.text).length;
    sampled++;
  }
  const scale = index.size / Math.max(1, sampled);
  console.log(`worker results as sent (${sampled} documents sampled, scaled to ${index.size}): document ${mb(documentBytes * scale)}, search data ${mb(searchBytes * scale)}; the texts sent to be parsed ${mb(textBytes * scale)}`);
}
