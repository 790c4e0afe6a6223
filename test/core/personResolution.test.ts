import * as assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { PersonResolver, readPeopleRules, type StatementDocument } from '../../server/src/core';
import { nameParts } from '../../server/src/core/identity/nameParts';
import { indexFiles } from './memoryHost';

const doc = (date: string, body: string) => `---\ndate: ${date}\n---\n\n${body}\n`;

const corpus = indexFiles;

describe('person resolution across documents', () => {
  test('hyphens, spaces and particles: four spellings of Sisi are one person', async () => {
    const { index } = await corpus({
      'a.md': doc('2022-01-10', 'Egyptian President Abdel Fattah Al Sisi said the talks were useful.'),
      'b.md': doc('2022-02-10', 'Egyptian President Abdel Fattah Al-Sisi said the talks would go on.'),
      'c.md': doc('2022-03-10', 'Egyptian President Abdel Fattah El-Sisi said the border was open.'),
      'd.md': doc('2022-04-10', 'Egyptian President Abdel-Fattah El Sisi said the aid had arrived.'),
      'e.md': doc('2022-05-10', 'President El-Sisi said the road was finished.'),
    });
    const ids = new Set(['Abdel Fattah Al Sisi', 'Abdel Fattah Al-Sisi', 'Abdel Fattah El-Sisi', 'Abdel-Fattah El Sisi'].map(name => index.canonicalName(name)));
    assert.equal(ids.size, 1, [...ids].join(' | '));
    const [id] = ids;
    assert.equal(index.canonicalName('El-Sisi'), id, 'the bare surname with its particle');
    assert.equal(index.person(id)!.uris.length, 5);
    assert.equal(index.people('sisi').length, 1);
  });

  test('a name with both surnames: the bare first surname is that person ("President Lula")', async () => {
    const { index } = await corpus({
      'a.md': doc('2023-01-10', 'President Marcos Aurélio Tavares da Rocha said the summit mattered.'),
      'b.md': doc('2023-02-10', 'President Tavares said the summit was over.'),
      'c.md': doc('2023-03-10', 'Senator Helen Rocha said the vote was close.'),
    });
    assert.equal(index.canonicalName('Tavares'), index.canonicalName('Marcos Aurélio Tavares da Rocha'));
    assert.notEqual(index.canonicalName('Helen Rocha'), index.canonicalName('Marcos Aurélio Tavares da Rocha'));
  });

  test('a surname with a capitalised particle written alone: "Le Marrec" is Anne-Sophie Le Marrec, "Le Yucheng" is Chinese', async () => {
    const { index } = await corpus({
      'a.md': doc('2022-01-10', 'Foreign Minister Anne-Sophie Le Marrec said the talks were useful.'),
      'b.md': doc('2022-02-10', 'Le Marrec said the talks would go on.'),
      'c.md': doc('2022-03-10', 'Vice Foreign Minister Le Yucheng said the border was open.'),
    });
    assert.equal(index.canonicalName('Le Marrec'), index.canonicalName('Anne-Sophie Le Marrec'));
    assert.equal(nameParts('Le Yucheng')!.surname, 'le', 'a Chinese name keeps "Le" as its surname');
  });

  test('a surname with its particle met alone and untitled, with no full name anywhere, is still a person', async () => {
    const { index } = await corpus({
      'a.md': doc('2022-01-10', 'Di Brenno said the talks were useful. “We agree,” Di Brenno said.'),
      'b.md': doc('2022-02-10', 'Di Brenno said the talks would go on.'),
    });
    const person = index.people('brenno');
    assert.equal(person.length, 1, JSON.stringify(person));
  });

  test('accents: Pedro Sánchez is Pedro Sanchez', async () => {
    const { index } = await corpus({
      'a.md': doc('2023-01-10', 'Spanish Prime Minister Pedro Sánchez said the summit mattered.'),
      'b.md': doc('2023-02-10', 'Spanish Prime Minister Pedro Sanchez said the summit was over.'),
    });
    assert.equal(index.canonicalName('Pedro Sanchez'), index.canonicalName('Pedro Sánchez'));
  });

  test('initials, suffixes, nicknames and titles: Joseph R. Biden, Jr. = Joe Biden = President Biden', async () => {
    const { index, uris } = await corpus({
      'a.md': doc('2021-03-01', 'President Joseph R. Biden Jr. said the bill would pass.'),
      'b.md': doc('2021-04-01', 'President Joe Biden said the bill had passed.'),
      'c.md': doc('2021-05-01', '"It is a good day," President Biden said.'),
    });
    const id = index.canonicalName('Joe Biden');
    assert.equal(index.canonicalName('Joseph R. Biden Jr.'), id);
    assert.equal(index.canonicalName('Biden', uris['c.md']), id);
    const merges = index.identity(id)!.merges;
    assert.ok(merges.some(merge => merge.reason === 'shared role'), JSON.stringify(merges));
    assert.equal(index.quotesBy(id).length, 1);
  });

  test('a Jr. with no office in common is another person: Donald Trump Jr. is not Donald J. Trump', async () => {
    const { index } = await corpus({
      'a.md': doc('2019-03-01', 'President Donald J. Trump said the economy was strong.'),
      'b.md': doc('2019-04-01', 'President Donald J. Trump said his son Donald Trump Jr. would not run.'),
    });
    assert.notEqual(index.canonicalName('Donald Trump Jr.'), index.canonicalName('Donald J. Trump'));
  });

  test('a Jr. joins his plain names even when a once-met full name without office came first', async () => {
    const { index } = await corpus({
      'a.md': doc('2021-03-01', 'President Joseph R. Biden Jr. said the bill would pass.'),
      'b.md': doc('2021-04-01', 'President Joe Biden said the bill had passed.'),
      'c.md': doc('2021-05-01', 'President Joseph R. Biden said the road was built.'),
      'd.md': doc('2021-06-01', 'A plaque for Joseph Robinette Biden was unveiled, and Joseph Robinette Biden thanked the crowd.'),
    });
    const id = index.canonicalName('Joe Biden');
    for (const name of ['Joseph R. Biden Jr.', 'Joseph R. Biden', 'Joseph Robinette Biden']) assert.equal(index.canonicalName(name), id, name);
  });

  test('a Jr. with an office stays apart from a plain namesake named without one in several documents', async () => {
    const { index } = await corpus({
      'a.md': doc('2025-03-01', 'Health Secretary Robert F. Kennedy Jr. said the study would begin.'),
      'b.md': doc('2025-04-01', 'Health Secretary Robert F. Kennedy Jr. said the study had begun.'),
      'c.md': doc('2023-01-10', 'She said Bobby Kennedy had walked these streets in 1968.'),
      'd.md': doc('2023-02-10', 'He said Bobby Kennedy had given a speech here in 1966.'),
    });
    assert.notEqual(index.canonicalName('Bobby Kennedy'), index.canonicalName('Robert F. Kennedy Jr.'));
  });

  test('romanisations: Muammar Qadhafi is Moammar Gaddafi; Zelensky is Zelenskyy', async () => {
    const { index } = await corpus({
      'a.md': doc('2011-03-01', 'Libyan leader Muammar Qadhafi said the rebels would lose.'),
      'b.md': doc('2011-04-01', 'Libyan leader Moammar Gaddafi said the war would go on.'),
      'c.md': doc('2022-03-01', 'Ukrainian President Volodymyr Zelenskyy said the city held.'),
      'd.md': doc('2022-03-02', 'President Zelensky said the bridge was repaired.'),
    });
    assert.equal(index.canonicalName('Moammar Gaddafi'), index.canonicalName('Muammar Qadhafi'));
    assert.equal(index.canonicalName('Zelensky'), 'Volodymyr Zelenskyy');
  });

  test('name order: Abe Shinzo is Shinzo Abe, and a Chinese name stays surname first', async () => {
    const { index } = await corpus({
      'a.md': doc('2019-01-10', 'Japanese Prime Minister Abe Shinzo said the alliance was strong.'),
      'b.md': doc('2019-02-10', 'Japanese Prime Minister Shinzo Abe said the alliance would last.'),
      'c.md': doc('2019-02-11', 'Japanese Prime Minister Shinzo Abe said the talks went well.'),
      'd.md': doc('2021-03-18', 'Chinese diplomat Yang Jiechi said the two sides must talk.'),
    });
    assert.equal(index.canonicalName('Abe Shinzo'), index.canonicalName('Shinzo Abe'));
    assert.equal(index.canonicalName('Shinzo Abe'), 'Shinzo Abe', 'the more used order names the person');
    assert.equal(index.canonicalName('Yang Jiechi'), 'Yang Jiechi');
  });

  test('same surname, different first names: Yang Jiechi and Yang Tao stay apart, and a bare "Yang" follows its document', async () => {
    const { index, uris } = await corpus({
      'a.md': doc('2021-03-18', 'Chinese diplomat Yang Jiechi said the two sides must talk.'),
      'b.md': doc('2024-04-23', 'Yang Tao, director-general of the department of North American affairs at the Foreign Ministry, said the visit went well.'),
      'c.md': doc('2024-04-24', '"We hope for progress," Director-General Yang said.'),
    });
    assert.notEqual(index.canonicalName('Yang Jiechi'), index.canonicalName('Yang Tao'));
    assert.equal(index.canonicalName('Yang', uris['c.md']), 'Yang Tao', 'the office and the date point to Yang Tao');
  });

  test('spouses and children of a leader stay apart: Jill and Hunter Biden are not Joe Biden', async () => {
    const { index, uris } = await corpus({
      'a.md': doc('2022-03-01', 'President Joe Biden said the bill would pass.'),
      'b.md': doc('2022-03-02', 'First Lady Jill Biden said the schools would reopen.'),
      'c.md': doc('2022-03-03', 'Hunter Biden, the son of the president, said he would testify.'),
      'd.md': doc('2022-03-04', '"Teachers deserve better," First Lady Biden said.'),
      'e.md': doc('2022-03-05', '"The bill will pass," President Biden said.'),
    });
    const joe = index.canonicalName('Joe Biden'), jill = index.canonicalName('Jill Biden'), hunter = index.canonicalName('Hunter Biden');
    assert.equal(new Set([joe, jill, hunter]).size, 3);
    assert.equal(index.canonicalName('Biden', uris['d.md']), jill, 'the First Lady');
    assert.equal(index.canonicalName('Biden', uris['e.md']), joe, 'the President');
    const merge = index.identity(jill)!.merges.find(m => m.name === 'Biden');
    assert.equal(merge?.reason, 'role in the document');
  });

  test('different middle initials stay apart: George W. Bush and George H. W. Bush; "George Bush" is decided per document', async () => {
    const { index } = await corpus({
      'a.md': doc('2003-03-01', 'President George W. Bush said the war had begun.'),
      'b.md': doc('2003-04-01', 'President George W. Bush said the war would end.'),
      'c.md': doc('1991-01-17', 'President George H. W. Bush said the coalition was ready.'),
      'd.md': doc('1991-02-17', 'President George H. W. Bush said the war was over.'),
      'e.md': doc('2003-05-01', 'President George Bush said the mission was accomplished.'),
    });
    assert.notEqual(index.canonicalName('George W. Bush'), index.canonicalName('George H. W. Bush'));
    assert.equal(index.canonicalName('George Bush', index.person('George W. Bush')!.uris.find(uri => uri.endsWith('e.md'))), 'George W. Bush', 'nearest in time');
  });

  test('an edit that leaves the names as they were re-resolves nothing, yet the person shows the new text', async () => {
    const { host, indexer, index } = await corpus({
      'a.md': doc('2021-03-01', 'Vice President Kamala Harris said the bill would pass.'),
      'b.md': doc('2021-03-02', 'Senator Alex Padilla said the vote was close.'),
    });
    assert.deepEqual(index.person('Kamala Harris')!.roles.map(role => role.title), ['Vice President']);
    const file = host.set('a.md', doc('2021-03-01', 'President Kamala Harris said the bill would pass today.'));
    await indexer.fileChanged(file);
    assert.deepEqual(index.person('Kamala Harris')!.roles.map(role => role.title), ['President']);
  });

  test('a bare surname with an office no known namesake held stays its own person', async () => {
    const { index, uris } = await corpus({
      'a.md': doc('2024-01-10', 'Speaker of the House Mike Johnson said the vote would be on Friday.'),
      'b.md': doc('1964-07-02', '"We must act," President Johnson said.'),
    });
    assert.notEqual(index.canonicalName('Johnson', uris['b.md']), 'Mike Johnson');
  });
});

describe('people.yaml', () => {
  test('reads merge, apart, alias, role and hide entries, and reports bad ones with their number', () => {
    const { rules, problems } = readPeopleRules(['- name: Joe Biden', '  aliases: [Uncle Joe]', '  roles:', '    - { title: President, from: 2021-01-20, to: 2025-01-20 }', '- apart: [Yang Jiechi, Yang Tao]', '- hide: Services', '- roles: nothing', '- name: X', '  roles: [{ title: Envoy, from: soon }]'].join('\n'));
    assert.deepEqual(rules.people[0], { name: 'Joe Biden', aliases: ['Uncle Joe'], roles: [{ title: 'President', from: '2021-01-20', to: '2025-01-20' }] });
    assert.deepEqual(rules.apart, [['Yang Jiechi', 'Yang Tao']]);
    assert.deepEqual(rules.hide, ['Services']);
    assert.ok(problems.some(p => /entry 4/.test(p.message)), JSON.stringify(problems));
    assert.ok(problems.some(p => /entry 5: role "Envoy": "from" must be a date/.test(p.message)), JSON.stringify(problems));
    assert.match(readPeopleRules('- name: [unclosed').problems[0].message, /^people\.yaml is not valid YAML/);
    assert.match(readPeopleRules('name: Joe').problems[0].message, /must be a list of entries/);
  });

  test('merge, split and hide through a people.yaml in the corpus folder, with provenance sidecar', async () => {
    const { host, indexer, index, uris } = await corpus({
      'a.md': doc('2022-01-10', 'Ambassador Nicholas Burns said the embassy was open.'),
      'b.md': doc('2022-02-10', 'Ambassador Nick Burns said the visas were issued.'),
      'c.md': doc('2022-03-10', 'Chinese diplomat Wang Wenbin said the talks were useful.'),
      'd.md': doc('2022-03-11', 'Spokesperson Wenbin Wang said the talks were over.'),
      'e.md': doc('2022-04-10', 'Secretary of Health and Human Services Xavier Becerra said the plan worked.'),
    });
    assert.equal(index.canonicalName('Nick Burns'), index.canonicalName('Nicholas Burns'), 'a nickname merges by itself');
    const file = host.set('people.yaml', [
      '- apart: [Nicholas Burns, Nick Burns]',
      '- name: Wang Wenbin',
      '  aliases: [Wenbin Wang, WWB]',
      '  roles:',
      '    - { title: Foreign Ministry Spokesperson, from: 2020-07-01, to: 2024-01-01 }',
      '- hide: [Xavier Becerra]',
    ].join('\n'));
    await indexer.fileChanged(file);
    assert.notEqual(index.canonicalName('Nick Burns'), index.canonicalName('Nicholas Burns'), 'kept apart');
    assert.equal(index.canonicalName('Wenbin Wang', uris['d.md']), 'Wang Wenbin');
    const wang = index.people('Wang Wenbin')[0];
    assert.ok(wang.aliases.includes('WWB'), JSON.stringify(wang));
    assert.deepEqual(wang.roles[0], { title: 'Foreign Ministry Spokesperson', from: '2020-07-01', to: '2024-01-01', source: 'sidecar' });
    assert.ok(wang.merges.some(merge => merge.reason === 'people.yaml'));
    assert.equal(index.people('Becerra').length, 0, 'hidden');
    assert.equal(index.person('Xavier Becerra'), undefined);
    assert.deepEqual(index.findNames('WWB spoke.').map(n => n.people), [['Wang Wenbin']], 'a new alias is known in drafts');
    host.files.delete(file);
    indexer.fileDeleted(file);
    assert.equal(index.canonicalName('Nick Burns'), index.canonicalName('Nicholas Burns'), 'merged again once the file is gone');
    assert.equal(index.people('Becerra').length, 1);
  });

  test('a broken people.yaml is reported on the file and changes nothing', async () => {
    const { host, indexer, index } = await corpus({ 'a.md': doc('2022-01-10', 'Ambassador Nicholas Burns said the embassy was open.') });
    const file = host.set('people.yaml', '- name: [oops\n');
    await indexer.fileChanged(file);
    assert.match(indexer.problemsOf(file)[0].message, /people\.yaml is not valid YAML/);
    assert.equal(index.people().length, 1);
  });
});

/** A document as extraction would give it: the people it names (with roles and aliases) and who it quotes. */
function extracted(uri: string, date: string, people: { name: string; roles?: string[]; aliases?: string[] }[], speakers: string[] = []): StatementDocument {
  const span = { start: 0, end: 1 };
  return {
    uri, text: '', kind: 'article', title: { value: null, source: 'unknown' }, date: { value: date, source: 'frontMatter' },
    outlet: { value: null, source: 'unknown' }, url: { value: null, source: 'unknown' }, speakers: { value: speakers, source: 'text' }, paragraphs: [],
    people: people.map(person => ({ name: person.name, roles: (person.roles ?? []).map(title => ({ title, date })), aliases: person.aliases ?? [], mentions: [span] })),
    quotes: speakers.map(speaker => ({ text: 'We will.', speaker, kind: 'direct', span })),
    problems: [],
  };
}

function resolve(documents: StatementDocument[]): PersonResolver {
  const resolver = new PersonResolver();
  for (const document of documents) resolver.setDocument(document);
  resolver.flush();
  return resolver;
}

describe('what is not a person', () => {
  test('a role noun with a generational suffix is still a role: "Counsel IV"', () => {
    const resolver = resolve([extracted('a', '2024-01-02', [{ name: 'Counsel IV', roles: ['Chief'] }, { name: 'Ambrose Hale IV', roles: ['Senator'] }])]);
    assert.equal(resolver.identity(resolver.identityOf('Counsel IV'))!.hidden, true);
    assert.equal(resolver.identity(resolver.identityOf('Ambrose Hale IV'))!.hidden, false);
  });

  test('one word that no document gives a title is hidden; a bare surname with a title is not', () => {
    const resolver = resolve([
      extracted('a', '2024-01-02', [{ name: 'Resilience' }], ['Resilience']),
      extracted('b', '2024-01-03', [{ name: 'Resilience' }], ['Resilience']),
      extracted('c', '2024-01-04', [{ name: 'Vance', roles: ['Vice President'], aliases: ['Vice President Vance'] }], ['Vance']),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Resilience'))!.notPerson ?? '', /one word/);
    assert.equal(resolver.identity(resolver.identityOf('Vance'))!.hidden, false);
  });

  test('one word titled in one document of twelve is hidden; a mononym titled in three of twelve is not', () => {
    const twelve = (name: string, titled: number) => Array.from({ length: 12 }, (_, i) => extracted(`${name}${i}`, `2024-02-${String(i + 1).padStart(2, '0')}`, [{ name, roles: i < titled ? ['Fellow'] : [] }]));
    const resolver = resolve([...twelve('Grantmaking', 1), ...twelve('Oriana', 3)]);
    assert.match(resolver.identity(resolver.identityOf('Grantmaking'))!.notPerson ?? '', /one word/);
    assert.equal(resolver.identity(resolver.identityOf('Oriana'))!.hidden, false);
  });

  test('words of a sentence are no name: a pronoun with its verb, a sentence opener', () => {
    const resolver = resolve([
      extracted('a', '2024-01-02', [{ name: 'He’d' }, { name: 'What I’m' }, { name: 'Right So' }, { name: 'Schools Safer Today' }], ['He’d', 'What I’m', 'Right So']),
      extracted('b', '2024-01-03', [{ name: 'Elizabeth II', roles: ['Queen'] }, { name: 'Will Hurd', roles: ['Representative'] }], ['Will Hurd']),
    ]);
    for (const name of ['He’d', 'What I’m', 'Right So', 'Schools Safer Today']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, true, name);
    for (const name of ['Elizabeth II', 'Will Hurd']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, false, name);
  });

  test('an organisation written like a name: a "-based" word, an organisation word inside', () => {
    const resolver = resolve([
      extracted('a', '2024-01-02', [{ name: 'Ohio-based Tarlow' }, { name: 'Brenner Institute Of Farming Research' }, { name: 'Drugmaker Corvane' }], ['Ohio-based Tarlow']),
      extracted('b', '2024-01-03', [{ name: 'Chris Van Hollen', roles: ['Senator'] }, { name: 'Mohammed bin Salman', roles: ['Crown Prince'] }]),
    ]);
    for (const name of ['Ohio-based Tarlow', 'Brenner Institute Of Farming Research', 'Drugmaker Corvane']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, true, name);
    for (const name of ['Chris Van Hollen', 'Mohammed bin Salman']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, false, name);
  });

  test('a company\'s last word ("Sciences", "Industries", "Systems") is no person\'s; "Brands" may be', () => {
    const resolver = resolve([
      extracted('a', '2024-01-02', [{ name: 'Velta Sciences' }, { name: 'Orlin Industries' }, { name: 'Harbor Cove Systems' }], ['Velta Sciences']),
      extracted('b', '2024-01-03', [{ name: 'Hal Brands', roles: ['historian'] }], ['Hal Brands']),
    ]);
    for (const name of ['Velta Sciences', 'Orlin Industries', 'Harbor Cove Systems']) assert.match(resolver.identity(resolver.identityOf(name))!.notPerson ?? '', /company/, name);
    assert.equal(resolver.identity(resolver.identityOf('Hal Brands'))!.hidden, false);
  });
});

/** A document whose text names people; each person's mentions are every place its name (or an alias) is written. */
function written(uri: string, date: string, text: string, people: { name: string; roles?: string[]; aliases?: string[] }[], speakers: string[] = []): StatementDocument {
  const base = extracted(uri, date, people, speakers);
  const spans = (form: string) => [...text.matchAll(new RegExp(form.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'g'))].map(match => ({ start: match.index, end: match.index + form.length }));
  return { ...base, text, people: base.people.map(person => ({ ...person, mentions: [person.name, ...person.aliases].flatMap(spans) })) };
}

describe('names the corpus uses as places, laws and companies', () => {
  test('a name used as a law, a place or a degree and never as a person is hidden', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Congress passed the Dora Keel Act on Tuesday.', [{ name: 'Dora Keel' }]),
      written('b', '2024-01-03', 'Retirees were saved by the Dora Keel Act.', [{ name: 'Dora Keel' }]),
      written('c', '2024-01-04', 'The pension law, Dora Keel, was signed.', [{ name: 'Dora Keel' }]),
      written('d', '2024-01-05', 'Families fled the fighting in Port Avel overnight.', [{ name: 'Port Avel' }]),
      written('d2', '2024-01-07', 'Aid trucks reached Port Avel at dawn, and more waited near Port Avel.', [{ name: 'Port Avel' }]),
      written('e', '2024-01-06', 'She earned a Lucas Magister degree from the college.', [{ name: 'Lucas Magister' }]),
      written('e2', '2024-01-08', 'He holds a Lucas Magister degree in law.', [{ name: 'Lucas Magister' }]),
    ]);
    for (const name of ['Dora Keel', 'Port Avel', 'Lucas Magister']) assert.match(resolver.identity(resolver.identityOf(name))!.notPerson ?? '', /place, a law or a company/, name);
  });

  test('a bare surname is not given to a full name that every document uses as a place\'s', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Forests in the Selva Teno region shrank.', [{ name: 'Selva Teno' }]),
      written('b', '2024-01-03', 'Teno said the forests were shrinking.', [{ name: 'Teno' }], ['Teno']),
      written('c', '2024-01-04', 'Teno said the rivers were low.', [{ name: 'Teno' }], ['Teno']),
    ]);
    assert.notEqual(resolver.identityOf('Teno', 'b'), resolver.identityOf('Selva Teno'));
  });

  test('a bare word most documents use as a company\'s is not the surname of a person who shares it', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Director Ilse Hattori Brandt spoke about trade.', [{ name: 'Ilse Hattori Brandt', roles: ['Director'] }], ['Ilse Hattori Brandt']),
      written('b', '2024-01-03', 'Jobs were added at Brandt, and Brandt will expand its plant.', [{ name: 'Brandt' }]),
      written('c', '2024-01-04', 'Workers at Brandt voted on Monday.', [{ name: 'Brandt' }]),
    ]);
    assert.notEqual(resolver.identityOf('Brandt', 'b'), resolver.identityOf('Ilse Hattori Brandt'));
    assert.equal(resolver.identity(resolver.identityOf('Ilse Hattori Brandt'))!.documents, 1);
  });

  test('a person with a law named after them stays a person, and the law\'s documents do not count as theirs', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Congress passed the Ansel Brody Act on Tuesday.', [{ name: 'Ansel Brody' }]),
      written('b', '2024-01-03', 'Retirees were saved by the Ansel Brody Act.', [{ name: 'Ansel Brody' }]),
      written('c', '2024-01-04', 'Senator Ansel Brody said the vote was close.', [{ name: 'Ansel Brody', roles: ['Senator'], aliases: ['Senator Ansel Brody'] }], ['Ansel Brody']),
      written('d', '2024-01-05', 'Ansel Brody, who led the union, said the pensions were safe.', [{ name: 'Ansel Brody' }], ['Ansel Brody']),
    ]);
    const brody = resolver.identity(resolver.identityOf('Ansel Brody'))!;
    assert.equal(brody.hidden, false);
    assert.equal(brody.documents, 2, 'the two documents about the law are not about him');
  });

  test('a person no document gives a title stays a person, and "the X interview" is a person\'s name', () => {
    // Reporters called on in briefings, people talked about: no title, no speech verb, still people.
    const resolver = resolve([
      written('a', '2025-01-02', 'We will go to Hana Voss of the Gazette next.', [{ name: 'Hana Voss' }]),
      written('b', '2025-01-03', 'Our last question goes to the line of Hana Voss.', [{ name: 'Hana Voss' }]),
      written('c', '2025-01-04', 'Q On the Hana Voss interview last night, any comment?', [{ name: 'Hana Voss' }]),
      written('d', '2025-01-05', 'I read the Hana Voss piece. Hana Voss is right.', [{ name: 'Hana Voss' }]),
    ]);
    assert.equal(resolver.identity(resolver.identityOf('Hana Voss'))!.hidden, false);
  });

  test('a company told by its apposition, its pronoun, its chief or a noun after two names', () => {
    const resolver = resolve([
      written('a', '2025-01-02', 'Velmar Bikes, a kids’ bicycle brand, opened a plant.', [{ name: 'Velmar Bikes' }]),
      written('b', '2025-01-03', 'Velmar Bikes will expand its plant in Ohio.', [{ name: 'Velmar Bikes' }]),
      written('c', '2025-01-04', 'Lenders sold loans to Orla Penn and Tessa Vane financing.', [{ name: 'Orla Penn' }, { name: 'Tessa Vane' }]),
      written('d', '2025-01-05', 'Orla Penn mortgages grew, said the chief executive of Orla Penn.', [{ name: 'Orla Penn' }]),
      written('g', '2025-01-08', 'Brisk Leaf Scientific, Inc., opened a lab; Brisk Leaf Scientific and Partners Group hired staff.', [{ name: 'Brisk Leaf Scientific' }]),
      written('h', '2025-01-09', 'Brisk Leaf Scientific, LLC, opened a second lab.', [{ name: 'Brisk Leaf Scientific' }]),
      written('e', '2025-01-06', 'Mira Tolson, a Democrat from Ohio, said the plant was late.', [{ name: 'Mira Tolson' }]),
      written('f', '2025-01-07', 'Mira Tolson will expand on that, and her office will too.', [{ name: 'Mira Tolson' }]),
    ]);
    for (const name of ['Velmar Bikes', 'Orla Penn', 'Brisk Leaf Scientific']) assert.match(resolver.identity(resolver.identityOf(name))!.notPerson ?? '', /place, a law or a company/, name);
    assert.equal(resolver.identity(resolver.identityOf('Mira Tolson'))!.hidden, false);
  });

  test('"X, one of the biggest drug companies" is a firm; "X, one of the founders of …" is a person', () => {
    const resolver = resolve([
      written('a', '2025-05-02', 'Kestrel Vane, one of the biggest drug companies, cut prices.', [{ name: 'Kestrel Vane' }]),
      written('b', '2025-05-03', 'Kestrel Vane, one of the largest drug makers, said it would cut prices.', [{ name: 'Kestrel Vane' }], ['Kestrel Vane']),
      written('c', '2025-05-04', 'Kestrel Vane cut insulin prices again.', [{ name: 'Kestrel Vane' }]),
      written('d', '2025-05-05', 'Dario Fenn, one of the largest producers of fake pills, was charged.', [{ name: 'Dario Fenn' }]),
      written('e', '2025-05-06', 'Dario Fenn, one of the founders of the organization, opened the clinic.', [{ name: 'Dario Fenn' }]),
      written('f', '2025-05-07', 'Dario Fenn, one of the company’s founders, visited the school.', [{ name: 'Dario Fenn' }]),
      written('g', '2025-05-08', 'Dario Fenn, one of the makers of the film, toured the plant.', [{ name: 'Dario Fenn' }]),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Kestrel Vane'))!.notPerson ?? '', /place, a law or a company/);
    assert.equal(resolver.identity(resolver.identityOf('Dario Fenn'))!.hidden, false);
  });

  test('a name linked to a site named after it is an organisation\'s; a member\'s .gov site is not', () => {
    const resolver = resolve([
      written('a', '2025-06-02', 'A report from [Tarro Mills](https://www.tarromills.com/research) found that rates fell.', [{ name: 'Tarro Mills' }], ['Tarro Mills']),
      written('b', '2025-06-03', '“Rates fell again,” Tarro Mills [stated](https://tarromills.com/data).', [{ name: 'Tarro Mills' }], ['Tarro Mills']),
      written('c', '2025-06-04', 'Tarro Mills bought more loans this year.', [{ name: 'Tarro Mills' }]),
      written('d', '2025-06-05', '“We will vote no,” said [Ines Varden](https://varden.house.gov/news).', [{ name: 'Ines Varden' }], ['Ines Varden']),
      written('e', '2025-06-06', '“We will vote no again,” [Ines Varden](https://www.inesvarden.gov) said.', [{ name: 'Ines Varden' }], ['Ines Varden']),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Tarro Mills'))!.notPerson ?? '', /place, a law or a company/);
    assert.equal(resolver.identity(resolver.identityOf('Ines Varden'))!.hidden, false);
  });

  test('a defined term after a name makes it an institution, even where a quotation is credited to it', () => {
    const resolver = resolve([
      written('a', '2025-03-02', 'Rates on Senna Holt mortgages fell.', [{ name: 'Senna Holt' }]),
      written('b', '2025-03-03', 'Buyers with Senna Holt loans were helped.', [{ name: 'Senna Holt' }]),
      written('c', '2025-03-04', 'Both Senna Holt (the Enterprise) and the banks will buy loans.', [{ name: 'Senna Holt' }], ['Senna Holt']),
      written('d', '2025-03-05', 'Senna Holt bought more loans this year.', [{ name: 'Senna Holt' }]),
      written('e', '2025-03-06', 'Lenders sold loans to Senna Holt.', [{ name: 'Senna Holt' }]),
      written('f', '2025-03-07', 'The council met. Mira Tolson (the Chair) opened it.', [{ name: 'Mira Tolson' }], ['Mira Tolson']),
      written('g', '2025-03-08', 'Mira Tolson (the Chair) opened the second meeting.', [{ name: 'Mira Tolson' }]),
      written('h', '2025-03-09', 'Mira Tolson visited the port.', [{ name: 'Mira Tolson' }]),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Senna Holt'))!.notPerson ?? '', /place, a law or a company/);
    assert.equal(resolver.identity(resolver.identityOf('Mira Tolson'))!.hidden, false);
  });

  test('a name in brackets after an organisation\'s name is its short name; after an office it is a person', () => {
    const resolver = resolve([
      written('a', '2025-02-02', 'Loans bought by the Tarn Valley Lending Corporation (Orsa Lind) rose.', [{ name: 'Orsa Lind' }]),
      written('b', '2025-02-03', 'Rates at the Harbor Savings Bank (Orsa Lind) fell again.', [{ name: 'Orsa Lind' }]),
      written('c', '2025-02-04', 'The Special Envoy (Mira Tolson) met the mayors.', [{ name: 'Mira Tolson' }]),
      written('d', '2025-02-05', 'The Acting Administrator (Mira Tolson) visited the port.', [{ name: 'Mira Tolson' }]),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Orsa Lind'))!.notPerson ?? '', /place, a law or a company/);
    assert.equal(resolver.identity(resolver.identityOf('Mira Tolson'))!.hidden, false);
  });

  test('a full name met once, untitled, does not make a person of the place name it lends its surname to', () => {
    // "Viva Verland" sung once; the bare "Verland" of five other documents ends a place's name ("New Verland").
    const place = (i: number) => extracted(`v${i}`, `2025-03-0${i}`, [{ name: 'Verland', aliases: ['New Verland'] }]);
    // "Osric Tamm" named once; the bare untitled "Tamm" of five documents is still him.
    const bare = (i: number) => extracted(`t${i}`, `2025-05-0${i}`, [{ name: 'Tamm' }], ['Tamm']);
    const named = (i: number) => extracted(`o${i}`, `2025-04-0${i}`, [{ name: 'Okafor', roles: ['Senator'], aliases: ['Senator Okafor'] }], ['Okafor']);
    const resolver = resolve([
      written('a', '2025-03-01', 'The crowd sang *Viva Verland* at the close.', [{ name: 'Viva Verland' }]),
      ...[2, 3, 4, 5, 6].map(place),
      written('b', '2025-04-01', 'Dana Okafor spoke at the rally.', [{ name: 'Dana Okafor' }]),
      ...[2, 3, 4, 5, 6].map(named),
      written('c', '2025-05-01', 'The list named Osric Tamm among others.', [{ name: 'Osric Tamm' }]),
      ...[2, 3, 4, 5, 6].map(bare),
    ]);
    const verland = resolver.identity(resolver.identityOf('Viva Verland'))!;
    assert.equal(verland.hidden, true, JSON.stringify(verland));
    const okafor = resolver.identityOf('Okafor', 'o2');
    assert.equal(okafor, resolver.identityOf('Dana Okafor'), 'the bare titled surname joins the full name');
    assert.equal(resolver.identity(okafor)!.hidden, false);
    const tamm = resolver.identityOf('Tamm', 't2');
    assert.equal(tamm, resolver.identityOf('Osric Tamm'));
    assert.equal(resolver.identity(tamm)!.hidden, false);
  });

  test('a name opened by a possessive, an -ing verb or an adjective, or written with "&" or "-based", is no name', () => {
    const resolver = resolve([
      extracted('a', '2024-01-02', [{ name: 'Tolson’s Build' }, { name: 'Adding Verland' }, { name: 'Congressional Ledger' }]),
      extracted('b', '2024-01-03', [{ name: 'Harlow & Harlow' }, { name: 'Harlow Harlow' }]),
      extracted('c', '2024-01-04', [{ name: 'Ohio-based Brant Mills' }, { name: 'Brant Mills' }]),
      extracted('d', '2024-01-05', [{ name: 'Sterling Ames', roles: ['Senator'] }]),
    ]);
    for (const name of ['Tolson’s Build', 'Adding Verland', 'Congressional Ledger', 'Harlow Harlow', 'Brant Mills']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, true, name);
    assert.equal(resolver.identity(resolver.identityOf('Sterling Ames'))!.hidden, false, 'a titled name stays');
  });

  test('a word said twice is no name unless a document gives it a title; a headline verb after a known name is no name', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Go ahead, Joe Joe.', [{ name: 'Joe Joe' }]),
      written('b', '2024-01-03', 'Chairman Abdullah Abdullah said the talks would resume.', [{ name: 'Abdullah Abdullah', roles: ['Chairman'] }], ['Abdullah Abdullah']),
      written('c', '2024-01-04', 'Sergeant Heath Rowan served two tours.', [{ name: 'Heath Rowan', roles: ['Sergeant'] }]),
      written('d', '2024-01-05', 'Sergeant First Class Heath Rowan Honoring Veterans Act.', [{ name: 'Heath Rowan Honoring', roles: ['Sergeant'] }]),
      written('e', '2024-01-06', 'President Warren Harding said the war was over.', [{ name: 'Warren Harding', roles: ['President'] }], ['Warren Harding']),
    ]);
    assert.match(resolver.identity(resolver.identityOf('Joe Joe'))!.notPerson ?? '', /said twice/);
    assert.match(resolver.identity(resolver.identityOf('Heath Rowan Honoring'))!.notPerson ?? '', /headline/);
    for (const name of ['Abdullah Abdullah', 'Heath Rowan', 'Warren Harding']) assert.equal(resolver.identity(resolver.identityOf(name))!.hidden, false, name);
  });
});

describe('a son named for his father', () => {
  /** The people the text names: "Silas Marr" only where it stands apart from "Silas Dane Marr". */
  const silas = (uri: string, date: string, text: string) => written(uri, date, text, [{ name: 'Silas Marr', roles: ['President'] }, { name: 'Silas Dane Marr', roles: ['President'] }].filter(person => text.includes(person.name)));

  test('a longer name a document gives as the relative of the shorter one is another person', () => {
    const resolver = resolve([
      silas('a', '2024-01-02', 'President Silas Marr wrote to his wife from the capital.'),
      silas('b', '2024-01-03', 'The park honours President Silas Marr and his son, the sixth President Silas Dane Marr.'),
      silas('c', '2024-01-04', 'President Silas Dane Marr lost the election.'),
    ]);
    assert.notEqual(resolver.identityOf('Silas Marr'), resolver.identityOf('Silas Dane Marr'));
  });

  test('a middle name given beside the short name, or the shorter name as someone\'s relative, is still one person', () => {
    const resolver = resolve([
      written('a', '2024-01-02', 'Speaker Nora Lind Pask opened the session. Later Nora Pask said it went well.', [{ name: 'Nora Lind Pask', roles: ['Speaker'] }, { name: 'Nora Pask' }]),
      written('b', '2024-01-03', 'Speaker Nora Pask said the vote would wait.', [{ name: 'Nora Pask', roles: ['Speaker'] }]),
      written('c', '2024-01-04', 'First Lieutenant Otto K. Brill was honoured. The medal went to the family of her father, General Otto Brill.', [{ name: 'Otto K. Brill', roles: ['Lieutenant'] }, { name: 'Otto Brill', roles: ['General'] }]),
    ]);
    assert.equal(resolver.identityOf('Nora Lind Pask'), resolver.identityOf('Nora Pask'));
    assert.equal(resolver.identityOf('Otto K. Brill'), resolver.identityOf('Otto Brill'));
  });
});
