/**
 * Reads PolNeAR's brat standoff files: text-bound spans (`T<n>\t<Type> <start> <end>[;<start> <end>]\t<text>`)
 * and the relations that tie a cue, a source and one or more contents into an attribution (`E<n>\t...`).
 */

/** Offsets into the document text (JS string offsets), end exclusive. */
export interface Segment {
  readonly start: number;
  readonly end: number;
}

/** A span as annotated: possibly discontinuous ("“…,” she said, “…”" as one content). */
export interface AnnotatedSpan {
  readonly segments: readonly Segment[];
  /** The annotated text, its segments joined by a space (as brat writes it). */
  readonly text: string;
}

export interface GoldAttribution {
  readonly source?: AnnotatedSpan;
  readonly cue?: AnnotatedSpan;
  /** `Content` and, rarely, `Content2`: the words attributed. */
  readonly contents: readonly AnnotatedSpan[];
}

export interface BratDocument {
  readonly attributions: GoldAttribution[];
  /** Text-bound spans read, and how many of them do not say the text they claim at their offsets. */
  readonly spans: number;
  readonly mismatches: number;
}

/**
 * brat counts offsets in Unicode code points (it is Python); JS strings count UTF-16 units. They differ only
 * after a character outside the Basic Multilingual Plane, so the map is built only for texts that have one.
 */
function codePointOffsets(text: string): (offset: number) => number {
  if (!/[\uD800-\uDBFF]/.test(text)) return offset => offset;
  const units: number[] = [];
  let unit = 0;
  for (const character of text) {
    units.push(unit);
    unit += character.length;
  }
  units.push(unit);
  return offset => units[Math.min(offset, units.length - 1)];
}

const TEXT_BOUND = /^(T\d+)\t(\S+) ([\d ;]+)\t(.*)$/;

/** Parses one .ann file against its text; offsets come back as JS string offsets. */
export function readBrat(annotations: string, text: string): BratDocument {
  const toUnits = codePointOffsets(text);
  const spans = new Map<string, AnnotatedSpan>();
  let mismatches = 0;
  const relations: string[] = [];
  for (const line of annotations.split('\n')) {
    if (line.startsWith('E')) relations.push(line);
    const bound = TEXT_BOUND.exec(line);
    if (!bound) continue;
    const segments = bound[3].split(';').map(pair => {
      const [start, end] = pair.trim().split(' ').map(Number);
      return { start: toUnits(start), end: toUnits(end) };
    });
    // Verifies the offset convention on every span rather than trusting it.
    if (segments.map(s => text.slice(s.start, s.end)).join(' ') !== bound[4]) mismatches++;
    spans.set(bound[1], { segments, text: bound[4] });
  }
  return { attributions: relations.map(line => attributionOf(line, spans)), spans: spans.size, mismatches };
}

/** `E1\tAttribution:T4 Source:T1 Cue:T2 Content:T3`: roles in any order; a source may be absent. */
function attributionOf(line: string, spans: ReadonlyMap<string, AnnotatedSpan>): GoldAttribution {
  let source: AnnotatedSpan | undefined, cue: AnnotatedSpan | undefined;
  const contents: AnnotatedSpan[] = [];
  for (const argument of (line.split('\t')[1] ?? '').trim().split(/\s+/)) {
    const [role, id] = argument.split(':');
    const span = spans.get(id);
    if (!span) continue;
    if (role === 'Source') source = span;
    else if (role === 'Cue') cue = span;
    else if (role.startsWith('Content')) contents.push(span);
  }
  return { source, cue, contents };
}
