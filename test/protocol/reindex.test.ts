import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { ConfigurationRequest, DidChangeConfigurationNotification, DidOpenTextDocumentNotification, PublishDiagnosticsNotification, type WorkDoneProgressBegin, type WorkDoneProgressEnd, type WorkDoneProgressReport } from 'vscode-languageserver-protocol';
import { DocumentsRequest, IndexingStartedNotification, ReindexRequest } from '../../shared/protocol';
import { initialize, startInProcess, type TestClient } from './serverHarness';

/** A draft giving a seed quotation to Wang Yi, who did not say it: one warning once the corpus is indexed. */
const DRAFT = 'Foreign Minister Wang Yi said "All they think about is how to work together to defeat COVID-19, save lives, and revive the economy."\n';
const DRAFT_URI = 'file:///tmp/statement-lens-reindex/draft.md';

type ProgressValue = WorkDoneProgressBegin | WorkDoneProgressReport | WorkDoneProgressEnd;

/**
 * A client with a settings UI (it answers workspace/configuration from `section`) that records every full pass
 * the server reports: work-done progress begin/end and `statementLens/indexed`, in order.
 */
function recordingClient(section: Record<string, unknown>) {
  const client = startInProcess();
  const events: string[] = [];
  let pulls = 0;
  let pulled: (() => void)[] = [];
  const open = new Set<string | number>();
  client.connection.onRequest(ConfigurationRequest.type, ({ items }) => {
    pulls++;
    pulled.splice(0).forEach(wake => wake());
    return items.map(() => section);
  });
  client.connection.onNotification('$/progress', ({ token, value }: { token: string | number; value: ProgressValue }) => {
    if (value.kind === 'begin') open.add(token);
    if (value.kind === 'end') open.delete(token);
    if (value.kind !== 'report') events.push(value.kind);
  });
  client.onIndexed(({ documents }) => {
    events.push(open.size ? `indexed ${documents} during a pass` : `indexed ${documents}`);
  });
  const diagnosed: (() => void)[] = [];
  client.connection.onNotification(PublishDiagnosticsNotification.type, ({ uri, diagnostics }) => {
    if (uri !== DRAFT_URI) return;
    events.push(open.size ? `diagnostics ${diagnostics.length} during a pass` : `diagnostics ${diagnostics.length}`);
    diagnosed.splice(0).forEach(wake => wake());
  });
  return {
    client,
    events,
    /** Resolves on the draft's next diagnostics. */
    nextDiagnostics: () => new Promise<void>(resolve => diagnosed.push(resolve)),
    openDraft: () => client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri: DRAFT_URI, languageId: 'markdown', version: 1, text: DRAFT } }),
    section,
    /** Sends a configuration change and resolves once the server has read the settings it announces. */
    async changeConfiguration(): Promise<void> {
      const read = new Promise<void>(resolve => pulled.push(resolve));
      await client.connection.sendNotification(DidChangeConfigurationNotification.type, { settings: null });
      await read;
    },
    /** Resolves when the server is idle: DocumentsRequest waits for every pass requested before it. */
    settled: (c: TestClient = client) => c.connection.sendRequest(DocumentsRequest, {}),
    get pulls() {
      return pulls;
    },
    resetPulled: () => (pulled = []),
  };
}

describe('re-indexing only when the corpus changes', { timeout: 30_000 }, () => {
  test('a change to a setting outside statementLens.corpus.* starts no pass', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true }, citation: { format: '${quote} (${speaker})' } });
    try {
      await initialize(run.client, { configuration: true });
      assert.deepEqual(run.events, ['begin', 'end', 'indexed 5']);
      run.section.citation = { format: '"${quote}", ${speaker}' };
      run.section.quoteCheck = { enabled: false };
      await run.changeConfiguration();
      await run.settled();
      assert.deepEqual(run.events, ['begin', 'end', 'indexed 5'], 'no progress and no indexed notification after a citation or quote-check change');
    } finally {
      await run.client.close();
    }
  });

  test('a change to statementLens.corpus.* starts exactly one pass, which reads the new settings', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true } });
    try {
      await initialize(run.client, { configuration: true });
      run.section.corpus = { paths: [], includeBundledSeeds: false };
      await run.changeConfiguration();
      assert.deepEqual(await run.settled(), []);
      assert.deepEqual(run.events, ['begin', 'end', 'indexed 5', 'begin', 'end', 'indexed 0']);
      // The same corpus settings sent again (VS Code sends one change per registration): nothing to do.
      await run.changeConfiguration();
      await run.settled();
      assert.deepEqual(run.events, ['begin', 'end', 'indexed 5', 'begin', 'end', 'indexed 0']);
    } finally {
      await run.client.close();
    }
  });

  test('three reindex requests at once cost two passes, and only the last says "indexed"', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true } });
    try {
      await initialize(run.client, { configuration: true });
      run.events.length = 0;
      const answers = await Promise.all([1, 2, 3].map(() => run.client.connection.sendRequest(ReindexRequest, {})));
      assert.deepEqual(answers.map(answer => answer.documents), [5, 5, 5], 'every request is answered with its pass');
      assert.deepEqual(run.events, ['begin', 'end', 'begin', 'end', 'indexed 5'], 'the first pass runs, the other two requests share one more; no stale figures between them');
    } finally {
      await run.client.close();
    }
  });

  test('configuration changes during a pass merge into one more pass; progress always ends', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true } });
    try {
      const first = initialize(run.client, { configuration: true });
      run.section.corpus = { paths: [], includeBundledSeeds: false, maxLineLength: 5000 };
      // As a window reload does: the client sends changes while the first pass runs.
      await run.changeConfiguration();
      run.section.corpus = { paths: [], includeBundledSeeds: false, maxLineLength: 6000 };
      await run.changeConfiguration();
      await first;
      await run.settled();
      assert.equal(run.events.filter(event => event === 'begin').length, 2, `two passes at most: ${run.events.join(', ')}`);
      assert.equal(run.events.filter(event => event === 'begin').length, run.events.filter(event => event === 'end').length, 'each progress begun is ended');
      assert.ok(!run.events.some(event => event.includes('during a pass')), `no figures while a pass runs: ${run.events.join(', ')}`);
      assert.equal(run.events.at(-1), 'indexed 0', 'the last figures are those of the latest settings');
    } finally {
      await run.client.close();
    }
  });

  test('a draft opened while passes run gets its diagnostics once, when the last pass ends', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true } });
    try {
      await initialize(run.client, { configuration: true });
      run.events.length = 0;
      const diagnosed = run.nextDiagnostics();
      const answers = [1, 2, 3].map(() => run.client.connection.sendRequest(ReindexRequest, {}));
      await run.openDraft();
      await Promise.all(answers);
      await diagnosed;
      const checked = run.events.filter(event => event.startsWith('diagnostics'));
      assert.equal(checked.length, 1, `checked once: ${run.events.join(', ')}`);
      assert.ok(!checked[0].includes('during a pass') && checked[0] !== 'diagnostics 0', `against the whole corpus: ${run.events.join(', ')}`);
      assert.ok(run.events.indexOf(checked[0]) > run.events.lastIndexOf('end'), `after the last pass: ${run.events.join(', ')}`);
    } finally {
      await run.client.close();
    }
  });

  test('turning the quote check off clears a draft\'s diagnostics without a pass', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true }, quoteCheck: { enabled: true } });
    try {
      await initialize(run.client, { configuration: true });
      let diagnosed = run.nextDiagnostics();
      await run.openDraft();
      await diagnosed;
      run.events.length = 0;
      diagnosed = run.nextDiagnostics();
      run.section.quoteCheck = { enabled: false };
      await run.changeConfiguration();
      await diagnosed;
      assert.deepEqual(run.events, ['diagnostics 0']);
    } finally {
      await run.client.close();
    }
  });
  test('every full pass is announced when it starts, so a status bar never shows the old count as current', async () => {
    const run = recordingClient({ corpus: { paths: [], includeBundledSeeds: true } });
    const started: string[] = [];
    run.client.connection.onNotification(IndexingStartedNotification.method, () => {
      started.push(`started after ${run.events.filter(e => e.startsWith('indexed')).length} indexed`);
    });
    try {
      await initialize(run.client, { configuration: true });
      run.section.corpus = { paths: [], includeBundledSeeds: false };
      await run.changeConfiguration();
      await run.settled();
      assert.deepEqual(started, ['started after 0 indexed', 'started after 1 indexed'], 'one start before each pass, the second after the first pass was announced');
      assert.deepEqual(run.events.filter(e => e.startsWith('indexed')), ['indexed 5', 'indexed 0']);
    } finally {
      await run.client.close();
    }
  });
});
