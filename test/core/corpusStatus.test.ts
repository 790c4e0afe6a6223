import * as assert from 'node:assert/strict';
import { test } from 'node:test';
import { corpusStatus } from '../../client/src/corpusStatus';

// A pure client helper, tested with the other pure code: what the status bar item says.
test('the tooltip gives the last full index, when it finished and how long it took; the label has no icon name', () => {
  const finishedAt = new Date(2026, 10, 28, 9, 5, 7);
  const status = corpusStatus({ documents: 12500, quotes: 80000, people: 900, durationMs: 0 }, { finishedAt, durationMs: 18_400 });
  assert.equal(status.text, '$(quote) 12,500 docs · 80,000 quotes');
  assert.match(status.tooltip, /Last full index finished at 09:05:07 and took 18\.4 s\./);
  assert.doesNotMatch(status.tooltip, /0 ms/, 'not the duration of the last small update');
  assert.equal(status.accessibilityLabel, 'Statement Lens corpus: 12500 documents, 80000 quotations');
  assert.doesNotMatch(status.accessibilityLabel, /\$\(|^quote/);
  assert.doesNotMatch(corpusStatus({ documents: 1, quotes: 1, people: 1, durationMs: 3 }, undefined).tooltip, /Last full index/);
});
