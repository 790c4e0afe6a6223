import type { Span, StatementDocument } from '../model';
import { surnameOf } from './people';
import { tokenize } from '../read/tokens';

/** A known name found in some text, with every person it may stand for. */
export interface NameOccurrence {
  readonly span: Span;
  readonly form: string;
  /** Names as documents write them; resolve through the index for corpus-wide canonical names. */
  readonly people: readonly string[];
}

const key = (form: string) => form.toLowerCase().replace(/[’]/g, "'").replace(/\s+/g, ' ').trim();
const MAX_FORM_WORDS = 6;

/**
 * Every form a person goes by in the corpus (full name, surname, "Secretary Blinken", "President Xi"), kept
 * with counts so a document's forms can be removed when it changes. Lets hovers and references recognize
 * names in drafts, which the indexer never parsed.
 */
export class NameDictionary {
  private readonly forms = new Map<string, Map<string, number>>();
  /** Forms people.yaml adds (alias → the person's name), kept apart from the documents' counts. */
  private extraForms = new Map<string, Set<string>>();

  setExtraForms(pairs: readonly (readonly [string, string])[]): void {
    this.extraForms = new Map();
    for (const [form, name] of pairs) {
      const people = this.extraForms.get(key(form)) ?? new Set<string>();
      people.add(name);
      this.extraForms.set(key(form), people);
    }
  }

  add(document: StatementDocument): void {
    for (const [form, name] of formsOf(document)) {
      let people = this.forms.get(form);
      if (!people) this.forms.set(form, (people = new Map<string, number>()));
      people.set(name, (people.get(name) ?? 0) + 1);
    }
  }

  remove(document: StatementDocument): void {
    for (const [form, name] of formsOf(document)) {
      const people = this.forms.get(form);
      const count = people?.get(name);
      if (!people || count === undefined) continue;
      if (count > 1) people.set(name, count - 1);
      else people.delete(name);
      if (people.size === 0) this.forms.delete(form);
    }
  }

  lookup(form: string): string[] {
    const extra = this.extraForms.get(key(form));
    const known = [...(this.forms.get(key(form))?.keys() ?? [])];
    return extra ? [...new Set([...known, ...extra])] : known;
  }

  /** Known names in a text, longest match first ("Qin Gang" rather than "Qin"), left to right. */
  findNames(text: string, start = 0, end = text.length): NameOccurrence[] {
    const tokens = tokenize(text, start, end);
    const found: NameOccurrence[] = [];
    for (let i = 0; i < tokens.length; ) {
      if (!/^[A-Z\u00C0-\u00DE]/.test(tokens[i].text)) {
        i++;
        continue;
      }
      let matched = 0;
      let people: string[] = [];
      for (let n = Math.min(MAX_FORM_WORDS, tokens.length - i); n >= 1; n--) {
        if (n > 1 && !tokens.slice(i + 1, i + n).every(t => /^[ \t\u00A0]+$/.test(t.gap))) continue;
        const last = tokens[i + n - 1];
        const form = text.slice(tokens[i].start, /['’]s$/.test(last.text) ? last.end - 2 : last.end);
        people = this.lookup(form);
        if (people.length) {
          matched = n;
          const spanEnd = /['’]s$/.test(last.text) ? last.end - 2 : last.end;
          found.push({ span: { start: tokens[i].start, end: spanEnd }, form: text.slice(tokens[i].start, spanEnd), people });
          break;
        }
      }
      i += matched || 1;
    }
    return found;
  }

  /** The known name covering an offset, if any. */
  nameAt(text: string, offset: number): NameOccurrence | undefined {
    // Look at the line around the offset only: names do not span lines in drafts worth the cost.
    const lineStart = text.lastIndexOf('\n', offset - 1) + 1;
    let lineEnd = text.indexOf('\n', offset);
    if (lineEnd === -1) lineEnd = text.length;
    return this.findNames(text, lineStart, lineEnd).find(n => n.span.start <= offset && offset <= n.span.end);
  }
}

function formsOf(document: StatementDocument): [string, string][] {
  const forms: [string, string][] = [];
  for (const person of document.people) {
    forms.push([key(person.name), person.name]);
    if (person.name.includes(' ')) forms.push([key(surnameOf(person.name)), person.name]);
    for (const alias of person.aliases) forms.push([key(alias), person.name]);
  }
  return forms;
}
