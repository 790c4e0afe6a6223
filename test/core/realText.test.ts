// Real text as newspapers, archives and web pages write it (issue 11), on short texts written for these tests.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStatement, type StatementDocument } from '../../server/src/core';
import { readMarkdown } from '../../server/src/core/read/markdownText';
import { readSidecar } from '../../server/src/core/read/sidecar';

/** A document under a title line, as every corpus document has one. */
const parse = (text: string, file = 'article.txt') => parseStatement({ uri: `memory:///${file}`, text: `${file.endsWith('.md') ? '# ' : ''}A headline for the test\n\n${text}` });
const quoteStarting = (document: StatementDocument, words: string) => document.quotes.find(q => q.text.startsWith(words));

describe('quotation marks as newspapers write them', () => {
  test("doubled apostrophes: ''…,'' Surname said", () => {
    const document = parse("Deputy Foreign Minister Elif Karasu received the envoys on Thursday. ''We are prepared to sign the customs protocol,'' Karasu said. ''Its text is final.''");
    assert.equal(quoteStarting(document, 'We are prepared to sign')?.speaker, 'Elif Karasu');
    assert.equal(quoteStarting(document, 'We are prepared to sign')?.kind, 'direct');
  });

  test("a sentence ends before ''…'' as it does before “…”: a report, then a quotation", () => {
    const document = parse("Tomas Wirth, of Lund, said he had served on the ferries for decades.\n\nHe said the archive made amends for what he saw as a thin account taught in classrooms. ''Throughout our time on these islands, we have made major contributions to the country,'' he said.");
    const report = document.quotes.find(q => q.kind === 'reported' && q.text.startsWith('the archive made amends'));
    assert.equal(report?.speaker, 'Tomas Wirth', JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'Throughout our time')?.speaker, 'Tomas Wirth');
  });

  test('comments signed with a dash and a name with a middle initial or two surnames', () => {
    const document = parse('Readers wrote in about the ferry. “The fares doubled in a year and nobody explained why.” ― Tove K. Lindqvist “The new timetable ignores the islands.” ― Ana B. Ruiz Soto. Photo: agency pool.');
    assert.equal(quoteStarting(document, 'The fares doubled')?.speaker, 'Tove K. Lindqvist', JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'The new timetable')?.speaker, 'Ana B. Ruiz Soto', JSON.stringify(document.quotes));
  });

  test('guillemets and German low-high marks', () => {
    const french = parse('Trade Minister Odile Ferrand said: «Our wine growers will not pay for a quarrel over steel.»');
    assert.equal(quoteStarting(french, 'Our wine growers will not')?.speaker, 'Odile Ferrand');
    const german = parse('State Secretary Jorinde Maas told the committee: „The tariff round is not over yet“, and sat down.');
    const quote = quoteStarting(german, 'The tariff round is not');
    assert.equal(quote?.speaker, 'Jorinde Maas');
    assert.equal(quote?.text, 'The tariff round is not over yet');
  });

  test('a closing mark used as an opener before a word, in signed comments', () => {
    const document = parse('Readers wrote in about the summit. Photo: agency pool. ”A customs union would help our border farms.” ― Sunniva Rask “The consulate answered every letter we sent.” ― Pavel Dorn');
    assert.equal(quoteStarting(document, 'A customs union would help')?.speaker, 'Sunniva Rask');
    assert.equal(quoteStarting(document, 'The consulate answered every')?.speaker, 'Pavel Dorn');
  });

  test('possessive apostrophes neither open nor close a quotation', () => {
    const document = parse("The envoys'' cars were waiting outside. Minister Farid Kassem said ''the Netherlands' offer still stands for every coastal state.''");
    assert.equal(document.quotes.filter(q => q.kind === 'direct').length, 1, JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, "the Netherlands' offer")?.speaker, 'Farid Kassem');
  });
});

describe('Markdown read as structure', () => {
  test('markup is blanked with offsets kept: links read as their text, escapes as characters', () => {
    const source = '**Key point:** read the [annex](https://example.org/a_(b)) \\[WTO\\] <s>GATT</s> here.\n\n![map](m.png)\n';
    const { plain, blocks } = readMarkdown(source);
    assert.equal(plain.length, source.length);
    assert.equal(plain.replace(/\s+/g, ' ').trim(), 'Key point: read the annex [WTO] here.');
    assert.equal(blocks.length, 1, 'an image alone is no block of text');
  });

  test('a link is its text: `- [Senator Surname](…): “…”` is a quotation by that person', () => {
    const document = parse('# Reactions to the trade pact\n\n- [Senator Ines Halloran](https://example.org/halloran): “This pact opens three new markets to the growers of my state.”\n', 'page.md');
    const quote = quoteStarting(document, 'This pact opens three');
    assert.equal(quote?.speaker, 'Ines Halloran');
    assert.ok(!document.quotes.some(q => q.text.includes('https')), 'no link destination in any quotation');
  });

  test('a list under a lead-in gives every item that speaker', () => {
    const text = [
      'Foreign Minister Aurelio Santangelo met the press in Vienna.',
      '',
      '**Minister Santangelo then told reporters:**',
      '',
      '- [On the pipeline](https://example.org/1): “We will not sign a deal that leaves our neighbours without gas.”',
      '- [On customs](https://example.org/2): “Our partners know that the border checks are temporary.”',
      '',
      'In other news, the ferry was late. “This is a quotation nobody said to anyone at all,” wrote nobody.',
    ].join('\n');
    const document = parse(text, 'briefing.md');
    assert.equal(quoteStarting(document, 'We will not sign a deal')?.speaker, 'Aurelio Santangelo');
    assert.equal(quoteStarting(document, 'Our partners know that')?.speaker, 'Aurelio Santangelo');
  });

  test('figures, images, struck-out words, emphasis and headings never reach quotes, names or text', () => {
    const text = [
      '## Remarks',
      '',
      '<figure>',
      '<img src="x.png" alt="President Hana Bergqvist">',
      '<figcaption>Caption: President Hana Bergqvist arrives</figcaption>',
      '</figure>',
      '',
      'Ambassador Teodor Vasile told reporters that exports (<s>GTB</s> \\[FOB\\]) are *rising*: “Our sales to the region doubled in two years, which is *unusual*.”',
    ].join('\n');
    const document = parse(text, 'remarks.md');
    const quote = quoteStarting(document, 'Our sales to the region');
    assert.equal(quote?.speaker, 'Teodor Vasile');
    assert.equal(quote?.text, 'Our sales to the region doubled in two years, which is unusual.');
    assert.ok(!document.people.some(p => p.name === 'Hana Bergqvist'), 'nobody from a figure caption');
    assert.ok(!document.quotes.some(q => /GTB|<|\*/.test(q.text)), JSON.stringify(document.quotes.map(q => q.text)));
  });

  test('hard-wrapped Markdown paragraphs are one paragraph each; a labelled list item is not a transcript turn', () => {
    const text = [
      '-   **WITHDRAWN:** *Republic of Norland v. Port Authority of Essel*',
      '    -   The ministry disputed the harbour fees.',
      '',
      '-   **WITHDRAWN:** *Republic of Norland v. Varna Shipping*',
      '    -   The ministry disputed the transit levy.',
    ].join('\n');
    const document = parse(text, 'list.md');
    assert.ok(!document.quotes.some(q => q.kind === 'transcript'), JSON.stringify(document.quotes));
  });
});

describe('label-colon attribution outside transcripts', () => {
  test('`Title Surname: “…”` names the speaker', () => {
    const document = parse('Exporters welcomed the ruling.\n\nNorland Shipowners Association President Greta Lindahl: “Our members welcome the end of the port dispute.”\n');
    assert.equal(quoteStarting(document, 'Our members welcome')?.speaker, 'Greta Lindahl');
  });
});

describe('fragment quotations inside the writer’s sentence', () => {
  test('`Name called the deal “a shameful surrender”` and `protested against its “contempt”` are fragments by the subject', () => {
    const document = parse('Opposition leader Runa Aasen spoke in parliament on Wednesday. Aasen called the fisheries deal “a shameful surrender” and walked out. Later, Aasen protested against its “contempt” for coastal towns.');
    const surrender = quoteStarting(document, 'a shameful surrender');
    assert.equal(surrender?.kind, 'fragment');
    assert.equal(surrender?.speaker, 'Runa Aasen');
    assert.equal(quoteStarting(document, 'contempt')?.speaker, 'Runa Aasen');
  });

  test('`dismissed the schedule as a “paper tiger”` and `likened the treaty to a “leaky boat”` are the subject’s words', () => {
    const document = parse('Former Ambassador Hilde Brekke dismissed the tariff schedule as a “paper tiger” during a visit to Bergen. Brekke also likened the treaty to a “leaky boat” on Friday.');
    const tiger = quoteStarting(document, 'paper tiger');
    assert.deepEqual([tiger?.kind, tiger?.speaker], ['fragment', 'Hilde Brekke']);
    assert.equal(quoteStarting(document, 'leaky boat')?.speaker, 'Hilde Brekke');
  });

  test('terms and noun modifiers in quotation marks are the writer’s, not fragments', () => {
    const document = parse('Minister Lars Odegaard said the two customs offices are in a “listening” phase after a “frank and useful” meeting.');
    assert.ok(!document.quotes.some(q => q.kind === 'fragment' || q.kind === 'direct'), JSON.stringify(document.quotes));
  });
});

describe('words quoted in passing, with no verb of saying', () => {
  test('the subject opening the sentence, when a verb follows it, owns them', () => {
    const document = parse('Councillor Eric Dalton spoke at the depot on Monday. But Dalton sees the new inspectors as “masked debt collectors” in front of the crowd.');
    assert.deepEqual([quoteStarting(document, 'masked debt collectors')?.kind, quoteStarting(document, 'masked debt collectors')?.speaker], ['fragment', 'Eric Dalton']);
  });

  test('a noun after the name is no verb: "Trump tariffs were described as “…”" is nobody’s', () => {
    const document = parse('Governor Ana Brekke spoke in Ohio on Monday. Brekke tariffs were described as “a tax on every family” by the mayor.');
    assert.equal(quoteStarting(document, 'a tax on every family')?.speaker, null, JSON.stringify(document.quotes));
  });

  test('with no subject that names someone they are found, spoken by no one, and lend no speaker to the paragraph', () => {
    const document = parse('Queues at the northern crossing were “worse than ever” this month. “We waited six hours at the gate,” said Ines Moro, a driver.');
    const queues = quoteStarting(document, 'worse than ever');
    assert.deepEqual([queues?.kind, queues?.speaker], ['fragment', null], JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'We waited six hours')?.speaker, 'Ines Moro');
  });

  test('inside a report they are the reporting subject’s', () => {
    const document = parse('The group is “seriously weighing” a move of its fleet to the southern ports, shipping executive Marta Quist said on Tuesday.');
    assert.equal(quoteStarting(document, 'seriously weighing')?.speaker, 'Marta Quist', JSON.stringify(document.quotes));
  });

  test('names of things in Title Case, single words and modifiers stay the writer’s', () => {
    const document = parse('The first lady launched “Fostering the Future Together” in March. The agency ended what it saw as “waste” in the program. Officials opened a “pilot” office.');
    assert.deepEqual(document.quotes.filter(q => q.kind !== 'reported'), [], JSON.stringify(document.quotes));
  });

  test('a document whose only quotations are words quoted in passing has no speaker from them', () => {
    const document = parse('Mayor Ruth Okafor toured the harbour on Monday. Okafor sees the old budget as “a leaky bucket” and the new one as “a locked safe” after the audit.');
    assert.equal(quoteStarting(document, 'a leaky bucket')?.speaker, 'Ruth Okafor');
    assert.deepEqual(document.speakers.value, [], JSON.stringify(document.speakers));
  });
});

describe('unnamed sources and organisations as speakers', () => {
  test('`a source said`, `officials said`, `one reader wrote` get a described speaker, never the last named person', () => {
    const text = [
      'President Ilse Vandermeer received the trade mission on Monday. “We found common ground,” Vandermeer said.',
      '',
      '“The customs chapter almost fell apart over the weekend,” a source said.',
      '',
      'The mission will come back in October, officials said on Wednesday.',
      '',
      '“Our consulate never answered a single letter from me,” one reader wrote.',
    ].join('\n');
    const document = parse(text);
    const source = quoteStarting(document, 'The customs chapter almost');
    assert.deepEqual([source?.speaker, source?.speakerKind], ['a source', 'unnamed']);
    const officials = quoteStarting(document, 'The mission will come back');
    assert.deepEqual([officials?.kind, officials?.speaker, officials?.speakerKind], ['reported', 'officials', 'unnamed']);
    assert.equal(quoteStarting(document, 'Our consulate never answered')?.speaker, 'one reader');
    assert.ok(!document.people.some(p => /source|officials|reader/.test(p.name)), 'described sources are not people');
    assert.equal(quoteStarting(document, 'We found common ground')?.speakerKind, undefined, 'a person has no speakerKind in the model');
  });

  test('a country speaks as its government, never as a person of that name', () => {
    const document = parse('The two governments signed the accord in Lima. Malaysia committed to the rapid development of its rare earths sector. “We welcome the accord,” said Bangladesh in a note.');
    const malaysia = quoteStarting(document, 'to the rapid development');
    assert.deepEqual([malaysia?.speaker, malaysia?.speakerKind], ['Malaysia', 'organisation'], JSON.stringify(document.quotes));
    const bangladesh = quoteStarting(document, 'We welcome the accord');
    assert.deepEqual([bangladesh?.speaker, bangladesh?.speakerKind], ['Bangladesh', 'organisation'], JSON.stringify(document.quotes));
    assert.ok(!document.people.some(p => /Malaysia|Bangladesh/.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
  });

  test('a participle opening a sentence is no one’s name: "Offering remarks on …, the minister highlighted"', () => {
    const document = parse('The summit opened on Friday. Offering remarks on making technology work for democracy, Prime Minister Mette Lund highlighted how technology can help.');
    assert.ok(!document.quotes.some(q => q.speaker === 'Offering'), JSON.stringify(document.quotes));
    assert.equal(document.quotes.find(q => q.text.includes('how technology can help'))?.speaker, 'Mette Lund', JSON.stringify(document.quotes));
  });

  test('a country’s name that is also a given name stays a person’s: "Chad said"', () => {
    const document = parse('The committee met on Tuesday. Chad said the plan would work, and left the room.');
    const plan = document.quotes.find(q => q.text.includes('the plan would work'));
    assert.deepEqual([plan?.speaker, plan?.speakerKind], ['Chad', undefined], JSON.stringify(document.quotes));
  });

  test('a company’s one-word name is an organisation, a pronoun with a contracted verb is no one’s name', () => {
    const document = parse('Health Minister Ana Ortiz opened the plant. NovaGenix announced a $50 million investment in the new plant on Monday. Ortiz spoke about her late father. He’d say, “Finish the job before you talk about it.”');
    const investment = quoteStarting(document, 'a $50 million investment');
    assert.deepEqual([investment?.speaker, investment?.speakerKind], ['NovaGenix', 'organisation'], JSON.stringify(document.quotes));
    assert.ok(!document.quotes.some(q => q.speaker === 'He’d'), JSON.stringify(document.quotes));
    assert.ok(!document.people.some(p => /NovaGenix|He’d/.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
  });

  test('"Chief Harbour Officer" holds no person "Harbour"; "Chief Operating Officer Lena Ostrova" is Lena Ostrova', () => {
    const document = parse('Her cabinet includes a “Chief Harbour Officer” who claimed the levy is a “temporary measure.” Chief Operating Officer Lena Ostrova disagreed, and Chief Judge Tomas King said the levy would stand.');
    const names = document.people.map(person => person.name);
    assert.ok(!names.includes('Harbour') && !names.includes('Operating'), JSON.stringify(names));
    assert.ok(names.includes('Lena Ostrova') && names.includes('Tomas King'), JSON.stringify(names));
    assert.ok(!document.quotes.some(q => q.speaker === 'Harbour'), JSON.stringify(document.quotes));
  });

  test('"the Chairman of the Joint Chiefs", "Health and Human Services" hold no person; "Congressman Bill Aasland" does', () => {
    const document = parse('The Chairman of the Joint Chiefs said the drills would go on. The Department of Health and Human Services said the clinics would reopen. Congressman Bill Aasland said the port would be dredged. Secretary of State Vela said the talks would resume.');
    const names = document.people.map(person => person.name);
    assert.ok(!names.includes('Chiefs') && !names.includes('Services'), JSON.stringify(names));
    assert.ok(names.includes('Aasland') || names.includes('Bill Aasland'), JSON.stringify(names));
    assert.ok(names.includes('Vela'), JSON.stringify(names));
  });

  test('"MS. AASLAND-VIK:" and "ARPA-H" are no people; ISIS-K speaks as an organisation', () => {
    const briefing = parse('MS. AASLAND-VIK: Good afternoon, everyone. Minister Ana Ortiz will take your questions.\n\nQ: Will the port reopen?\n\nMS. AASLAND-VIK: It will reopen in May.');
    const names = briefing.people.map(person => person.name);
    assert.ok(!names.some(name => /^[A-Z-]+$/.test(name)), JSON.stringify(names));
    const document = parse('Officials met in the capital on Monday. ISIS-K claimed responsibility for the attack on the harbour gate. ARPA-H announced a new program to map the coast.');
    assert.ok(!document.people.some(person => /^[A-Z-]+$/.test(person.name)), JSON.stringify(document.people));
    const claim = document.quotes.find(q => q.text.startsWith('responsibility for the attack'));
    assert.deepEqual([claim?.speaker, claim?.speakerKind], ['ISIS-K', 'organisation'], JSON.stringify(document.quotes));
  });

  test('a title naming "First Lady Ana Ruiz" is not the document\'s Thomas Ruiz', () => {
    const hers = parseStatement({ uri: 'memory:///remarks.md', text: '---\ntitle: Remarks by First Lady Ana Ruiz at the Harbour School\n---\n\nThank you all. Thomas Ruiz and I love this town, and I am glad to be here with the students.\n\nEducation is the key to our future, and teachers make it happen every day.\n' });
    assert.deepEqual(hers.speakers.value, ['Ana Ruiz']);
  });

  test('a run of capitals holding a contracted verb is no one: "So I’m", "They’re Madeleine", "I’m Lena Ostrova’s"', () => {
    const document = parse('Mayor Ana Ortiz thanked the crews. So I’m telling you, we will finish the wall. They’re Madeleine’s words, not mine. I’m Lena Ostrova’s neighbour, Ortiz said, and she was right.');
    const names = document.people.map(person => person.name);
    assert.ok(!names.some(name => /[’']m\b|[’']re\b/.test(name)), JSON.stringify(names));
    assert.ok(!names.includes('Lena Ostrova'), 'a self-introduction names no one else');
  });

  test('`the Foreign Ministry said in a statement`, `the White House said`: organisations', () => {
    const text = [
      '“The ambassador will present her credentials next week,” the Foreign Ministry said in a statement.',
      '',
      'The White House said the president would host the Nordic leaders in the spring.',
    ].join('\n');
    const document = parse(text);
    const ministry = quoteStarting(document, 'The ambassador will present');
    assert.deepEqual([ministry?.speaker, ministry?.speakerKind], ['the Foreign Ministry', 'organisation']);
    const house = quoteStarting(document, 'the president would host');
    assert.deepEqual([house?.speaker, house?.speakerKind], ['The White House', 'organisation']);
  });
});

describe('people without titles, and no junk people or speakers', () => {
  test('a country that speaks is no surname: "Acknowledging Norway’s …" is no person "Acknowledging Norway"', () => {
    const document = parse([
      'The leaders issued a joint statement on Friday.',
      'Acknowledging Norway’s role in the fisheries talks, the leaders welcomed the plan.',
      'Norway committed to doubling its support for the coastal fund.',
    ].join('\n\n'));
    assert.ok(!document.people.some(p => /Norway/.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
    const committed = document.quotes.find(q => q.text.includes('doubling its support'));
    assert.deepEqual([committed?.speaker, committed?.speakerKind], ['Norway', 'organisation']);
  });

  test('"Marta E. Lindqvist" and "Marta Lindqvist" in one article are one person; between two fuller forms, not', () => {
    const document = parse([
      'Finance Minister Marta E. Lindqvist presented the budget on Monday.',
      'Marta Lindqvist has led the ministry since 2019. “We kept every promise,” Lindqvist said.',
    ].join('\n\n'));
    const names = document.people.map(p => p.name);
    assert.deepEqual(names.filter(name => name.includes('Lindqvist')), ['Marta E. Lindqvist'], JSON.stringify(names));
    assert.equal(quoteStarting(document, 'We kept every promise')?.speaker, 'Marta E. Lindqvist');
    const cousins = parse('Judge Ana M. Ruiz and Senator Ana T. Ruiz met on Friday. Ana Ruiz later left the hall.');
    assert.ok(cousins.people.some(p => p.name === 'Ana Ruiz'), JSON.stringify(cousins.people.map(p => p.name)));
  });

  test('"X, political science professor at …, described" is a person though the appositive has no article', () => {
    const document = parse([
      'Aino Falk, the director of the debate club, spoke first.',
      'Jo-Renee Lind, political science professor at Harbor College, described the approach as cautious.',
      '“If he cannot answer, he will deflect,” she said.',
      'Santa Clara, county seat of the valley, described its budget as balanced.',
    ].join('\n\n'));
    const lind = document.people.find(p => p.name === 'Jo-Renee Lind');
    assert.ok(lind, JSON.stringify(document.people.map(p => p.name)));
    assert.equal(quoteStarting(document, 'If he cannot answer')?.speaker, 'Jo-Renee Lind');
    assert.ok(!document.people.some(p => p.name === 'Santa Clara'));
  });

  test('"New Jersey", "Los Angeles", "Fort Worth" leave no person "Jersey", "Angeles" or "Worth"', () => {
    const document = parse([
      'Jo-Renee Lind, political science professor at Harbor College in New Jersey, described the approach as cautious.',
      'Tomas Berg, an engineer in Los Angeles, described the bridge as safe.',
      'Eva Holm, a teacher in Fort Worth, described the school as full.',
    ].join('\n\n'));
    const names = document.people.map(p => p.name);
    for (const place of ['Jersey', 'Angeles', 'Worth']) assert.ok(!names.includes(place), `${place} in ${JSON.stringify(names)}`);
    assert.ok(!document.quotes.some(q => ['Jersey', 'Angeles', 'Worth'].includes(q.speaker ?? '')), JSON.stringify(document.quotes.map(q => q.speaker)));
  });

  test('a title word after a given name is a surname: "Howard Dean", "John Major"; "Prince Harry" keeps its title', () => {
    const text = [
      'Lena Okafor urged Howard Dean to withdraw the remark before the vote.',
      '',
      'Former Prime Minister John Major wrote to the committee. Prince Harry sent a letter.',
      '',
      'Dean, a medical doctor, posted a reply: “Notice the sniffing.”',
    ].join('\n');
    const document = parse(text);
    const names = document.people.map(p => p.name);
    for (const name of ['Howard Dean', 'John Major']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    assert.deepEqual(document.people.find(p => p.name === 'Harry')?.roles.map(r => r.title), ['Prince'], JSON.stringify(names));
    assert.equal(quoteStarting(document, 'Notice the sniffing')?.speaker, 'Howard Dean');
  });

  test('"Sen. Ilse King of Maine": a title surname before "of" and a state is still a surname; "Dean of Medicine" is not', () => {
    const document = parse('Sen. Ilse King of Maine spoke on the floor. “The bill is dead,” King said.\n\nTomas Berg, the Sanford Weill Dean of Medicine, said the school would grow. Louis King of France built the palace.');
    const names = document.people.map(p => p.name);
    assert.ok(names.includes('Ilse King'), JSON.stringify(names));
    assert.equal(quoteStarting(document, 'The bill is dead')?.speaker, 'Ilse King');
    for (const name of ['Sanford Weill Dean', 'Louis King']) assert.ok(!names.includes(name), JSON.stringify(names));
  });

  test('"Gov." before a name is an office, as "Sen." and "Rep." are', () => {
    const document = parse('Gov. Ana Ruiz toured the plant on Monday. The plant will reopen next year, Ruiz said.');
    assert.deepEqual(document.people.find(p => p.name === 'Ana Ruiz')?.roles.map(r => r.title), ['Gov.'], JSON.stringify(document.people));
  });

  test('`the detained exporter X Y`, `X Y, a research fellow at …`, and a full name whose surname later speaks are people', () => {
    const text = [
      'Relatives of the detained exporter Oskar Lindgren waited outside the consulate.',
      '',
      'Noor Castellanos, a research fellow at the trade institute, drafted the petition.',
      '',
      'Ruben Kastelic lost the vote for committee chair in March. “We will try again,” Kastelic said.',
    ].join('\n');
    const document = parse(text);
    const names = document.people.map(p => p.name);
    for (const name of ['Oskar Lindgren', 'Noor Castellanos', 'Ruben Kastelic']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    assert.match(document.people.find(p => p.name === 'Noor Castellanos')?.roles[0]?.title ?? '', /research fellow/);
    assert.equal(quoteStarting(document, 'We will try again')?.speaker, 'Ruben Kastelic');
  });

  test('room roles in transcripts are unnamed speakers, never people or the document’s speakers', () => {
    const text = [
      'MINISTER ESKO HALONEN: Thank you for joining this forum on the border crossings.',
      '',
      'AUDIENCE MEMBER: When will the second crossing open to trucks?',
      '',
      'MODERATOR: We have time for one last question, from the left side.',
      '',
      'MINISTER ESKO HALONEN: The second crossing opens in the autumn.',
    ].join('\n');
    const document = parse(text);
    const audience = document.quotes.find(q => q.text.startsWith('When will the second crossing'));
    assert.deepEqual([audience?.speaker, audience?.speakerKind], ['Audience Member', 'unnamed']);
    assert.ok(!document.people.some(p => /audience|moderator/i.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
    assert.ok(!document.speakers.value.some(name => /audience|moderator/i.test(name)), JSON.stringify(document.speakers.value));
  });

  test('a listed given name before a surname is a person; a place or an everyday word is not', () => {
    const text = [
      'At the port office in Elkhorn Bay, Rosalind Tervo asked the consul about visas.',
      '',
      'The pool reporters were Beatrix Omondi and Gideon Farrant.',
      '',
      'Trucks queued at the Happy Valley crossing while the park police checked permits from Park Police headquarters.',
    ].join('\n');
    const names = parse(text).people.map(p => p.name);
    for (const name of ['Rosalind Tervo', 'Beatrix Omondi', 'Gideon Farrant']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    for (const name of ['Happy Valley', 'Park Police', 'Elkhorn Bay']) assert.ok(!names.includes(name), `${name} in ${JSON.stringify(names)}`);
    // A title capitalizes every word: a given name there is no evidence of a person.
    const titled = parseStatement({ uri: 'memory:///export.txt', text: 'Minister Morgan Announces Harmony Pact for Dairy Farmers\n\nThe pact was tabled on Monday.' });
    assert.deepEqual([titled.speakers.value, titled.people.map(p => p.name)], [['Morgan'], ['Morgan']]);
  });

  test('“Bill” opens a name before a surname, not before a headline’s verb; particles stay inside a name', () => {
    const text = [
      'Bill Tarrow said the harbour would reopen. Rep. Bill Ostrander (R-Ore.) agreed with him.',
      '',
      'Farmers said the Senate Bill Cuts Costs for everyone, and the Bill Signed on Friday helps too. Mayor Bill van Osten spoke.',

      '',
      'The Ambassador to Oman Idris bin Qasim said the port would open. Commissioner Ilse von der Marwe agreed.',
    ].join('\n');
    const people = parse(text).people;
    const names = people.map(p => p.name);
    for (const name of ['Bill Tarrow', 'Bill Ostrander', 'Bill van Osten', 'Idris bin Qasim', 'Ilse von der Marwe']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    assert.ok(!names.some(name => /Cuts|Signed|^bin|^Qasim/.test(name)), JSON.stringify(names));
    assert.deepEqual(people.find(p => p.name === 'Bill Ostrander')?.roles.map(r => r.title), ['Rep.']);
  });

  test('a title’s capitalized verb is not part of the name: “Prime Minister Helga Nordby Marking Europe Day”', () => {
    const document = parseStatement({ uri: 'memory:///statement.txt', text: 'Statement by Prime Minister Helga Nordby Marking Europe Day\n\nToday we honour the founders who chose open borders and common rules over old rivalries.' });
    assert.deepEqual(document.speakers.value, ['Helga Nordby']);
  });
});

describe('pronouns resolved', () => {
  test('“…,” she said goes to the woman named before it, not to the last man who spoke', () => {
    const text = [
      'Minister Anton Reiss defended the tariff cut. “It is fair to everyone,” Reiss said.',
      '',
      'Ms. Carla Monteverdi, who leaves the committee in June, attacked the cut on Thursday. “This cut hurts small exporters more than anyone,” she told the Gazette.',
    ].join('\n');
    const document = parse(text);
    assert.equal(quoteStarting(document, 'This cut hurts small')?.speaker, 'Carla Monteverdi');
  });

  test('a given name tells the gender the text does not: “…,” she said after a woman introduced by name alone', () => {
    const text = [
      'Ambassador Viktor Hallam answered questions at the chamber of commerce on Monday. “We will speed up the visas,” Hallam said.',
      '',
      'From the third row, Rosalind Tervo stood up with a folder of forms.',
      '',
      '“My work permit has been pending for eight months,” she said.',
    ].join('\n');
    assert.equal(quoteStarting(parse(text), 'My work permit has been')?.speaker, 'Rosalind Tervo');
  });

  test('someone only mentioned does not take “he” from the man who is speaking', () => {
    const text = [
      'Ambassador Kwame Osei spoke on Friday in the hall named after Arvid Solheim in 1952.',
      '',
      '“This is the room where the customs union was born,” he said.',
    ].join('\n');
    assert.equal(quoteStarting(parse(text), 'This is the room where')?.speaker, 'Kwame Osei');
  });
});

describe('cues news writers use around a quotation', () => {
  test('`Tallberg demanded`, `scolded him:`, `Name, 31, said`, and a horizontal bar before `Reiss boasted,`', () => {
    const cases: [string, string, string][] = [
      ['“Who approved the export licences, and on what date?” Tallberg demanded.', 'Who approved the export', 'Tallberg'],
      ['Sen. Mira Castell (D-Me.) scolded him: “Our lobster exporters have waited three years for that agreement.”', 'Our lobster exporters', 'Mira Castell'],
      ['“The border post closed in April and nobody warned the drivers,” Ines Varga, 31, said.', 'The border post closed', 'Ines Varga'],
      ['The treaty cleared the chamber at midnight ― Reiss boasted, “No other whip could have found those votes.”', 'No other whip could', 'Reiss'],
    ];
    for (const [text, start, speaker] of cases) assert.equal(quoteStarting(parse(`The committee sat late into the evening.\n\n${text}`), start)?.speaker, speaker, text);
  });
});

describe('press statements under a byline', () => {
  test('“Name, Office” under the title makes the text that person’s statement; a sentence or an office alone does not', () => {
    const statement = parseStatement({ uri: 'memory:///statement.txt', text: 'Valdoria Independence Day\n\nEleanor Vance, Secretary of State\n\nOn behalf of our government, I send warm wishes to the people of Valdoria as they mark their independence.\n\nOur two nations share a long friendship.' });
    assert.deepEqual([statement.speakers.value, statement.kind], [['Eleanor Vance'], 'statement']);
    assert.ok(statement.quotes.length === 2 && statement.quotes.every(q => q.speaker === 'Eleanor Vance' && q.kind === 'speech'), JSON.stringify(statement.quotes));
    const office = parseStatement({ uri: 'memory:///office.txt', text: 'Valdoria Independence Day\n\nOffice of the Spokesperson\n\nOur government sends greetings to the people of Valdoria.' });
    assert.deepEqual(office.speakers.value, []);
    const sentence = parseStatement({ uri: 'memory:///news.txt', text: 'Duties on steel\n\nPetra Linde, head of the Institute for Port Studies, said the steel duties would slow shipping.' });
    assert.notEqual(sentence.kind, 'statement');
  });

  test('a name alone in capitals at the foot of a letter signs it; a heading in capitals does not', () => {
    const letter = parseStatement({ uri: 'memory:///letter.txt', text: 'Letter to the Speaker on the Harbor Emergency\n\nDear Madam Speaker:\n\nThe emergency declared on March 3 continues, because the harbor remains closed to trade.\n\nI will report again in six months.\n\nSincerely,\n\nMARGARET T. OKONJO\n\nTHE STATE HOUSE,\nApril 2, 2024.' });
    assert.deepEqual([letter.speakers.value, letter.kind], [['Margaret T. Okonjo'], 'statement']);
    assert.ok(letter.quotes.some(q => q.text.startsWith('The emergency declared') && q.speaker === 'Margaret T. Okonjo'), JSON.stringify(letter.quotes));
    assert.ok(!letter.quotes.some(q => /STATE HOUSE|OKONJO/.test(q.text)), 'the signature and what follows it are no statement');
    assert.deepEqual(letter.people.find(p => p.name === 'Margaret T. Okonjo')?.roles, []);
    // The President signs above "THE WHITE HOUSE," and the date.
    const notice = parseStatement({ uri: 'memory:///notice.txt', text: 'Notice on the Harbor Emergency\n\nThe emergency declared on March 3 continues, because the harbor remains closed to trade.\n\nThis notice shall be published.\n\nMARGARET T. OKONJO\n\nTHE WHITE HOUSE,\nApril 2, 2024.' });
    assert.deepEqual(notice.people.find(p => p.name === 'Margaret T. Okonjo')?.roles.map(r => r.title), ['President']);
    const report = parseStatement({ uri: 'memory:///report.txt', text: 'Harbor Sanctions\n\nThe department named four shipping firms today and froze their assets.\n\nThe firms had moved fuel past the blockade.\n\nTRADE IMPLICATIONS\n\nBanks must report any transfer involving the firms.' });
    assert.deepEqual(report.speakers.value, []);
    // A news story that ends with a name in capitals (a reporter's, a place's) is not signed.
    const story = parseStatement({ uri: 'memory:///story.txt', text: 'Storm Hits the Coast\n\nThe storm hit the coast on Monday.\n\nMayor Dana Whitcombe said the city would rebuild. “We will come back,” she said.\n\nResidents were told to stay indoors.\n\nJOHN SMITH' });
    assert.deepEqual(story.speakers.value, ['Dana Whitcombe']);
    assert.notEqual(story.kind, 'statement');
  });
});

describe('titles of office from other countries and churches', () => {
  test('`Taoiseach Name`, `Archbishop Name`: the office is a role, not part of the name', () => {
    const people = parse('Taoiseach Aoife Brennan said the border would stay open. Later Taoiseach Brennan met Archbishop Tomas Ekwueme.').people;
    assert.deepEqual(people.map(p => [p.name, p.roles.map(r => r.title)]), [['Aoife Brennan', ['Taoiseach']], ['Tomas Ekwueme', ['Archbishop']]]);
  });

  test('a conjunction or preposition before an office is no part of it: “Since Governor Name took office”', () => {
    const text = 'Since Governor Dana Whitcombe took office, the port grew. While Governor Whitcombe spoke, the crowd left.\n\nA town hall with Deputy Mayor Ilan Besser was full, and State Treasurer and Deputy Governor Rhea Ostby agreed.';
    const roles = Object.fromEntries(parse(text).people.map(p => [p.name, p.roles.map(r => r.title)]));
    assert.deepEqual(roles, { 'Dana Whitcombe': ['Governor'], 'Ilan Besser': ['Deputy Mayor'], 'Rhea Ostby': ['State Treasurer and Deputy Governor'] });
  });

  test('words joined before an office that hold none are not part of it; a clause after a name is no apposition', () => {
    const text = 'Office of Harbors and Budget Director Ines Vale spoke. The White House’s and Mayor Coral Pike’s plan passed. Or Acting Mayor Lio Varga will come. Farmers and Deputy Mayor Ilan Besser met. The Harbor Gazette for Governor Dana Whitcombe ran an ad. Besser, but Governor Whitcombe is the one who decides, said it. Oren Tal, an adviser in the cabinet of Theresa May, agreed. Assistant to the Governor for Port Affairs Noor Haddad agreed, as did Envoy to Valdoria Tamsin Rook.';
    const roles = Object.fromEntries(parse(text).people.map(p => [p.name, p.roles.map(r => r.title)]));
    assert.deepEqual(roles['Ilan Besser'], ['Deputy Mayor']);
    assert.deepEqual(roles['Coral Pike'], ['Mayor']);
    assert.deepEqual(roles['Ines Vale'], ['Office of Harbors and Budget Director'], 'an organisation with "and" in its name stays whole');
    assert.deepEqual(roles['Lio Varga'], ['Acting Mayor']);
    assert.deepEqual(roles['Dana Whitcombe'], ['Governor']);
    assert.deepEqual(roles['Oren Tal'], ['adviser in the cabinet of Theresa May'], 'a capitalised “May” is a name, not a verb');
    assert.deepEqual(roles['Noor Haddad'], ['Assistant to the Governor for Port Affairs']);
    assert.deepEqual(roles['Tamsin Rook'], ['Envoy to Valdoria']);
  });
});

describe('titles written with a period', () => {
  test('`said Del. Name of Place`: every title the names know also keeps the sentence whole', () => {
    for (const title of ['Del.', 'Sgt.', 'Atty.', 'Supt.']) {
      const document = parse(`The session ended early. “The committee deserves a full answer on the tariffs,” said ${title} Lucia Ferreira of Saipan.`);
      assert.equal(quoteStarting(document, 'The committee deserves a full')?.speaker, 'Lucia Ferreira', title);
    }
  });
});

describe('reported speech in news style', () => {
  test('a name, an appositive, then the verb; and `…, according to the poll`', () => {
    const text = [
      'Petra Linde, head of the Institute for Port Studies, said the steel duties would slow traffic in the northern ports.',
      '',
      'The governing party trails the opposition by six points, according to the Nordstat poll.',
    ].join('\n');
    const document = parse(text);
    const linde = quoteStarting(document, 'the steel duties would slow');
    assert.deepEqual([linde?.kind, linde?.speaker], ['reported', 'Petra Linde']);
    const poll = quoteStarting(document, 'The governing party trails');
    assert.deepEqual([poll?.speaker, poll?.speakerKind], ['the Nordstat poll', 'unnamed']);
  });

  test('a party and state in parentheses before `said`, and findings: `The Courier found that …`', () => {
    const text = [
      'However, Rep. Colette Barnaby (R-Wash.) said the fisheries treaty would cost the state its salmon quota.',
      '',
      'The Courier found that six of the ministry’s eleven trade offices had no permanent staff.',
    ].join('\n');
    const document = parse(text);
    assert.equal(quoteStarting(document, 'the fisheries treaty would')?.speaker, 'Colette Barnaby');
    const finding = quoteStarting(document, 'six of the ministry');
    assert.deepEqual([finding?.speaker, finding?.speakerKind], ['The Courier', 'organisation']);
    assert.ok(!document.people.some(p => p.name === 'Courier'));
  });
});

describe('quotations inside transcripts and speeches', () => {
  test('a fact sheet’s headings in capitals are no speakers: "ADDITIONAL DETAILS:", "CUTTING PORT EMISSIONS:"', () => {
    const text = [
      'The Administration announced new steps to cut emissions at ports.',
      '',
      '**CUTTING PORT EMISSIONS:**',
      '',
      'The Department of Transportation announced $20 million for electric cranes, cutting port emissions by half.',
      '',
      '**ADDITIONAL DETAILS:**',
      '',
      'Further details on the grants will follow in the spring.',
    ].join('\n');
    const document = parse(text, 'fact-sheet.md');
    assert.ok(!document.quotes.some(q => q.kind === 'transcript'), JSON.stringify(document.quotes.map(q => [q.kind, q.speaker])));
    assert.ok(!document.quotes.some(q => /Details|Emissions/.test(q.speaker ?? '')));
    const sentence = parse('ROADS FIRST IS LONG OVERDUE: The county agreed to repave the coastal road.\n\nFERRY SERVICE WILL RETURN: The new boats arrive in June.', 'fact-sheet.md');
    assert.ok(!sentence.quotes.some(q => q.kind === 'transcript'), JSON.stringify(sentence.quotes.map(q => [q.kind, q.speaker])));
  });

  test('a journalist’s turn yields the turn and the quotation it relays, by the person quoted', () => {
    const text = [
      'MR. OYELARAN: Good morning. I will start with the schedule for the summit.',
      '',
      'QUESTION: Senator Linnea Ekholm wrote yesterday that “the ministry has given up on the grain talks.” Is she right?',
      '',
      'MR. OYELARAN: No, and the talks resume next week in Geneva.',
    ].join('\n');
    const document = parse(text);
    assert.equal(document.quotes.filter(q => q.kind === 'transcript').length, 3);
    const relayed = quoteStarting(document, 'the ministry has given up');
    assert.equal(relayed?.speaker, 'Linnea Ekholm');
  });

  test('inside a turn, "I said" and a "she" of the speaker’s story are no one else the document names', () => {
    const text = [
      'MS. OKONJO: Thank you. As Senator Ilse Varga put it last week, “the ports cannot wait.”',
      '',
      'Q: Senator Varga said, “We will vote in June.” Do you agree?',
      '',
      'MS. OKONJO: My neighbour rang at night. I said, “Have you called the county?” And she said, “They never come.” So I went over myself.',
      '',
      'Q: As the senator said, “Nothing moves without money.” Is that right?',
    ].join('\n');
    const document = parse(text);
    assert.equal(quoteStarting(document, 'We will vote in June')?.speaker, 'Ilse Varga');
    assert.equal(quoteStarting(document, 'Nothing moves without money')?.speaker, 'Ilse Varga');
    assert.ok(!document.quotes.some(q => q.kind === 'direct' && q.text.startsWith('Have you called')), 'the turn’s own "I said" is the turn');
    const story = quoteStarting(document, 'They never come');
    assert.ok(!story || story.speaker === null, `the neighbour is not ${story?.speaker}`);
  });

  test('“The Secretary-General, in his annual review, observed: “…”” is the Secretary-General the speech names', () => {
    const text = [
      'H.E. Tomasz Wierzbicki, Secretary-General of the Council of Baltic Ports,',
      '',
      'Excellencies, Ladies and Gentlemen,',
      '',
      'The Secretary-General, in his annual review of our shipping lanes, observed: “Our seas take no notice of the borders we draw on maps.”',
      '',
      'We share that view and will bring it to the ministerial meeting in the autumn with our partners.',
    ].join('\n');
    const document = parse(text);
    assert.equal(document.kind, 'speech');
    assert.equal(quoteStarting(document, 'Our seas take no notice')?.speaker, 'Tomasz Wierzbicki');
  });
});

describe('metadata from the archives’ sidecars', () => {
  test('a UN manifest’s year, country and session give the date and title, with provenance', () => {
    const manifest = readSidecar('MANIFEST.tsv', 'file\tcountry\tsession\tyear\nKEN_76_2021.txt\tKEN\t76\t2021\n');
    const document = parseStatement({ uri: 'memory:///un/KEN_76_2021.txt', text: 'Mr. President,\n\nExcellencies,\n\nIt is an honour to speak for my country at this seventy-sixth session.', sidecar: manifest.entries.get('KEN_76_2021.txt') });
    assert.deepEqual(document.date, { value: '2021', source: 'sidecar' });
    assert.deepEqual(document.title, { value: 'KEN, session 76 (2021)', source: 'sidecar' });
  });
});

describe('reporting clauses as news write them', () => {
  const speakerOf = (document: StatementDocument, words: string) => quoteStarting(document, words)?.speaker;

  test('the subject reads past clause openers, a time between subject and verb, and a shared subject', () => {
    const document = parse([
      'Minister Fredrik Aal visited the border post on Monday. But he said his ministry would not fund a second crossing.',
      'Ambassador Sofia Brandao on Tuesday said the quota dispute could be settled before the summit.',
      'Deputy Ilkka Rautio urged the chamber to "read the annexes first" and said he would oppose the treaty as written.',
    ].join('\n\n'));
    assert.equal(speakerOf(document, 'his ministry would not fund'), 'Fredrik Aal');
    assert.equal(speakerOf(document, 'the quota dispute could be'), 'Sofia Brandao');
    assert.equal(speakerOf(document, 'he would oppose the treaty'), 'Ilkka Rautio');
  });

  test('described sources: coordinated heads and quantities are unnamed speakers', () => {
    const document = parse([
      'Customs and trade officials said the two terminals shipped more timber than their permits allowed.',
      'Members were polled on the treaty. A further 18 percent said neither version should be ratified.',
    ].join('\n\n'));
    const officials = quoteStarting(document, 'the two terminals shipped');
    assert.deepEqual([officials?.speaker, officials?.speakerKind], ['Customs and trade officials', 'unnamed']);
    const share = quoteStarting(document, 'neither version should be');
    assert.deepEqual([share?.speaker, share?.speakerKind], ['A further 18 percent', 'unnamed']);
  });

  test('a long appositive between the name and the verb, before and after the quotation', () => {
    const document = parse([
      'The envoys arrived on Sunday. “The annex on fishing rights is settled,” Rep. Arne Solli, R-Maine, said Wednesday.',
      '“The rules of origin are far too strict,” Nadia Korhonen, a visiting fellow of the Lindqvist Centre and a former customs attaché in Chile, said of the draft.',
      'The consulate is short of staff. A visa desk might reopen in the spring, said Tobias Wren, a longtime aide at the embassy who runs its outreach to exporters.',
    ].join('\n\n'));
    assert.equal(speakerOf(document, 'The annex on fishing rights'), 'Arne Solli');
    assert.equal(speakerOf(document, 'The rules of origin'), 'Nadia Korhonen');
    assert.equal(speakerOf(document, 'A visa desk might reopen'), 'Tobias Wren');
  });

  test('a verb after the cue reports a clause: ", said several lines were wrong" names no speaker', () => {
    const document = parse('Solveig Arnesen, a lawyer for the Baltic Grain Exporters Union, whose members include forty trading houses, said several tariff lines were mislabelled.');
    assert.equal(speakerOf(document, 'several tariff lines were'), 'Solveig Arnesen');
    assert.deepEqual(document.people.map(p => p.name), ['Solveig Arnesen'], 'the union is no person');
  });
});

describe('coordinated verbs and descriptions before a name', () => {
  test('"X, an aside, addressed … and said she …" and "said 24/7 customs officer Linus Berglund"', () => {
    const document = parse([
      'Hedda Sandvik, a retired customs director, addressed the forum organised by the chamber of commerce and said she knows what the negotiators lack: "Time, and a good map of the ports."',
      '“The quota figures are wrong. They always were,” said 24/7 customs officer Linus Berglund.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Time, and a good map')?.speaker, 'Hedda Sandvik');
    assert.equal(quoteStarting(document, 'she knows what the negotiators')?.speaker, 'Hedda Sandvik');
    assert.equal(quoteStarting(document, 'The quota figures are wrong')?.speaker, 'Linus Berglund');
  });
});

describe('quotations owned by a claim or an "as X put it"', () => {
  test('"X’s assertion that … “…”", "“…,” as a notice put it" and "as the daily put it, … “…”"', () => {
    const document = parse([
      'Minister Aldo Ferrante addressed the council on Monday. Inspectors are reviewing Ferrante’s assertion that customs fraud costs “nearly a billion euros” every year.',
      'Exporters must hold a "certified origin statement," as a customs notice put it.',
      'The negotiator, as the business daily put it in a long portrait, is “the patient broker.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'nearly a billion euros')?.speaker, 'Aldo Ferrante');
    assert.deepEqual([quoteStarting(document, 'certified origin')?.speaker, quoteStarting(document, 'certified origin')?.speakerKind], ['a customs notice', 'unnamed']);
    assert.equal(quoteStarting(document, 'the patient broker')?.speaker, 'the business daily');
  });
});

describe('adverbs, participles and names for things', () => {
  test('an adverb before the verb, a participle after a comma, and "what Y calls"', () => {
    const document = parse([
      "Deputy Leader Katrin Aho openly suggested that Chancellor Jonas Weller ''has not read the annexes to the gas contract he signed.''",
      "Weller was unmoved when pressed in the lobby later, replying, ''Every page of the contract is online for anyone to read.''",
      'Minister Aldo Ferrante dismisses what Senator Hanna Kivi calls “a quiet betrayal of the fishing towns.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'has not read the annexes')?.speaker, 'Katrin Aho');
    const online = quoteStarting(document, 'Every page of the contract');
    assert.deepEqual([online?.speaker, online?.kind], ['Jonas Weller', 'direct']);
    assert.equal(quoteStarting(document, 'a quiet betrayal')?.speaker, 'Hanna Kivi');
  });
});

describe('relative clauses and sentence-opening "Said X:"', () => {
  test('"X, the rapporteur, who in 2019 said … “open to new members,” agreed" and "Said Adebayo: “…”"', () => {
    const document = parse([
      'The rapporteur, Greta Holmqvist, who in 2019 said the delegation’s first duty was to keep the accord "open to new members," agreed.',
      'Diplomats doubt the truce will hold. Said Adebayo: “Neither capital has shown any interest in a compromise over the river.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'open to new members')?.speaker, 'Greta Holmqvist');
    assert.equal(quoteStarting(document, 'the delegation’s first duty')?.speaker, 'Greta Holmqvist');
    assert.equal(quoteStarting(document, 'Neither capital has shown')?.speaker, 'Adebayo');
  });
});

describe('what a "said" reports', () => {
  test('"said on Thursday that …" starts after "that"; "said to the chancellor as he signed" reports nothing', () => {
    const document = parse([
      'Foreign Minister Liv Strand said on Thursday that her ministry would reopen the embassy in Lima.',
      'Chancellor Jonas Weller arrived at the border post. “Good to see you, Jonas,” Mirja Salo said to the chancellor as he signed the guest book.',
    ].join('\n\n'));
    assert.equal(document.quotes.find(q => q.kind === 'reported' && q.speaker === 'Liv Strand')?.text, 'her ministry would reopen the embassy in Lima');
    assert.ok(!document.quotes.some(q => q.text.startsWith('to the chancellor')), JSON.stringify(document.quotes));
  });

  test('"X, the harbour chief, said" gives X the office; "X (D), the rival of the mayor, called …" is X\'s', () => {
    const document = parse([
      'Ivo Stenmark, the harbour chief, said the divers had found "no sign of any leak at all," and went home.',
      'Councillor Dana Brisk (D), the rival of the mayor, called on Monday for publishing the logs, saying that sunlight "calms every port."',
    ].join('\n\n'));
    const ivo = document.people.find(p => p.name === 'Ivo Stenmark');
    // The apposition ends with its sentence, which may end it.
    const thanks = parse('We are joined by Sheriff Dan Webb, Tom Ruiz. Chief, stand up. Our thanks also to Ann Lee, the new harbour chief.');
    assert.ok(thanks.people.every(p => p.roles.every(r => !r.title.includes('.'))), JSON.stringify(thanks.people));
    assert.deepEqual(thanks.people.find(p => p.name === 'Ann Lee')?.roles.map(r => r.title), ['new harbour chief']);
    assert.deepEqual(ivo?.roles.map(r => r.title), ['harbour chief'], JSON.stringify(document.people));
    assert.equal(document.quotes.find(q => q.text.startsWith('no sign'))?.speaker, 'Ivo Stenmark');
    assert.equal(document.quotes.find(q => q.text.startsWith('no sign'))?.speakerKind, undefined, 'a person, not an organisation');
    const urged = document.quotes.find(q => q.kind === 'reported' && q.text.includes('the logs'));
    assert.deepEqual([urged?.speaker, urged?.speakerKind], ['Dana Brisk', undefined], JSON.stringify(document.quotes));
  });

  test('"Second Gentleman" and "Second Lady" are offices, as "First Lady" is', () => {
    const document = parse('Second Gentleman Omar Vidal toured the port. Second Lady Ines Vidal opened the clinic.');
    assert.deepEqual(document.people.map(p => [p.name, p.roles.map(r => r.title)]), [['Omar Vidal', ['Second Gentleman']], ['Ines Vidal', ['Second Lady']]], JSON.stringify(document.people));
  });

  test('a long quotation inside the writer\'s clause is the reporting subject\'s, as a short one is', () => {
    const document = parse('Ivo Stenmark, the harbour chief, said the divers found "no trace of oil along any part of the hull the tanker left at the old pier," and the crews went home.');
    const quote = document.quotes.find(q => q.text.startsWith('no trace of oil'));
    assert.deepEqual([quote?.speaker, quote?.kind], ['Ivo Stenmark', 'fragment'], JSON.stringify(document.quotes));
  });

  test('a quotation closed by a full stop after its own cue is not the next sentence\'s, whose cue reports on', () => {
    const document = parse('Mayor Ana Roy said the harbour dig may start soon but added "money is the real worry here." Councillor Pat Kell argued the council ought to wait for the vote.');
    assert.equal(document.quotes.find(q => q.text.startsWith('money is'))?.speaker, 'Ana Roy', JSON.stringify(document.quotes));
    assert.equal(document.quotes.find(q => q.text.startsWith('the council ought'))?.speaker, 'Pat Kell');
    const asked = parse('Mayor Ana Roy asked "who will pay for the harbour dig?" Councillor Pat Kell replied the state would pay.');
    assert.equal(asked.quotes.find(q => q.text.startsWith('who will pay'))?.speaker, 'Ana Roy', JSON.stringify(asked.quotes));
  });
});

describe('who "THE PRESIDENT" is in remarks', () => {
  test('the president the title names, not another president in the remarks nor a namesake relative', () => {
    const document = parseStatement({
      uri: 'memory:///remarks.txt',
      text: [
        'Remarks by President Okafor at a Harbour Dinner',
        'THE PRESIDENT: Thank you all. I want to thank my granddaughter, Lena Okafor, and Tom Ruiz, President of the Dockworkers Union. Tom, stand up.',
        'MS. OKAFOR: Thank you, Grandpa.',
        'THE PRESIDENT: We will build the new pier this year.',
      ].join('\n\n'),
    });
    assert.deepEqual(document.quotes.map(q => q.speaker), ['Okafor', 'Lena Okafor', 'Okafor'], JSON.stringify(document.quotes));
  });
});

describe('transcript excerpts inside a quotation', () => {
  test('`"KRAL: Minister, …"` is the labelled speaker’s, and "Host" is a role', () => {
    const document = parse('Host Bettina Kral pressed the minister on the tariffs. "KRAL: Minister, your own officials warned against these duties in March."');
    assert.equal(quoteStarting(document, 'KRAL: Minister')?.speaker, 'Bettina Kral');
    assert.ok(!document.people.some(p => p.name.startsWith('Host')), JSON.stringify(document.people.map(p => p.name)));
  });
});

describe('places and organisations named after people are no people', () => {
  test('"the Osric Fenwick Bridge", "Ludmila Varga Memorial Congress Hall", "The Department of Trade announced"', () => {
    const document = parse([
      'Delegates crossed the Osric Fenwick Bridge on Sunday. Staff at Ludmila Varga Memorial Congress Hall set up the hall. “Everything was ready by noon,” said Dr. Ines Moreau.',
      'The Department of Trade announced $3 billion in export credit for small firms.',
    ].join('\n\n'));
    assert.deepEqual(document.people.map(p => p.name), ['Ines Moreau']);
    const credit = quoteStarting(document, '3 billion in export credit');
    assert.deepEqual([credit?.speaker, credit?.speakerKind], ['The Department of Trade', 'organisation']);
  });
});

describe('continuity and titles', () => {
  test('a quotation left unclosed continues into the next paragraph only when that one has no cue of its own', () => {
    const document = parse('“The whole region is watching this vote,” Minister Petra Novak said Friday. “If parliament rejects the accord, no neighbour will negotiate with us again.\n\n“My own view is that the accord can still be saved,” added Ambassador Rolf Edvardsen, the deputy head of the delegation.');
    assert.equal(quoteStarting(document, 'If parliament rejects')?.speaker, 'Petra Novak');
    assert.equal(quoteStarting(document, 'My own view is that')?.speaker, 'Rolf Edvardsen');
  });

  test('a title in Title Case after "on" or a possessive is no quotation', () => {
    const document = parse('“The minister has a point about the quotas,” Arvid Nyman, a former consul, said Monday evening on Channel Five’s “Foreign Desk Tonight.” “The exporters in the north feel forgotten by everyone.”');
    assert.ok(!document.quotes.some(q => q.text.startsWith('Foreign Desk Tonight')), JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'The exporters in the north feel')?.speaker, 'Arvid Nyman');
  });
});

describe('fragments after verbs of judging', () => {
  test('an adverb before the verb, an aside after the subject, and verbs like attacked and exhorted', () => {
    const document = parse([
      'Minister Edvin Krogh spoke to parliament on Tuesday. Krogh openly described the export ban as an “economic blockade,” but did not name the country behind it.',
      'Senator Aldo Ferrante, who chaired the trade panel until June, dismissed the audit as “theatre” on a podcast.',
      'Envoy Tuva Lind exhorted the ministers to "finish the tariff chapter tonight" before leaving.',
    ].join('\n\n'));
    for (const [words, speaker] of [['economic blockade', 'Edvin Krogh'], ['theatre', 'Aldo Ferrante'], ['finish the tariff chapter', 'Tuva Lind']]) {
      const quote = quoteStarting(document, words);
      assert.deepEqual([quote?.speaker, quote?.kind], [speaker, 'fragment'], words);
    }
  });
});

describe('participles report the sentence subject', () => {
  test('"…, telling X that “…”", "…, saying …" and "He\'s claiming that …"', () => {
    const document = parse([
      'Minister Aldo Ferrante defended the arbitration clause before the committee, telling Vera Holm that "I will not sign any clause that places foreign judges above our own courts."',
      'Judge Kerstin Dahl turned down the request on Wednesday, saying the panel cannot decide questions of sovereignty.',
      'Minister Edvin Krogh spoke in Tallinn. He\'s claiming that dumping is “an open attack on our steel mills” and that the commission ignores it.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'I will not sign any clause')?.speaker, 'Aldo Ferrante');
    assert.equal(quoteStarting(document, 'the panel cannot decide')?.speaker, 'Kerstin Dahl');
    assert.equal(quoteStarting(document, 'an open attack on our steel')?.speaker, 'Edvin Krogh');
  });

  test('a participle after the closing mark goes on with the speaker named before it', () => {
    const document = parse([
      'The mill was sold by Harrowgate Steel in 2009.',
      'In a statement, Harrowgate said: "The mill was profitable when we sold it," adding that its workforce had grown since.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'The mill was profitable')?.speaker, 'Harrowgate');
  });
});

describe('pronouns', () => {
  test('a subject named by her given name alone, speaking twice, is a person and a "she"', () => {
    const document = parse([
      '“The bus never came,” Dagny said, holding her ticket.',
      '“He promised that last year,” Dagny said.',
      '“A new timetable comes in the autumn,” said Per Alm, the transport minister.',
      '“I will not wait again,” she said.',
      'Pratt & Whitney announced a new plant; Whitney said nothing more.',
    ].join('\n\n'));
    assert.ok(document.people.some(p => p.name === 'Dagny'), JSON.stringify(document.people.map(p => p.name)));
    assert.equal(quoteStarting(document, 'I will not wait again')?.speaker, 'Dagny');
    assert.ok(!document.people.some(p => p.name === 'Whitney'));
  });

  test('a pronoun in a relative clause about another noun is no evidence of the name’s gender', () => {
    const document = parse([
      'Anna Berg greeted the minister, who began his remarks late.',
      'Ilkka Lund, the mayor, praised the plan.',
      '“We waited an hour,” she said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'We waited an hour')?.speaker, 'Anna Berg');
  });

  test('"Chairman" or "actor" before a woman\'s name does not make her a "he"', () => {
    const chair = parse('Committee Chairman Maxine Lund opened the hearing. Chairman Maxine Lund then read the rules. Senator Tom Berg objected. “We will proceed,” she said.');
    assert.equal(quoteStarting(chair, 'We will proceed')?.speaker, 'Maxine Lund', JSON.stringify(chair.quotes));
    const actor = parse('The award went to fellow actor Meryl Stone. Critic Tom Lind praised it on Monday. Stone thanked the jury. “I am grateful,” she said.');
    assert.equal(quoteStarting(actor, 'I am grateful')?.speaker, 'Meryl Stone', JSON.stringify(actor.quotes));
  });

  test('a word for a woman before her name ("widow", "mother") makes her a "she" whatever her given name', () => {
    const document = parse([
      'Senator Ana Ruiz opposed the flood levy in a statement on Monday.',
      '“The levy punishes the valley twice,” said flood widow Terry Lund.',
      'She continued, “We rebuilt our homes once already.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'We rebuilt our homes')?.speaker, 'Terry Lund');
  });

  test('a person named inside a quotation does not take the pronoun after it', () => {
    const document = parse('President Henrik Kask spoke about the gas talks. “My energy envoy, Jaan Tamm, will brief the committee tomorrow,” he said, “and the news is not good.”');
    assert.equal(quoteStarting(document, 'My energy envoy')?.speaker, 'Henrik Kask');
  });

  test('a possessive is no subject: "he" after "X said Y’s offer …" stays with X', () => {
    const document = parse('Minister Oskar Vidal met the Danish delegation on Friday. “He kept every promise he made,” said columnist Peter Lund.\n\nLund said Vidal’s compromise should calm Erik Sand’s export worries.\n\n“I found him calm and well prepared throughout the talks,” he said.');
    assert.equal(quoteStarting(document, 'I found him calm')?.speaker, 'Peter Lund');
  });

  test('a person the speaker talked about does not take the pronoun after the report', () => {
    const document = parse([
      'Finance Minister Tomas Berg met the unions on Monday.',
      'Deputy Minister Karl Vinter said he believes Berg is right about the cost of the scheme.',
      '“I think the money is there for a settlement,” he said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'I think the money is there')?.speaker, 'Karl Vinter');
  });

  test('a person named in an organisation’s report, or the only one of that gender, still takes the pronoun', () => {
    const document = parse([
      'Senator Paul Reyes told donors the bill would pass by June, according to the Courier.',
      '“We have the votes and we will use them,” he said.',
      'Paul Reyes said Nina Palermo was wrong about the vote count.',
      '“We will pass this bill before the recess,” she said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'We have the votes')?.speaker, 'Paul Reyes', JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'We will pass this bill')?.speaker, 'Nina Palermo', JSON.stringify(document.quotes));
  });

  test('a name followed by its affiliation is the subject: "Lee at the Daily Courier agreed …"', () => {
    const document = parse([
      'Columnist Oskar Brandt said the minister had won the debate.',
      'Piet Lee at the Daily Courier agreed with Brandt about the outcome. “The minister kept his rival on the defensive all night,” he wrote.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'The minister kept his rival')?.speaker, 'Piet Lee');
  });

  test('a name set off after its description is the subject: "The trade minister, Mr. Ostos, says …"', () => {
    const document = parse([
      'The Andorran president, Enrique Solano, has struggled to answer Mr. Karl Brandt.',
      "The trade minister, Mr. Ostos Vidal, says the valley can wait out the quarrel with Mr. Brandt. ''Our growers have survived worse winters,'' he told reporters.",
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Our growers have survived')?.speaker, 'Ostos Vidal');
  });

  test('"the congresswoman" and "the senator" are the people the text titled "Rep." and "Sen."', () => {
    const document = parse([
      'Rep. Ana Ruiz (D-Calif.) and Sen. Paul Oster (R-Utah) met the farm lobby on Monday.',
      '“Cuts will hurt the rural schools first,” the congresswoman said.',
      '“The budget has to balance some day,” the senator replied.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Cuts will hurt the rural')?.speaker, 'Ana Ruiz');
    assert.equal(quoteStarting(document, 'The budget has to balance')?.speaker, 'Paul Oster');
  });

  test('an organisation speaks through its writing: "the OECD report stated", not "The Executive Order"', () => {
    const document = parse([
      'Growth will slow next year in most rich countries.',
      '“Trade between the two blocs will stay weak for a long while yet,” the OECD report stated.',
      '“Every agency shall publish its plan within ninety days of this date,” the Executive Order said.',
      '“The ferry will not run on Sundays,” the January report said.',
    ].join('\n\n'));
    const report = quoteStarting(document, 'Trade between the two blocs');
    assert.equal(report?.speaker, 'the OECD');
    assert.equal(report?.speakerKind, 'organisation');
    assert.ok(!document.quotes.some(q => q.speaker === 'the Executive' || q.speaker === 'the January'), JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'The ferry will not run')?.speaker, 'the January report', JSON.stringify(document.quotes));
  });

  test('someone named as speaking inside a report does not take the turn', () => {
    const document = parse([
      'Union leader Ingrid Solberg spoke to workers at the gate on Friday.',
      'Marta Holm said Solberg told her the strike would last a week.',
      '“Nobody here believes that, we have heard it all before,” she said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Nobody here believes that')?.speaker, 'Marta Holm');
  });

  test('a name that modifies a noun is no subject: "the Lindholm cabinet underestimated …"', () => {
    const document = parse('“The embassy was caught off guard,” said Margit Aune, a former attaché.\n\nShe thinks the Lindholm cabinet underestimated the farmers’ lobby.\n\n“Now they will pay for it at the ballot box,” she said.');
    assert.equal(quoteStarting(document, 'Now they will pay for it')?.speaker, 'Margit Aune');
  });

  test('a bare surname two people share is the one named in full most; the paragraph’s subject takes "he"', () => {
    const document = parse([
      'Ambassador Anders Hovland is seeking the top post in the foreign service. Minister Nils Hovland, a distant cousin, backed another candidate in the spring.',
      'Ambassador Anders Hovland addressed the selection board on Thursday.',
      '"He has always preferred the field to the capital," said Lorenz Abt, who teaches diplomacy at the state university.',
      'Hovland brushes off questions about his age. "I have led four trade missions and two consulates," he said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'I have led four trade missions')?.speaker, 'Anders Hovland');
  });

  test('names inside noun phrases or subordinate clauses take no pronoun from the subject', () => {
    const document = parse([
      'State Secretary Matteo Ruggeri, who has worked for Chancellor Jonas Weller since he left the navy, described the trade report as “pure invention” to journalists.',
      '“Every figure in it is made up,” he said.',
      'Lars Ekdal sided with the auditors against Mr. Weller, the party’s favourite in the north. What matters now, he wrote to members on Saturday, is whether the auditors remain independent.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Every figure in it')?.speaker, 'Matteo Ruggeri');
    assert.equal(document.quotes.find(q => q.text.includes('whether the auditors remain independent'))?.speaker, 'Lars Ekdal');
  });

  test('"she" never goes to a man the text shows as one', () => {
    const document = parse('Mr. Gustav Lorenz stepped up to the lectern. “Welcome to Vienna, all of you,” Lorenz said. The delegates stood and clapped. “We have a deal,” she said of the treaty.');
    assert.equal(quoteStarting(document, 'Welcome to Vienna, all')?.speaker, 'Gustav Lorenz');
    assert.notEqual(quoteStarting(document, 'We have a deal')?.speaker, 'Gustav Lorenz');
  });
});

describe('headlines that state what someone said', () => {
  const article = (title: string, body: string) => parseStatement({ uri: 'memory:///news.txt', text: `${title}\n\n${body}` });
  const body = 'Minister Constanza Iriarte spoke in Montevideo on Monday about the grain negotiations. Iriarte said the negotiations were stuck and needed fresh proposals.';

  test('`Name: …`, `Name says …` and `…, Name Says` are the named person’s when the article names them', () => {
    for (const [title, words] of [
      ["Iriarte: Grain negotiations need 'new ideas from both capitals.'", "Grain negotiations need 'new"],
      ['Iriarte says the grain negotiations are stuck.', 'the grain negotiations are stuck'],
      ['The Deal Could Still Be Signed in Spring, Iriarte Says.', 'The Deal Could Still Be Signed in Spring'],
    ]) {
      const quote = article(title, body).quotes.find(q => q.text.startsWith(words));
      assert.equal(quote?.speaker, 'Constanza Iriarte', title);
      assert.equal(quote?.kind, 'reported', title);
    }
  });

  test('a label nobody in the article answers to makes no statement', () => {
    const document = article('Survey: Farmers divided over the grain deal.', body);
    assert.ok(!document.quotes.some(q => q.text.startsWith('Farmers divided')), JSON.stringify(document.quotes));
  });
});

describe('headline verbs and office words are no part of a name', () => {
  test('"President Okafor Takes Action to …" names Okafor; "Director of National Intelligence Ana Ruiz" names Ana Ruiz', () => {
    const document = parseStatement({
      uri: 'memory:///fact-sheet.md',
      text: '# FACT SHEET: President Okafor Takes Action to Lower Ferry Fares\n\nDirector of National Intelligence Ana Ruiz said the review of the ferry contracts was complete. President Okafor said fares would fall by a third.\n',
    });
    const names = document.people.map(p => p.name);
    assert.ok(names.includes('Ana Ruiz'), names.join(', '));
    assert.ok(!names.some(name => /Takes|Intelligence/.test(name)), names.join(', '));
  });
});

describe('the speaker a title names', () => {
  test('"the son of the president" holds no office: "the president said" is the president', () => {
    const document = parse([
      'President Ana Lind opened the session on Monday.',
      'Hunter Lind, the son of the president, said he would testify.',
      '“We will win the vote,” the president said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'We will win the vote')?.speaker, 'Ana Lind');
  });

  test('"Remarks by APNSA Dana Whitlock at …": an acronym or office before the name hides no speaker', () => {
    const speakersOf = (title: string) => parseStatement({ uri: 'memory:///remarks.txt', text: `${title}\n\nThank you all for coming today. It is good to be back in the port city again.\n` }).speakers.value;
    assert.deepEqual(speakersOf('Remarks by APNSA Dana Whitlock at the Harbor Forum'), ['Dana Whitlock']);
    assert.deepEqual(speakersOf('Remarks by Under Secretary Dana Whitlock at the Harbor Forum'), ['Dana Whitlock']);
    // No name: the office itself is the speaker, for person resolution to find who held it (identity/offices.ts).
    assert.deepEqual(speakersOf('Statement by the Press Secretary on the Harbor Deal'), ['Press Secretary']);
  });
});
