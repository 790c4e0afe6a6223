import { officeOfName, type CorpusIndex } from '../server/src/core';

/**
 * What the statement model says of the whole corpus (issue 11): documents without a speaker, quotations by
 * form and by kind of speaker, and the 200 speakers with the most documents, printed so that a reader can
 * count the ones that are no person.
 */
export function benchModel(index: CorpusIndex): void {
  let documents = 0, noSpeaker = 0, byOffice = 0, officeHeld = 0, onlyOffice = 0, onlyOfficeUnknown = 0;
  const byKind = new Map<string, number>();
  const bySpeakerKind = new Map<string, number>();
  const speakerDocuments = new Map<string, number>();
  for (const document of index.all()) {
    documents++;
    if (document.speakers.value.length === 0) noSpeaker++;
    // Speakers named only by office ("Presidential Message on …"): their holder on the date, when clear.
    const offices = document.speakers.value.filter(name => officeOfName(name));
    if (offices.length) {
      byOffice++;
      if (offices.some(name => index.officeHolding(name, document.uri))) officeHeld++;
      if (offices.length === document.speakers.value.length) {
        onlyOffice++;
        if (!offices.some(name => index.officeHolding(name, document.uri))) onlyOfficeUnknown++;
      }
    }
    for (const name of document.speakers.value) speakerDocuments.set(name, (speakerDocuments.get(name) ?? 0) + 1);
    for (const quote of document.quotes) {
      byKind.set(quote.kind, (byKind.get(quote.kind) ?? 0) + 1);
      const kind = quote.speaker ? quote.speakerKind ?? 'person' : 'none';
      bySpeakerKind.set(kind, (bySpeakerKind.get(kind) ?? 0) + 1);
    }
  }
  const list = (counts: Map<string, number>) => [...counts].sort((a, b) => b[1] - a[1]).map(([k, n]) => `${k} ${n}`).join(', ');
  console.log(`documents with no speaker: ${noSpeaker} of ${documents}`);
  console.log(`documents with an office as a speaker: ${byOffice} (a holder on the date found for ${byOffice ? officeHeld : 0}); with only offices, ${onlyOffice}, of which ${onlyOfficeUnknown} left without a holder: ${noSpeaker + onlyOfficeUnknown} documents have no speaker once offices are resolved`);
  console.log(`quotations by form: ${list(byKind)}`);
  console.log(`quotations by speaker: ${list(bySpeakerKind)}`);
  const top = [...speakerDocuments].sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0])).slice(0, 200);
  console.log(`the 200 speakers with the most documents (read them for non-people):\n  ${top.map(([name, n]) => `${name} (${n})`).join('; ')}`);
}
