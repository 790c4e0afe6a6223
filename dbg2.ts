import { readFileSync } from 'node:fs';
import { splitSentences } from './server/src/core/sentences';
import { splitParagraphs } from './server/src/core/paragraphs';
import { tokenize } from './server/src/core/tokens';
import { findReportingClause } from './server/src/core/attribution';
const text = readFileSync(process.argv[2], 'utf8');
for (const p of splitParagraphs(text, 0)) for (const s of splitSentences(text, p)) {
  const t = text.slice(s.start, s.end); if (!t.includes(process.argv[3])) continue;
  const toks = tokenize(text, s.start, s.end); const c = findReportingClause(toks, 0, 14);
  console.log(JSON.stringify(t.slice(0, 120)), c && c.subject.map(x => x.text), c && toks[c.verb].text);
}
