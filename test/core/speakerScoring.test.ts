/**
 * The rules the scorers use to call a predicted speaker right: the gold tests' `samePerson` and the PolNeAR
 * bench's `rightSpeaker`. A lenient rule here inflates every speaker figure, so each is pinned both ways.
 */
import * as assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { rightSpeaker } from '../../bench/polnear/speakers';
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
