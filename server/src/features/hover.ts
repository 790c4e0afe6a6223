import type { Hover, MarkupContent, Position } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { fileNameOf, officeOfName, type CorpusIndex, type OfficeHolding } from '../core';
import { rangeOf } from '../convert';
import { commandLink, escapeMarkdown, truncate, type CardOptions } from '../../../shared/markdown';
import { COMMANDS } from '../../../shared/commands';

const LATEST_DOCUMENTS = 3;
const RECENT_QUOTES = 3;
const ROLES_SHOWN = 6;

/**
 * The card for a name under the cursor: who it is (roles with dates, newest first), where they appear, what
 * they said, and (for a client that runs the extension's commands) links that act. An ambiguous name ("Yang")
 * shows one card per person.
 */
export function hoverAt(index: CorpusIndex, document: TextDocument, position: Position, options: CardOptions = {}): Hover | null {
  const text = document.getText();
  const occurrence = index.nameAt(text, document.offsetAt(position));
  if (!occurrence) return null;
  // "Press Secretary" in a statement the office gives: whoever held the office on the statement's date.
  const holding = officeHoldingFor(index, document.uri, occurrence.form);
  const people = holding ? [holding.holder] : occurrence.people;
  const cards = people.map(name => personCard(index, name, document.uri, position, options)).filter((card): card is string => !!card);
  if (cards.length === 0) return null;
  const heading = holding
    ? `_"${escapeMarkdown(occurrence.form)}" here is ${escapeMarkdown(holding.holder)}, as ${escapeMarkdown(holding.office)}: ${escapeMarkdown(holding.why)}._\n\n`
    : cards.length > 1 ? `_"${escapeMarkdown(occurrence.form)}" may be ${cards.length} people:_\n\n` : '';
  const contents: MarkupContent = { kind: 'markdown', value: heading + cards.join('\n\n---\n\n') };
  return { contents, range: { start: document.positionAt(occurrence.span.start), end: document.positionAt(occurrence.span.end) } };
}

/** The holder an office's title stands for in a document whose speaker is that office, if the corpus says clearly. */
function officeHoldingFor(index: CorpusIndex, uri: string, form: string): OfficeHolding | undefined {
  const office = officeOfName(form);
  if (!office) return undefined;
  const speaker = index.get(uri)?.speakers.value.find(name => officeOfName(name) === office);
  return speaker === undefined ? undefined : index.officeHolding(speaker, uri);
}

export function personCard(index: CorpusIndex, name: string, uri: string, position: Position, options: CardOptions = {}): string | undefined {
  const person = index.person(name);
  if (!person) return undefined;
  const lines: string[] = [];
  lines.push(`**${escapeMarkdown(person.name)}**${person.aliases.length ? ` · also ${person.aliases.slice(0, 4).map(escapeMarkdown).join(', ')}` : ''}`);
  lines.push('');
  // Roles the corpus states on two dates or more (or people.yaml gives) first, then those read once: for a
  // much-named person these are dozens, often a headline's words ("Plan and President").
  const timeline = index.roleTimelineOf(person.name);
  const shown = [...timeline.filter(role => role.count !== 1), ...timeline.filter(role => role.count === 1)].slice(0, ROLES_SHOWN);
  for (const role of shown) {
    const span = role.first && role.first !== role.last ? `${role.first} – ${role.last}` : role.last ?? 'undated';
    lines.push(`- ${escapeMarkdown(role.title)} · ${span}${role.count > 1 ? ` (${role.count} documents)` : ''}`);
  }
  if (person.roles.length === 0) lines.push('_No role stated in the corpus._');
  // The index keeps these per person (some are named in thousands of documents); a hover only reads them.
  const documents = index.documentsOf(person.name);
  lines.push('');
  lines.push(`Mentioned in **${documents.length}** document${documents.length === 1 ? '' : 's'}:`);
  for (const document of documents.slice(0, LATEST_DOCUMENTS)) lines.push(`- ${document.date.value ?? 'undated'} · ${escapeMarkdown(truncate(document.title.value ?? fileNameOf(document.uri), 80))}`);
  const quotes = index.quotesBy(person.name, RECENT_QUOTES);
  if (quotes.length) {
    lines.push('');
    lines.push('What they said:');
    for (const { uri: quoteUri, quote, date } of quotes) {
      const title = index.get(quoteUri)?.title.value ?? fileNameOf(quoteUri);
      lines.push(`> “${escapeMarkdown(truncate(quote.text, 160))}” — ${date ?? 'undated'}, _${escapeMarkdown(truncate(title, 60))}_`);
      lines.push('');
    }
  }
  if (!options.commandLinks) return lines.join('\n').trimEnd();
  const actions: string[] = [];
  const introduction = index.introductionsOf(person.name)[0];
  const introducing = introduction && index.get(introduction.uri);
  if (introduction && introducing) actions.push(commandLink('Open first introduction', COMMANDS.openDocument, [introduction.uri, rangeOf(introducing, introduction.span)]));
  actions.push(commandLink('Show all mentions', COMMANDS.showMentions, [uri, position]));
  actions.push(commandLink('Search their quotes', COMMANDS.searchQuotes, [`speaker:"${person.name}" `]));
  actions.push(commandLink('Show timeline', COMMANDS.showTimeline, [person.name]));
  lines.push('');
  lines.push(actions.join(' · '));
  return lines.join('\n');
}
