import type { DocumentSummary, QuoteDetail } from '../../shared/protocol';

/**
 * The Statements view's shape, without VS Code (documentsTree.ts renders it): which nodes are at the root, what a
 * group holds, and what each row says. Pure, so the bench measures it on the whole corpus and the core tier
 * tests it.
 */
export type SortMode = 'date' | 'speaker';

export type StatementNode =
  /** `id` is unique per sort order, so that switching never leaves a stale row, header or expansion behind. */
  | { kind: 'group'; id: string; label: string; documents: DocumentSummary[]; by: SortMode }
  /** `speaker`: the speaker group it is listed under. */
  | { kind: 'document'; id: string; document: DocumentSummary; speaker?: string }
  | { kind: 'quote'; document: DocumentSummary; quote: QuoteDetail };

export const UNDATED = 'Undated';
export const UNKNOWN_SPEAKER = 'Unknown speaker';

/**
 * Above this many documents the view is "at scale": dated documents are grouped by year, and every group starts
 * collapsed, so the first paint is a few dozen rows whatever the corpus (12,538 documents, 3,000-odd speakers in
 * ../shared/corpora). Below it, a flat newest-first list reads best.
 */
export const AT_SCALE = 300;

/** Documents of one corpus state, grouped once per sort order on first use; children are cut only when a group opens. */
export class StatementTreeModel {
  readonly documents: readonly DocumentSummary[];
  private readonly roots = new Map<SortMode, StatementNode[]>();

  constructor(documents: readonly DocumentSummary[]) {
    this.documents = newestFirst(documents);
  }

  get atScale(): boolean {
    return this.documents.length > AT_SCALE;
  }

  rootsFor(mode: SortMode): StatementNode[] {
    let roots = this.roots.get(mode);
    if (!roots) this.roots.set(mode, (roots = mode === 'date' ? this.byDate() : this.bySpeaker()));
    return roots;
  }

  childrenOf(group: Extract<StatementNode, { kind: 'group' }>): StatementNode[] {
    return childrenOf(group);
  }

  private byDate(): StatementNode[] {
    const undated = this.documents.filter(d => !d.date);
    const dated = this.documents.filter(d => d.date);
    const undatedGroup: StatementNode[] = undated.length ? [{ kind: 'group', id: `date/${UNDATED}`, label: UNDATED, documents: undated, by: 'date' }] : [];
    if (!this.atScale) return [...dated.map((document): StatementNode => ({ kind: 'document', id: `date/${document.uri}`, document })), ...undatedGroup];
    const years = new Map<string, DocumentSummary[]>();
    for (const document of dated) {
      const year = document.date!.slice(0, 4);
      let group = years.get(year);
      if (!group) years.set(year, (group = []));
      group.push(document);
    }
    // Newest first already, so the years come out newest first.
    return [...[...years].map(([year, documents]): StatementNode => ({ kind: 'group', id: `date/${year}`, label: year, documents, by: 'date' })), ...undatedGroup];
  }

  private bySpeaker(): StatementNode[] {
    const groups = new Map<string, DocumentSummary[]>();
    for (const document of this.documents) {
      for (const speaker of document.speakers.length ? document.speakers : [UNKNOWN_SPEAKER]) {
        let group = groups.get(speaker);
        if (!group) groups.set(speaker, (group = []));
        group.push(document);
      }
    }
    return [...groups.keys()]
      .sort((a, b) => (a === UNKNOWN_SPEAKER ? 1 : b === UNKNOWN_SPEAKER ? -1 : collator.compare(a, b)))
      .map(label => ({ kind: 'group', id: `speaker/${label}`, label, documents: groups.get(label)!, by: 'speaker' }));
  }
}

/**
 * A group's documents as rows, made when the group is expanded. A group carries its documents, so a group shown
 * before a re-index still opens after it (until the view refreshes).
 */
export function childrenOf(group: Extract<StatementNode, { kind: 'group' }>): StatementNode[] {
  const speaker = group.by === 'speaker' ? group.label : undefined;
  return group.documents.map(document => ({ kind: 'document', id: `${group.id}/${document.uri}`, document, speaker }));
}

const collator = new Intl.Collator(undefined, { sensitivity: 'base', numeric: true });

/** Newest first; undated last; ties by title. ISO dates compare as strings. */
function newestFirst(documents: readonly DocumentSummary[]): DocumentSummary[] {
  return [...documents].sort((a, b) => {
    const ad = a.date ?? '', bd = b.date ?? '';
    return ad === bd ? collator.compare(a.title ?? '', b.title ?? '') : ad < bd ? 1 : -1;
  });
}

export function dateLabel(document: DocumentSummary): string {
  return document.date ?? (document.partialDate ? `${document.partialDate} (year unknown)` : 'undated');
}

/**
 * A document row: date · speaker first, where a narrow side bar still shows them, then the title. Under a
 * speaker's group the speaker goes without saying; the others who speak in the document are named.
 */
export function documentRow(document: DocumentSummary, speakerGroup?: string): { label: string; description: string } {
  const speakers = document.speakers.filter(speaker => speaker !== speakerGroup);
  const named = speakers.length > 2 ? `${speakers.slice(0, 2).join(', ')} +${speakers.length - 2}` : speakers.join(', ');
  const lead = speakerGroup === undefined ? named || UNKNOWN_SPEAKER.toLowerCase() : named;
  return { label: [dateLabel(document), lead].filter(Boolean).join(' · '), description: document.title ?? '' };
}

/**
 * A speaker as the tooltip names them: a holder taken from the office the document names ("Statement from the
 * Press Secretary") says in which office, since the document is the office's statement as much as theirs.
 */
export function speakerLabel(document: DocumentSummary, speaker: string): string {
  const office = document.speakerOffices?.find(entry => entry.speaker === speaker);
  return office ? `${speaker} (as ${office.office})` : speaker;
}
