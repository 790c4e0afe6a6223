// Reported speech and stated positions in the writer's words (issue 11), on short texts written for these tests.
import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { parseStatement, type StatementDocument } from '../../server/src/core';

const parse = (text: string) => parseStatement({ uri: 'memory:///article.txt', text: `A headline for the test\n\n${text}` });
const reportContaining = (document: StatementDocument, words: string) => document.quotes.find(q => q.kind === 'reported' && q.text.includes(words));

describe('positions stated without a verb of saying', () => {
  test('"wants", "blamed", "has questioned": the sentence’s subject holds the position', () => {
    const document = parse([
      'Foreign Minister Ines Varga arrived in Oslo on Monday.',
      'Varga wants to reopen the fisheries talks before the winter quotas are set.',
      'The Trade Ministry blamed the delay on a customs dispute at the northern border.',
      'Opposition leader Tomas Ekdahl has also questioned the cost of the new embassy in Lima.',
    ].join('\n\n'));
    assert.deepEqual([reportContaining(document, 'reopen the fisheries talks')?.speaker], ['Ines Varga']);
    const ministry = reportContaining(document, 'the delay on a customs dispute');
    assert.deepEqual([ministry?.speaker, ministry?.speakerKind], ['The Trade Ministry', 'organisation']);
    assert.equal(reportContaining(document, 'the cost of the new embassy')?.speaker, 'Tomas Ekdahl');
  });

  test('a passive verb, or a subject deep inside the sentence, states nobody’s position', () => {
    const document = parse([
      'Ambassador Lena Moss has been criticized by both parties for the delay in the grain deal.',
      'The plan that the envoys want to present on Friday runs to forty pages of annexes.',
    ].join('\n\n'));
    assert.equal(document.quotes.length, 0, JSON.stringify(document.quotes.map(q => [q.speaker, q.text])));
  });

  test('a time or place after the verb is no content unless a clause follows', () => {
    const document = parse([
      'Premier Olaf Brandt spoke in Riga. “The corridor stays open,” Brandt warned in Riga on Thursday.',
      'Minister Ana Ortiz warned in a letter the talks would fail without new guarantees.',
    ].join('\n\n'));
    assert.equal(document.quotes.filter(q => q.kind === 'reported' && q.speaker === 'Olaf Brandt').length, 0);
    assert.equal(reportContaining(document, 'the talks would fail')?.speaker, 'Ana Ortiz');
  });
});

describe('reporting cues that the words run around', () => {
  test('", she said," inside the sentence keeps the whole sentence as her words', () => {
    const document = parse('Minister Ana Ortiz met the delegation in Lima. The new line, she said, will carry grain by the spring.');
    const report = reportContaining(document, 'will carry grain by the spring');
    assert.equal(report?.speaker, 'Ana Ortiz');
    assert.ok(report?.text.startsWith('The new line'), report?.text);
  });

  test('"…, she said." needs a clause before it, not an opening phrase', () => {
    const document = parse('Minister Ana Ortiz met the delegation in Lima. Those talks are continuing, she said. In the end, she said, nothing was signed.');
    assert.equal(reportContaining(document, 'Those talks are continuing')?.speaker, 'Ana Ortiz');
    assert.ok(!document.quotes.some(q => q.text === 'In the end'), JSON.stringify(document.quotes.map(q => q.text)));
  });

  test('"according to" names a source even when nobody in the text has that name', () => {
    const document = parse([
      'About nine million households live in the delta, according to federal statistics.',
      'Grain exports rose by a third last year, according to the Central Bank of Peru.',
    ].join('\n\n'));
    const statistics = reportContaining(document, 'nine million households');
    assert.deepEqual([statistics?.speaker, statistics?.speakerKind], ['federal statistics', 'unnamed']);
    const bank = reportContaining(document, 'Grain exports rose');
    assert.deepEqual([bank?.speaker, bank?.speakerKind], ['the Central Bank of Peru', 'organisation']);
  });

  test('"according to" closing a sentence without a comma, or before ", and …", names the source of what precedes', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'Grain exports rose by a third last year according to the Central Bank of Peru.',
      'The northern quota was cut by half, according to two officials familiar with the talks, and the southern quota was left alone.',
      'Relief funds are shared out among the provinces according to need.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'Grain exports rose')?.speaker, 'the Central Bank of Peru');
    const quota = reportContaining(document, 'northern quota was cut');
    assert.deepEqual([quota?.speaker, quota?.speakerKind], ['two officials familiar with the talks', 'unnamed'], JSON.stringify(document.quotes));
    assert.ok(!document.quotes.some(q => q.text.includes('Relief funds')), JSON.stringify(document.quotes));
  });

  test('what a poll, a study or a video shows is its finding, with or without "that"', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'Surveys show a tight race for the governor’s seat in the northern valleys this autumn.',
      'A Nordstat survey published on Sunday shows the governor ahead by five points in the north.',
      'If the study finds a link between the dust and the illness, the mine will close.',
      'The company found itself in trouble with the regulators over its accounts.',
    ].join('\n\n'));
    const surveys = reportContaining(document, 'a tight race for the governor’s seat');
    assert.deepEqual([surveys?.speaker, surveys?.speakerKind], ['Surveys', 'unnamed'], JSON.stringify(document.quotes));
    const nordstat = reportContaining(document, 'the governor ahead by five points');
    assert.ok(nordstat?.speaker?.startsWith('A Nordstat survey') && nordstat.speakerKind === 'organisation', JSON.stringify(document.quotes));
    assert.ok(!document.quotes.some(q => q.text.includes('itself in trouble') || q.text.includes('the mine will close')), JSON.stringify(document.quotes));
  });

  test('"refused to admit that …" is no claim of what follows', () => {
    const document = parse('Minister Ana Ortiz met the press. Ortiz refused to admit that the harbour plan had failed.');
    assert.ok(!document.quotes.some(q => q.text.startsWith('the harbour plan had failed')), JSON.stringify(document.quotes));
  });

  test('"according to" a text’s rules names no source; the last "according to" is read in the sentence itself', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'The vote on the harbour was held according to the Constitution.',
    ].join('\n\n'));
    assert.ok(!document.quotes.some(q => q.text.includes('The vote on the harbour')), JSON.stringify(document.quotes));
  });

  test('a finding’s verb inside quotation marks is someone’s words, not a finding', () => {
    const document = parse('Minister Ana Ortiz met the press. The union and “many studies show wages falling” were cited by the judge on Monday.');
    assert.ok(!document.quotes.some(q => q.kind === 'reported' && q.speaker?.includes('studies')), JSON.stringify(document.quotes));
  });

  test('a word in -s after a preposition or a determiner is a noun: "grants for states to expand", "of the claims"', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'The budget also sets up 10 billion in new grants for states to expand their ferry services to the islands.',
      'Many of the claims to the fund were settled in the spring after the audit of the port authority.',
    ].join('\n\n'));
    assert.deepEqual(document.quotes.filter(q => q.kind === 'reported').map(q => `${q.speaker}: ${q.text}`), []);
  });

  test('a possessive or a relative clause is no subject: "the Administration’s plan", "a fund that the minister"', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'The Administration’s plan to rebuild the harbour will mobilize workers across the province.',
      'She praised a new Coastal Fund for Ferries that the minister urges the council to expand next year.',
    ].join('\n\n'));
    const speakers = document.quotes.filter(q => q.kind === 'reported').map(q => q.speaker);
    assert.ok(!speakers.some(speaker => /’s$|\bthat\b/.test(speaker ?? '')), JSON.stringify(speakers));
  });

  test('a fund, a panel, a regime or a watchdog speaks as an organisation', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'The fund warned that the harbour levy will slow growth in the coming years.',
      'The Marsh regime said the naval drills would continue through the weekend.',
      'The watchdog said in a statement that the merger would raise ferry fares.',
    ].join('\n\n'));
    const speakerOf = (words: string) => document.quotes.find(q => q.text.includes(words));
    assert.deepEqual([speakerOf('will slow growth')?.speaker, speakerOf('will slow growth')?.speakerKind], ['The fund', 'unnamed']);
    assert.deepEqual([speakerOf('drills would continue')?.speaker, speakerOf('drills would continue')?.speakerKind], ['The Marsh regime', 'organisation']);
    assert.deepEqual([speakerOf('would raise ferry fares')?.speaker, speakerOf('would raise ferry fares')?.speakerKind], ['The watchdog', 'unnamed']);
  });

  test('"the Association of Harbour Cities" is an organisation, not a person "Harbour Cities"', () => {
    const document = parse([
      'The Association of Harbour Cities said: "Today’s announcement is great news for our towns."',
      '"We are ready," said Lena Ostrova, president of the University of Northern Marsh.',
    ].join('\n\n'));
    const speakerOf = (words: string) => document.quotes.find(q => q.text.includes(words));
    assert.deepEqual([speakerOf('great news for our towns')?.speaker, speakerOf('great news for our towns')?.speakerKind], ['The Association of Harbour Cities', 'organisation']);
    assert.equal(speakerOf('We are ready')?.speaker, 'Lena Ostrova');
    assert.deepEqual(document.people.map(person => person.name), ['Lena Ostrova']);
  });

  test('"continues to shell" reports nothing; "appeared to suggest that" reports what follows the second verb', () => {
    const document = parse([
      'Minister Ana Ortiz opened the port on Monday.',
      'The junta continues to shell the border villages and to block the aid convoys.',
      'Ortiz appeared to suggest that the customs officers had been careless with the files.',
    ].join('\n\n'));
    assert.ok(!document.quotes.some(q => q.text.includes('shell the border')), JSON.stringify(document.quotes));
    assert.ok(document.quotes.some(q => q.text.startsWith('the customs officers had been careless') && q.speaker === 'Ana Ortiz'), JSON.stringify(document.quotes));
  });

  test('"after saying …, she …" and "began by saying …" are the main clause’s subject’s words', () => {
    const document = parse([
      'Minister Ana Ortiz and her deputy Ivo Marsh met the press in Lima.',
      'After saying her delegation was ready to sign tonight, she left the hall.',
      'Marsh started by saying that the northern quotas could not be traded away.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'ready to sign tonight')?.speaker, 'Ana Ortiz');
    assert.equal(reportContaining(document, 'quotas could not be traded away')?.speaker, 'Ivo Marsh');
  });
});

describe('companies in fact sheets', () => {
  test('"Norvik announced a $900 million investment" is a company; "the President announced" and "Kastelic announced" after his full name are people', () => {
    const document = parse([
      'Trade Minister Ruben Kastelic opened the investment summit on Monday.',
      'Norvik announced a $900 million investment in its Ohio plant, creating 400 jobs.',
      'Gecko Drilling committed $50 million to train welders in three states.',
      'Earlier today, the President announced that the first flight had landed in Ohio.',
      'Kastelic announced that the summit would return in the spring.',
    ].join('\n\n'));
    for (const [words, speaker] of [['a $900 million investment', 'Norvik'], ['50 million to train welders', 'Gecko Drilling']]) {
      const found = reportContaining(document, words);
      assert.deepEqual([found?.speaker, found?.speakerKind], [speaker, 'organisation'], words);
    }
    assert.equal(reportContaining(document, 'the summit would return')?.speakerKind, undefined);
    assert.ok(!document.people.some(p => /Norvik|Gecko/.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
  });
});

describe('people counted, not named', () => {
  test('a word the document writes in lower case is no one-word name: "Counselors say …", "Additionally, …"', () => {
    const document = parse('The school counselors met the board on Monday.\n\nCounselors say the new rules add paperwork.\n\nMinister Ana Lind visited the school. Lind said the rules would stay.\n\nThe Ku Klux Klan said nothing.');
    assert.notEqual(reportContaining(document, 'the new rules add paperwork')?.speaker, 'Counselors');
    assert.ok(!document.people.some(p => /^(?:Counselors|Ku Klux Klan)$/.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
    assert.equal(reportContaining(document, 'the rules would stay')?.speaker, 'Ana Lind');
  });

  test('"Others said", "Both reaffirmed", "Two-thirds said" are unnamed sources, never people', () => {
    const document = parse('Minister Ana Lind opened the meeting on Monday.\n\nOthers said the plan was late.\n\nBoth reaffirmed their support for the treaty.\n\nTwo-thirds said the economy was weak.');
    for (const [words, speaker] of [['the plan was late', 'Others'], ['their support for the treaty', 'Both'], ['the economy was weak', 'Two-thirds']]) {
      const found = reportContaining(document, words);
      assert.deepEqual([found?.speaker, found?.speakerKind], [speaker, 'unnamed'], words);
    }
    assert.ok(!document.people.some(p => /^(?:Others|Both|Two-thirds)$/.test(p.name)));
  });
});

describe('"it" after a writing', () => {
  test('"…, the study says. It also warns that …" is the study’s; "it" after officials is no one', () => {
    const document = parse('The harbour fees are far too low, the study says. It also warns that the ferry contracts were never tendered.\n\nOfficials said the port was shut. It also said that ships were waiting.');
    const found = reportContaining(document, 'ferry contracts were never tendered');
    assert.deepEqual([found?.speaker, found?.speakerKind], ['the study', 'unnamed']);
    assert.ok(!reportContaining(document, 'ships were waiting'));
  });
});

describe('quoted words inside a stated position', () => {
  test('", tweeting, “…”" after a long sentence is the quotation once, not also a report of it', () => {
    const document = parse('Councillor Petra Lund spoke first.\n\nLund, a former chairwoman of the harbour board, poked fun at the tender during the Monday meeting, tweeting, “Count the empty cranes. Still waiting?”');
    const found = document.quotes.filter(q => q.text.includes('Count the empty cranes'));
    assert.deepEqual(found.map(q => [q.kind, q.speaker]), [['direct', 'Petra Lund']]);
  });

  test('"blamed the delays on “…”": a verb of stance gives the quoted words to its subject', () => {
    const document = parse('Foreign Minister Ines Varga spoke in Oslo. Varga blamed the delays on “customs theatre” at the northern border.');
    const fragment = document.quotes.find(q => q.text === 'customs theatre');
    assert.deepEqual([fragment?.speaker, fragment?.kind], ['Ines Varga', 'fragment']);
  });
});

describe('who the subject is', () => {
  test('adverbs and times between subject and verb: "now says", "just this week announced", "often said"', () => {
    const document = parse([
      'Senator Ilse Varga met the growers in Tromsø.',
      'Varga now says the fishing accord must be torn up before winter.',
      'The Harbor Bank just this week announced it would drop the transfer fee in May.',
      '“We live on borrowed time,” my uncle often said.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'the fishing accord must be torn up')?.speaker, 'Ilse Varga');
    const bank = reportContaining(document, 'drop the transfer fee');
    assert.deepEqual([bank?.speaker, bank?.speakerKind], ['The Harbor Bank', 'organisation']);
    const uncle = document.quotes.find(q => q.text.startsWith('We live on borrowed time'));
    assert.deepEqual([uncle?.speaker, uncle?.speakerKind], ['my uncle', 'unnamed']);
  });

  test('a participle reports for the sentence’s subject, also when that is no person', () => {
    const document = parse([
      'The ministry rebuked Director Anna Holm, saying she had ignored the tender rules for years.',
      'Meanwhile, the paper attacked Governor Hal Lutz, saying he “has insulted farmers, teachers and nurses.”',
    ].join('\n\n'));
    const rebuke = reportContaining(document, 'ignored the tender rules');
    assert.deepEqual([rebuke?.speaker, rebuke?.speakerKind], ['The ministry', 'unnamed']);
    const fragment = document.quotes.find(q => q.text.startsWith('has insulted farmers'));
    assert.deepEqual([fragment?.speaker, fragment?.speakerKind], ['the paper', 'unnamed']);
  });

  test('"it added" and "they wrote" after an organisation or a group is quoted', () => {
    const document = parse([
      'The shipyard was close to ruin by 1991, the Courier wrote. “Today its order books are full. Its cranes build the ferries the whole coast depends on,” it added.',
      'Critics of the visa scheme said the scheme should end. “The scheme is riddled with fraud and should be allowed to lapse next month,” they wrote.',
      '“It is a fine building,” it said.',
    ].join('\n\n'));
    const courier = document.quotes.find(q => q.text.startsWith('Today its order books'));
    assert.deepEqual([courier?.speaker, courier?.speakerKind], ['the Courier', 'organisation']);
    assert.ok(!document.people.some(p => p.name === 'Courier'));
    const critics = document.quotes.find(q => q.text.startsWith('The scheme is riddled'));
    assert.deepEqual([critics?.speaker, critics?.speakerKind], ['Critics of the visa scheme', 'unnamed']);
    // Too far from anyone quoted: "it" names no one.
    assert.equal(document.quotes.find(q => q.text.startsWith('It is a fine building'))?.speaker, null);
  });

  test('"the United States" is a name, not a subject and its verb; short quoted words stay in the report', () => {
    const document = parse('Ambassador Rolf Berg said the United States would join Norway in “firm steps” against the blockade of the strait.');
    const fragment = document.quotes.find(q => q.text === 'firm steps');
    assert.deepEqual([fragment?.speaker, fragment?.kind], ['Rolf Berg', 'fragment']);
    const report = reportContaining(document, 'the United States would join Norway');
    assert.equal(report?.speaker, 'Rolf Berg');
    assert.ok(report?.text.endsWith('against the blockade of the strait'), report?.text);
  });
});

describe('a closing attribution', () => {
  test('", Ney also noted two “…” kept him …" reports what follows the verb, not what comes before', () => {
    const document = parse([
      'Marco Ney chaired the budget committee until May.',
      'While he conceded the budget mattered, Ney also noted two “unwritten rules” kept him from speaking openly in the ministry.',
      'The harbour will reopen in June, Ney told reporters on Tuesday.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'kept him from speaking')?.speaker, 'Marco Ney');
    assert.ok(!reportContaining(document, 'While he conceded'), JSON.stringify(document.quotes.map(q => q.text)));
    assert.equal(reportContaining(document, 'The harbour will reopen')?.speaker, 'Marco Ney');
  });

  test('", said parents still want …" opens a report, not a closing attribution by "parents"', () => {
    const document = parse([
      'Lena Ostrova, a senior organizer at the Harbor Institute for Civic Schooling, said parents still want schools in their own neighborhoods.',
      'The ferry will run again in May, said a source who asked not to be named.',
    ].join('\n\n'));
    const report = reportContaining(document, 'parents still want');
    assert.equal(report?.speaker, 'Lena Ostrova');
    assert.ok(report?.text.startsWith('parents still want'), report?.text);
    assert.equal(reportContaining(document, 'The ferry will run again')?.speaker, 'a source who asked not to be named');
  });
});

describe('a report after a long quotation and its cue', () => {
  test('"“…,” she said, announcing that …" reports; "“…,” he wrote counsel Ana Ruiz on May 19" does not', () => {
    const document = parse([
      '"We will not leave this harbour until every family has been moved to safe housing," Mayor Ines Calder said at a news conference, announcing that the city was suing the port authority.',
      '"I hesitate because my sense is that there is no case here at all," Deputy Director Piet Amos wrote counsel Edda Kohl on May 19, 2017.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'the city was suing the port authority')?.speaker, 'Ines Calder');
    assert.ok(!reportContaining(document, 'Edda Kohl'), JSON.stringify(document.quotes.map(q => q.text)));
  });
});

describe('a report, then a clause leading to a long quotation', () => {
  test('"She said …, and when pressed, she replied, “…”" reports the words before ", and"', () => {
    const document = parse('Lena Ostrova spoke in an interview last week. She said deckhands who transfer cannot join the new pension scheme, and when asked why the scheme excludes them, she replied, "It is meant to reward the crews who have served the islands for twenty years or more under the old contracts."');
    const report = reportContaining(document, 'deckhands who transfer');
    assert.equal(report?.speaker, 'Lena Ostrova');
    assert.equal(report?.text, 'deckhands who transfer cannot join the new pension scheme');
  });
});

describe('a participle of saying after a quotation\'s cue', () => {
  test('"“…,” Amos said, adding he would …" reports what was added', () => {
    const document = parse('"The morning the pledge was broken, the quarrel turned personal," Councillor Piet Amos said, adding he would oppose the levy to the end. "We will not leave," he said, smiling.');
    assert.equal(reportContaining(document, 'he would oppose the levy')?.speaker, 'Piet Amos');
    assert.equal(reportContaining(document, 'he would oppose the levy')?.text, 'he would oppose the levy to the end');
    assert.ok(!document.quotes.some(q => q.kind === 'reported' && q.text.includes('smiling')));
  });

  test('"“…,” the mayor said, arguing that she will take a “plain-spoken” line …": the report after the cue, not after the last mark', () => {
    const document = parse('Mayor Ines Calder visited the port on Tuesday.\n\n"We need change," Calder said, arguing that she will take a "plain-spoken" line on the harbour levy.');
    assert.equal(reportContaining(document, 'will take a')?.speaker, 'Ines Calder');
  });

  test('a report after the cue that opens with quoted words opens with their mark, not inside it', () => {
    const document = parse('Mayor Ines Calder visited the port on Tuesday.\n\n“We need change,” Calder said, adding that “the levy board” would have to repay the ferry crews by spring.');
    const report = reportContaining(document, 'would have to repay');
    assert.equal(report?.text, '“the levy board” would have to repay the ferry crews by spring');
    assert.equal(report?.speaker, 'Ines Calder');
  });

  test('"“…,” she said on Tuesday at the port, insisting the city …": past a time and place too', () => {
    const document = parse('"We will not leave this harbour until every family has a home," Mayor Ines Calder said on Tuesday at the port, insisting the city would sue the port authority.');
    assert.equal(reportContaining(document, 'the city would sue')?.speaker, 'Ines Calder');
  });
});

describe('subjects news write before a verb of saying', () => {
  test('"where lawyers say", "Those close to him say", "has said about 30 candidates …"', () => {
    const document = parse([
      'The company chose to file in Harrowgate, where insolvency lawyers say the local courts like to settle big cases fast.',
      'Those close to the mayor say that, in addition to the harbour, she would have to consider the ferry routes.',
      'Governor Ines Calder has said about 30 candidates asked for the vacant seat on the council.',
    ].join('\n\n'));
    assert.deepEqual([reportContaining(document, 'the local courts like')?.speaker, reportContaining(document, 'the local courts like')?.speakerKind], ['insolvency lawyers', 'unnamed']);
    assert.deepEqual([reportContaining(document, 'consider the ferry routes')?.speaker, reportContaining(document, 'consider the ferry routes')?.speakerKind], ['Those close to the mayor', 'unnamed']);
    assert.equal(reportContaining(document, 'candidates asked')?.text, 'about 30 candidates asked for the vacant seat on the council');
  });

  test('"said about two of the bills that …" is a topic, "said about 4 p.m." a time, not a number of things', () => {
    const document = parse([
      'Governor Ines Calder said about two of the levy bills that they would stall in the finance committee.',
      'Harbour police said about 4 p.m. Sunday the ferry had been towed back into the harbour.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'would stall')?.text, 'they would stall in the finance committee');
    assert.equal(reportContaining(document, 'had been towed')?.text, 'the ferry had been towed back into the harbour');
  });
});

describe('"who said" after a name and its description', () => {
  test('"Tomas Wirth, a stonemason who said …", "a toast to Aasen, who says …"; "Critics, who say …" is no name', () => {
    const architect = parse('Among the contractors was Tomas Wirth, a stonemason who said he had not been paid for the ferry terminal he built.');
    assert.equal(reportContaining(architect, 'not been paid for the ferry terminal')?.speaker, 'Tomas Wirth');
    const praised = parse('The ceremony ended with a toast to Aasen, who says he is honoured to chair the harbour board.');
    const honoured = praised.quotes.filter(q => q.kind === 'reported' && q.text.startsWith('he is honoured to chair'));
    assert.deepEqual(honoured.map(q => q.speaker), ['Aasen'], JSON.stringify(praised.quotes));
    const critics = parse('Critics, who say the levy is too costly, have asked for a vote.');
    assert.ok(!critics.quotes.some(q => q.speaker === 'Critics' && q.speakerKind === undefined), JSON.stringify(critics.quotes));
  });

  test('"the Seawall Board, who said …" names an organisation, not a person "Seawall Board"', () => {
    const document = parse('Members of the Seawall Board, who said the new pier was safe, met again on Friday.\n\nThe Seawall Board, who say the pier needs no repairs, will vote in June.');
    assert.ok(!document.quotes.some(q => q.speaker === 'Seawall Board' && q.speakerKind === undefined), JSON.stringify(document.quotes.map(q => [q.speaker, q.text])));
    assert.ok(!document.people.some(p => p.name === 'Seawall Board'), JSON.stringify(document.people.map(p => p.name)));
  });
});

describe('a verb before a name that then speaks', () => {
  test('"Councillors praised Aasen, who says he …" is Aasen’s report, not the councillors\'', () => {
    const document = parse('Councillors praised Aasen, who says he is honoured to chair the harbour board.');
    assert.deepEqual(document.quotes.filter(q => q.kind === 'reported').map(q => `${q.speaker}: ${q.text}`), ['Aasen: he is honoured to chair the harbour board']);
  });
});

describe('what "wrote" names', () => {
  test('"she wrote a weekly column" names a writing; "she wrote that …" and "he wrote the plan would fail" report', () => {
    const document = parse([
      'Lena Ostrova has written for many papers, including the Harbour Courier, where she wrote a weekly column for ferry crews.',
      'Piet Amos wrote that the levy would fund the sea wall.',
      'Edda Kohl wrote in a letter the plan would fail within a year.',
    ].join('\n\n'));
    assert.ok(!reportContaining(document, 'weekly column'), JSON.stringify(document.quotes.map(q => q.text)));
    assert.equal(reportContaining(document, 'the levy would fund')?.speaker, 'Piet Amos');
    assert.equal(reportContaining(document, 'the plan would fail')?.speaker, 'Edda Kohl');
  });

  test('"she wrote a letter to the board" names a writing too; "wrote to the board to ask …" reports nothing', () => {
    const document = parse([
      'Councillor Rana Holt wrote a letter to the port authority last spring.',
      'Councillor Dag Voll wrote a short note to his neighbours about the dunes.',
      'Councillor Edda Kohl wrote in a memo the pier had to be rebuilt.',
    ].join('\n\n'));
    assert.ok(!reportContaining(document, 'a letter to the port'), JSON.stringify(document.quotes.map(q => q.text)));
    assert.ok(!reportContaining(document, 'a short note to his'), JSON.stringify(document.quotes.map(q => q.text)));
    assert.equal(reportContaining(document, 'the pier had to be rebuilt')?.speaker, 'Edda Kohl');
  });
});

describe('a time, place or listener between the verb and the words', () => {
  test('"said after the vote she …", "said to reporters the …", "said in the letter to the board the …"', () => {
    const document = parse([
      'Mayor Ines Calder said after the vote she would not sign the harbour levy into law.',
      'Councillor Piet Amos said to reporters the levy will fund the new sea wall by 2030.',
      'Treasurer Edda Kohl said in the letter to the board the members had been consulted twice.',
      'Ms. Calder spoke in the chamber about the levy for an hour.',
    ].join('\n\n'));
    assert.equal(reportContaining(document, 'would not sign the harbour levy')?.text, 'she would not sign the harbour levy into law');
    assert.equal(reportContaining(document, 'would not sign the harbour levy')?.speaker, 'Ines Calder');
    assert.equal(reportContaining(document, 'will fund the new sea wall')?.text, 'the levy will fund the new sea wall by 2030');
    assert.equal(reportContaining(document, 'had been consulted')?.text, 'the members had been consulted twice');
    assert.ok(!reportContaining(document, 'for an hour'), 'speaking about something reports no words');
  });
});

describe('pronouns and the gender a text shows', () => {
  test('a pronoun after a name votes for that name only until the next person is named', () => {
    // Initials tell no gender: "her" after Holm's name is Mott's, so "he" can still be Holm.
    const document = parse([
      'Senator A. J. Holm sat beside Governor Tamsin Mott and her husband at the dinner. “The harbour deal is a gift to the shipowners and nothing else,” he said.',
    ].join('\n\n'));
    assert.equal(document.quotes.find(q => q.text.startsWith('The harbour deal'))?.speaker, 'A. J. Holm');
  });
});

describe('groups, acronyms and relative clauses as sources', () => {
  test('plural descriptions, acronyms, "the United States", base forms and "ruled that"', () => {
    const document = parse([
      'Yet ecologists fear that the price of restoring the wetlands could land on farmers.',
      'FENA insists that rural clinics need midwives of their own.',
      'In its first river treaty, the United States pledged that it would share the water with its neighbours.',
      'Several historians who argue that the archive should stay closed wrote to the minister.',
      'The appeals court then ruled that the county had purged eligible voters from its rolls.',
    ].join('\n\n'));
    const expected: [string, string, string][] = [
      ['the price of restoring', 'ecologists', 'unnamed'],
      ['rural clinics need midwives', 'FENA', 'organisation'],
      ['it would share the water', 'the United States', 'organisation'],
      ['the archive should stay closed', 'Several historians', 'unnamed'],
      ['the county had purged', 'The appeals court', 'unnamed'],
    ];
    for (const [words, speaker, kind] of expected) {
      const report = reportContaining(document, words);
      assert.deepEqual([report?.speaker, report?.speakerKind], [speaker, kind], words);
    }
  });

  test('"a raft of new rules" is no source, and a participle after a comma outranks a relative clause', () => {
    const document = parse([
      'A raft of new port rules promise to cut the waiting time for trucks by half.',
      'Governor Hal Lutz had to explain why a supplier who claimed he was owed money went unpaid, saying, “Maybe he did not finish the job, and I was not happy with it.”',
    ].join('\n\n'));
    assert.ok(!document.quotes.some(q => q.speaker?.startsWith('A raft')), JSON.stringify(document.quotes.map(q => q.speaker)));
    assert.equal(document.quotes.find(q => q.text.startsWith('Maybe he did not finish'))?.speaker, 'Hal Lutz');
  });
});

describe('what "a …" names', () => {
  test('"a turning point back in March" is no source, "one questioner" and "a customs notice" are', () => {
    const document = parse([
      'Paulo Reis, the party’s chief strategist, observed that the party reached a turning point back in March “when voters finally made up their minds about the two leading candidates.”',
      'One questioner at the town hall said the ferry fares had doubled since the spring.',
      'A customs notice said the new seals would be required from the first of June.',
    ].join('\n\n'));
    assert.ok(!document.quotes.some(q => q.speaker === 'a turning point'), JSON.stringify(document.quotes.map(q => q.speaker)));
    assert.equal(document.quotes.find(q => q.text.startsWith('when voters finally'))?.speaker, 'Paulo Reis');
    assert.deepEqual([reportContaining(document, 'ferry fares had doubled')?.speakerKind], ['unnamed']);
    assert.deepEqual([reportContaining(document, 'new seals would be required')?.speakerKind], ['unnamed']);
  });
});

describe('"she" after a man has spoken', () => {
  test('goes to the nearest woman named, also one named only as an object or before a party and state', () => {
    const document = parse([
      '“Growers need the subsidy more than ever,” said Carl Brenner, an economist at the institute.',
      'The trade minister faced Senator Ruth Abernathy at the hearing on Tuesday. “The numbers in this budget simply do not add up,” she said.',
      '“Nobody in the valley believes the forecast,” Brenner said.',
      'Sen. Ines Carvalho (D-Ore.) questioned him for an hour: “Your office ignored every warning it was given,” she said.',
    ].join('\n\n'));
    assert.equal(document.quotes.find(q => q.text.startsWith('The numbers in this budget'))?.speaker, 'Ruth Abernathy');
    assert.equal(document.quotes.find(q => q.text.startsWith('Your office ignored'))?.speaker, 'Ines Carvalho');
  });
});

describe('"the president" in a story that names several', () => {
  test('is the president the story names most, not the last speaker', () => {
    const document = parse([
      'President Ada Okafor opened the harbour museum on Saturday. President Okafor walked the galleries with curators.',
      'A plaque recalls a visit by President Ivo Marsh in 1952. Okafor spoke for twenty minutes.',
      '“Our grandparents built this harbour with their hands,” said Lena Holm, the museum’s director.',
      'That old quay, the president added, was “a place where our families said goodbye and never saw each other again.”',
    ].join('\n\n'));
    assert.equal(document.quotes.find(q => q.text.startsWith('a place where our families'))?.speaker, 'Ada Okafor');
  });
});
