/** What a pair of query words found swapped in an entry counts for, against one found in the query's order. */
const SWAPPED_PAIR = 0.5;
/** The most query word pairs counted per entry (one bit each). */
const COUNTED_PAIRS = 30;

/**
 * Query words next to their neighbours as raw text can spell them ("our countries", "countries in"): indexed
 * words by any form they stand for (typo variants, inflections), stop words as typed, with an apostrophe where
 * English contracts ("were" for "we’re"). `any` finds entries with a pair, in the query's order, that holds an
 * indexed word (pairs of two stop words say nothing alone); `pairsIn` then weighs the distinct pairs an entry holds, stop words' too, so the
 * entry that runs on with the query ("think there should be a") outranks the hundreds that share one pair.
 */
export class NeighbourPairs {
  private constructor(readonly any: RegExp, private readonly counter: RegExp, private readonly weights: readonly number[]) {}

  static of(queryWords: readonly string[], terms: readonly { word: string; forms: Map<string, number> }[]): NeighbourPairs | undefined {
    const byWord = new Map(terms.map(term => [term.word, term]));
    const alternatives = queryWords.map(word => {
      const forms = byWord.get(word)?.forms;
      if (!forms?.size) return { indexed: false, pattern: spelled(word) };
      const best = [...forms].sort((a, b) => b[1] - a[1]).slice(0, FORMS_PER_WORD).map(([form]) => spelled(form));
      return { indexed: true, pattern: `(?:${best.join('|')})` };
    });
    const deciding: string[] = [], counted: string[] = [], weights: number[] = [];
    for (let i = 1; i < alternatives.length; i++) {
      const a = alternatives[i - 1], b = alternatives[i];
      const inOrder = `${a.pattern}\\W+${b.pattern}`, swapped = `${b.pattern}\\W+${a.pattern}`;
      if (a.indexed || b.indexed) deciding.push(inOrder);
      if (counted.length < COUNTED_PAIRS) {
        counted.push(inOrder);
        weights.push(1);
      }
      if ((a.indexed || b.indexed) && counted.length < COUNTED_PAIRS) {
        counted.push(swapped);
        weights.push(SWAPPED_PAIR);
      }
    }
    if (!deciding.length) return undefined;
    return new NeighbourPairs(new RegExp(`\\b(?:${deciding.join('|')})\\b`, 'i'), new RegExp(`\\b(?:${counted.map(pair => `(${pair})`).join('|')})\\b`, 'gi'), weights);
  }

  /** The weight of the distinct pairs in `text`: a pair in order counts 1, swapped SWAPPED_PAIR. */
  pairsIn(text: string): number {
    const counter = this.counter;
    counter.lastIndex = 0;
    let seen = 0, sum = 0;
    for (let match = counter.exec(text); match; match = counter.exec(text)) {
      for (let group = 1; group < match.length; group++) {
        if (match[group] === undefined) continue;
        if (!(seen & (1 << group))) {
          seen |= 1 << group;
          sum += this.weights[group - 1];
        }
        break;
      }
      // Pairs overlap ("think there", "there should"): the next one may start at the next word.
      counter.lastIndex = match.index + 1;
    }
    return sum;
  }
}

/** The forms of a query word looked for side by side with its neighbours: the closest few. */
const FORMS_PER_WORD = 8;

/**
 * A folded word as raw text may spell it, with an apostrophe where English contracts ("dont" is "don’t", "im"
 * is "I’m", "youre" is "you’re", "americas" is "America’s"). One optional apostrophe between every letter
 * costs irregexp a hundred times more to compile and ten times more to run.
 */
export function spelled(word: string): string {
  const cut = /(?:re|ve|ll)$/.test(word) ? word.length - 2 : word.length > 1 && /[stdm]$/.test(word) ? word.length - 1 : 0;
  return cut > 0 ? `${escapeRegExp(word.slice(0, cut))}['’]?${escapeRegExp(word.slice(cut))}` : escapeRegExp(word);
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
