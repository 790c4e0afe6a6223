/**
 * Who the gold says spoke, in a form a predicted speaker can be compared with: a person's name, a description
 * ("a source", "officials", "the campaign"), or a pronoun resolved through CoreNLP's coreference.
 */
import { surnameOf } from '../../server/src/core/understand/people';
import { samePerson } from '../../test/core/goldScore';
import type { AnnotatedSpan, GoldAttribution, Segment } from './brat';
import { tokensWithin, type CoreDocument, type CoreMention } from './corenlp';

/** What the annotated source span is. */
export type SourceForm = 'name' | 'pronoun' | 'description';

export interface GoldSpeaker {
  readonly form: SourceForm;
  /** People the source names (the antecedent's, for a pronoun); empty for a description. */
  readonly names: readonly string[];
  /** The words of a description source (or of the pronoun's antecedent when it is one). */
  readonly description?: string;
  /** People a description's coreference chain names ("the governor" → her name): that person is right too. */
  readonly referents?: readonly string[];
  /** A pronoun whose antecedent CoreNLP did not find: not scored, counted apart. */
  readonly unresolved?: boolean;
  /** What the speaker was compared with, for the sample lines ("he → Ana Ruiz"). */
  readonly shown: string;
}

/** What the extractor says (or will say, with `speakerKind`) about a quotation's speaker. */
export interface PredictedSpeaker {
  readonly speaker: string | null;
  readonly speakerKind?: 'person' | 'organisation' | 'unnamed';
}

const PRONOUNS = new Set(['he', 'she', 'they', 'him', 'her', 'them', 'his', 'hers', 'their', 'theirs', 'it', 'its', 'we', 'us', 'our', 'i', 'me', 'my', 'you', 'your', 'who', 'whom', 'this', 'that', 'one', 'himself', 'herself', 'themselves']);
const isPronoun = (text: string) => PRONOUNS.has(text.trim().toLowerCase());

/** Spans as written in the text, "’s" dropped, whitespace folded. */
const clean = (text: string, segment: Segment) => text.slice(segment.start, segment.end).replace(/['’]s$/, '').replace(/\s+/g, ' ').trim();

/** Titles that samePerson would read as a first name ("Ms. Ruiz" against "Ana Ruiz"). */
const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Sen|Rep|Gov|Gen|Prof)\.?\s+/;

/** Runs of capitalized words ("Ana Ruiz, a professor at Lake State University" gives both). */
function capitalizedRuns(text: string, segment: Segment): string[] {
  const runs = text.slice(segment.start, segment.end).match(/(?:\p{Lu}[\p{L}.'’-]+\s?)+/gu) ?? [];
  return runs.map(run => run.replace(/['’]s$/, '').replace(HONORIFIC, '').trim()).filter(run => !/^(?:The|A|An)$/.test(run));
}

/**
 * Person names inside a span: maximal runs of CoreNLP PERSON tokens that do not modify a noun. A transcript label
 * in capitals ("HOST") that CoreNLP tags as nothing is a name too. Without CoreNLP, runs of capitalized words
 * stand in.
 */
function namesIn(text: string, segments: readonly Segment[], core: CoreDocument | undefined): string[] {
  if (!core) return segments.flatMap(s => capitalizedRuns(text, s));
  const names: string[] = [];
  for (const segment of segments) {
    const indices = tokensWithin(core, segment.start, segment.end);
    for (let i = 0; i < indices.length; i++) {
      if (core.tokens[indices[i]].ner !== 'PERSON') continue;
      let last = i;
      while (last + 1 < indices.length && core.tokens[indices[last + 1]].ner === 'PERSON') last++;
      // A name that modifies a noun names someone else ("a Ruiz campaign event", "another Ruiz spokesman",
      // "Ruiz's spokeswoman"); a bare possessive ("Ruiz's" as a whole mention) still names the person.
      const next = last + 1 < indices.length ? core.tokens[indices[last + 1]] : undefined;
      const modifier = next !== undefined && (/^(?:NNS?|JJ)$/.test(next.pos) || (next.pos === 'POS' && last + 2 < indices.length));
      if (!modifier) names.push(clean(text, { start: core.tokens[indices[i]].start, end: core.tokens[indices[last]].end }).replace(HONORIFIC, ''));
      i = last;
    }
    const words = clean(text, segment);
    if (!names.length && /^\p{Lu}{3,}$/u.test(words) && indices.every(t => core.tokens[t].ner === 'O')) names.push(words);
  }
  return names;
}

/**
 * The people a coreference mention names: those in its head and pre-modifiers ("Ana Ruiz" of "Ana Ruiz, who
 * ran the party under Governor Lee").
 */
const namesOfMention = (text: string, mention: CoreMention, core: CoreDocument) => namesIn(text, [{ start: mention.start, end: mention.headEnd }], core);

/** Everyone CoreNLP tags PERSON anywhere in the document, by lower-cased surname. */
const peopleCache = new WeakMap<CoreDocument, Map<string, Set<string>>>();
function peopleBySurname(text: string, core: CoreDocument): Map<string, Set<string>> {
  let people = peopleCache.get(core);
  if (people) return people;
  people = new Map();
  for (const name of namesIn(text, [{ start: 0, end: text.length }], core)) {
    const key = surnameOf(name).toLowerCase();
    people.set(key, (people.get(key) ?? new Set()).add(name));
  }
  peopleCache.set(core, people);
  return people;
}

/**
 * CoreNLP's NER misses or mislabels many names in one place that it tags elsewhere (a surname as O or
 * ORGANIZATION, a full name as LOCATION). A source of proper nouns only whose last word is the surname of a
 * person tagged elsewhere in the article names that person ("State Supreme Court Justice Ana Ruiz"), and so
 * do such words before an appositive ("Ruiz, a former party chairwoman").
 */
function namedElsewhere(text: string, source: AnnotatedSpan, core: CoreDocument): string[] {
  const all = source.segments.flatMap(s => tokensWithin(core, s.start, s.end)).map(i => core.tokens[i]);
  // "Ruiz, a former party chairwoman,": the name before an appositive.
  const comma = all.findIndex(t => t.pos === ',');
  const tokens = comma > 0 ? all.slice(0, comma) : all;
  if (!tokens.length || !tokens.every(t => t.pos.startsWith('NNP') || t.pos === '.')) return [];
  const words = tokens.map(t => text.slice(t.start, t.end)).filter(w => !/^(?:Jr|Sr|II|III|IV)\.?$/i.test(w) && w !== '.');
  return [...(peopleBySurname(text, core).get(words[words.length - 1]?.toLowerCase() ?? '') ?? [])];
}

/** Pronouns that stand for a person: their antecedent must name one, or CoreNLP is taken not to have found it. */
const PERSONAL = new Set(['he', 'she', 'him', 'her', 'his', 'hers', 'himself', 'herself', 'i', 'me', 'my']);

/**
 * The chain's stand-in for a pronoun: its representative mention when it names a person, else the nearest
 * mention before the pronoun that names one, else any that does; for "they", "it", "we", also a description
 * (the representative, else the first mention that is not a pronoun).
 */
function antecedentOf(text: string, source: Segment, chain: readonly CoreMention[], core: CoreDocument): CoreMention | undefined {
  const inside = (m: Segment) => m.start >= source.start && m.end <= source.end;
  const candidates = chain.filter(m => !inside(m) && !isPronoun(text.slice(m.start, m.end)));
  const named = candidates.filter(m => namesOfMention(text, m, core).length > 0);
  const before = named.filter(m => m.end <= source.start);
  const person = named.find(m => m.representative) ?? before[before.length - 1] ?? named[0];
  if (person || PERSONAL.has(text.slice(source.start, source.end).toLowerCase())) return person;
  return candidates.find(m => m.representative) ?? candidates[0];
}

/** The coreference chain of a source: one with a mention inside it that covers at least half of it. */
function chainOf(source: Segment, core: CoreDocument): CoreMention[] | undefined {
  const covers = (m: Segment) => m.start >= source.start && m.end <= source.end && 2 * (m.end - m.start) >= source.end - source.start;
  return core.chains.find(mentions => mentions.some(covers));
}

export function goldSpeakerOf(text: string, source: AnnotatedSpan, core: CoreDocument | undefined): GoldSpeaker {
  const words = source.text.replace(/\s+/g, ' ').trim();
  const chain = core && chainOf(source.segments[0], core);
  if (isPronoun(words)) {
    const antecedent = chain && antecedentOf(text, source.segments[0], chain, core);
    if (!antecedent) return { form: 'pronoun', names: [], unresolved: true, shown: `${words} → ?` };
    const names = namesOfMention(text, antecedent, core);
    const description = clean(text, antecedent);
    const shown = description.length > 60 ? `${description.slice(0, 57)}…` : description;
    return { form: 'pronoun', names, description: names.length ? undefined : description, shown: `${words} → ${shown}` };
  }
  const names = namesIn(text, source.segments, core);
  if (names.length) return { form: 'name', names, shown: words };
  const named = core ? namedElsewhere(text, source, core) : [];
  if (named.length) return { form: 'name', names: named, shown: words };
  const chained = core && chain ? chain.flatMap(m => namesOfMention(text, m, core)) : [];
  const referents = [...new Set([...chained, ...(core ? titledReferents(text, words, core) : [])])];
  return { form: 'description', names: [], description: words, referents, shown: referents.length ? `${words} (= ${referents.join(' / ')})` : words };
}

/** Abbreviations news write before a name for a title a description ends with ("the senator" / "Sen. Ana Ruiz"). */
const TITLE_ABBREVIATIONS: Record<string, string[]> = { senator: ['Sen.'], governor: ['Gov.'], representative: ['Rep.'], general: ['Gen.'], congressman: ['Rep.'], congresswoman: ['Rep.'] };

/** Words that make a title another office: "Vice President Ana Ruiz" is not the president. */
const DEPUTY = /\b(?:Vice|Deputy|Lt\.|Lieutenant|Assistant|Under|Associate)/;

/**
 * CoreNLP often leaves "the president" or "the mayor" out of the named person's chain. A definite description
 * whose last word is a title refers to the one person the article names with that title ("President Ana Ruiz",
 * "Sen. Ana Ruiz"); with two such people, or none, it refers to no one by this rule.
 */
function titledReferents(text: string, description: string, core: CoreDocument): string[] {
  const words = description.toLowerCase().split(/\s+/);
  if (words[0] !== 'the' || words.length > 4) return [];
  const head = words[words.length - 1].replace(/[^a-z]/g, '');
  const forms = [head[0]?.toUpperCase() + head.slice(1), ...(TITLE_ABBREVIATIONS[head] ?? [])];
  const people = new Set<string>();
  for (const name of namesIn(text, [{ start: 0, end: text.length }], core)) {
    const surname = name.split(' ').pop()!;
    for (const form of forms) {
      if (new RegExp(`(?:^|\\s)(?<!${DEPUTY.source}\\s)${form.replace('.', '\\.')}\\s+(?:(?:\\p{Lu}[\\p{L}.'’-]*|de|van|von|bin|al|el|la|le|du|da|di)\\s+){0,3}${surname.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}\\b`, 'u').test(text)) people.add(surname);
    }
  }
  if (people.size !== 1) return [];
  const [surname] = people;
  return [...(peopleBySurname(text, core).get(surname.toLowerCase()) ?? [])];
}

const DETERMINERS = new Set(['a', 'an', 'the', 'some', 'one', 'two', 'three', 'several', 'many', 'other', 'another', 'his', 'her', 'their', 'its']);
/** Words that start a description's post-modifier ("a source familiar with the matter", "officials in Ohio"). */
const POST_MODIFIERS = new Set(['familiar', 'close', 'with', 'of', 'in', 'at', 'from', 'for', 'who', 'that', 'on', 'to', 'involved', 'told', 'briefed']);

const descriptionWords = (text: string) => text.toLowerCase().replace(/['’]s\b/g, '').replace(/[^\p{L}\p{N}.\s-]/gu, ' ').split(/\s+/).filter(w => w && !DETERMINERS.has(w));

/**
 * Equal-ish descriptions: the same words once determiners and possessives are dropped, or one ends the other
 * ("officials" / "U.S. officials"), or one is the other's head before a post-modifier ("a source" / "a source
 * familiar with the matter").
 */
export function sameDescription(predicted: string, gold: string): boolean {
  const p = descriptionWords(predicted), g = descriptionWords(gold);
  if (!p.length || !g.length) return false;
  const [short, long] = p.length <= g.length ? [p, g] : [g, p];
  const joined = (words: string[]) => words.join(' ');
  if (joined(short) === joined(long.slice(long.length - short.length))) return true;
  return joined(short) === joined(long.slice(0, short.length)) && POST_MODIFIERS.has(long[short.length]);
}

/**
 * A name source needs the same person (surname / full-name matching as in the gold tests); a description needs
 * an equal-ish description, or a person its coreference chain names. A predicted speaker that says it is a
 * person never equals a description's words, nor an unnamed or organisation speaker a person.
 */
export function rightSpeaker(predicted: PredictedSpeaker, gold: GoldSpeaker): boolean {
  const speaker = predicted.speaker;
  if (!speaker) return false;
  const maybePerson = predicted.speakerKind !== 'unnamed' && predicted.speakerKind !== 'organisation';
  // CoreNLP tags some organisations PERSON ("The Hill"): the same words as the whole source are right, whatever
  // kind the extractor gives them.
  if (predicted.speakerKind === 'organisation' && gold.form === 'name' && gold.shown === speaker) return true;
  if (gold.names.length) return maybePerson && gold.names.some(name => samePerson(speaker, name));
  if (maybePerson && gold.referents?.some(name => samePerson(speaker, name))) return true;
  if (predicted.speakerKind === 'person') return false;
  return (gold.description !== undefined && sameDescription(speaker, gold.description)) || !!gold.referents?.some(referent => sameDescription(speaker, referent));
}

const SWAPPED_VERB = /^(?:said|says|say|told|tells|wrote|writes|added|adds|asked|asks|noted|notes|explained|continued|advised|advises)$/i;

/**
 * A slip in a few inverted attributions ("…,” said Ruiz; "…,” she advises): the verb is marked Source and the
 * speaker Cue. Read the right way round when the source is a single verb (CoreNLP's VB* tag, else a list of
 * reporting verbs) and the cue is a name or a pronoun.
 */
export function isSwapped(attribution: GoldAttribution, core: CoreDocument | undefined): boolean {
  const { source, cue } = attribution;
  if (!source || !cue || source.segments.length !== 1 || cue.segments.length !== 1) return false;
  if (!core) return SWAPPED_VERB.test(source.text.trim()) && (/^\p{Lu}/u.test(cue.text.trim()) || isPronoun(cue.text));
  const verb = tokensWithin(core, source.segments[0].start, source.segments[0].end);
  const speaker = tokensWithin(core, cue.segments[0].start, cue.segments[0].end);
  return verb.length === 1 && core.tokens[verb[0]].pos.startsWith('VB') && speaker.some(t => /^(?:NNPS?|PRP)$/.test(core.tokens[t].pos));
}
