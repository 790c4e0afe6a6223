import { cpuUsage } from 'node:process';
import { documentRow, StatementTreeModel, type StatementNode } from '../client/src/statementTree';
import type { CorpusIndex } from '../server/src/core';
import { summaryOf } from '../server/src/convert';
import type { DocumentSummary } from '../shared/protocol';
import { ms, percentile } from './stats';

const RUNS = 5;

/**
 * The Statements view on the whole corpus, without the workbench: what the server does for
 * statementLens/documents (a summary per document, resolved speakers), the JSON round trip of the wire, and the
 * client's grouping and rows for what the view first shows. Beside it, the same steps as main did them before
 * (a flat list of every document with a tooltip each, and speaker groups grown by copying).
 */
export function benchTree(index: CorpusIndex): void {
  const documents = [...index.all()];
  const firstShown: number[] = [], toSpeaker: number[] = [], toDate: number[] = [], before: { shown: number[]; toSpeaker: number[] } = { shown: [], toSpeaker: [] }, after: { shown: number[] } = { shown: [] };
  let roots = { date: 0, speaker: 0 };
  let summaryMs = 0, wireMs = 0, bytes = 0;
  const cpu = cpuUsage();
  const cpuShown: number[] = [], cpuSwitch: number[] = [];
  const cpuMs = (since: NodeJS.CpuUsage) => {
    const used = cpuUsage(since);
    return (used.user + used.system) / 1000;
  };
  for (let run = 0; run < RUNS; run++) {
    let started = performance.now();
    let cpuStarted = cpuUsage();
    const summaries = documents.map(document => summaryOf(document, index));
    summaryMs += performance.now() - started;
    const wireStarted = performance.now();
    const json = JSON.stringify(summaries);
    bytes = json.length;
    const received = JSON.parse(json) as DocumentSummary[];
    wireMs += performance.now() - wireStarted;
    const model = new StatementTreeModel(received);
    const dateRoots = rows(model.rootsFor('date'));
    firstShown.push(performance.now() - started);
    cpuShown.push(cpuMs(cpuStarted));

    started = performance.now();
    cpuStarted = cpuUsage();
    const speakerRoots = rows(model.rootsFor('speaker'));
    toSpeaker.push(performance.now() - started);
    cpuSwitch.push(cpuMs(cpuStarted));
    started = performance.now();
    rows(model.rootsFor('date'));
    toDate.push(performance.now() - started);
    roots = { date: dateRoots, speaker: speakerRoots };

    // As before: every dated document a root row with its tooltip; speaker groups built by copying arrays.
    if (run < 2) {
      started = performance.now();
      const sorted = [...received].sort((a, b) => (b.date ?? '').localeCompare(a.date ?? '') || (a.title ?? '').localeCompare(b.title ?? ''));
      for (const document of sorted) oldRow(document);
      before.shown.push(performance.now() - started);
      started = performance.now();
      const groups = new Map<string, DocumentSummary[]>();
      for (const document of sorted) for (const speaker of document.speakers.length ? document.speakers : ['Unknown speaker']) groups.set(speaker, [...(groups.get(speaker) ?? []), document]);
      [...groups.keys()].sort((a, b) => a.localeCompare(b)).forEach(label => oldRow({ ...sorted[0], title: label }));
      before.toSpeaker.push(performance.now() - started);
      started = performance.now();
      rows(new StatementTreeModel(received).rootsFor('date'));
      after.shown.push(performance.now() - started);
    }
  }
  const used = cpuUsage(cpu);
  const p50 = (values: number[]) => ms(percentile(values, 50));
  console.log(`${documents.length} documents; ${(bytes / 1048576).toFixed(1)} MB of summaries on the wire; ${roots.date} root rows by date (years at scale), ${roots.speaker} by speaker, all collapsed`);
  console.log(`shown after indexing (summaries ${ms(summaryMs / RUNS)} + JSON round trip ${ms(wireMs / RUNS)} + grouping and root rows): p50 ${p50(firstShown)}, max ${ms(Math.max(...firstShown))} (goal ≤ 1000 ms)`);
  console.log(`sort switch date → speaker (first time, groups built): p50 ${p50(toSpeaker)}, max ${ms(Math.max(...toSpeaker))}; speaker → date (cached): p50 ${p50(toDate)} (goal ≤ 300 ms)`);
  console.log(`client side only, side by side: first rows ${p50(after.shown)} now against ${p50(before.shown)} before (every document a root row with its tooltip); first switch to speakers ${p50(toSpeaker)} now against ${p50(before.toSpeaker)} before (groups grown by copying)`);
  console.log(`CPU time (what a loaded machine's wall clock inflates): shown after indexing p50 ${p50(cpuShown)}, first switch to speakers p50 ${p50(cpuSwitch)}; ${((used.user + used.system) / 1e6).toFixed(2)} s for all ${RUNS} runs (+2 of the old way)`);
}

/** The rows the view makes for its root: a label and description per node, as getTreeItem does. */
function rows(nodes: StatementNode[]): number {
  for (const node of nodes) {
    if (node.kind === 'document') documentRow(node.document, node.speaker);
    else if (node.kind === 'group') void `${node.label} ${node.documents.length}`;
  }
  return nodes.length;
}

/** A root row as main made it before: title, date · speakers, and a Markdown tooltip of every field. */
function oldRow(document: DocumentSummary): string {
  const description = [document.date ?? 'undated', document.speakers.join(', ') || undefined].filter(Boolean).join(' · ');
  const tooltip = `**${document.title}**\n\nDate: ${description} _(from ${document.provenance.date})_  \nSpeakers: ${document.speakers.join(', ')}  \nOutlet: ${document.outlet ?? 'unknown'}  \nKind: ${document.kind} · ${document.quoteCount} quotes`;
  return document.title + description + tooltip;
}
