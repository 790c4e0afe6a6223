/** What a pair of query words found swapped in an entry counts for, against one found in the query's order. */
const SWAPPED_PAIR = 0.5;
/** The most query word pairs counted per entry (one bit each). */
const COUNTED_PAIRS = 30;
/** The forms of a query word looked for side by side with its neighbours: the closest few. */
const FORMS_PER_WORD = 8;

/** A pair of query positions looked for side by side: `first` then `second` as the text reads. */
interface Pair {
  readonly second: number;
  /** Its place among the counted pairs (which one a text position counts for), or -1 when not counted. */
  readonly counted: number;
  /** In the query's order and holding an indexed word: such a pair alone lets an entry be weighed. */
  readonly deciding: boolean;
}

/**
 * Query words next to their neighbours as raw text can spell them ("our countries", "countries in"): indexed
 * words by any form they stand for (typo variants, inflections), stop words as typed, with an apostrophe where
 * English contracts ("were" for "we’re"). An entry is weighed when it holds a pair, in the query's order, that
 * holds an indexed word (pairs of two stop words say nothing alone); the weight counts the distinct pairs it
 * holds, stop words' too, so the entry that runs on with the query ("think there should be a") outranks the
 * hundreds that share one pair.
 *
 * This was one regular expression per query run over each of up to 30,000 entries (`\b(?:a\W+b|…)\b`, case
 * folded): the text is now read once, word by word, and each word looked up among the query's forms by a hash
 * of its letters, which finds the same pairs at a fraction of the cost. A word is a run of ASCII letters, digits
 * and underscores, as `\w` reads it, and a form matches a word case-folded; a contracted form also matches two
 * runs with one apostrophe between them where `spelled` puts it ("we’re", "don't").
 */
export class NeighbourPairs {
  /** Per text, the form slot each run matches alone, and joined with the next run over an apostrophe. */
  private single = new Int32Array(64);
  private joined = new Int32Array(64);

  private constructor(private readonly forms: FormTable, private readonly pairsFrom: readonly (readonly Pair[])[], private readonly weights: readonly number[]) {}

  static of(queryWords: readonly string[], terms: readonly { word: string; forms: Map<string, number> }[]): NeighbourPairs | undefined {
    const byWord = new Map(terms.map(term => [term.word, term]));
    const positions = queryWords.map(word => {
      const forms = byWord.get(word)?.forms;
      if (!forms?.size) return { indexed: false, forms: [word] };
      return { indexed: true, forms: [...forms].sort((a, b) => b[1] - a[1]).slice(0, FORMS_PER_WORD).map(([form]) => form) };
    });
    const pairsFrom: Pair[][] = positions.map(() => []);
    const weights: number[] = [];
    let deciding = 0;
    for (let i = 1; i < positions.length; i++) {
      const indexed = positions[i - 1].indexed || positions[i].indexed;
      const inOrder = weights.length < COUNTED_PAIRS ? weights.push(1) - 1 : -1;
      pairsFrom[i - 1].push({ second: i, counted: inOrder, deciding: indexed });
      if (indexed) deciding++;
      if (indexed && weights.length < COUNTED_PAIRS) pairsFrom[i].push({ second: i - 1, counted: weights.push(SWAPPED_PAIR) - 1, deciding: false });
    }
    if (!deciding) return undefined;
    const table = new FormTable();
    positions.forEach(({ forms }, position) => forms.forEach(form => table.add(form, position)));
    return new NeighbourPairs(table, pairsFrom, weights);
  }

  /**
   * The weight of the distinct pairs `text` holds, in order 1 and swapped SWAPPED_PAIR each (at each place in
   * the text, the first pair of the query that starts there counts); undefined when it holds no deciding pair.
   */
  weightIn(text: string): number | undefined {
    const runs = this.readRuns(text);
    const { single, joined } = this;
    let any = false, seen = 0, sum = 0;
    for (let run = 0; run < runs; run++) {
      let first = COUNTED_PAIRS;
      // A pair starts with a form matching this run alone, or this run and the next joined by an apostrophe.
      for (let width = 1; width <= 2; width++) {
        const slot = width === 1 ? single[run] : joined[run];
        if (slot < 0) continue;
        const next = run + width;
        const nextSingle = next < runs ? single[next] : -1, nextJoined = next < runs ? joined[next] : -1;
        if (nextSingle < 0 && nextJoined < 0) continue;
        for (const position of this.forms.positions[slot]) {
          for (const pair of this.pairsFrom[position]) {
            if (!this.forms.matches(nextSingle, pair.second) && !this.forms.matches(nextJoined, pair.second)) continue;
            if (pair.deciding) any = true;
            if (pair.counted >= 0 && pair.counted < first) first = pair.counted;
          }
        }
      }
      if (first < COUNTED_PAIRS && !(seen & (1 << first))) {
        seen |= 1 << first;
        sum += this.weights[first];
      }
    }
    return any ? sum : undefined;
  }

  /** Splits `text` into runs of word characters and fills `single` and `joined`; returns the number of runs. */
  private readRuns(text: string): number {
    const forms = this.forms;
    let runs = 0;
    let previousStart = -1, previousEnd = -1, previousHash = 0;
    for (let at = 0; at < text.length; ) {
      let code = text.charCodeAt(at);
      if (!isWordCode(code)) {
        at++;
        continue;
      }
      const start = at;
      let hash = 0;
      do {
        hash = Math.imul(hash, HASH_BASE) + lower(code) | 0;
        code = ++at < text.length ? text.charCodeAt(at) : 0;
      } while (at < text.length && isWordCode(code));
      if (runs === this.single.length) {
        this.single = grown(this.single);
        this.joined = grown(this.joined);
      }
      this.single[runs] = forms.find(text, hash, start, at, -1, 0);
      this.joined[runs] = -1;
      // The run before and this one, over exactly one apostrophe: a contraction ("we’re") reads as one word.
      if (runs > 0 && previousEnd === start - 1 && isApostrophe(text.charCodeAt(previousEnd)) && forms.contracted) {
        const joinedHash = Math.imul(previousHash, power(at - start)) + hash | 0;
        this.joined[runs - 1] = forms.find(text, joinedHash, previousStart, at, previousEnd, previousEnd - previousStart);
      }
      previousStart = start;
      previousEnd = at;
      previousHash = hash;
      runs++;
    }
    return runs;
  }
}

const HASH_BASE = 31;
const isWordCode = (code: number) => (code >= 97 && code <= 122) || (code >= 65 && code <= 90) || (code >= 48 && code <= 57) || code === 95;
const lower = (code: number) => (code >= 65 && code <= 90 ? code + 32 : code);
const isApostrophe = (code: number) => code === 39 || code === 0x2019;
const grown = (array: Int32Array) => {
  const larger = new Int32Array(array.length * 2);
  larger.set(array);
  return larger;
};

function power(exponent: number): number {
  let result = 1;
  for (let i = 0; i < exponent; i++) result = Math.imul(result, HASH_BASE);
  return result;
}

/** The query's forms by a hash of their letters (open addressing), each with the query positions it stands for. */
class FormTable {
  private keys: string[] = [];
  private hashes: number[] = [];
  /** Where a form may take an apostrophe (see `apostropheAt`), 0 if nowhere. */
  private cuts: number[] = [];
  readonly positions: number[][] = [];
  private slots = new Int32Array(0);
  /** Whether any form may match two runs joined by an apostrophe. */
  contracted = false;

  add(form: string, position: number): void {
    let slot = this.keys.indexOf(form);
    if (slot < 0) {
      slot = this.keys.length;
      this.keys.push(form);
      let hash = 0;
      for (let i = 0; i < form.length; i++) hash = Math.imul(hash, HASH_BASE) + form.charCodeAt(i) | 0;
      this.hashes.push(hash);
      this.cuts.push(apostropheAt(form));
      if (this.cuts[slot] > 0) this.contracted = true;
      this.positions.push([]);
      this.rebuild();
    }
    if (!this.positions[slot].includes(position)) this.positions[slot].push(position);
  }

  /** Whether the form in `slot` (-1: none) stands for query `position`. */
  matches(slot: number, position: number): boolean {
    return slot >= 0 && this.positions[slot].includes(position);
  }

  /**
   * The slot of the form that `text[start, end)`, case-folded, spells, -1 if none. With an apostrophe at
   * `skip` (else -1), the form must take one there: `cut` letters come before it.
   */
  find(text: string, hash: number, start: number, end: number, skip: number, cut: number): number {
    const length = end - start - (skip >= 0 ? 1 : 0);
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] - 1;
      if (slot < 0) return -1;
      if (this.hashes[slot] !== hash) continue;
      const key = this.keys[slot];
      if (key.length !== length || (skip >= 0 && this.cuts[slot] !== cut)) continue;
      let i = 0;
      for (let from = start; from < end; from++) {
        if (from === skip) continue;
        if (lower(text.charCodeAt(from)) !== key.charCodeAt(i++)) break;
        if (i === length) return slot;
      }
    }
  }

  private rebuild(): void {
    let size = 16;
    while (size < this.keys.length * 4) size *= 2;
    this.slots = new Int32Array(size);
    this.keys.forEach((_, slot) => {
      let at = this.hashes[slot] & (size - 1);
      while (this.slots[at]) at = (at + 1) & (size - 1);
      this.slots[at] = slot + 1;
    });
  }
}

/**
 * Where English puts an apostrophe in a folded word: before "re", "ve", "ll", or before a final s, t, d or m
 * ("were" is "we’re", "dont" is "don’t", "im" is "I’m", "americas" is "America’s"); 0 for none.
 */
function apostropheAt(word: string): number {
  return /(?:re|ve|ll)$/.test(word) ? word.length - 2 : word.length > 1 && /[stdm]$/.test(word) ? word.length - 1 : 0;
}

/**
 * A folded word as raw text may spell it, with an apostrophe where English contracts ("dont" is "don’t", "im"
 * is "I’m", "youre" is "you’re", "americas" is "America’s"). One optional apostrophe between every letter
 * costs irregexp a hundred times more to compile and ten times more to run.
 */
export function spelled(word: string): string {
  const cut = apostropheAt(word);
  return cut > 0 ? `${escapeRegExp(word.slice(0, cut))}['’]?${escapeRegExp(word.slice(cut))}` : escapeRegExp(word);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
