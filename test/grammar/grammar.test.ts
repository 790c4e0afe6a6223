import * as assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import * as path from 'node:path';
import { before, describe, test } from 'node:test';
import * as oniguruma from 'vscode-oniguruma';
import { INITIAL, Registry, type IGrammar, type IRawGrammar, type StateStack } from 'vscode-textmate';

const PROJECT = path.resolve(__dirname, '..', '..');
const SNAPSHOT = path.join(__dirname, 'statement.snapshot.txt');
let grammar: IGrammar;

before(async () => {
  const wasm = readFileSync(path.join(PROJECT, 'node_modules', 'vscode-oniguruma', 'release', 'onig.wasm'));
  await oniguruma.loadWASM(wasm.buffer.slice(wasm.byteOffset, wasm.byteOffset + wasm.byteLength));
  const registry = new Registry({
    onigLib: Promise.resolve({ createOnigScanner: sources => new oniguruma.OnigScanner(sources), createOnigString: text => new oniguruma.OnigString(text) }),
    loadGrammar: async () => JSON.parse(readFileSync(path.join(PROJECT, 'syntaxes', 'statement.tmLanguage.json'), 'utf8')) as IRawGrammar,
  });
  grammar = (await registry.loadGrammar('text.statement'))!;
});

/** Tokenizes lines, returning "text => scopes" for every token that has a scope beyond the root. */
function tokenize(lines: string[]): string[] {
  let stack: StateStack = INITIAL;
  const out: string[] = [];
  for (const line of lines) {
    const result = grammar.tokenizeLine(line, stack);
    for (const token of result.tokens) {
      const scopes = token.scopes.filter(s => s !== 'text.statement');
      if (scopes.length) out.push(`${JSON.stringify(line.slice(token.startIndex, token.endIndex))} => ${scopes.join(' ')}`);
    }
    stack = result.ruleStack;
  }
  return out;
}

const scopesOf = (line: string, fragment: string) => tokenize([line]).filter(t => t.startsWith(JSON.stringify(fragment))).map(t => t.split(' => ')[1]);

describe('the statement grammar', () => {
  test('quotations, attribution verbs and dates', () => {
    const line = '"My job is to shorten this exploring process," Qin told CMG on June 18, 2023.';
    assert.deepEqual(scopesOf(line, 'My job is to shorten this exploring process,'), ['string.quoted.double.statement']);
    assert.deepEqual(scopesOf(line, 'told'), ['keyword.other.attribution.statement']);
    assert.deepEqual(scopesOf(line, 'June 18, 2023'), ['constant.numeric.date.statement']);
    assert.deepEqual(scopesOf('Updated 18:03, 01-Oct-2021', 'Updated 18:03, 01-Oct-2021'), ['constant.numeric.date.statement']);
  });

  test('speaker cues and datelines', () => {
    assert.deepEqual(scopesOf('SECRETARY BLINKEN: Thank you all very much.', 'SECRETARY BLINKEN'), ['entity.name.tag.speaker.statement']);
    assert.deepEqual(scopesOf('WASHINGTON — The Secretary met the Premier.', 'WASHINGTON'), ['entity.name.section.dateline.statement']);
  });

  test('boilerplate is dimmed as debris, statements are not', () => {
    for (const line of ['Search Trends', 'Leave a Reply', 'Our Privacy Statement & Cookie Policy', 'Read more:', 'Download Whitepaper', 'A view of the Chinese Foreign Ministry in Beijing, China. /CFP', 'Welcome To Know Our Products,We Can Offer You High Quality Products!']) {
      assert.deepEqual(scopesOf(line, line), ['comment.line.debris.statement'], line);
    }
    assert.deepEqual(scopesOf('Qin pointed out that the relationship is at a low point.', 'Qin pointed out that the relationship is at a low point.'), []);
  });

  test('nested quotes and multi-line quotations', () => {
    const tokens = tokenize(['"As Deng once pointed out, \'The last country to be afraid of isolation is China\'," he said.']);
    assert.ok(tokens.some(t => t.includes('string.quoted.single.statement')));
    const wrapped = tokenize(['"We hope the relationship', 'can improve soon," he said.']);
    assert.ok(wrapped.some(t => t.startsWith('"can improve soon,"') || t.startsWith('"can improve soon,') ), wrapped.join('\n'));
  });

  test('matches the snapshot of the bundled seeds', () => {
    const lines = ['000_320e4d2b8b7a98aa.txt', '004_4ce518e5b85375c6.txt'].flatMap(file => readFileSync(path.join(PROJECT, 'seeds', file), 'utf8').split(/\r?\n/));
    const actual = tokenize(lines).join('\n') + '\n';
    if (process.env.UPDATE_SNAPSHOTS) writeFileSync(SNAPSHOT, actual);
    assert.ok(existsSync(SNAPSHOT), 'no snapshot yet: run with UPDATE_SNAPSHOTS=1 and review it');
    assert.equal(actual, readFileSync(SNAPSHOT, 'utf8'), 'grammar output changed; run with UPDATE_SNAPSHOTS=1 if intended');
  });
});
