/** A growable Int32Array: entry ids and their document slots, without an object per entry. */
export class IntList {
  private data = new Int32Array(1024);
  length = 0;
  push(value: number): void {
    if (this.length === this.data.length) {
      const grown = new Int32Array(this.data.length * 2);
      grown.set(this.data);
      this.data = grown;
    }
    this.data[this.length++] = value;
  }
  get(index: number): number {
    return this.data[index];
  }
  /** The backing array, for tight loops; replaced when the list grows, so never kept across a push. */
  get values(): Int32Array {
    return this.data;
  }
}

/** The fewest ids added since the last seal that make a new seal worth its copy. */
const SEAL_AT = 1 << 20;
const NO_IDS: readonly number[] = [];

/**
 * Entry ids per vocabulary word, ascending. Most are sealed into one Int32Array by word (4 bytes an id, against
 * 8 and an array per word for plain arrays); ids added since live in small arrays until they are worth a new
 * seal (half as many as are sealed), and a full pass ends sealed (`seal` from warm-up).
 */
export class Postings {
  private sealed = new Int32Array(0);
  /** Word w's sealed ids are sealed[starts[w] .. starts[w + 1]); words from sealedWords on have none. */
  private starts = new Int32Array(1);
  private sealedWords = 0;
  private open: (number[] | undefined)[] = [];
  private openCount = 0;

  add(word: number, id: number): void {
    const list = this.open[word];
    if (list) list.push(id);
    else this.open[word] = [id];
    this.openCount++;
  }

  count(word: number): number {
    return this.sealedCount(word) + (this.open[word]?.length ?? 0);
  }

  /** The word's ids, ascending: a view of the sealed ids when nothing was added since. */
  ids(word: number): Int32Array | readonly number[] {
    const open = this.open[word];
    const sealed = this.sealedCount(word);
    if (sealed === 0) return open ?? NO_IDS;
    const view = this.sealed.subarray(this.starts[word], this.starts[word + 1]);
    if (!open) return view;
    const all = new Array<number>(sealed + open.length);
    for (let i = 0; i < sealed; i++) all[i] = view[i];
    for (let i = 0; i < open.length; i++) all[sealed + i] = open[i];
    return all;
  }

  get unsealed(): number {
    return this.openCount;
  }

  get size(): number {
    return this.sealed.length + this.openCount;
  }

  /** Seals when enough was added since the last seal, so the copying stays proportional to what is added. */
  settle(): void {
    if (this.openCount >= Math.max(SEAL_AT, this.sealed.length / 2)) this.seal();
  }

  /** Everything into one sealed array; `keep` drops ids (removed entries) on the way. */
  seal(keep?: (id: number) => boolean): void {
    const words = Math.max(this.sealedWords, this.open.length);
    const starts = new Int32Array(words + 1);
    let total = 0;
    for (let w = 0; w < words; w++) {
      starts[w] = total;
      if (keep) {
        for (const id of this.ids(w)) if (keep(id)) total++;
      } else total += this.count(w);
    }
    starts[words] = total;
    const sealed = new Int32Array(total);
    let at = 0;
    for (let w = 0; w < words; w++) {
      // Sealed ids all precede the ids added since (ids only grow), so both parts copy in order.
      const from = this.sealedCount(w) ? this.starts[w] : 0, to = from + this.sealedCount(w);
      for (let i = from; i < to; i++) if (!keep || keep(this.sealed[i])) sealed[at++] = this.sealed[i];
      for (const id of this.open[w] ?? NO_IDS) if (!keep || keep(id)) sealed[at++] = id;
    }
    this.sealed = sealed;
    this.starts = starts;
    this.sealedWords = words;
    this.open = [];
    this.openCount = 0;
  }

  private sealedCount(word: number): number {
    return word < this.sealedWords ? this.starts[word + 1] - this.starts[word] : 0;
  }
}
