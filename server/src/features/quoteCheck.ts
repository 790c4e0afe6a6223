import { CodeActionKind, DiagnosticSeverity, type CodeAction, type Diagnostic, type Hover, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { type CorpusIndex, citeFrom, draftParagraphs, type QuoteCheck, type QuoteChecker, type QuoteSource, ROLE_HEADS, type Span, splitSentences, surnameOf, withoutFormatControls } from '../core';
import { rangeOf } from '../convert';
import { commandLink, escapeMarkdown, truncate, type CardOptions } from '../../../shared/markdown';
import { COMMANDS } from '../../../shared/commands';

export const QUOTE_CHECK_SOURCE = 'Statement Lens';

/** What a quote-check diagnostic carries for its quick fix (LSP `Diagnostic.data`). */
export type QuoteFix =
  | { readonly kind: 'exactWording'; readonly replace: Range; readonly text: string; readonly source: string }
  | { readonly kind: 'attribute'; readonly replace: Range; readonly text: string };

/** Diagnostics for a draft's quotations: misquoted, misattributed, or attributed but nowhere in the corpus. */
export function quoteDiagnostics(index: CorpusIndex, document: TextDocument, checks: readonly QuoteCheck[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const range = (start: number, end: number): Range => ({ start: document.positionAt(start), end: document.positionAt(end) });
  for (const check of checks) {
    const { quotation, source } = check;
    const attribution = quotation.attribution;
    if (check.wording === 'unsourced') {
      diagnostics.push({
        range: range(quotation.content.start, quotation.content.end),
        severity: DiagnosticSeverity.Information,
        source: QUOTE_CHECK_SOURCE,
        code: 'unsourced',
        message: `No source in the corpus for this quotation of ${attribution!.people.join(' or ')}.`,
      });
      continue;
    }
    if (!source) continue;
    const origin = describe(source);
    const relatedInformation = related(index, source);
    if (check.wording === 'reworded' && check.quotedWords) {
      const differences = check.differences.map(d => (d.quoted && d.source ? `“${d.quoted}” for “${d.source}”` : d.quoted ? `added “${d.quoted}”` : `dropped “${d.source}”`));
      const fix: QuoteFix = { kind: 'exactWording', replace: range(check.quotedWords.start, check.quotedWords.end), text: source.exact, source: origin };
      diagnostics.push({
        range: fix.replace,
        severity: DiagnosticSeverity.Warning,
        source: QUOTE_CHECK_SOURCE,
        code: 'reworded',
        message: `Not the corpus wording: ${differences.join('; ')}. ${origin} has “${truncate(source.exact, 300)}”`,
        relatedInformation,
        data: fix,
      });
    }
    if (!attribution || check.attribution === 'matches' || check.attribution === 'none') continue;
    if (check.attribution === 'notQuoted') {
      diagnostics.push({
        range: range(quotation.content.start, quotation.content.end),
        severity: DiagnosticSeverity.Information,
        source: QUOTE_CHECK_SOURCE,
        code: 'notQuoted',
        message:
          source.kind === 'reported' && source.speaker
            ? `The corpus reports this in the writer's words, not as ${source.speaker}'s own: ${origin}.`
            : `The corpus has these words in the text of ${origin}, not as anyone's quotation.`,
        relatedInformation,
      });
      continue;
    }
    const speaker = source.speaker!;
    const fix: QuoteFix | undefined = attribution.inherited ? undefined : attributeFix(index, document.getText(), attribution.span, attribution.form, speaker, range);
    diagnostics.push({
      // "He said": the name is in an earlier sentence, which is right in itself; the squiggle goes on the words.
      range: attribution.inherited ? range(quotation.content.start, quotation.content.end) : range(attribution.span.start, attribution.span.end),
      severity: DiagnosticSeverity.Warning,
      source: QUOTE_CHECK_SOURCE,
      code: check.attribution === 'relayed' ? 'relayed' : 'misattributed',
      message:
        check.attribution === 'relayed'
          ? `${source.via} was quoting ${speaker}: the words are ${speaker}'s (${origin}).`
          : `The corpus gives these words to ${speaker}, not ${attribution.form} (${origin}).`,
      relatedInformation,
      ...(fix ? { data: fix } : {}),
    });
  }
  return diagnostics;
}

/** Quick fixes for the quote-check diagnostics the client sends back. */
export function quoteFixes(uri: string, diagnostics: readonly Diagnostic[]): CodeAction[] {
  const actions: CodeAction[] = [];
  for (const diagnostic of diagnostics) {
    if (diagnostic.source !== QUOTE_CHECK_SOURCE || !isQuoteFix(diagnostic.data)) continue;
    const fix = diagnostic.data;
    actions.push({
      title: fix.kind === 'exactWording' ? `Use the exact wording (${fix.source})` : `Attribute to ${fix.text}`,
      kind: CodeActionKind.QuickFix,
      diagnostics: [diagnostic],
      isPreferred: true,
      edit: { changes: { [uri]: [{ range: fix.replace, newText: withoutFormatControls(fix.text) }] } },
    });
  }
  return actions;
}

/**
 * "Attribute to Qin Gang (CGTN, 2021-10-01)" on a sentence or an unattributed quotation of the draft that the
 * corpus has: replaces it with its citation, in the corpus wording.
 */
export function attributeActions(checker: QuoteChecker, index: CorpusIndex, document: TextDocument, range: Range, checks: readonly QuoteCheck[], citationFormat: string): CodeAction[] {
  const text = document.getText();
  const offset = document.offsetAt(range.start);
  const quotation = checks.find(check => check.quotation.outer.start <= offset && offset <= check.quotation.outer.end);
  let target: { start: number; end: number; source: QuoteSource } | undefined;
  if (quotation) {
    if (quotation.attribution === 'none' && quotation.source && quotation.source.speaker) target = { ...quotation.quotation.outer, source: quotation.source };
  } else {
    const sentence = sentenceAt(text, offset);
    const source = sentence && checker.sourceOf(text.slice(sentence.start, sentence.end));
    if (sentence && source?.speaker && !checks.some(check => check.quotation.outer.start < sentence.end && sentence.start < check.quotation.outer.end)) target = { ...sentence, source };
  }
  if (!target?.source.speaker) return [];
  const { source } = target;
  const statement = index.get(source.uri);
  const citation = citeFrom(statement, { quote: source.exact, speaker: source.speaker, date: source.date, title: source.title }, citationFormat);
  return [
    {
      title: `Attribute to ${source.speaker} (${statement?.outlet.value ?? truncate(source.title, 40)}, ${source.date ?? 'undated'})`,
      kind: CodeActionKind.RefactorRewrite,
      edit: { changes: { [document.uri]: [{ range: { start: document.positionAt(target.start), end: document.positionAt(target.end) }, newText: citation }] } },
    },
  ];
}

/** The hover over a checked quotation: where the corpus has it, and how the draft's wording compares. */
export function quotationHover(index: CorpusIndex, document: TextDocument, position: Position, checks: readonly QuoteCheck[], options: CardOptions = {}): Hover | null {
  const offset = document.offsetAt(position);
  const check = checks.find(c => c.quotation.outer.start <= offset && offset < c.quotation.outer.end);
  if (!check?.source) return null;
  const { source } = check;
  const statement = index.get(source.uri);
  const lines = [
    `**${check.wording === 'verbatim' ? 'Verbatim' : 'Reworded'}** — ${source.speaker ? escapeMarkdown(source.speaker) : '_the document’s own text_'}${source.via ? ` (quoted by ${escapeMarkdown(source.via)})` : ''}, ${source.date ?? 'undated'}`,
    '',
    `> “${escapeMarkdown(truncate(source.exact, 400))}”`,
    '',
    `_${escapeMarkdown(truncate(source.title, 100))}_${statement?.outlet.value ? ` · ${escapeMarkdown(statement.outlet.value)}` : ''}`,
  ];
  for (const difference of check.differences.slice(0, 5)) {
    lines.push(`- ${difference.quoted ? `“${escapeMarkdown(difference.quoted)}”` : '_(nothing)_'} → ${difference.source ? `“${escapeMarkdown(difference.source)}”` : '_(nothing)_'}`);
  }
  if (statement && options.commandLinks) lines.push('', commandLink('Open source', COMMANDS.openDocument, [source.uri, rangeOf(statement, source.span)]));
  return { contents: { kind: 'markdown', value: lines.join('\n') }, range: { start: document.positionAt(check.quotation.outer.start), end: document.positionAt(check.quotation.outer.end) } };
}

function describe(source: QuoteSource): string {
  return `${source.speaker ?? 'the document'}, ${source.date ?? 'undated'}, “${truncate(source.title, 80)}”`;
}

function related(index: CorpusIndex, source: QuoteSource): Diagnostic['relatedInformation'] {
  const statement = index.get(source.uri);
  return statement ? [{ location: { uri: source.uri, range: rangeOf(statement, source.span) }, message: `Source: ${describe(source)}` }] : undefined;
}

/**
 * Gives the words to the right person: the name, and a title before it ("Foreign Minister Wang Yi") with it,
 * replaced by that person's latest role in the corpus (or dropped when the corpus states none).
 */
function attributeFix(index: CorpusIndex, text: string, name: Span, form: string, speaker: string, range: (start: number, end: number) => Range): QuoteFix {
  // eslint-disable-next-line regexp/no-super-linear-move -- run on the 80 characters before the name only
  const title = /((?:[A-Z][\w.’'-]*[ \t]+(?:(?:of|and|for|the)[ \t]+)?){1,6})$/.exec(text.slice(Math.max(0, name.start - 80), name.start));
  const titleWords = title?.[1].trim().split(/\s+/) ?? [];
  const hasTitle = titleWords.length > 0 && ROLE_HEADS.has(titleWords[titleWords.length - 1].toLowerCase());
  const start = hasTitle ? name.start - title![1].length : name.start;
  const role = hasTitle ? index.person(speaker)?.roles[0]?.title : undefined;
  const replacement = hasTitle ? (role ? `${role} ${speaker}` : speaker) : nameLike(form, speaker);
  return { kind: 'attribute', replace: range(start, name.end), text: replacement };
}

/** The right name in the form the draft used: a surname for a surname ("Blinken" → "Wang"), else in full. */
function nameLike(form: string, name: string): string {
  return /\s/.test(form.trim()) || !/\s/.test(name) ? name : surnameOf(name);
}

/** The draft sentence around an offset, in the core's paragraphs and sentences. */
function sentenceAt(text: string, offset: number): Span | undefined {
  const paragraph = draftParagraphs(text).find(p => p.start <= offset && offset <= p.end);
  const sentence = paragraph && splitSentences(text, paragraph).find(s => s.start <= offset && offset <= s.end);
  if (!sentence) return undefined;
  // A list bullet or heading mark is not part of the sentence.
  const lead = /^[#>*+\-\s]*/.exec(text.slice(sentence.start, sentence.end))![0].length;
  return sentence.start + lead < sentence.end ? { start: sentence.start + lead, end: sentence.end } : undefined;
}

function isQuoteFix(data: unknown): data is QuoteFix {
  const fix = data as QuoteFix | undefined;
  return !!fix && (fix.kind === 'exactWording' || fix.kind === 'attribute') && typeof fix.text === 'string' && !!fix.replace;
}
