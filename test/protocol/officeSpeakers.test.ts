import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { DidOpenTextDocumentNotification, HoverRequest, type Hover, type MarkupContent } from 'vscode-languageserver-protocol';
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import { DocumentsRequest, PeopleRequest, SearchQuotesRequest } from '../../shared/protocol';
import { initialize, startInProcess, type TestClient } from './serverHarness';

const doc = (date: string, title: string, body: string) => `---\ntitle: ${title}\ndate: ${date}\n---\n\n${body}\n`;

/** A speaker named only by office, as any editor sees it: the summaries, statementLens/people and speaker:. */
describe('speakers named only by office over LSP', () => {
  const workspace = mkdtempSync(path.join(tmpdir(), 'statement-lens-offices-'));
  const corpus = path.join(workspace, 'corpus');
  let client: TestClient;

  before(async () => {
    mkdirSync(corpus);
    for (let i = 0; i < 6; i++) {
      writeFileSync(path.join(corpus, `ps-${i}.md`), doc(`2023-04-2${i}`, `Briefing ${i}`, 'Press Secretary Dana Wexford said the harbour works would go on. The committee met again.'));
    }
    writeFileSync(path.join(corpus, 'statement.md'), doc('2023-04-23', 'Statement from the Press Secretary', 'We thank the Senate for its work.\n\nThe ferry service resumes on Monday, and the docks open soon after.'));
    client = startInProcess();
    await initialize(client, { corpusPaths: [corpus], includeBundledSeeds: false, workspace });
  });
  after(async () => {
    await client.close();
    rmSync(workspace, { recursive: true, force: true });
  });

  test('the summary names the holder, as the office, with why; the people record and speaker: agree', async () => {
    const summaries = await client.connection.sendRequest(DocumentsRequest, {});
    const statement = summaries.find(summary => summary.uri.endsWith('statement.md'))!;
    assert.deepEqual(statement.speakers, ['Dana Wexford']);
    assert.deepEqual(statement.speakerOffices, [{ speaker: 'Dana Wexford', office: 'Press Secretary', why: 'Press Secretary on 2023-04-23, from 6 of 6 documents titling someone so between 2023-04-20 and 2023-04-25' }]);
    assert.ok(summaries.filter(summary => !summary.uri.endsWith('statement.md')).every(summary => summary.speakerOffices === undefined));
    const { people } = await client.connection.sendRequest(PeopleRequest, { query: 'wexford' });
    assert.equal(people[0].documents, 7);
    assert.ok(people[0].merges.some(merge => merge.reason === 'office on the date' && /^Press Secretary on 2023-04-23 in 1 document/.test(merge.why ?? '')), JSON.stringify(people[0].merges));
    const hits = await client.connection.sendRequest(SearchQuotesRequest, { query: 'speaker:wexford ferry service resumes' });
    assert.ok(hits.some(hit => hit.uri.endsWith('statement.md') && hit.speaker === 'Dana Wexford'), JSON.stringify(hits));
  });

  test('a hover on the office in the statement shows its holder on that date, and why', async () => {
    const file = path.join(corpus, 'statement.md');
    const uri = pathToFileURL(file).toString();
    await client.connection.sendNotification(DidOpenTextDocumentNotification.type, { textDocument: { uri, languageId: 'markdown', version: 1, text: readFileSync(file, 'utf8') } });
    const hover = await client.connection.sendRequest<Hover | null>(HoverRequest.method, { textDocument: { uri }, position: { line: 1, character: 32 } });
    assert.ok(hover, 'a card');
    const value = (hover.contents as MarkupContent).value;
    assert.match(value, /"Press Secretary" here is Dana Wexford, as Press Secretary: Press Secretary on 2023-04-23, from 6 of 6 documents titling someone so/);
    assert.match(value, /\*\*Dana Wexford\*\*/);
  });
});
