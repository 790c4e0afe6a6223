import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { escapeIcons } from '../../client/src/iconText';

// A pure client helper, tested here with the other pure code: QuickPick items render `$(name)` as icons.
test('corpus text in QuickPick items shows `$(...)` as written, and highlights stay on their words', () => {
  const text = 'Press $(terminal) now: $(alert) the bridge';
  const bridge = text.indexOf('bridge');
  const escaped = escapeIcons(text, [[0, 5], [bridge, bridge + 6]]);
  assert.equal(escaped.text, 'Press \\$(terminal) now: \\$(alert) the bridge');
  assert.deepEqual(escaped.highlights.map(([start, end]) => escaped.text.slice(start, end)), ['Press', 'bridge']);
  assert.equal(escapeIcons('no icons here').text, 'no icons here');
});
