// The layer fences of eslint.config.mjs (ARCHITECTURE.md, "Fences"): each import that breaks one, linted as if
// it were a line of a real file of that layer, must fail with no-restricted-imports; the same file as it is passes.
import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { ESLint } from 'eslint';

const ROOT = path.resolve(__dirname, '..', '..');
const eslint = new ESLint({ cwd: ROOT });

/** Lints `file`'s own text with `line` put first, and returns the no-restricted-imports messages. */
async function fenceMessages(file: string, line: string): Promise<string[]> {
  const filePath = path.join(ROOT, file);
  const [result] = await eslint.lintText(`${line}\n${readFileSync(filePath, 'utf8')}`, { filePath });
  const fatal = result.messages.filter(m => m.fatal);
  assert.deepEqual(fatal, [], `${file} did not parse`);
  return result.messages.filter(m => m.ruleId === 'no-restricted-imports').map(m => m.message);
}

const BREAKS: { layer: string; file: string; imports: string[] }[] = [
  {
    layer: 'the core',
    file: 'server/src/core/model.ts',
    imports: ["import * as vscode from 'vscode';", "import { createConnection } from 'vscode-languageserver/node';", "import type { Range } from 'vscode-languageserver-protocol';", "import { readFileSync } from 'fs';", "import { readFile } from 'node:fs/promises';", "import { spawn } from 'child_process';", "import * as net from 'node:net';", "import { Worker } from 'worker_threads';"],
  },
  {
    layer: 'shared/',
    file: 'shared/commands.ts',
    imports: ["import * as vscode from 'vscode';", "import { createConnection } from 'vscode-languageserver/node';", "import { readFileSync } from 'node:fs';"],
  },
  {
    layer: 'the client',
    file: 'client/src/iconText.ts',
    imports: ["import { SettingsStore } from '../../server/src/settings';", "import type { CorpusIndex } from '../../server/src/core';", "import { showFormatControls } from '../../server/src/core/read/invisible';"],
  },
];

for (const { layer, file, imports } of BREAKS) {
  test(`${layer} as it is passes its fence`, async () => {
    assert.deepEqual(await fenceMessages(file, ''), []);
  });
  for (const line of imports) {
    test(`${layer} may not ${line}`, async () => {
      assert.equal((await fenceMessages(file, line)).length, 1, `${file} accepted ${line}`);
    });
  }
}
