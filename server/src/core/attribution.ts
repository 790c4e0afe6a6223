import { REPORTING_VERB_SET, ROLE_HEADS } from './lexicon';
import type { PeopleInDocument } from './people';
import { firstAfter } from './spans';
import { isCapitalized, type Token } from './tokens';

/** Who is being talked about at this point of the document, for pronouns and "the ambassador". */
export class SpeakerContext {
  private current: string | undefined;
  /** `upcoming` names the next person the text shows speaking, for "A senior diplomat said ..." before the name. */
  constructor(private readonly people: PeopleInDocument, private readonly upcoming: (offset: number) => string | undefined = () => undefined) {}

  /** The first person named between two offsets. */
  firstNamedIn(start: number, end: number): string | undefined {
    const mention = this.people.mentions[firstAfter(this.people.mentions, start - 1)];
    return mention && mention.span.end <= end ? mention.person : undefined;
  }

  get speaker(): string | undefined {
    return this.current;
  }

  set speaker(name: string | undefined) {
    if (name) this.current = name;
  }

  /**
   * Resolves the subject of a reporting verb: a name or title + name, a pronoun, or a definite description
   * ("the ambassador", "the Chinese official").
   */
  resolveSubject(tokens: readonly Token[]): string | undefined {
    if (tokens.length === 0 || tokens.length > 8) return undefined;
    // "Secretary Blinken and Foreign Minister Çavuşoğlu discussed ...": the first named leads.
    const and = tokens.findIndex((token, i) => i > 0 && token.lower === 'and');
    if (and > 0) return this.resolveSubject(tokens.slice(0, and));
    const words = tokens.map(t => t.text);
    const lower = words.map(w => w.toLowerCase());
    if (tokens.length === 1 && /^(?:he|she)$/.test(lower[0])) return this.current;
    const named = this.people.resolve(words.join(' '));
    if (named) return named;
    // "Vice-Foreign Minister Le Yucheng" and "the Chinese Foreign Ministry's Yang": the name is the tail.
    for (let i = 1; i < words.length; i++) {
      if (!isCapitalized(words[i])) continue;
      const tail = this.people.resolve(words.slice(i).join(' '));
      if (tail) return tail;
    }
    const head = lower[lower.length - 1];
    const describesOfficial = ROLE_HEADS.has(head) || head.split('-').some(part => ROLE_HEADS.has(part)) || /^(?:official|diplomat|spokesperson|envoy|minister|ambassador|source)$/.test(head);
    if ((lower[0] === 'a' || lower[0] === 'an') && describesOfficial) return this.current ?? this.upcoming(tokens[0].start);
    if (lower[0] === 'the' || lower[0] === 'this' || lower[0] === 'that') {
      const byRole = this.people.resolveByRole(lower.join(' '));
      if (byRole) return byRole;
      if (describesOfficial) return this.current ?? this.upcoming(tokens[0].start);
    }
    return undefined;
  }
}

const VERB_AFTER_ADVERB = /^(?:also|further|then|later|once|again|repeatedly|earlier|previously|recently|specifically|clearly|firmly|strongly)$/;

export interface ReportingClause {
  /** Index of the first token of the verb. */
  readonly verb: number;
  /** Number of tokens of the verb ("pointed out" is two). */
  readonly verbLength: number;
  /** Tokens of the subject before the verb. */
  readonly subject: Token[];
}

/** Finds `subject (adverb) verb` in tokens; the subject runs back to the clause start (comma or start). */
export function findReportingClause(tokens: readonly Token[], from = 0, to = tokens.length): ReportingClause | undefined {
  for (let i = from; i < to; i++) {
    const length = verbLengthAt(tokens, i);
    if (!length) continue;
    let subjectEnd = i;
    if (subjectEnd > from && VERB_AFTER_ADVERB.test(tokens[subjectEnd - 1].lower)) subjectEnd--;
    let subjectStart = subjectEnd;
    while (subjectStart > from && subjectEnd - subjectStart < 8 && !/[,;:()"“”—–]/.test(tokens[subjectStart].gap)) subjectStart--;
    if (subjectStart === subjectEnd) continue;
    return { verb: i, verbLength: length, subject: tokens.slice(subjectStart, subjectEnd) as Token[] };
  }
  return undefined;
}

export function verbLengthAt(tokens: readonly Token[], i: number): number {
  const one = tokens[i]?.lower;
  if (!one) return 0;
  const next = tokens[i + 1];
  if (next && /^\s+$/.test(next.gap) && REPORTING_VERB_SET.has(`${one} ${next.lower}`)) return 2;
  return REPORTING_VERB_SET.has(one) ? 1 : 0;
}
