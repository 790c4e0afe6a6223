import type { IndexedParams } from '../../shared/protocol';

/** The last full pass over the corpus: when it finished and how long it took. */
export interface FullIndex {
  readonly finishedAt: Date;
  readonly durationMs: number;
}

/**
 * What the status bar item says about the corpus. The tooltip gives the last full index, not the last small
 * update (which takes a few ms); the accessible label reads the counts without the icon's name.
 */
export function corpusStatus({ documents, quotes, people }: IndexedParams, full: FullIndex | undefined): { text: string; tooltip: string; accessibilityLabel: string } {
  const counts = `${documents.toLocaleString('en-US')} docs · ${quotes.toLocaleString('en-US')} quotes`;
  const indexed = full ? ` Last full index finished at ${full.finishedAt.toLocaleTimeString('en-GB')} and took ${formatDuration(full.durationMs)}.` : '';
  return {
    text: `$(quote) ${counts}`,
    tooltip: `Statement Lens corpus: ${documents} documents, ${quotes} quotations, ${people} people.${indexed} Click to open the Statements view.`,
    accessibilityLabel: `Statement Lens corpus: ${documents} documents, ${quotes} quotations`,
  };
}

export function formatDuration(ms: number): string {
  return ms < 1000 ? `${Math.round(ms)} ms` : `${(ms / 1000).toFixed(1)} s`;
}
