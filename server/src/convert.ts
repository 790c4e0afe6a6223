import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Range } from 'vscode-languageserver';
import { fileNameOf, type Span, type StatementDocument } from './core';
import type { DocumentDetail, DocumentSummary } from './protocol';

/** Offsets → LSP positions; line tables are built once per parsed document. */
const lineTables = new WeakMap<StatementDocument, TextDocument>();

export function rangeOf(document: StatementDocument, span: Span): Range {
  let table = lineTables.get(document);
  if (!table) lineTables.set(document, (table = TextDocument.create(document.uri, 'statement', 0, document.text)));
  return { start: table.positionAt(span.start), end: table.positionAt(span.end) };
}

export function summaryOf(document: StatementDocument): DocumentSummary {
  return {
    uri: document.uri,
    title: document.title.value ?? fileNameOf(document.uri),
    date: document.date.value,
    ...(document.partialDate ? { partialDate: document.partialDate } : {}),
    speakers: document.speakers.value,
    outlet: document.outlet.value,
    kind: document.kind,
    quoteCount: document.quotes.length,
    provenance: { title: document.title.value ? document.title.source : 'fileName', date: document.date.source, speakers: document.speakers.source, outlet: document.outlet.source },
  };
}

export function detailOf(document: StatementDocument): DocumentDetail {
  return {
    ...summaryOf(document),
    people: document.people.map(person => ({ name: person.name, roles: person.roles.map(role => ({ title: role.title, date: role.date })), aliases: person.aliases })),
    quotes: document.quotes.map(quote => ({ text: quote.text, speaker: quote.speaker, ...(quote.via ? { via: quote.via } : {}), kind: quote.kind, range: rangeOf(document, quote.span) })),
  };
}
