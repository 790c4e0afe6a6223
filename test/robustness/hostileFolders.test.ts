import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { after, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { FileSystemCorpusHost, resolveRoots } from '../../server/src/corpusFiles';

/** Corpus paths and links that lead out of the corpus: the walk must stay small and say why it stopped. */
describe('corpus walking is bounded', { timeout: 60_000 }, () => {
  const root = mkdtempSync(path.join(tmpdir(), 'statement-lens-folders-'));
  after(() => rmSync(root, { recursive: true, force: true }));

  const list = async (paths: string[], bounds = {}) => {
    const logs: string[] = [];
    const started = performance.now();
    const files = await new FileSystemCorpusHost(resolveRoots(paths, [root]), message => logs.push(message), bounds).listFiles();
    return { files, logs, ms: performance.now() - started };
  };

  test('the filesystem root and /proc, /sys, /dev are refused as corpus folders, with one message', async () => {
    for (const folder of ['/', '/proc', '/sys/kernel', '/dev']) {
      const { files, logs, ms } = await list([folder]);
      assert.deepEqual(files, []);
      assert.ok(ms < 1000, `${folder}: ${Math.round(ms)} ms`);
      assert.equal(logs.length, 1);
      assert.match(logs[0], /refused.*filesystem root and \/proc, \/sys, \/dev/);
    }
  });

  test('links to /proc/self/root, to a folder holding the corpus and into /proc are not followed', async () => {
    const corpus = path.join(root, 'links', 'corpus');
    mkdirSync(corpus, { recursive: true });
    writeFileSync(path.join(corpus, 'a.txt'), 'Talks\n\n"We will keep talking," Minister Wang Yi said.\n');
    writeFileSync(path.join(root, 'links', 'beside.txt'), 'Not part of the corpus.\n');
    symlinkSync('/proc/self/root', path.join(corpus, 'everything'));
    symlinkSync(path.join(root, 'links'), path.join(corpus, 'up'));
    symlinkSync('/proc/self/environ', path.join(corpus, 'environ.txt'));
    const { files, logs, ms } = await list([corpus]);
    assert.deepEqual(files.map(uri => path.basename(new URL(uri).pathname)), ['a.txt']);
    assert.ok(ms < 1000, `${Math.round(ms)} ms`);
    assert.ok(logs.some(line => /everything: a link to \/, a system folder/.test(line)), logs.join('\n'));
    assert.ok(logs.some(line => /up: a link to .*, which holds the corpus folder/.test(line)), logs.join('\n'));
    assert.ok(logs.some(line => /environ\.txt: a link into a system folder/.test(line)), logs.join('\n'));
  });

  test('a corpus file opened through a symlinked folder is a corpus file (an alias), not a draft', async () => {
    const real = path.join(root, 'aliases', 'corpus');
    mkdirSync(real, { recursive: true });
    writeFileSync(path.join(real, 'a.txt'), 'Talks\n');
    writeFileSync(path.join(root, 'aliases', 'draft.md'), 'A draft\n');
    symlinkSync(real, path.join(root, 'aliases', 'view'));
    const uri = (...parts: string[]) => pathToFileURL(path.join(root, 'aliases', ...parts)).toString();
    for (const [folder, listed, other] of [['corpus', 'corpus', 'view'], ['view', 'view', 'corpus']]) {
      const host = new FileSystemCorpusHost(resolveRoots([path.join(root, 'aliases', folder)], [root]));
      assert.deepEqual(await host.listFiles(), [uri(listed, 'a.txt')]);
      assert.ok(host.contains(uri(listed, 'a.txt')) && !host.isAlias(uri(listed, 'a.txt')), `${listed}/a.txt is listed`);
      assert.ok(host.contains(uri(other, 'a.txt')) && host.isAlias(uri(other, 'a.txt')), `${other}/a.txt is the same corpus file`);
      assert.ok(!host.contains(uri('draft.md')) && !host.isAlias(uri('draft.md')), 'the draft beside it is a draft');
    }
  });

  test('files, folders and depth are capped, with a message', async () => {
    const wide = path.join(root, 'wide');
    mkdirSync(wide);
    for (let i = 0; i < 30; i++) writeFileSync(path.join(wide, `${i}.txt`), `Document ${i}\n`);
    const capped = await list([wide], { maxFiles: 10 });
    assert.equal(capped.files.length, 10);
    assert.match(capped.logs.join('\n'), /Stopped reading the corpus at 10 files/);

    const deep = path.join(root, 'deep');
    let folder = deep;
    for (let i = 0; i < 12; i++) folder = path.join(folder, `d${i}`);
    mkdirSync(folder, { recursive: true });
    writeFileSync(path.join(folder, 'bottom.txt'), 'Bottom\n');
    const shallow = await list([deep], { maxDepth: 5 });
    assert.deepEqual(shallow.files, []);
    assert.match(shallow.logs.join('\n'), /more than 5 folders deep/);
    const few = await list([deep], { maxFolders: 3 });
    assert.match(few.logs.join('\n'), /Stopped reading the corpus at 3 folders/);
    assert.equal((await list([deep])).files.length, 1);
  });
});
