import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { displayTitleOf, type CorpusIndex, type PersonSummary as CorePersonSummary, type Span, type StatementDocument } from './core';
import type { DocumentDetail, DocumentSummary, PersonSummary } from '../../shared/protocol';

/** Offsets → LSP positions; line tables are built once per parsed document. */
const lineTables = new WeakMap<StatementDocument, TextDocument>();

export function rangeOf(document: StatementDocument, span: Span): Range {
  let table = lineTables.get(document);
  if (!table) lineTables.set(document, (table = TextDocument.create(document.uri, 'statement', 0, document.text)));
  return { start: table.positionAt(span.start), end: table.positionAt(span.end) };
}

/** A document's summary; with the index, its speakers are resolved people (one name per person). */
export function summaryOf(document: StatementDocument, index?: CorpusIndex): DocumentSummary {
  const { title, source: titleSource } = displayTitleOf(document);
  const speakers = index ? [...new Set(document.speakers.value.map(name => index.canonicalName(name, document.uri)))].filter(name => !index.identity(name)?.hidden) : document.speakers.value;
  const speakerOffices = index ? officesOf(document, index) : [];
  return {
    uri: document.uri,
    title,
    date: document.date.value,
    ...(document.partialDate ? { partialDate: document.partialDate } : {}),
    speakers,
    ...(speakerOffices.length ? { speakerOffices } : {}),
    outlet: document.outlet.value,
    kind: document.kind,
    quoteCount: document.quotes.length,
    provenance: { title: titleSource, date: document.date.source, speakers: document.speakers.source, outlet: document.outlet.source },
  };
}

/** The document's speakers named only by office, as their holders on its date (identity/offices.ts). */
function officesOf(document: StatementDocument, index: CorpusIndex): { speaker: string; office: string; why: string }[] {
  const offices: { speaker: string; office: string; why: string }[] = [];
  for (const name of document.speakers.value) {
    const holding = index.officeHolding(name, document.uri);
    if (holding && !offices.some(office => office.speaker === holding.holder)) offices.push({ speaker: holding.holder, office: holding.office, why: holding.why });
  }
  return offices;
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
