/**
 * Reads the Stanford CoreNLP XML that PolNeAR ships per article: tokens with character offsets (UTF-16, as
 * Java counts, the same as JS), lemma, part of speech and named entity; basic dependencies; coreference chains.
 * CoreNLP writes one fixed layout, so a few linear scans read it without an XML library in a fraction of the
 * time (the test split's XML is 81 MB).
 */
import type { Segment } from './brat';

export interface CoreToken extends Segment {
  readonly lemma: string;
  readonly pos: string;
  readonly ner: string;
  /** Index of the head token in the document's token list, -1 for the root (basic dependencies). */
  head: number;
  relation: string;
}

export interface CoreSentence {
  /** Document token indices, end exclusive. */
  readonly first: number;
  readonly end: number;
}

export interface CoreMention extends Segment {
  readonly representative: boolean;
  /** End of the mention's head token: the mention up to there is the head with its pre-modifiers. */
  readonly headEnd: number;
}

export interface CoreDocument {
  readonly tokens: CoreToken[];
  readonly sentences: CoreSentence[];
  /** Coreference chains, mentions in CoreNLP's order. */
  readonly chains: CoreMention[][];
}

const ENTITIES: Record<string, string> = { '&amp;': '&', '&lt;': '<', '&gt;': '>', '&quot;': '"', '&apos;': "'" };
const decode = (value: string) => value.replace(/&(?:amp|lt|gt|quot|apos);/g, entity => ENTITIES[entity]);

/** The text of `<name>…</name>` inside one token block. */
function field(block: string, name: string): string {
  const open = block.indexOf(`<${name}>`);
  if (open === -1) return '';
  const start = open + name.length + 2;
  return decode(block.slice(start, block.indexOf('<', start)));
}

const TOKEN = /<token id="\d+">([\s\S]*?)<\/token>/g;
const DEPENDENCY = /<dep type="([^"]+)">\s*<governor idx="(\d+)">[^<]*<\/governor>\s*<dependent idx="(\d+)">/g;

function readSentence(xml: string, into: CoreDocument): void {
  const first = into.tokens.length;
  for (const [, block] of xml.matchAll(TOKEN)) {
    const start = Number(field(block, 'CharacterOffsetBegin')), end = Number(field(block, 'CharacterOffsetEnd'));
    into.tokens.push({ start, end, lemma: field(block, 'lemma'), pos: field(block, 'POS'), ner: field(block, 'NER'), head: -1, relation: '' });
  }
  into.sentences.push({ first, end: into.tokens.length });
  const basic = xml.indexOf('<dependencies type="basic-dependencies">');
  if (basic === -1) return;
  for (const [, relation, governor, dependent] of xml.slice(basic, xml.indexOf('</dependencies>', basic)).matchAll(DEPENDENCY)) {
    const token = into.tokens[first + Number(dependent) - 1];
    if (!token) continue;
    token.head = Number(governor) === 0 ? -1 : first + Number(governor) - 1;
    token.relation = relation;
  }
}

const MENTION = /<mention( representative="true")?>\s*<sentence>(\d+)<\/sentence>\s*<start>(\d+)<\/start>\s*<end>(\d+)<\/end>\s*<head>(\d+)<\/head>/g;

/** Chains come as `<coreference><coreference><mention>…</coreference>…</coreference>`. */
function readChains(xml: string, document: CoreDocument): void {
  for (const [, chain] of xml.matchAll(/<coreference>([\s\S]*?)<\/coreference>/g)) {
    const mentions: CoreMention[] = [];
    for (const [, representative, sentence, start, end, head] of chain.matchAll(MENTION)) {
      const bounds = document.sentences[Number(sentence) - 1];
      const token = (index: string, offset: number) => bounds && document.tokens[bounds.first + Number(index) - offset];
      const [firstToken, lastToken, headToken] = [token(start, 1), token(end, 2), token(head, 1)];
      if (firstToken && lastToken) mentions.push({ start: firstToken.start, end: lastToken.end, headEnd: headToken?.end ?? lastToken.end, representative: Boolean(representative) });
    }
    if (mentions.length) document.chains.push(mentions);
  }
}

export function readCoreNlp(xml: string): CoreDocument {
  const document: CoreDocument = { tokens: [], sentences: [], chains: [] };
  const coreference = xml.indexOf('<coreference>');
  const body = coreference === -1 ? xml : xml.slice(0, coreference);
  const starts = [...body.matchAll(/<sentence id="\d+"/g)].map(match => match.index);
  starts.forEach((start, i) => readSentence(body.slice(start, starts[i + 1] ?? body.length), document));
  // Skips the outer <coreference> so the lazy match pairs each chain's own tags.
  if (coreference !== -1) readChains(xml.slice(coreference + '<coreference>'.length), document);
  return document;
}

/** Tokens whose span lies inside [start, end), by binary search (tokens are in text order). */
export function tokensWithin(document: CoreDocument, start: number, end: number): number[] {
  let low = 0, high = document.tokens.length;
  while (low < high) {
    const middle = (low + high) >> 1;
    if (document.tokens[middle].start < start) low = middle + 1;
    else high = middle;
  }
  const found: number[] = [];
  for (let i = low; i < document.tokens.length && document.tokens[i].end <= end; i++) found.push(i);
  return found;
}
