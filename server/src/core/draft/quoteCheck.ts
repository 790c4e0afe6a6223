import type { CorpusIndex } from '../corpus/corpusIndex';
import { findDraftQuotations, type DraftQuotation } from './draftQuotes';
import type { QuoteKind, Span } from '../model';
import type { SearchEntry } from '../search/quoteSearch';
import { alignWords, CHANGED_WORD, wordsOf, type Alignment, type Word } from './wordAlignment';

/** Where the corpus has a draft's quotation. */
export interface QuoteSource {
  readonly uri: string;
  /** The passage in the corpus document (a quotation, or a sentence of the document's own text). */
  readonly span: Span;
  /** The corpus wording of the part the draft quotes. */
  readonly exact: string;
  readonly speaker: string | null;
  /** Who relayed the words when the speaker was quoted by someone else. */
  readonly via?: string;
  /** How the document gives the words: `narration` is the writer's own text, `reported` is indirect speech. */
  readonly kind: QuoteKind | 'narration';
  readonly date: string | null;
  readonly title: string;
}

/** One way a quotation's wording differs from its source. */
export interface WordingDifference {
  /** The draft's words ("" when the draft dropped words); `span` is where they are, or where words are missing. */
  readonly quoted: string;
  readonly source: string;
  readonly span: Span;
}

export type Attribution =
  /** Given to the person the corpus gives it to. */
  | 'matches'
  /** Given to someone else. */
  | 'wrong'
  /** Given to the person who quoted the speaker ("Qin, quoting Xi, said ..."). */
  | 'relayed'
  /** The corpus has the words as reported speech or the writer's narration, not as the speaker's own words. */
  | 'notQuoted'
  /** The draft names nobody. */
  | 'none';

export interface QuoteCheck {
  readonly quotation: DraftQuotation;
  /** verbatim/reworded: found; unsourced: attributed to someone the corpus knows, but not found. */
  readonly wording: 'verbatim' | 'reworded' | 'unsourced';
  readonly attribution: Attribution;
  readonly source?: QuoteSource;
  /** The draft's quoted words, first to last: what "Use the exact wording" replaces with `source.exact`. */
  readonly quotedWords?: Span;
  readonly differences: WordingDifference[];
}

/** Shorter attributed quotations are names and phrases; shorter unattributed ones are scare quotes. */
const MIN_ATTRIBUTED_WORDS = 2;
const MIN_UNATTRIBUTED_WORDS = 6;
/** Below this many words only verbatim matches count: a short phrase with a changed word is another phrase. */
const MIN_FUZZY_WORDS = 5;
/** A shorter quotation found in someone else's words is a shared phrase, no evidence of misattribution. */
const MIN_MISATTRIBUTED_WORDS = 6;
const MIN_UNSOURCED_WORDS = 5;
const MAX_QUOTED_WORDS = 400;
const MAX_SOURCE_WORDS = 3000;
const CANDIDATES = 16;
const CACHE_LIMIT = 20_000;

interface Found {
  readonly source: QuoteSource;
  readonly speakerNames: readonly string[];
  readonly alignment: Alignment;
  readonly sourceWords: readonly Word[];
  readonly passage: string;
}

/**
 * Checks a draft's quotations against the corpus: is each found, verbatim or with other words, and is it given
 * to the right person. Results per quotation are cached until the corpus changes, so re-checking a draft as
 * its writer types costs only the quotations that changed.
 */
export class QuoteChecker {
  private cache = new Map<string, Found | null>();
  private cachedVersion = -1;

  constructor(private readonly index: CorpusIndex) {}

  check(text: string): QuoteCheck[] {
    if (this.cachedVersion !== this.index.version || this.cache.size > CACHE_LIMIT) {
      this.cache.clear();
      this.cachedVersion = this.index.version;
    }
    const checks: QuoteCheck[] = [];
    for (const quotation of findDraftQuotations(text, (t, start, end) => this.index.findNames(t, start, end))) {
      const check = this.checkQuotation(text, quotation);
      if (check) checks.push(check);
    }
    return checks;
  }

  private checkQuotation(text: string, quotation: DraftQuotation): QuoteCheck | undefined {
    const attributed = !!quotation.attribution;
    if (quotation.words < (attributed ? MIN_ATTRIBUTED_WORDS : MIN_UNATTRIBUTED_WORDS) || quotation.words > MAX_QUOTED_WORDS) return undefined;
    const quoted = wordsOf(text, quotation.content.start, quotation.content.end);
    const attribution = quotation.attribution;
    // When several people said the same words, the draft's speaker's source is the one to show.
    const isDraftSpeaker = (name: string | null | undefined) =>
      !!name && !!attribution && (attribution.people.length ? attribution.people.includes(name) : name.toLowerCase() === attribution.form.toLowerCase());
    const key = `${quoted.map(word => word.key).join(' ')}\u0000${attribution ? attribution.people.join('|') || attribution.form : ''}`;
    let found = this.cache.get(key);
    if (found === undefined) {
      found = this.find(quoted, isDraftSpeaker) ?? null;
      this.cache.set(key, found);
    }
    if (!found) {
      // Not found: worth saying only when the draft puts a statement (not a phrase or the title of a work) in
      // the mouth of someone the corpus knows.
      if (!quotation.attribution?.people.length || quotation.words < MIN_UNSOURCED_WORDS || isTitleCase(quotation.text)) return undefined;
      return { quotation, wording: 'unsourced', attribution: 'none', differences: [] };
    }
    const { source, alignment, sourceWords, passage } = found;
    const differences = alignment.differences.map(difference => {
      const [qStart, qEnd] = difference.quoted, [sStart, sEnd] = difference.source;
      const at = qStart < quoted.length ? quoted[qStart].span.start : quoted[quoted.length - 1].span.end;
      return {
        quoted: qEnd > qStart ? text.slice(quoted[qStart].span.start, quoted[qEnd - 1].span.end) : '',
        source: sEnd > sStart ? passage.slice(sourceWords[sStart].span.start, sourceWords[sEnd - 1].span.end) : '',
        span: qEnd > qStart ? { start: quoted[qStart].span.start, end: quoted[qEnd - 1].span.end } : { start: at, end: at },
      };
    });
    return {
      quotation,
      wording: alignment.cost === 0 ? 'verbatim' : 'reworded',
      attribution: this.attributionOf(quotation, found, isDraftSpeaker),
      source,
      quotedWords: { start: quoted[0].span.start, end: quoted[quoted.length - 1].span.end },
      differences,
    };
  }

  /** Where the corpus has a sentence of a draft, if it has it within a few changed words. */
  sourceOf(text: string): QuoteSource | undefined {
    const quoted = wordsOf(text);
    if (quoted.length < MIN_UNATTRIBUTED_WORDS || quoted.length > MAX_QUOTED_WORDS) return undefined;
    return this.find(quoted, () => false)?.source;
  }

  /** The closest passage of the corpus within the words a misquote may change, if any. */
  private find(quoted: readonly Word[], isDraftSpeaker: (name: string | null) => boolean): Found | undefined {
    // Up to a changed word in four (a dropped word counts a third of a changed one).
    const maxCost = quoted.length >= MIN_FUZZY_WORDS ? CHANGED_WORD * Math.max(1, Math.floor(quoted.length / 4)) : 0;
    const phrase = quoted.map(word => word.key).join(' ');
    const seen = new Set<string>();
    let best: Found | undefined;
    for (const entry of this.index.passagesContaining(phrase, CANDIDATES)) {
      const passage = this.passageOf(entry);
      const id = `${entry.uri}#${passage.span.start}`;
      if (seen.has(id)) continue;
      seen.add(id);
      const sourceWords = wordsOf(passage.text).slice(0, MAX_SOURCE_WORDS);
      const alignment = alignWords(quoted, sourceWords);
      if (alignment.cost > maxCost || alignment.sourceEnd <= alignment.sourceStart) continue;
      const candidate: Found = {
        source: {
          uri: entry.uri,
          span: passage.span,
          exact: passage.text.slice(sourceWords[alignment.sourceStart].span.start, sourceWords[alignment.sourceEnd - 1].span.end),
          speaker: entry.speaker,
          via: passage.via && this.index.canonicalName(passage.via),
          kind: passage.kind,
          date: entry.date,
          title: entry.documentTitle,
        },
        speakerNames: entry.speakerNames,
        alignment,
        sourceWords,
        passage: passage.text,
      };
      if (!best || isBetter(candidate, best, isDraftSpeaker)) best = candidate;
    }
    return best;
  }

  /** A search entry's whole passage: the quotation it is part of, or the sentence itself. */
  private passageOf(entry: SearchEntry): { text: string; span: Span; kind: QuoteKind | 'narration'; via?: string } {
    const quote = this.index.quotationOf(entry);
    return quote ? { text: quote.text, span: quote.span, kind: quote.kind, via: quote.via } : { text: entry.text, span: entry.span, kind: entry.isQuote ? 'direct' : 'narration' };
  }

  private attributionOf(quotation: DraftQuotation, found: Found, isDraftSpeaker: (name: string | null | undefined) => boolean): Attribution {
    const attribution = quotation.attribution;
    if (!attribution) return 'none';
    const { source } = found;
    // A name the corpus does not list as a person may still be one of the speaker's aliases.
    const speakerMatches = isDraftSpeaker(source.speaker) || (!attribution.people.length && found.speakerNames.some(isDraftSpeaker));
    if (source.speaker && !speakerMatches) {
      const coversPassage = quotation.words >= 0.8 * found.sourceWords.length;
      if (quotation.words < MIN_MISATTRIBUTED_WORDS && !coversPassage) return 'none';
      return isDraftSpeaker(source.via) ? 'relayed' : 'wrong';
    }
    if (source.kind === 'reported' || source.kind === 'narration') return 'notQuoted';
    return 'matches';
  }
}

/** "The Art of War", "Gone with the Wind": every word capitalized but the small ones. */
function isTitleCase(text: string): boolean {
  const words = text.match(/[\p{L}’']+/gu) ?? [];
  return words.length > 0 && words.every((word, i) => /^\p{Lu}/u.test(word) || (i > 0 && /^(?:of|the|and|with|in|on|a|an|for|to|at|by|from)$/.test(word)));
}

const KIND_RANK: Record<QuoteSource['kind'], number> = { direct: 0, fragment: 0, speech: 0, transcript: 0, reported: 1, narration: 2 };

const contains = (outer: Span, inner: Span) => outer.start <= inner.start && inner.end <= outer.end && (outer.start !== inner.start || outer.end !== inner.end);

/**
 * Fewer changed words first; then the innermost quotation; then the draft's speaker; then the speaker's own words over reports of them; then
 * the earliest source.
 */
function isBetter(a: Found, b: Found, isDraftSpeaker: (name: string | null) => boolean): boolean {
  if (a.alignment.cost !== b.alignment.cost) return a.alignment.cost < b.alignment.cost;
  // Words quoted inside a quotation ("As Deng once said, '...'") belong to the inner speaker.
  if (a.source.uri === b.source.uri && a.source.span !== b.source.span) {
    if (contains(b.source.span, a.source.span)) return true;
    if (contains(a.source.span, b.source.span)) return false;
  }
  const aSpeaker = isDraftSpeaker(a.source.speaker) || isDraftSpeaker(a.source.via ?? null), bSpeaker = isDraftSpeaker(b.source.speaker) || isDraftSpeaker(b.source.via ?? null);
  if (aSpeaker !== bSpeaker) return aSpeaker;
  if (KIND_RANK[a.source.kind] !== KIND_RANK[b.source.kind]) return KIND_RANK[a.source.kind] < KIND_RANK[b.source.kind];
  return (a.source.date ?? '9999') < (b.source.date ?? '9999');
}
