import * as assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { test } from 'node:test';
import { COMMANDS } from '../../shared/commands';
import { CARD_COMMANDS } from '../../shared/markdown';

const manifest = JSON.parse(readFileSync(path.join(__dirname, '../../package.json'), 'utf8')) as { contributes: { commands: { command: string }[] } };
const contributed = manifest.contributes.commands.map(c => c.command);

test('the command constants are exactly the commands package.json contributes', () => {
  assert.deepEqual([...Object.values(COMMANDS)].sort(), [...contributed].sort());
});

test('hover cards link only to contributed commands', () => {
  for (const command of CARD_COMMANDS) assert.ok(contributed.includes(command), command);
});
