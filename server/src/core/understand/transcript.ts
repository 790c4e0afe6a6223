import type { Quote, Span } from '../model';
import { HONORIFICS, ROLE_HEADS, ROLE_MODIFIERS } from './lexicon';
import { isGivenName } from './givenNameGender';
import type { PeopleInDocument } from './people';

/** A speaker's cue at the start of a paragraph: "SECRETARY BLINKEN:", "**THE PRESIDENT:**", "Q", "MR. PRICE:". */
// A cue ends at a colon, or at a full stop that is not an initial's ("JOSEPH R. BIDEN JR." is a signature).
const CUE = /^(?:\*\*)?((?:(?:MR|MS|MRS|DR)\.?\s+)?[A-Z][A-Z.'’\- ]{1,48}[A-Z.]|Q)(?:\*\*)?\s*(?::|(?<![\s.][A-Z])\.(?=\s)|(?<=^Q)(?=\s))(?:\*\*)?\s*/;
const NOT_A_CUE = /^(?:NOTE|UPDATE|EDITOR'S NOTE|WASHINGTON|BEIJING|END|AS PREPARED FOR DELIVERY|FOR IMMEDIATE RELEASE)$/;

const titleCase = (label: string) => label.toLowerCase().replace(/(^|[\s.'’-])([a-z])/g, (_, sep: string, c: string) => sep + c.toUpperCase());

/** One `transcript` quote per turn; a turn runs until the next cue. Empty for documents without turns. */
export function findTurns(text: string, paragraphs: readonly Span[], people: PeopleInDocument, principal: readonly string[], principalRoles: ReadonlyMap<string, string> = new Map(), isListItem: (paragraph: Span) => boolean = () => false): Quote[] {
  const turns: Quote[] = [];
  let current: { speaker: string; unnamed: boolean; start: number; end: number } | undefined;
  const flush = () => {
    if (current && current.end > current.start) {
      turns.push({ text: text.slice(current.start, current.end).replace(/\s+/g, ' ').trim(), speaker: current.speaker, ...(current.unnamed ? { speakerKind: 'unnamed' as const } : {}), kind: 'transcript', span: { start: current.start, end: current.end } });
    }
  };
  let cues = 0;
  for (const paragraph of paragraphs) {
    const line = text.slice(paragraph.start, paragraph.end);
    // In Markdown, `- **DISMISSED:** …` is a labelled list item, not a turn.
    const cue = isListItem(paragraph) ? null : CUE.exec(line);
    const label = cue?.[1].trim().replace(/\.$/, '');
    if (cue && label && !NOT_A_CUE.test(label) && label.split(/\s+/).length <= 6 && !isSectionHeading(label, line.length - cue[0].length < 3, people)) {
      flush();
      cues++;
      const speaker = speakerOfCue(label, people, principal, principalRoles);
      current = { speaker, unnamed: isUnnamedCue(speaker, people), start: paragraph.start + cue[0].length, end: paragraph.end };
    } else if (current) {
      current.end = paragraph.end;
    }
  }
  flush();
  return cues >= 2 ? turns : [];
}

/**
 * "BOLSTERING GLOBAL CLIMATE RESILIENCE:", "***ADDITIONAL DETAILS:***": a fact sheet's heading in capitals, not a
 * speaker. It stands alone in its paragraph, or every word of it is one the document also writes in lower case;
 * and none of its words is a title, a role in the room, a given name, nor is it a name the document knows. A
 * one-word label ("RICE:") may be a surname.
 */
function isSectionHeading(label: string, alone: boolean, people: PeopleInDocument): boolean {
  const words = label.toLowerCase().split(/\s+/);
  if (words.length < 2 || words.some(word => ROLE_HEADS.has(word) || ROOM_ROLES.has(word) || HONORIFICS.has(word) || /^(?:mr|ms|mrs|dr)\.?$/.test(word) || isGivenName(word))) return false;
  if (people.resolve(titleCase(label))) return false;
  // "FULL FEDERAL RECOGNITION IS LONG OVERDUE:": a verb makes it a sentence, which no speaker's label is.
  return alone || words.some(word => /^(?:is|are|was|were|will|must|can|has|have)$/.test(word)) || words.every(word => people.writesInLowerCase(word));
}

/** Cues that name a role in the room, not a person: "AUDIENCE MEMBER", "MODERATOR", "SENIOR ADMINISTRATION OFFICIAL". */
const ROOM_ROLES = new Set(['audience', 'member', 'members', 'moderator', 'participant', 'participants', 'operator', 'aide', 'aides', 'staff', 'staffer', 'interpreter', 'child', 'children', 'subject', 'administration', 'official', 'officials', 'reporter', 'reporters', 'question', 'voice', 'voices', 'crowd', 'attendee', 'student', 'students', 'narrator', 'announcer', 'host', 'panelist', 'unidentified', 'speaker', 'male', 'female', 'man', 'woman', 'press', 'senior', 'other', 'another', 'the', 'a', 'an', 'and', 'of', 'u.s', 'u.s.']);

/** A cue is an unnamed speaker when no person of the document answers to it and its words only describe a role. */
function isUnnamedCue(speaker: string, people: PeopleInDocument): boolean {
  if (people.people.some(person => person.name === speaker)) return false;
  const words = speaker.toLowerCase().split(/\s+/);
  return words.every(word => ROOM_ROLES.has(word) || ROLE_HEADS.has(word) || ROLE_MODIFIERS.has(word) || /^\d+$/.test(word));
}

/** "President" is the office of a title "President" or "U.S. President", not "Vice President" or "Deputy Secretary". */
function holdsOffice(title: string | undefined, role: string): boolean {
  if (!title) return false;
  const t = title.toLowerCase(), r = role.toLowerCase();
  return t === r || t.endsWith(` ${r}`) && !/\b(?:vice|deputy|assistant|under|acting|former|associate)\b/.test(t.slice(0, -r.length));
}

function speakerOfCue(label: string, people: PeopleInDocument, principal: readonly string[], principalRoles: ReadonlyMap<string, string>): string {
  if (label === 'Q' || label === 'QUESTION' || label === 'REPORTER') return 'Reporter';
  const named = people.resolve(label);
  if (named) return named;
  const human = titleCase(label);
  if (/^THE\s+/.test(label)) {
    // "THE PRESIDENT:" in "Remarks by President Biden" is Biden, whoever else the remarks call a president
    // ("Lonnie Stephenson, President of the IBEW").
    const role = human.replace(/^The\s+/, '');
    const titledWithRole = principal.find(name => holdsOffice(principalRoles.get(name), role));
    if (titledWithRole) return titledWithRole;
    const byRole = people.resolveByRole(human);
    if (byRole) return byRole;
    const principalWithRole = principal.find(name => people.people.find(p => p.name === name)?.roles.some(r => r.title.toLowerCase().includes(role.toLowerCase())));
    if (principalWithRole) return principalWithRole;
    const surnameInPrincipal = principal.find(name => people.resolveByRole(`the ${role}`) === name);
    if (surnameInPrincipal) return surnameInPrincipal;
    return human.replace(/^The\s+/, 'The ');
  }
  // "MR. PRICE", "PRIME MINISTER TRUDEAU": the surname after the titles names the person.
  const words = human.split(/\s+/);
  const surname = words[words.length - 1];
  const titled = words.slice(0, -1).every(word => ROLE_HEADS.has(word.toLowerCase()) || ROLE_MODIFIERS.has(word.toLowerCase()) || HONORIFICS.has(word.toLowerCase()) || /^(?:mr|ms|mrs|dr)\.?$/i.test(word));
  if (words.length > 1 && titled && !ROLE_HEADS.has(surname.toLowerCase()) && !ROLE_MODIFIERS.has(surname.toLowerCase())) return people.resolve(surname) ?? surname;
  return human;
}
