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
  test("doubled apostrophes: ''We are ready,'' she said", () => {
    const document = parse("Senator Maria Lopez spoke on Tuesday. ''We are ready to vote on this bill,'' Lopez said. ''The votes are there.''");
    assert.equal(quoteStarting(document, 'We are ready to vote')?.speaker, 'Maria Lopez');
    assert.equal(quoteStarting(document, 'We are ready to vote')?.kind, 'direct');
  });

  test('guillemets and German low-high marks', () => {
    const french = parse('Foreign Minister Jean Dupont said: «We will not accept any partition of the country.»');
    assert.equal(quoteStarting(french, 'We will not accept')?.speaker, 'Jean Dupont');
    const german = parse('Chancellor Anna Weber told reporters: „The negotiations have reached a critical stage“, and left.');
    const quote = quoteStarting(german, 'The negotiations have reached');
    assert.equal(quote?.speaker, 'Anna Weber');
    assert.equal(quote?.text, 'The negotiations have reached a critical stage');
  });

  test('a closing mark used as an opener before a word, in signed comments', () => {
    const document = parse('Delegates sent us their views. Image: press pool. ”The harbour treaty protects our fishing towns.” ― Ingrid Solberg “The quotas were agreed in good faith.” ― Tomas Ekdahl');
    assert.equal(quoteStarting(document, 'The harbour treaty protects')?.speaker, 'Ingrid Solberg');
    assert.equal(quoteStarting(document, 'The quotas were agreed')?.speaker, 'Tomas Ekdahl');
  });

  test('possessive apostrophes neither open nor close a quotation', () => {
    const document = parse("The politicians'' votes were counted. Minister Ali Hassan said ''the United States' position is clear to everyone here.''");
    assert.equal(document.quotes.filter(q => q.kind === 'direct').length, 1, JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, "the United States' position")?.speaker, 'Ali Hassan');
  });
});

describe('Markdown read as structure', () => {
  test('markup is blanked with offsets kept: links read as their text, escapes as characters', () => {
    const source = '**Bold lead:** see the [report](https://example.org/a_(b)) \\[GDP\\] <s>GTB</s> now.\n\n![chart](c.png)\n';
    const { plain, blocks } = readMarkdown(source);
    assert.equal(plain.length, source.length);
    assert.equal(plain.replace(/\s+/g, ' ').trim(), 'Bold lead: see the report [GDP] now.');
    assert.equal(blocks.length, 1, 'an image alone is no block of text');
  });

  test('a link is its text: `- [Senator Surname](…): “…”` is a quotation by that person', () => {
    const document = parse('# Praise for the bill\n\n- [Senator Jo Smith](https://example.org/smith): “This bill will lower costs for every family in my state.”\n', 'page.md');
    const quote = quoteStarting(document, 'This bill will lower costs');
    assert.equal(quote?.speaker, 'Jo Smith');
    assert.ok(!document.quotes.some(q => q.text.includes('https')), 'no link destination in any quotation');
  });

  test('a list under a lead-in gives every item that speaker', () => {
    const text = [
      'Secretary of State Marco Rubio spoke to the press in Brussels.',
      '',
      '**Secretary Rubio then told reporters:**',
      '',
      '- [On Iran](https://example.org/1): “We will not allow them to have a nuclear weapon, period.”',
      '- [On trade](https://example.org/2): “Our partners know where we stand on tariffs and fairness.”',
      '',
      'In other news, the weather was fine. “This is a quotation nobody said to anyone at all,” wrote nobody.',
    ].join('\n');
    const document = parse(text, 'briefing.md');
    assert.equal(quoteStarting(document, 'We will not allow them')?.speaker, 'Marco Rubio');
    assert.equal(quoteStarting(document, 'Our partners know where')?.speaker, 'Marco Rubio');
  });

  test('figures, images, struck-out words, emphasis and headings never reach quotes, names or text', () => {
    const text = [
      '## Remarks',
      '',
      '<figure>',
      '<img src="x.png" alt="President Jane Roe">',
      '<figcaption>Caption: President Jane Roe waves</figcaption>',
      '</figure>',
      '',
      'Ambassador Lee Kwan told reporters that growth (<s>GTB</s> \\[GDP\\]) is *strong*: “The economy grew by four percent this year, which is *remarkable*.”',
    ].join('\n');
    const document = parse(text, 'remarks.md');
    const quote = quoteStarting(document, 'The economy grew');
    assert.equal(quote?.speaker, 'Lee Kwan');
    assert.equal(quote?.text, 'The economy grew by four percent this year, which is remarkable.');
    assert.ok(!document.people.some(p => p.name === 'Jane Roe'), 'nobody from a figure caption');
    assert.ok(!document.quotes.some(q => /GTB|<|\*/.test(q.text)), JSON.stringify(document.quotes.map(q => q.text)));
  });

  test('hard-wrapped Markdown paragraphs are one paragraph each; a labelled list item is not a transcript turn', () => {
    const text = [
      '-   **DISMISSED:** *United States v. City of Springfield*',
      '    -   The department alleged discrimination in hiring.',
      '',
      '-   **DISMISSED:** *United States v. Shelbyville*',
      '    -   The department alleged discrimination in testing.',
    ].join('\n');
    const document = parse(text, 'list.md');
    assert.ok(!document.quotes.some(q => q.kind === 'transcript'), JSON.stringify(document.quotes));
  });
});

describe('label-colon attribution outside transcripts', () => {
  test('`Title Surname: “…”` names the speaker', () => {
    const document = parse('Union leaders welcomed the decision.\n\nUnited Steelworkers President David McCall: “Our union welcomes the effort to contain global overcapacity.”\n');
    assert.equal(quoteStarting(document, 'Our union welcomes')?.speaker, 'David McCall');
  });
});

describe('fragment quotations inside the writer’s sentence', () => {
  test('`Name called the plan “a historic mistake”` and `protested against its “bullying”` are fragments by the subject', () => {
    const document = parse('Opposition leader Karin Holm spoke in Oslo. Holm called the plan “a historic mistake” and left the chamber. Later, Holm protested against its “bullying” of smaller parties.');
    const mistake = quoteStarting(document, 'a historic mistake');
    assert.equal(mistake?.kind, 'fragment');
    assert.equal(mistake?.speaker, 'Karin Holm');
    assert.equal(quoteStarting(document, 'bullying')?.speaker, 'Karin Holm');
  });

  test('`dismissed the budget as a “cruel joke”` and `likened the plan to a “house of cards”` are the subject’s words', () => {
    const document = parse('Former Governor Lena Marsh dismissed the budget as a “cruel joke” during a stop in Dayton. Marsh also likened the plan to a “house of cards” on Friday.');
    const joke = quoteStarting(document, 'cruel joke');
    assert.deepEqual([joke?.kind, joke?.speaker], ['fragment', 'Lena Marsh']);
    assert.equal(quoteStarting(document, 'house of cards')?.speaker, 'Lena Marsh');
  });

  test('terms and noun modifiers in quotation marks are the writer’s, not fragments', () => {
    const document = parse('Minister Tomas Berg said the countries are going through an “exploring” period after a “timely and important” call.');
    assert.ok(!document.quotes.some(q => q.kind === 'fragment' || q.kind === 'direct'), JSON.stringify(document.quotes));
  });
});

describe('unnamed sources and organisations as speakers', () => {
  test('`a source said`, `officials said`, `one reader wrote` get a described speaker, never the last named person', () => {
    const text = [
      'President Alan Park met the delegation on Monday. “We made progress,” Park said.',
      '',
      '“The talks nearly collapsed twice during the night,” a source said.',
      '',
      'The delegation will return in May, officials said on Tuesday.',
      '',
      '“I have never seen anything like this in my life,” one reader wrote.',
    ].join('\n');
    const document = parse(text);
    const source = quoteStarting(document, 'The talks nearly collapsed');
    assert.deepEqual([source?.speaker, source?.speakerKind], ['a source', 'unnamed']);
    const officials = quoteStarting(document, 'The delegation will return');
    assert.deepEqual([officials?.kind, officials?.speaker, officials?.speakerKind], ['reported', 'officials', 'unnamed']);
    assert.equal(quoteStarting(document, 'I have never seen')?.speaker, 'one reader');
    assert.ok(!document.people.some(p => /source|officials|reader/.test(p.name)), 'described sources are not people');
    assert.equal(quoteStarting(document, 'We made progress')?.speakerKind, undefined, 'a person has no speakerKind in the model');
  });

  test('`the Foreign Ministry said in a statement`, `the White House said`: organisations', () => {
    const text = [
      '“The visit will go ahead as planned,” the Foreign Ministry said in a statement.',
      '',
      'The White House said the president would sign the bill on Friday afternoon.',
    ].join('\n');
    const document = parse(text);
    const ministry = quoteStarting(document, 'The visit will go ahead');
    assert.deepEqual([ministry?.speaker, ministry?.speakerKind], ['the Foreign Ministry', 'organisation']);
    const house = quoteStarting(document, 'the president would sign');
    assert.deepEqual([house?.speaker, house?.speakerKind], ['The White House', 'organisation']);
  });
});

describe('people without titles, and no junk people or speakers', () => {
  test('`the jailed businessman X Y`, `X Y, a doctoral candidate at …`, and a full name whose surname later speaks are people', () => {
    const text = [
      'Supporters of the jailed businessman Jimmy Lau gathered outside the court.',
      '',
      'Mei Chen, a doctoral candidate at the university, organised the vigil.',
      '',
      'Tom Brandt lost the primary in March. “We will be back,” Brandt said.',
    ].join('\n');
    const document = parse(text);
    const names = document.people.map(p => p.name);
    for (const name of ['Jimmy Lau', 'Mei Chen', 'Tom Brandt']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    assert.match(document.people.find(p => p.name === 'Mei Chen')?.roles[0]?.title ?? '', /doctoral candidate/);
    assert.equal(quoteStarting(document, 'We will be back')?.speaker, 'Tom Brandt');
  });

  test('room roles in transcripts are unnamed speakers, never people or the document’s speakers', () => {
    const text = [
      'PRESIDENT MARTA SOLIS: Thank you all for coming to this town hall tonight.',
      '',
      'AUDIENCE MEMBER: What will you do about the price of groceries this year?',
      '',
      'MODERATOR: One more question from the back of the room, please.',
      '',
      'PRESIDENT MARTA SOLIS: We are cutting costs for families across the country.',
    ].join('\n');
    const document = parse(text);
    const audience = document.quotes.find(q => q.text.startsWith('What will you do'));
    assert.deepEqual([audience?.speaker, audience?.speakerKind], ['Audience Member', 'unnamed']);
    assert.ok(!document.people.some(p => /audience|moderator/i.test(p.name)), JSON.stringify(document.people.map(p => p.name)));
    assert.ok(!document.speakers.value.some(name => /audience|moderator/i.test(name)), JSON.stringify(document.speakers.value));
  });

  test('a listed given name before a surname is a person; a place or an everyday word is not', () => {
    const text = [
      'At the library in Cedar Falls, Dolores Whitcombe raised her hand to speak.',
      '',
      'The pool reporters were Harriet Okonjo and Brendan Askew.',
      '',
      'Flags flew over the Happy Valley mine while the park police watched from Park Police headquarters.',
    ].join('\n');
    const names = parse(text).people.map(p => p.name);
    for (const name of ['Dolores Whitcombe', 'Harriet Okonjo', 'Brendan Askew']) assert.ok(names.includes(name), `${name} in ${JSON.stringify(names)}`);
    for (const name of ['Happy Valley', 'Park Police', 'Cedar Falls']) assert.ok(!names.includes(name), `${name} in ${JSON.stringify(names)}`);
    // A title capitalizes every word: a given name there is no evidence of a person.
    const titled = parseStatement({ uri: 'memory:///unity.txt', text: 'Governor Grant Announces Unity Agenda for Farmers\n\nThe plan was published on Monday.' });
    assert.deepEqual([titled.speakers.value, titled.people.map(p => p.name)], [['Grant'], ['Grant']]);
  });

  test('a title’s capitalized verb is not part of the name: “President Joe Biden Marking Pride Month”', () => {
    const document = parseStatement({ uri: 'memory:///statement.txt', text: 'Statement by President Joe Biden Marking Pride Month\n\nThis month we celebrate the courage of those who came before us and the progress they made.' });
    assert.deepEqual(document.speakers.value, ['Joe Biden']);
  });
});

describe('pronouns resolved', () => {
  test('“…,” she said goes to the woman named before it, not to the last man who spoke', () => {
    const text = [
      'Governor Paul Grant defended the budget. “It is balanced,” Grant said.',
      '',
      'Ms. Ana Ruiz, who will step down next month, criticized the plan on Tuesday. “This budget abandons the families who need it most,” she told the Tribune.',
    ].join('\n');
    const document = parse(text);
    assert.equal(quoteStarting(document, 'This budget abandons')?.speaker, 'Ana Ruiz');
  });

  test('a given name tells the gender the text does not: “…,” she said after a woman introduced by name alone', () => {
    const text = [
      'Governor Paul Grant took questions at the library on Monday. “We will fix the roads,” Grant said.',
      '',
      'Near the back of the library, Dolores Whitcombe raised her hand and stood up.',
      '',
      '“My street has flooded three times this year,” she said.',
    ].join('\n');
    assert.equal(quoteStarting(parse(text), 'My street has flooded')?.speaker, 'Dolores Whitcombe');
  });

  test('someone only mentioned does not take “he” from the man who is speaking', () => {
    const text = [
      'Senator Omar Haddad spoke on Friday at the bridge named after Edgar Pollard in 1931.',
      '',
      '“This is where the union was saved,” he said.',
    ].join('\n');
    assert.equal(quoteStarting(parse(text), 'This is where the union')?.speaker, 'Omar Haddad');
  });
});

describe('cues news writers use around a quotation', () => {
  test('`Halvorsen demanded`, `scolded him:`, `Name, 25, said`, and a horizontal bar before `Grant boasted,`', () => {
    const cases: [string, string, string][] = [
      ['“Where did the ferry subsidy go, and who signed for it?” Halvorsen demanded.', 'Where did the ferry', 'Halvorsen'],
      ['Sen. Ada Brennick (D-Vt.) scolded him: “Every harbor town on this coast has waited a decade for that bridge.”', 'Every harbor town', 'Ada Brennick'],
      ['“The buses stopped coming in March and nobody told the school,” Lio Marchetti, 25, said.', 'The buses stopped', 'Lio Marchetti'],
      ['The budget passed before dawn ― Grant boasted, “Nobody else could have counted those votes in time.”', 'Nobody else could', 'Grant'],
    ];
    for (const [text, start, speaker] of cases) assert.equal(quoteStarting(parse(`The hearing went on for hours.\n\n${text}`), start)?.speaker, speaker, text);
  });
});

describe('press statements under a byline', () => {
  test('“Name, Office” under the title makes the text that person’s statement; a sentence or an office alone does not', () => {
    const statement = parseStatement({ uri: 'memory:///statement.txt', text: 'Ruritania National Day\n\nMaria Ortega, Secretary of State\n\nOn behalf of the United States, I congratulate the people of Ruritania on their national day.\n\nWe value our partnership.' });
    assert.deepEqual([statement.speakers.value, statement.kind], [['Maria Ortega'], 'statement']);
    assert.ok(statement.quotes.length === 2 && statement.quotes.every(q => q.speaker === 'Maria Ortega' && q.kind === 'speech'), JSON.stringify(statement.quotes));
    const office = parseStatement({ uri: 'memory:///office.txt', text: 'Ruritania National Day\n\nOffice of the Spokesperson\n\nThe United States congratulates the people of Ruritania.' });
    assert.deepEqual(office.speakers.value, []);
    const sentence = parseStatement({ uri: 'memory:///news.txt', text: 'Tariffs and farms\n\nRichard Roe, director of the Center for Rural Policy, said the new tariffs would raise prices.' });
    assert.notEqual(sentence.kind, 'statement');
  });
});

describe('titles written with a period', () => {
  test('`said Del. Maria Ortega of Guam`: every title the names know also keeps the sentence whole', () => {
    for (const title of ['Del.', 'Sgt.', 'Atty.', 'Supt.']) {
      const document = parse(`The hearing ran late. “This is a waste of the committee’s time,” said ${title} Maria Ortega of Guam.`);
      assert.equal(quoteStarting(document, 'This is a waste')?.speaker, 'Maria Ortega', title);
    }
  });
});

describe('reported speech in news style', () => {
  test('a name, an appositive, then the verb; and `…, according to the poll`', () => {
    const text = [
      'Richard Roe, director of the Center for Rural Policy, said the new tariffs would raise prices for farmers.',
      '',
      'The senator leads her rival by four points in the state, according to the Marist poll.',
    ].join('\n');
    const document = parse(text);
    const roe = quoteStarting(document, 'the new tariffs would raise');
    assert.deepEqual([roe?.kind, roe?.speaker], ['reported', 'Richard Roe']);
    const poll = quoteStarting(document, 'The senator leads her rival');
    assert.deepEqual([poll?.speaker, poll?.speakerKind], ['the Marist poll', 'unnamed']);
  });

  test('a party and state in parentheses before `said`, and findings: `The Ledger found that …`', () => {
    const text = [
      'However, Rep. Dana Whitfield (D-Ore.) said the harbor fund would run dry before the next winter storms.',
      '',
      'The Ledger found that nine of the county’s forty bridges had missed their last two inspections.',
    ].join('\n');
    const document = parse(text);
    assert.equal(quoteStarting(document, 'the harbor fund would')?.speaker, 'Dana Whitfield');
    const finding = quoteStarting(document, 'nine of the county');
    assert.deepEqual([finding?.speaker, finding?.speakerKind], ['Ledger', 'organisation']);
    assert.ok(!document.people.some(p => p.name === 'Ledger'));
  });
});

describe('quotations inside transcripts and speeches', () => {
  test('a journalist’s turn yields the turn and the quotation it relays, by the person quoted', () => {
    const text = [
      'MS. ALVAREZ: Good afternoon, everyone. I have one announcement before questions.',
      '',
      'QUESTION: Senator Dan Hollis tweeted yesterday that “the administration has no plan for the border at all.” Do you agree with him?',
      '',
      'MS. ALVAREZ: I would not agree with that characterization at all.',
    ].join('\n');
    const document = parse(text);
    assert.equal(document.quotes.filter(q => q.kind === 'transcript').length, 3);
    const relayed = quoteStarting(document, 'the administration has no plan');
    assert.equal(relayed?.speaker, 'Dan Hollis');
  });

  test('“The Secretary-General, in his report on …, observed: “…”” is the Secretary-General the speech names', () => {
    const text = [
      'H.E. Maria Okafor, Secretary-General of the United Nations,',
      '',
      'Excellencies, Ladies and Gentlemen,',
      '',
      'The Secretary-General, in his report on our common agenda, observed: “Humanity faces a stark and urgent choice between breakdown and breakthrough.”',
      '',
      'We agree with that assessment and we will act on it in the coming year together with our partners.',
    ].join('\n');
    const document = parse(text);
    assert.equal(document.kind, 'speech');
    assert.equal(quoteStarting(document, 'Humanity faces a stark')?.speaker, 'Maria Okafor');
  });
});

describe('metadata from the archives’ sidecars', () => {
  test('a UN manifest’s year, country and session give the date and title, with provenance', () => {
    const manifest = readSidecar('MANIFEST.tsv', 'file\tcountry\tsession\tyear\nKEN_76_2021.txt\tKEN\t76\t2021\n');
    const document = parseStatement({ uri: 'memory:///un/KEN_76_2021.txt', text: 'Mr. President,\n\nExcellencies,\n\nI am delighted to join you today in this seventy-sixth session of the General Assembly.', sidecar: manifest.entries.get('KEN_76_2021.txt') });
    assert.deepEqual(document.date, { value: '2021', source: 'sidecar' });
    assert.deepEqual(document.title, { value: 'KEN, session 76 (2021)', source: 'sidecar' });
  });
});

describe('reporting clauses as news write them', () => {
  const speakerOf = (document: StatementDocument, words: string) => quoteStarting(document, words)?.speaker;

  test('the subject reads past clause openers, a time between subject and verb, and a shared subject', () => {
    const document = parse([
      'Governor Paul Reyes toured the plant on Monday. But he said the state would not pay for the new line.',
      'Mayor Lena Ortiz on Tuesday said the budget would be balanced by the end of the year.',
      'Senator Omar Haddad urged colleagues to "vote your conscience" and said he was standing on principle this time.',
    ].join('\n\n'));
    assert.equal(speakerOf(document, 'the state would not pay'), 'Paul Reyes');
    assert.equal(speakerOf(document, 'the budget would be balanced'), 'Lena Ortiz');
    assert.equal(speakerOf(document, 'he was standing on principle'), 'Omar Haddad');
  });

  test('described sources: coordinated heads and quantities are unnamed speakers', () => {
    const document = parse([
      'Regional and national officials said the two ports handled far more grain than they declared.',
      'The survey asked about the accord. Another 12 percent said they would not back either draft this spring.',
    ].join('\n\n'));
    const officials = quoteStarting(document, 'the two ports handled');
    assert.deepEqual([officials?.speaker, officials?.speakerKind], ['Regional and national officials', 'unnamed']);
    const share = quoteStarting(document, 'they would not back either');
    assert.deepEqual([share?.speaker, share?.speakerKind], ['Another 12 percent', 'unnamed']);
  });

  test('a long appositive between the name and the verb, before and after the quotation', () => {
    const document = parse([
      'The delegations met on Monday. “We expect the protocol to be ratified soon,” Deputy Minister Tom Hadley, R-Ore., said Tuesday.',
      '“The tariff schedule is unworkable,” Mark Ellison, a visiting scholar at the Baxter Institute and a former trade envoy to Peru, said of the plan.',
      'The mission has few staff. Its first field office could open next month, said Dana Crowe, a longtime adviser to the foundation who oversees the relief effort in the north.',
    ].join('\n\n'));
    assert.equal(speakerOf(document, 'We expect the protocol'), 'Tom Hadley');
    assert.equal(speakerOf(document, 'The tariff schedule'), 'Mark Ellison');
    assert.equal(speakerOf(document, 'Its first field office'), 'Dana Crowe');
  });

  test('a verb after the cue reports a clause: ", said many examples were wrong" names no speaker', () => {
    const document = parse('Angela Brenner, an economist and spokeswoman for the Riverside Shipping Coalition, which is made up of carriers, said many figures were wrong.');
    assert.equal(speakerOf(document, 'many figures were wrong'), 'Angela Brenner');
    assert.deepEqual(document.people.map(p => p.name), ['Angela Brenner'], 'the coalition is no person');
  });
});

describe('coordinated verbs and descriptions before a name', () => {
  test('"X, an aside, appeared … and said she …" and "said 24/7 hotline nurse Terry Strand"', () => {
    const document = parse([
      'Marta Lindqvist, the former trade minister, spoke at the summit hosted by a think tank and said she has the quality the talks need: "Patience, a great deal of patience."',
      '“The grounds for the embargo do not stand up. They never did,” said 24/7 hotline nurse Terry Strand.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Patience, a great deal')?.speaker, 'Marta Lindqvist');
    assert.equal(quoteStarting(document, 'she has the quality the talks')?.speaker, 'Marta Lindqvist');
    assert.equal(quoteStarting(document, 'The grounds for the embargo')?.speaker, 'Terry Strand');
  });
});

describe('quotations owned by a claim or an "as X put it"', () => {
  test('"X’s claim that … “…”", "“…,” as a memo put it" and "as the paper put it, … “…”"', () => {
    const document = parse([
      'Minister Ray Gibbs spoke on Monday. The monitors checked Gibbs’s claim that there have been “hundreds of border incidents” this year.',
      'The condition is a "verifiable end-user certificate," as a ministry circular put it.',
      'The envoy, as the weekly newspaper put it in a profile, is “the quiet fixer.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'hundreds of border incidents')?.speaker, 'Ray Gibbs');
    assert.deepEqual([quoteStarting(document, 'verifiable end-user')?.speaker, quoteStarting(document, 'verifiable end-user')?.speakerKind], ['a ministry circular', 'unnamed']);
    assert.equal(quoteStarting(document, 'the quiet fixer')?.speaker, 'the weekly newspaper');
  });
});

describe('adverbs, participles and names for things', () => {
  test('an adverb before the verb, a participle after a comma, and "what Y calls"', () => {
    const document = parse([
      "Opposition leader Marta Lindqvist pointedly suggested that Premier Olaf Brandt ''doesn't want the voters to know what the pipeline deal costs.''",
      "Brandt was defensive when questioned after the session, asserting, ''Of course, the contract was published in full.''",
      'Minister Ray Gibbs is rejecting what Ambassador Tom Trent calls “the most serious breach of the ceasefire so far.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, "doesn't want the voters")?.speaker, 'Marta Lindqvist');
    const taxes = quoteStarting(document, 'Of course, the contract');
    assert.deepEqual([taxes?.speaker, taxes?.kind], ['Olaf Brandt', 'direct']);
    assert.equal(quoteStarting(document, 'the most serious breach')?.speaker, 'Tom Trent');
  });
});

describe('relative clauses and sentence-opening "Said X:"', () => {
  test('"X, now the leader, who in 2015 said … a “living document,” agreed" and "Said Okafor: “…”"', () => {
    const document = parse([
      'The chair, Mitch Conway, who in 2015 said the committee’s main task was to make the treaty a "living document," agreed.',
      'Analysts say the accord is fragile. Said Okafor: “I do not think either side is ready to give up the islands.”',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'living document')?.speaker, 'Mitch Conway');
    assert.equal(quoteStarting(document, 'the committee’s main task')?.speaker, 'Mitch Conway');
    assert.equal(quoteStarting(document, 'I do not think either side')?.speaker, 'Okafor');
  });
});

describe('what a "said" reports', () => {
  test('"said on Tuesday that …" starts after "that"; "said to the premier as he passed" reports nothing', () => {
    const document = parse([
      'Governor Ann Pike said on Tuesday that the state would not pay for the new line.',
      'Premier Olaf Brandt stepped off the plane. “Welcome back, Olaf,” Greta Pike said to the premier as he passed the guard.',
    ].join('\n\n'));
    assert.equal(document.quotes.find(q => q.kind === 'reported' && q.speaker === 'Ann Pike')?.text, 'the state would not pay for the new line');
    assert.ok(!document.quotes.some(q => q.text.startsWith('to the premier')), JSON.stringify(document.quotes));
  });
});

describe('transcript excerpts inside a quotation', () => {
  test('`"FARROW: But, Minister …"` is the labelled speaker’s, and "Host" is a role', () => {
    const document = parse('Host Nadia Farrow asked about the vote. "FARROW: But, Minister Okafor, I must ask you about the leaked cable of last week."');
    assert.equal(quoteStarting(document, 'FARROW: But')?.speaker, 'Nadia Farrow');
    assert.ok(!document.people.some(p => p.name.startsWith('Host')), JSON.stringify(document.people.map(p => p.name)));
  });
});

describe('places and organisations named after people are no people', () => {
  test('"the Ansel Whitford Bridge", "Harlan Brooks National Medical Center", "The Department of Fisheries announced"', () => {
    const document = parse([
      'Pilgrims crossed the Ansel Whitford Bridge on Sunday. Doctors at Harlan Brooks National Medical Center treated the injured. “We did what we could,” said Dr. Ana Ruiz.',
      'The Department of Fisheries announced $2 billion for harbours on the coast and inland.',
    ].join('\n\n'));
    assert.deepEqual(document.people.map(p => p.name), ['Ana Ruiz']);
    const grants = quoteStarting(document, '2 billion for harbours');
    assert.deepEqual([grants?.speaker, grants?.speakerKind], ['The Department of Fisheries', 'organisation']);
  });
});

describe('continuity and titles', () => {
  test('a quotation left unclosed continues into the next paragraph only when that one has no cue of its own', () => {
    const document = parse('“It is a signal to every capital,” Minister Gail Moore said Friday. “If the ceasefire is not monitored, then nobody can trust the next one.\n\n“I have been thinking a great deal about where the region is heading,” added Ambassador James Colburn, the deputy head of the mission.');
    assert.equal(quoteStarting(document, 'If the ceasefire is not')?.speaker, 'Gail Moore');
    assert.equal(quoteStarting(document, 'I have been thinking a great')?.speaker, 'James Colburn');
  });

  test('a title in Title Case after "on" or a possessive is no quotation', () => {
    const document = parse('“She is right about the fishing quotas,” Tom Flint, a retired admiral, said Thursday morning on Radio Nord’s “Harbour Hour Weekly.” “There is real anger along the coast.”');
    assert.ok(!document.quotes.some(q => q.text.startsWith('Harbour Hour Weekly')), JSON.stringify(document.quotes));
    assert.equal(quoteStarting(document, 'There is real anger')?.speaker, 'Tom Flint');
  });
});

describe('fragments after verbs of judging', () => {
  test('an adverb before the verb, an aside after the subject, and verbs like attacked and exhorted', () => {
    const document = parse([
      'Minister Sam Pruitt spoke on Monday. Pruitt further described the collision as a “grave provocation,” but stopped short of naming the vessel.',
      'Minister Ray Gibbs, who left the coalition in February, dismissed the report as “fiction” in a radio interview.',
      'Envoy Lia Moss exhorted delegates to "keep the corridor open" and left the hall.',
    ].join('\n\n'));
    for (const [words, speaker] of [['grave provocation', 'Sam Pruitt'], ['fiction', 'Ray Gibbs'], ['keep the corridor open', 'Lia Moss']]) {
      const quote = quoteStarting(document, words);
      assert.deepEqual([quote?.speaker, quote?.kind], [speaker, 'fragment'], words);
    }
  });
});

describe('participles report the sentence subject', () => {
  test('"…, telling X that “…”", "by announcing that …" and "He\'s claiming that …"', () => {
    const document = parse([
      'The interviewer pressed Minister Ray Gibbs on the choice of mediators, telling Dan Riley that "I cannot accept this mediator because I think he has already taken a side."',
      'Judge Nora Bell rejected the appeal on Monday, saying the tribunal has no power to rule on the maritime boundary.',
      'Minister Sam Pruitt spoke in Oslo. He\'s claiming that smuggling is “a very serious problem on the northern route” and that nobody will act on it.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'I cannot accept this')?.speaker, 'Ray Gibbs');
    assert.equal(quoteStarting(document, 'the tribunal has no power')?.speaker, 'Nora Bell');
    assert.equal(quoteStarting(document, 'a very serious problem')?.speaker, 'Sam Pruitt');
  });
});

describe('pronouns', () => {
  test('a person named inside a quotation does not take the pronoun after it', () => {
    const document = parse('President Alan Moreno spoke about the drought. “My water adviser, Carl Jensen, will publish the reservoir levels,” he said, “and they are alarming.”');
    assert.equal(quoteStarting(document, 'My water adviser')?.speaker, 'Alan Moreno');
  });

  test('a possessive is no subject: "he" after "X said Y’s numbers …" stays with X', () => {
    const document = parse('Minister Mark Penn negotiated on Tuesday. “His tone was measured,” said radio host Chris Mathis.\n\nMathis said Penn’s offer should ease Don Tramp’s budget worries.\n\n“I thought he was very persuasive with the northern delegations,” he said.');
    assert.equal(quoteStarting(document, 'I thought he was very persuasive')?.speaker, 'Chris Mathis');
  });

  test('a name that modifies a noun is no subject: "the Reyes campaign took …"', () => {
    const document = parse('“The ministry is scrambling,” said Laura Wiles, a union president.\n\nShe believes the Reyes government took the dock workers for granted.\n\n“They have a real problem now,” she said.');
    assert.equal(quoteStarting(document, 'They have a real problem')?.speaker, 'Laura Wiles');
  });

  test('a bare surname two people share is the one named in full most; the paragraph’s subject takes "he"', () => {
    const document = parse([
      'Ambassador Bobby Mora is seeking the post. Minister Tim Mora, no relation, backed a rival last year.',
      'Ambassador Bobby Mora spoke to the chamber on Monday.',
      '"He has never wanted a cabinet seat," said Quentin Kidd, a historian at the national academy.',
      'Mora dismisses any doubt about his experience. "I have run three embassies and two trade missions," he said.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'I have run three embassies')?.speaker, 'Bobby Mora');
  });

  test('names inside noun phrases or subordinate clauses take no pronoun from the subject', () => {
    const document = parse([
      'Deputy Minister Chris Crane, who has served under Premier Olaf Brandt since he came home from the fleet, called the audit “a fairy tale” at a briefing.',
      '“Not one of those numbers is real,” he said.',
      'Ivo Marsh backed the ombudsman over Mr. Brandt, the old guard’s man in the capital. The question now, he wrote to members on Sunday, is whether the panel can stay impartial.',
    ].join('\n\n'));
    assert.equal(quoteStarting(document, 'Not one of those numbers')?.speaker, 'Chris Crane');
    assert.equal(document.quotes.find(q => q.text.includes('whether the panel can stay impartial'))?.speaker, 'Ivo Marsh');
  });

  test('"she" never goes to a man the text shows as one', () => {
    const document = parse('Mr. Victor Hale walked to the podium. “Thank you all for coming to Geneva,” Hale said. Then the hall applauded. “It is signed,” she said of the accord.');
    assert.equal(quoteStarting(document, 'Thank you all for coming to')?.speaker, 'Victor Hale');
    assert.notEqual(quoteStarting(document, 'It is signed')?.speaker, 'Victor Hale');
  });
});

describe('headlines that state what someone said', () => {
  const article = (title: string, body: string) => parseStatement({ uri: 'memory:///news.txt', text: `${title}\n\n${body}` });
  const body = 'Minister Bernard Sandoval spoke in Lisbon on Tuesday about the fisheries talks. Sandoval said the talks had stalled and needed a new mediator.';

  test('`Name: …`, `Name says …` and `…, Name Says` are the named person’s when the article names them', () => {
    for (const [title, words] of [
      ["Sandoval: Fisheries talks need 'a fresh pair of eyes on the quotas.'", "Fisheries talks need 'a fresh"],
      ['Sandoval says the fisheries talks have stalled.', 'the fisheries talks have stalled'],
      ['The Talks Could Still Close by Summer, Sandoval Says.', 'The Talks Could Still Close by Summer'],
    ]) {
      const quote = article(title, body).quotes.find(q => q.text.startsWith(words));
      assert.equal(quote?.speaker, 'Bernard Sandoval', title);
      assert.equal(quote?.kind, 'reported', title);
    }
  });

  test('a label nobody in the article answers to makes no statement', () => {
    const document = article('Poll: Voters split evenly on the fisheries accord.', body);
    assert.ok(!document.quotes.some(q => q.text.startsWith('Voters split')), JSON.stringify(document.quotes));
  });
});
