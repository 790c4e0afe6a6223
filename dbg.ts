import { readFileSync } from 'node:fs';
import { parseStatement } from '/work/main/server/src/core';
const f = process.argv[2];
const doc = parseStatement({ uri: 'file://' + f, text: readFileSync(f, 'utf8') });
console.log(doc.kind, JSON.stringify({ title: doc.title.value, speakers: doc.speakers.value }));
for (const p of doc.people) console.log('  P', p.name, JSON.stringify(p.roles.map(r => r.title)), JSON.stringify(p.aliases));
for (const q of doc.quotes) console.log('  Q', q.kind, q.speaker, '|', q.text.slice(0, 80));
