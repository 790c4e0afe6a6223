/**
 * A parse worker's words, sent once. Each document's search vocabulary (prepareSearch) is a few hundred words
 * that the corpus mostly has already: sent as strings, every one arrives on the main thread as a new copy that
 * is hashed and looked up once in the search vocabulary, then dropped (about 3.6 million strings over
 * ../shared/corpora, nearly all of them words seen before). So a worker numbers the words it has sent
 * and sends a document's vocabulary as those numbers, with only the words it has not sent before; the pool
 * keeps the worker's words and gives the index the very strings it has seen, whose hashes are known.
 */
export interface SentVocabulary {
  /** The document's vocabulary, in its order, as numbers this worker gave its words. */
  readonly ids: Uint32Array;
  /** Words sent for the first time by this worker, numbered on from the last one it sent. */
  readonly newWords: string[];
}

/** The worker's side: numbers words in the order it first sends them. */
export class WordSender {
  private readonly ids = new Map<string, number>();

  send(vocabulary: readonly string[]): SentVocabulary {
    const ids = new Uint32Array(vocabulary.length);
    const newWords: string[] = [];
    vocabulary.forEach((word, i) => {
      let id = this.ids.get(word);
      if (id === undefined) {
        id = this.ids.size;
        this.ids.set(word, id);
        newWords.push(word);
      }
      ids[i] = id;
    });
    return { ids, newWords };
  }
}

/** The pool's side, one per worker (a new worker starts numbering again): the words back from their numbers. */
export class WordReceiver {
  private readonly words: string[] = [];

  receive({ ids, newWords }: SentVocabulary): string[] {
    for (const word of newWords) this.words.push(word);
    return Array.from(ids, id => this.words[id]);
  }
}
