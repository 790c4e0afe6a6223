import type { Quote, Span } from '../model';
import type { PeopleInDocument } from './people';
import { trimEndOf } from '../read/trim';

/**
 * A headline that states what someone said: `Iriarte: Grain negotiations need …`, `Iriarte says the talks are
 * stuck`, `… Could Still Be Signed in Spring, Iriarte Says`. Only a speaker the article itself names counts, so a
 * label like `Poll:` or `The Latest:` never makes a statement.
 */
export function titleStatement(text: string, title: Span, people: PeopleInDocument): Quote | undefined {
  const line = text.slice(title.start, title.end);
  const trimmed = trimEndOf(line, /[\s.]/);
  const make = (speaker: string, start: number, end: number): Quote | undefined => {
    const content = trimEndOf(line.slice(start, end).trim(), /[.,;:]/);
    if (content.split(/\s+/).length < 3) return undefined;
    const offset = title.start + start + (line.slice(start, end).length - line.slice(start, end).trimStart().length);
    const quoted = /^["“'‘].*["”'’]$/.test(content);
    return { text: quoted ? content.slice(1, -1) : content, speaker, kind: quoted ? 'direct' : 'reported', span: quoted ? { start: offset + 1, end: offset + content.length - 1 } : { start: offset, end: offset + content.length } };
  };
  // `Name: what they said`
  const label = /^([^:]{2,40}):\s+/.exec(trimmed);
  if (label) {
    const speaker = people.resolve(label[1].trim());
    if (speaker) return make(speaker, label[0].length, trimmed.length);
  }
  // `Name says (that) what they said`
  const leading = /^(.{2,40}?)\s+(?:says|said|tells|told|warns|insists|claims|argues|vows|urges)\s+(?:that\s+)?/i.exec(trimmed);
  if (leading) {
    const speaker = people.resolve(leading[1].trim());
    if (speaker) return make(speaker, leading[0].length, trimmed.length);
  }
  // `What they said, Name Says`
  const trailing = /, ([^,\s][^,]{0,38}\S) (?:says|said|tells|warns)$/i.exec(trimmed);
  if (trailing) {
    const speaker = people.resolve(trailing[1].trim());
    if (speaker) return make(speaker, 0, trailing.index);
  }
  return undefined;
}
