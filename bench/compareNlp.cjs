// Measures what general NLP libraries give on the gold documents (people recall and speed).
// Not a dependency of the project: run `npm i --no-save compromise wink-nlp wink-eng-lite-web-model` first,
// then `node bench/compareNlp.cjs`.
// People recall and speed of compromise and wink-nlp on the gold documents (seeds + corpora sample).
const fs = require('fs'), path = require('path');
const nlp = require('compromise');
const winkNLP = require('wink-nlp'); const model = require('wink-eng-lite-web-model');
const wink = winkNLP(model); const its = wink.its;
const gold = ['seeds.gold.json', 'corpora-a.gold.json', 'corpora-b.gold.json'].flatMap(f => JSON.parse(fs.readFileSync(require('path').join(__dirname, '..', 'test', 'gold') + '/' + f)).documents.map(d => ({ ...d, base: f.startsWith('seeds') ? path.join(__dirname, '..') : path.join(__dirname, '..', '..', 'shared', 'corpora') })));
const surname = n => n.split(/\s+/).filter(p => !/^(jr\.?|sr\.?)$/i.test(p)).slice(-1)[0].toLowerCase();
const chineseFirst = n => n.split(/\s+/)[0].toLowerCase();
let goldPeople = 0, cHit = 0, wHit = 0, cFound = 0, wFound = 0, bytes = 0, cTime = 0, wTime = 0;
for (const d of gold) {
  const text = fs.readFileSync(path.join(d.base, d.path), 'utf8'); bytes += text.length;
  let t = performance.now(); const cp = nlp(text).people().out('array'); cTime += performance.now() - t;
  t = performance.now(); const doc = wink.readDoc(text); const wp = doc.entities().filter(e => e.out(its.type) === 'PERSON' || true).out(its.detail).filter(e => e.type === 'PERSON' || e.type === 'NORP' && false).map(e => e.value); wTime += performance.now() - t;
  cFound += cp.length; wFound += wp.length;
  for (const p of d.people) {
    goldPeople++;
    const keys = [surname(p.name), chineseFirst(p.name)];
    if (cp.some(x => keys.some(k => x.toLowerCase().includes(k)))) cHit++;
    if (wp.some(x => keys.some(k => x.toLowerCase().includes(k)))) wHit++;
  }
}
console.log(`gold people ${goldPeople}; compromise recall ${(cHit / goldPeople).toFixed(2)} (${cFound} found) at ${(bytes / 1048576 / (cTime / 1000)).toFixed(2)} MB/s; wink-nlp recall ${(wHit / goldPeople).toFixed(2)} (${wFound} found) at ${(bytes / 1048576 / (wTime / 1000)).toFixed(2)} MB/s`);
