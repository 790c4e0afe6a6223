import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CorpusIndex } from '../server/src/core';
import { definitionAt } from '../server/src/features/definition';
import { hoverAt } from '../server/src/features/hover';
import { referencesAt } from '../server/src/features/references';
import { ms, percentile } from './stats';

/** Hover, definition and references on names of a draft, against the whole corpus index. */
export function benchNames(index: CorpusIndex): void {
  const names = ['Blinken', 'President Biden', 'Harris', 'Jake Sullivan', 'Ned Price', 'Qin Gang', 'Zelenskyy', 'Secretary Blinken', 'Trump', 'Xi Jinping'];
  const text = names.map(name => `Today ${name} said something about the talks.`).join('\n');
  const draft = TextDocument.create('file:///draft.md', 'markdown', 1, text);
  const positions = names.map((_, line) => ({ line, character: 7 }));
  const measure = (label: string, run: (position: { line: number; character: number }) => unknown) => {
    const times: number[] = [];
    for (let round = 0; round < 5; round++) {
      for (const position of positions) {
        const started = performance.now();
        run(position);
        times.push(performance.now() - started);
      }
    }
    console.log(`${label.padEnd(11)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))} (${times.length} requests)`);
  };
  measure('hover', position => hoverAt(index, draft, position));
  measure('definition', position => definitionAt(index, draft, position));
  measure('references', position => referencesAt(index, draft, position, [{ uri: draft.uri, document: draft }]));
}
