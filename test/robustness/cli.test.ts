import * as assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';
import { PROJECT } from '../protocol/serverHarness';

const CLI = path.join(PROJECT, 'server', 'out', 'cli.js');
const run = promisify(execFile);
const DOCUMENTS = 400;
const QUOTES = 12;

/** Runs a shell command line; resolves with its output and exit code, whatever the code. */
async function shell(command: string): Promise<{ stdout: string; stderr: string; code: number }> {
  try {
    const { stdout, stderr } = await run('sh', ['-c', command], { maxBuffer: 64 * 1024 * 1024 });
    return { stdout, stderr, code: 0 };
  } catch (error) {
    const failed = error as { stdout: string; stderr: string; code: number };
    return { stdout: failed.stdout, stderr: failed.stderr, code: failed.code };
  }
}

const quoted = (value: string) => `'${value.replace(/'/g, `'\\''`)}'`;

/** The built CLI, as scripts use it: through pipes, into files, with mistakes on the command line. */
describe('the built command line', { timeout: 120_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-cli-'));
  const corpus = path.join(root, 'corpus');
  const cli = `${quoted(process.execPath)} ${quoted(CLI)}`;

  before(() => {
    mkdirSync(corpus);
    for (let i = 0; i < DOCUMENTS; i++) {
      const lines = [`Statement ${i} on shipping`, ''];
      for (let q = 0; q < QUOTES; q++) lines.push(`"We will keep talking about shipping lane ${i} and harbour ${q} for as long as it takes to agree," Minister Ola Nord${i % 7} said.`, '');
      writeFileSync(path.join(corpus, `${String(i).padStart(4, '0')}.txt`), lines.join('\n'));
    }
  });
  after(() => rmSync(root, { recursive: true, force: true }));

  test('index --json writes all of its output through a pipe, as into a file (over 1 MB)', async () => {
    const file = path.join(root, 'index.json');
    const intoFile = await shell(`${cli} index ${quoted(corpus)} --json > ${quoted(file)}`);
    assert.equal(intoFile.code, 0, intoFile.stderr);
    const bytes = statSync(file).size;
    assert.ok(bytes > 1024 * 1024, `over 1 MB of output (${bytes} bytes)`);
    const counted = await shell(`${cli} index ${quoted(corpus)} --json | wc -c`);
    assert.equal(Number(counted.stdout.trim()), bytes, 'the same number of bytes through a pipe');
    // A slow reader on the other end of the pipe gets everything too.
    const slow = await shell(`${cli} index ${quoted(corpus)} --json | (sleep 1; cat) | wc -c`);
    assert.equal(Number(slow.stdout.trim()), bytes);
    const parsed = JSON.parse(readFileSync(file, 'utf8')) as { documents: unknown[] };
    assert.equal(parsed.documents.length, DOCUMENTS);
    // And straight into this process's pipe.
    const { stdout } = await run(process.execPath, [CLI, 'index', corpus, '--json'], { maxBuffer: 64 * 1024 * 1024 });
    assert.equal(Buffer.byteLength(stdout), bytes);
  });

  test('a reader that stops early (| head) is not an error', async () => {
    const result = await shell(`${cli} index ${quoted(corpus)} --json | head -c 100 > /dev/null; echo "exit $?"`);
    assert.match(result.stdout, /exit 0/);
    assert.doesNotMatch(result.stderr, /EPIPE|Error/);
  });

  test('mistakes exit non-zero with a message on stderr', async () => {
    const cases: { args: string; code: number; message: RegExp }[] = [
      { args: `index ${quoted(path.join(root, 'missing'))}`, code: 1, message: /no such folder: .*missing/ },
      { args: `search anything --corpus ${quoted(path.join(root, 'missing'))}`, code: 1, message: /no such folder/ },
      { args: 'search anything --limt 3', code: 2, message: /unknown option --limt/ },
      { args: 'search anything --limit', code: 2, message: /--limit needs a value/ },
      { args: 'search anything --limit many', code: 2, message: /--limit must be a positive whole number/ },
      { args: 'search', code: 2, message: /Usage:/ },
      { args: 'frobnicate', code: 2, message: /Usage:/ },
      { args: 'cite', code: 2, message: /Usage:/ },
      { args: `cite ${quoted(path.join(root, 'missing.md'))} --csl-json`, code: 1, message: /no such draft: .*missing\.md/ },
      { args: 'index --csl-json', code: 2, message: /unknown option --csl-json/ },
    ];
    for (const { args, code, message } of cases) {
      const result = await shell(`${cli} ${args}`);
      assert.equal(result.code, code, `statement-lens ${args}: exit code (stderr: ${result.stderr})`);
      assert.match(result.stderr, message, `statement-lens ${args}`);
      assert.equal(result.stdout, '', `statement-lens ${args}: nothing on stdout`);
    }
  });

  test('a search through a pipe: every hit, as JSON', async () => {
    const result = await shell(`${cli} search "shipping lane harbour" --corpus ${quoted(corpus)} --limit 50 --json | cat`);
    assert.equal(result.code, 0, result.stderr);
    const parsed = JSON.parse(result.stdout) as { hits: unknown[] };
    assert.equal(parsed.hits.length, 50);
  });

  test('people --query: only the people a name matches, as the usage says', async () => {
    const folder = path.join(root, 'people');
    mkdirSync(folder);
    for (let i = 0; i < 3; i++) writeFileSync(path.join(folder, `${i}.txt`), `Statement ${i}\n\n"We will keep talking about lane ${i}," Minister Ola Nord said. "We agree," Minister Ivo Sand said.\n`);
    const people = async (...args: string[]) => {
      const result = await shell(`${cli} people ${quoted(folder)} ${args.join(' ')} --json --no-cache`);
      assert.equal(result.code, 0, result.stderr);
      return (JSON.parse(result.stdout) as { people: { name: string }[] }).people.map(person => person.name).sort();
    };
    assert.deepEqual(await people(), ['Ivo Sand', 'Ola Nord']);
    assert.deepEqual(await people('--query', 'Sand'), ['Ivo Sand']);
  });

  test('a speaker named only by office: index shows the holder on the date, as the office; people counts the document', async () => {
    const folder = path.join(root, 'office');
    mkdirSync(folder);
    for (let i = 0; i < 6; i++) writeFileSync(path.join(folder, `ps-${i}.md`), `---\ntitle: Briefing ${i}\ndate: 2023-04-2${i}\n---\n\nPress Secretary Dana Wexford said the harbour works would go on. The committee met again.\n`);
    writeFileSync(path.join(folder, 'statement.md'), '---\ntitle: Statement from the Press Secretary\ndate: 2023-04-23\n---\n\nWe thank the Senate for its work.\n\nThe ferry service resumes on Monday.\n');
    const index = await shell(`${cli} index ${quoted(folder)} --no-cache`);
    assert.equal(index.code, 0, index.stderr);
    assert.match(index.stdout, /^2023-04-23 +Dana Wexford \(as Press Secretary\) +Statement from the Press Secretary$/m);
    const people = await shell(`${cli} people ${quoted(folder)} --json --no-cache`);
    assert.deepEqual((JSON.parse(people.stdout) as { people: { name: string; documents: number }[] }).people.map(({ name, documents }) => ({ name, documents })), [{ name: 'Dana Wexford', documents: 7 }]);
  });

  test('cite --csl-json: the sources of a draft\'s quotations as a CSL-JSON array, through a pipe', async () => {
    const result = await shell(`${cli} cite ${quoted(path.join(PROJECT, 'sample', 'drafts', 'talks.md'))} --csl-json | cat`);
    assert.equal(result.code, 0, result.stderr);
    const items = JSON.parse(result.stdout) as { id: string; type: string; title: string; URL?: string; note: string }[];
    assert.deepEqual(items.map(item => item.id), ['china-daily-2020', 'cgtn-2021', 'china-daily-2020-2']);
    assert.ok(items.every(item => item.type === 'article-newspaper' && item.title && item.URL?.startsWith('http')));
    assert.match(items[1].note, /^“My job is to shorten this exploring process/);
    const text = await shell(`${cli} cite ${quoted(path.join(PROJECT, 'sample', 'drafts', 'talks.md'))}`);
    assert.match(text.stdout, /^cgtn-2021 {2}“My job/m);
    assert.match(text.stdout, /CGTN · 2021-10-01 · https:\/\/news\.cgtn\.com\//);
  });
});
