import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { fileNameOf, type CorpusIndex, type PersonSummary as CorePersonSummary, type Span, type StatementDocument } from './core';
import { splitSentences } from './core/sentences';
import type { DocumentDetail, DocumentSummary, PersonSummary } from './protocol';

/** Offsets → LSP positions; line tables are built once per parsed document. */
const lineTables = new WeakMap<StatementDocument, TextDocument>();

export function rangeOf(document: StatementDocument, span: Span): Range {
  let table = lineTables.get(document);
  if (!table) lineTables.set(document, (table = TextDocument.create(document.uri, 'statement', 0, document.text)));
  return { start: table.positionAt(span.start), end: table.positionAt(span.end) };
}

/** A document without a title line (a readout that opens with its first sentence) shows that sentence. */
function displayTitle(document: StatementDocument): { title: string; source: DocumentSummary['provenance']['title'] } {
  if (document.title.value) return { title: document.title.value, source: document.title.source };
  const first = document.paragraphs.find(p => !p.debris);
  if (first) {
    const span = splitSentences(document.text, first.span)[0] ?? first.span;
    const sentence = document.text.slice(span.start, span.end).replace(/\s+/g, ' ').trim();
    return { title: sentence.length > 110 ? `${sentence.slice(0, 109)}…` : sentence, source: 'text' };
  }
  return { title: fileNameOf(document.uri), source: 'fileName' };
}

/** A document's summary; with the index, its speakers are resolved people (one name per person). */
export function summaryOf(document: StatementDocument, index?: CorpusIndex): DocumentSummary {
  const { title, source: titleSource } = displayTitle(document);
  const speakers = index ? [...new Set(document.speakers.value.map(name => index.canonicalName(name, document.uri)))].filter(name => !index.identity(name)?.hidden) : document.speakers.value;
  return {
    uri: document.uri,
    title,
    date: document.date.value,
    ...(document.partialDate ? { partialDate: document.partialDate } : {}),
    speakers,
    outlet: document.outlet.value,
    kind: document.kind,
    quoteCount: document.quotes.length,
    provenance: { title: titleSource, date: document.date.source, speakers: document.speakers.source, outlet: document.outlet.source },
  };
}

export function detailOf(document: StatementDocument, index?: CorpusIndex): DocumentDetail {
  return {
    ...summaryOf(document, index),
    people: document.people.map(person => ({ name: person.name, roles: person.roles.map(role => ({ title: role.title, date: role.date })), aliases: person.aliases })),
    quotes: document.quotes.map(quote => ({ text: quote.text, speaker: quote.speaker, ...(quote.speaker ? { speakerKind: quote.speakerKind ?? 'person' } : {}), ...(quote.via ? { via: quote.via } : {}), kind: quote.kind, range: rangeOf(document, quote.span) })),
  };
}

export function personSummaryOf(person: CorePersonSummary): PersonSummary {
  return {
    name: person.name,
    aliases: [...person.aliases],
    roles: person.roles.map(role => ({ ...role })),
    documents: person.documents,
    quotes: person.quotes,
    merges: person.merges.map(merge => ({ ...merge })),
  };
}
