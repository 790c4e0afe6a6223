import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import { test } from 'node:test';
import { corpusTargetOf } from '../../client/src/corpusTarget';

// A pure client helper, tested with the other pure code: where "Add Corpus Folder…" writes a folder.
test('a folder inside a trusted workspace folder goes to its settings as a relative path', () => {
  assert.deepEqual(corpusTargetOf('/home/ana/story/corpus/readouts', ['/home/ana/story'], true, '/home/ana'), { scope: 'workspaceFolder', workspaceFolder: '/home/ana/story', entry: 'corpus/readouts' });
  assert.deepEqual(corpusTargetOf('/home/ana/story', ['/home/ana/story'], true, '/home/ana'), { scope: 'workspaceFolder', workspaceFolder: '/home/ana/story', entry: '.' });
  // Nested workspace folders: the innermost holds it.
  assert.deepEqual(corpusTargetOf('/w/outer/inner/corpus', ['/w/outer', '/w/outer/inner'], true, '/home/ana'), { scope: 'workspaceFolder', workspaceFolder: '/w/outer/inner', entry: 'corpus' });
});

test('any other folder, or any folder of an untrusted workspace, goes to user settings, `~/` under the home folder', () => {
  assert.deepEqual(corpusTargetOf('/home/ana/archive', ['/home/ana/story'], true, '/home/ana'), { scope: 'user', entry: '~/archive' });
  // A sibling whose name starts like the workspace folder's is not inside it.
  assert.deepEqual(corpusTargetOf('/home/ana/story-archive', ['/home/ana/story'], true, '/home/ana'), { scope: 'user', entry: '~/story-archive' });
  assert.deepEqual(corpusTargetOf('/home/ana/story/corpus', ['/home/ana/story'], false, '/home/ana'), { scope: 'user', entry: '~/story/corpus' });
  assert.deepEqual(corpusTargetOf('/srv/statements', [], true, '/home/ana'), { scope: 'user', entry: '/srv/statements' });
  assert.deepEqual(corpusTargetOf('/home/ana', [], true, '/home/ana'), { scope: 'user', entry: '/home/ana' });
});

test('Windows paths: relative entries use forward slashes, and drive letters are compared as Windows does', () => {
  assert.deepEqual(corpusTargetOf('C:\\Users\\ana\\story\\corpus\\un', ['c:\\Users\\ana\\story'], true, 'C:\\Users\\ana', path.win32), { scope: 'workspaceFolder', workspaceFolder: 'c:\\Users\\ana\\story', entry: 'corpus/un' });
  assert.deepEqual(corpusTargetOf('D:\\archive', ['C:\\Users\\ana\\story'], true, 'C:\\Users\\ana', path.win32), { scope: 'user', entry: 'D:\\archive' });
});
