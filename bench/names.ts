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
  const time = (run: () => unknown) => {
    const started = performance.now();
    run();
    return performance.now() - started;
  };
  const report = (label: string, times: number[]) => console.log(`${label.padEnd(34)} p50 ${ms(percentile(times, 50))}, p95 ${ms(percentile(times, 95))}, max ${ms(Math.max(...times))} (${times.length} requests)`);
  // The first hover on each name gathers that person's record from the per-name facts; later ones read it.
  report('hover, first on each name', positions.map(position => time(() => hoverAt(index, draft, position))));
  const measure = (label: string, run: (position: { line: number; character: number }) => unknown) => {
    const times: number[] = [];
    for (let round = 0; round < 5; round++) for (const position of positions) times.push(time(() => run(position)));
    report(label, times);
  };
  measure('hover', position => hoverAt(index, draft, position));
  // A document naming the person is set again (as when its file changes): the person's record is rebuilt.
  const changed: number[] = [];
  for (let round = 0; round < 3; round++) {
    positions.forEach((position, line) => {
      const person = index.nameAt(text, draft.offsetAt(position))?.people[0];
      const uris = person ? index.person(person)?.uris ?? [] : [];
      const document = uris.length ? index.get(uris[(round * 7919) % uris.length]) : undefined;
      if (document) index.set(document);
      changed.push(time(() => hoverAt(index, draft, positions[line])));
    });
  }
  report('hover, after a change to a document naming the person', changed);
  measure('definition', position => definitionAt(index, draft, position));
  measure('references', position => referencesAt(index, draft, position, [{ uri: draft.uri, document: draft }]));
}
