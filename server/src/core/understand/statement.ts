import { findDebris } from '../read/debris';
import { isMarkdownFile, readMarkdown, type MarkdownBlock } from '../read/markdownText';
import { readFrontMatter } from '../read/frontMatter';
import { findDocumentDate, findKind, findOutlet, findTitle, officeSpeakersFromTitle, speakersFromQuotes, speakersFromTitle, type MetadataInput } from './metadata';
import type { DocumentProblem, Field, GivenMetadata, Paragraph, Person, Span, StatementDocument } from '../model';
import { splitParagraphs } from '../read/paragraphs';
import { fileNameOf } from '../read/uris';
import { findPeople, looksLikePersonName, type PeopleInDocument } from './people';
import { isGivenName } from './givenNameGender';
import { tokenize } from '../read/tokens';
import { ROLE_HEADS } from './lexicon';
import { findQuotes } from './quotes';
import { passingQuotes } from './directQuote';
import { titleStatement } from './titleStatement';

export interface StatementSource {
  readonly uri: string;
  readonly text: string;
  /** Metadata a sidecar file of the corpus folder gives for this document. */
  readonly sidecar?: GivenMetadata;
  /** Lines longer than this are not read (reported as a problem); no limit when absent. */
  readonly maxLineLength?: number;
}

const MEETING = /\b(?:held talks|met|meets|spoke|speaks|had a (?:phone |telephone )?call|talked)\s+(?:by (?:tele)?phone\s+)?with\b/;

/**
 * Reads one corpus document into the statement model: front matter, debris, metadata with provenance,
 * people with roles, and quotations with their speakers. Never throws on odd input; problems are reported
 * in `problems` and whatever can be read is kept.
 */
export function parseStatement(source: StatementSource): StatementDocument {
  const { uri } = source;
  // Old Mac files end lines with a lone CR. Read as LF, character for character, so every offset still points
  // at the same place in the file and editors (which count a lone CR as a line end) agree on positions.
  const text = source.text.includes('\r') ? source.text.replace(/\r(?!\n)/g, '\n') : source.text;
  const sidecar = source.sidecar ?? {};
  const frontMatter = readFrontMatter(text);
  const fileName = fileNameOf(uri);
  const lines = splitParagraphs(text, frontMatter.bodyStart, source.maxLineLength);
  const { overlong } = lines;
  // Markdown is read as structure: paragraphs are the parser's blocks, and every rule below reads the text
  // with the markup blanked out (same offsets), so links, emphasis and HTML never reach quotes or names.
  const markdown = isMarkdownFile(fileName) ? readMarkdown(blankLines(text, overlong), frontMatter.bodyStart) : undefined;
  const readable = markdown?.plain ?? text;
  const blocks = markdown?.blocks.filter(block => !overlong.some(line => line.start < block.span.end && block.span.start < line.end));
  const spans = blocks ? blocks.map(block => block.span) : lines.paragraphs;
  const debris = findDebris(spans.map(s => readable.slice(s.start, s.end)));
  const paragraphs: Paragraph[] = spans.map((span, i) => ({ span, debris: debris[i] }));
  const content = paragraphs.filter(p => !p.debris).map(p => p.span);
  const metadataInput: MetadataInput = { text: readable, paragraphs: content, frontMatter: frontMatter.metadata, sidecar, fileName };
  const { title, titleParagraph } = findTitle(metadataInput);
  const { date, partial } = findDocumentDate(metadataInput);
  const outlet = findOutlet(metadataInput);
  const body = content.filter(p => p !== titleParagraph);
  const people = findPeople(readable, content, { titles: titleParagraph ? [titleParagraph] : [] });
  const opening = body.slice(0, 3).map(p => readable.slice(p.start, p.end)).join('\n');
  let kind = findKind(title.value, opening, frontMatter.metadata.kind ?? sidecar.kind);

  const givenSpeakers = frontMatter.metadata.speakers ?? sidecar.speakers;
  const titled = speakersFromTitle(title.value, people, readable);
  let principal = givenSpeakers ? givenSpeakers.map(name => people.resolve(name) ?? name) : titled.map(s => s.name);
  if (!givenSpeakers && kind === 'readout') principal = [...new Set([...principal, ...meetingParties(readable, body, people.mentions)])];
  const principalRoles = new Map(titled.filter(s => s.role).map(s => [s.name, s.role!]));
  // "Antony J. Blinken, Secretary of State" under the title of a press statement: the whole text is his.
  const byline = !givenSpeakers && principal.length === 0 && (kind === 'article' || kind === 'statement') ? bylineOf(readable, body[0], people) : undefined;
  if (byline) {
    principal = [byline.name];
    principalRoles.set(byline.name, byline.role);
    kind = 'statement';
  }
  // "JOSEPH R. BIDEN JR." at the foot of a letter, a message to Congress or a proclamation: the signer's text,
  // whatever the title names ("Letter to the Speaker of the House …" names whom it is sent to).
  const signature = !givenSpeakers && !byline && kind !== 'transcript' ? signatureOf(readable, body, people, title.value) : undefined;
  if (signature) {
    principal = [signature.name];
    if (signature.role) principalRoles.set(signature.name, signature.role);
    kind = 'statement';
  }
  // "Presidential Message on …", "Statement from the Press Secretary": the office is the speaker; who held it
  // on the date is for person resolution to say (identity/offices.ts), from the rest of the corpus.
  if (!givenSpeakers && principal.length === 0) {
    for (const office of officeSpeakersFromTitle(title.value)) {
      principal.push(office);
      principalRoles.set(office, office);
      if (kind === 'article') kind = 'statement';
    }
  }
  const quoted = byline ? body.slice(1) : signature ? body.slice(0, signature.at) : body;
  const bodyQuotes = findQuotes({ text: readable, paragraphs: quoted, people, kind, principal, principalRoles, structure: blocks && structureOf(blocks) });
  // A news headline may itself be a statement ("Iriarte: Grain negotiations need …").
  const headline = kind === 'article' && titleParagraph && body.length > 0 && titleParagraph.end - titleParagraph.start <= 200 ? titleStatement(readable, titleParagraph, people) : undefined;
  const quotes = headline ? [headline, ...bodyQuotes] : bodyQuotes;
  // Words quoted in passing name no one who speaks in the document.
  if (!givenSpeakers && principal.length === 0) principal = speakersFromQuotes(quotes.filter(quote => !passingQuotes.has(quote)));
  if (!givenSpeakers && kind !== 'transcript' && quotes.some(q => q.kind === 'transcript')) {
    principal = [...new Set(quotes.filter(q => q.kind === 'transcript' && q.speaker && !q.speakerKind && q.speaker !== 'Reporter').map(q => q.speaker!))];
  }
  const speakers: Field<string[]> = givenSpeakers
    ? { value: principal, source: frontMatter.metadata.speakers ? 'frontMatter' : 'sidecar' }
    : { value: principal, source: principal.length ? 'text' : 'unknown' };

  const documentDate = date.value;
  const peopleWithDates: Person[] = people.people.map(person => ({ ...person, roles: person.roles.map(role => ({ ...role, date: documentDate })) }));
  // Speakers known only from the title, the metadata or a transcript cue are people of the document too.
  for (const name of new Set([...principal, ...quotes.filter(q => !q.speakerKind).map(q => q.speaker).filter((s): s is string => !!s && s !== 'Reporter')])) {
    if (peopleWithDates.some(person => person.name === name) || !/^[A-Z]/.test(name) || /^(?:The|Participant|Moderator|Senior|Staff|Audience)\b/.test(name)) continue;
    const role = principalRoles.get(name);
    peopleWithDates.push({ name, roles: role ? [{ title: role, date: documentDate }] : [], aliases: [], mentions: quotes.filter(q => q.speaker === name).slice(0, 1).map(q => q.span) });
  }
  const document: StatementDocument = {
    uri,
    text,
    kind: quotes.some(q => q.kind === 'transcript') ? 'transcript' : kind,
    title,
    date,
    ...(partial && !date.value ? { partialDate: partial } : {}),
    outlet,
    url: urlOf(frontMatter.metadata, sidecar),
    speakers,
    paragraphs,
    people: peopleWithDates,
    quotes,
    problems: overlong.length ? [...frontMatter.problems, overlongProblem(text, overlong, source.maxLineLength!)] : frontMatter.problems,
  };
  if (markdown) readableTexts.set(document, readable);
  return document;
}

/** The document's address: front matter first, as for every given field, then the sidecar. */
function urlOf(frontMatter: GivenMetadata, sidecar: GivenMetadata): Field<string | null> {
  if (frontMatter.url) return { value: frontMatter.url, source: 'frontMatter' };
  if (sidecar.url) return { value: sidecar.url, source: 'sidecar' };
  return { value: null, source: 'unknown' };
}

/** Markdown documents' text with markup blanked, while the parsed document is at hand (search reads it). */
const readableTexts = new WeakMap<StatementDocument, string>();

/** The text rules and search read: for Markdown, the source with its markup blanked (same offsets). */
export function readableText(document: StatementDocument): string {
  return readableTexts.get(document) ?? document.text;
}

/** Over-long lines blanked, so the Markdown parser does not spend time on what no rule reads. */
function blankLines(text: string, lines: readonly Span[]): string {
  if (lines.length === 0) return text;
  // One pass over the text: thousands of over-long lines must not copy it thousands of times.
  const parts: string[] = [];
  let at = 0;
  for (const line of lines) {
    parts.push(text.slice(at, line.start), ' '.repeat(line.end - line.start));
    at = line.end;
  }
  parts.push(text.slice(at));
  return parts.join('');
}

/** What the quotation rules need of the Markdown structure, keyed by block start. */
function structureOf(blocks: readonly MarkdownBlock[]): Map<number, { heading: boolean; list?: number }> {
  return new Map(blocks.map(block => [block.span.start, { heading: block.kind === 'heading' || block.emphasized, ...(block.list !== undefined ? { list: block.list } : {}) }]));
}

/** One problem for all the over-long lines of a document, on the first of them. */
function overlongProblem(text: string, lines: readonly Span[], limit: number): DocumentProblem {
  let lineNumber = 1;
  for (let i = text.indexOf('\n'); i !== -1 && i < lines[0].start; i = text.indexOf('\n', i + 1)) lineNumber++;
  const first = lines[0];
  const length = (first.end - first.start).toLocaleString('en-US');
  const count = lines.length === 1 ? `Line ${lineNumber} (${length} characters) is` : `${lines.length} lines (the first is line ${lineNumber}, ${length} characters) are`;
  return {
    severity: 'warning',
    message: `${count} over the limit of ${limit.toLocaleString('en-US')} characters (setting statementLens.corpus.maxLineLength); ${lines.length === 1 ? 'its' : 'their'} text is not read for people, quotations or search. The rest of the document is indexed.`,
    span: first,
  };
}

/**
 * A byline paragraph, "Name, Office" on one short line right under the title, naming a person the document
 * knows with an office ("Ned Price, Department Spokesperson"); "Office of the Spokesperson" is no person.
 */
function bylineOf(text: string, first: Span | undefined, people: PeopleInDocument): { name: string; role: string } | undefined {
  if (!first || first.end - first.start > 160) return undefined;
  const line = /^([^,\n]{3,60}),\s+([^\n]{3,120})$/.exec(text.slice(first.start, first.end).trim());
  if (!line) return undefined;
  const name = people.resolve(line[1].trim());
  const role = line[2].replace(/\s+/g, ' ').trim();
  // An office in title case with no closing punctuation: a byline, not a sentence ("X, director of Y, said …").
  const titleCase = role.split(' ').every(word => /^[\p{Lu}\d(]/u.test(word) || /^(?:of|for|and|the|to|on|in|at|a)$/.test(word)) && !/[.!?:;"”]$/.test(role);
  const office = titleCase && role.toLowerCase().split(/[\s-]+/).some(word => ROLE_HEADS.has(word));
  return name && office && name.includes(' ') ? { name, role } : undefined;
}

/** How many paragraphs from the end a signature may stand: the name, then "THE WHITE HOUSE," and a date. */
const SIGNATURE_REACH = 3;

/** What stands just above a signature: a valediction, or a proclamation's closing formula. */
const VALEDICTION = /^(?:sincerely|respectfully|yours|very truly|faithfully|with (?:warm |best |kind )?regards|warm regards|best regards)\b[^\n]{0,30}$|\bIN WITNESS WHEREOF\b|hereunto set my hand|^Done at \p{Lu}/iu;
/** What stands just below one: a dateline in capitals ("THE WHITE HOUSE,", "THE STATE HOUSE,"). */
const DATELINE = /^THE [A-Z][A-Z ]{2,40},/;
/** Titles of documents that are signed. */
const SIGNED_KINDS = /\b(?:letters?|message|notice|proclamation|memorandum|executive order)\b/i;

/**
 * A signature: one of the last paragraphs is a person's name alone in capitals ("JOSEPH R. BIDEN JR."),
 * in a letter's form (a valediction above, a dateline below, or a title that names a letter, a message, a
 * notice, a proclamation or a memorandum); an article that ends with a name in capitals is not signed.
 * Returns the name as the document knows it, where the signature is, and the office the form shows.
 */
function signatureOf(text: string, body: readonly Span[], people: PeopleInDocument, title: string | null): { name: string; at: number; role?: string } | undefined {
  for (let at = body.length - 1; at >= Math.max(2, body.length - SIGNATURE_REACH); at--) {
    const line = text.slice(body[at].start, body[at].end).trim();
    if (line.length > 60 || !/^[A-Z][A-Z.'’-]*(?: [A-Z][A-Z.'’-]*){1,4}$/.test(line)) continue;
    // "JOSEPH R. BIDEN JR." → "Joseph R. Biden Jr.": read as a name is read in running text.
    const written = line.split(' ').map(word => (/^[A-Z]\.$/.test(word) ? word : word[0] + word.slice(1).toLowerCase())).join(' ');
    // A heading in capitals ("SANCTIONS IMPLICATIONS") is no name: the first word must be a given name, or the
    // document must know the person.
    const known = people.resolve(written);
    if (!looksLikePersonName(tokenize(written)) || !known && !isGivenName(written.split(' ')[0])) continue;
    // The closing formula may be split over two paragraphs by its layout ("IN WITNESS WHEREOF, …" / "…day of March").
    const above = [at - 1, at - 2].filter(i => i >= 0).map(i => text.slice(body[i].start, body[i].end).trim());
    const below = body[at + 1] ? text.slice(body[at + 1].start, body[at + 1].end).trim() : '';
    if (!above.some(paragraph => VALEDICTION.test(paragraph)) && !DATELINE.test(below) && !(title && SIGNED_KINDS.test(title))) continue;
    // "THE WHITE HOUSE," and the date under the name: how the President signs (the Federal Register's form).
    return { name: known ?? written, at, ...(/^THE WHITE HOUSE\b/.test(below) ? { role: 'President' } : {}) };
  }
  return undefined;
}

/** "X held talks with Y": both parties of a readout, from its first sentences. */
function meetingParties(text: string, body: readonly { start: number; end: number }[], mentions: readonly { person: string; span: { start: number; end: number } }[]): string[] {
  const first = body[0];
  if (!first) return [];
  const sentence = text.slice(first.start, first.end);
  const meeting = MEETING.exec(sentence);
  if (!meeting) return [];
  const inFirst = mentions.filter(m => m.span.start >= first.start && m.span.end <= first.end);
  return [...new Set(inFirst.map(m => m.person))].slice(0, 4);
}
