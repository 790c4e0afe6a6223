/**
 * The rules the scorers use to call a predicted speaker right: the gold tests' `samePerson` and the PolNeAR
 * bench's `rightSpeaker`. A lenient rule here inflates every speaker figure, so each is pinned both ways.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { CoreDocument, CoreToken } from '../../bench/polnear/corenlp';
import { handResolved } from '../../bench/polnear/antecedents';
import { goldSpeakerOf, rightSpeaker } from '../../bench/polnear/speakers';
import { samePerson } from './goldScore';

describe('samePerson', () => {
  it('matches a surname of several words given whole, with or without the given name or a title', () => {
    assert.ok(samePerson('Ana de la Cruz', 'de la Cruz'));
    assert.ok(samePerson('Mayor Ana de la Cruz', 'Ana de la Cruz'));
    assert.ok(samePerson('Tomás Ortega Vidal', 'Ortega Vidal'));
  });

  it('keeps people with the same surname apart', () => {
    assert.ok(!samePerson('Ana de la Cruz', 'Luis de la Cruz'));
    assert.ok(!samePerson('Tomás Ortega Vidal', 'Marta Vidal'));
    assert.ok(!samePerson('Ana Ruiz', 'Ana Ortega'));
  });
});

describe('rightSpeaker', () => {
  const named = (shown: string, names: string[]) => ({ form: 'name' as const, names, shown });

  it('takes an organisation whose name is the whole source, though the gold reads it as a person', () => {
    assert.ok(rightSpeaker({ speaker: 'The Courier', speakerKind: 'organisation' }, named('The Courier', ['Courier'])));
  });

  it('refuses an organisation for a person who only shares a word with it', () => {
    assert.ok(!rightSpeaker({ speaker: 'Ruiz Foundation', speakerKind: 'organisation' }, named('Ana Ruiz', ['Ana Ruiz'])));
    assert.ok(!rightSpeaker({ speaker: 'Ruiz', speakerKind: 'organisation' }, named('Ana Ruiz', ['Ana Ruiz'])));
  });
});

describe('goldSpeakerOf', () => {
  /** A CoreNLP reading of `text`, one token per word or punctuation mark, with the given tags. */
  function tagged(text: string, tags: readonly [string, string][]): CoreDocument {
    const tokens: CoreToken[] = [];
    let at = 0;
    for (const match of text.matchAll(/[\p{L}’]+|[^\s\p{L}]/gu)) {
      const [pos, ner] = tags[at++] ?? ['NN', 'O'];
      tokens.push({ start: match.index, end: match.index + match[0].length, lemma: match[0].toLowerCase(), pos, ner, head: -1, relation: 'root' });
    }
    return { tokens, sentences: [{ first: 0, end: tokens.length }], chains: [] };
  }

  it('reads the proper noun before an appositive as the person the article names in full', () => {
    const text = 'Ana Ruiz spoke first. Ruiz, a former chairwoman, wrote back.';
    const core = tagged(text, [['NNP', 'PERSON'], ['NNP', 'PERSON'], ['VBD', 'O'], ['RB', 'O'], ['.', 'O'], ['NNP', 'O'], [',', 'O'], ['DT', 'O'], ['JJ', 'O'], ['NN', 'O'], [',', 'O']]);
    const start = text.indexOf('Ruiz, a');
    const source = { text: 'Ruiz, a former chairwoman', segments: [{ start, end: start + 'Ruiz, a former chairwoman'.length }] };
    const gold = goldSpeakerOf(text, source, core);
    assert.deepEqual([gold.form, gold.names], ['name', ['Ana Ruiz']]);
  });

  it('leaves a description with no name before its comma a description', () => {
    const text = 'Ana Ruiz spoke first. The chairwoman, a lawyer, wrote back.';
    const core = tagged(text, [['NNP', 'PERSON'], ['NNP', 'PERSON'], ['VBD', 'O'], ['RB', 'O'], ['.', 'O'], ['DT', 'O'], ['NN', 'O'], [',', 'O'], ['DT', 'O'], ['NN', 'O'], [',', 'O']]);
    const start = text.indexOf('The chairwoman');
    const source = { text: 'The chairwoman, a lawyer', segments: [{ start, end: start + 'The chairwoman, a lawyer'.length }] };
    assert.equal(goldSpeakerOf(text, source, core).form, 'description');
  });
});

describe('handResolved', () => {
  const antecedents = new Map([['article', new Map([
    ['10-12', { referent: 'Ana Ruiz', form: 'pronoun' as const }],
    ['40-42', { referent: 'the Courier', form: 'pronoun' as const }],
    ['60-79', { referent: 'Luis Ortega', form: 'description' as const }],
  ])]]);
  const pronoun = (start: number) => ({ text: 'he', segments: [{ start, end: start + 2 }] });

  it('scores a pronoun against the antecedent a reader gave: the person, or the organisation as described', () => {
    const person = handResolved(antecedents, 'article', pronoun(10))!;
    assert.ok(rightSpeaker({ speaker: 'Ruiz' }, person));
    assert.ok(!rightSpeaker({ speaker: 'Luis Ortega' }, person));
    const paper = handResolved(antecedents, 'article', pronoun(40))!;
    assert.ok(rightSpeaker({ speaker: 'the Courier', speakerKind: 'organisation' }, paper));
    assert.ok(!rightSpeaker({ speaker: 'Ana Ruiz' }, paper));
  });

  it('scores a description against the person a reader found, and still against its own words', () => {
    const description = handResolved(antecedents, 'article', { text: 'the party’s strategist', segments: [{ start: 60, end: 79 }] })!;
    assert.equal(description.form, 'description');
    assert.ok(rightSpeaker({ speaker: 'Luis Ortega' }, description));
    assert.ok(rightSpeaker({ speaker: 'the party’s strategist', speakerKind: 'unnamed' }, description));
    assert.ok(!rightSpeaker({ speaker: 'Ana Ruiz' }, description));
  });

  it('leaves sources the reader did not resolve to CoreNLP', () => {
    assert.equal(handResolved(antecedents, 'article', pronoun(20)), undefined);
    assert.equal(handResolved(antecedents, 'other', pronoun(10)), undefined);
    assert.equal(handResolved(undefined, 'article', pronoun(10)), undefined);
  });
});
