import { describe, expect, it } from 'vitest';
import { translator } from '../../../src/shared/i18n';
import {
  isRoleLabel,
  turnLabel,
  turnLabelText,
  unmatchedSpeakers,
} from '../../../src/shared/domain/turn-labels';

const turns = [
  { speaker: 'Marco Bianchi', participantId: null },
  { speaker: 'Giulia Rossi', participantId: 'p1' },
  { speaker: 'Laura Verdi', participantId: null },
  { speaker: 'Marco Bianchi ', participantId: null },
  { speaker: '', participantId: null },
];
const pseudonyms = new Map([['p1', 'INT-01']]);

describe('speaker labels on screen', () => {
  it('show the pseudonym, else a numbered voice; the file’s label only when revealed', () => {
    const unmatched = unmatchedSpeakers(turns);
    const hidden = turns.map((turn) => turnLabel(turn, pseudonyms, unmatched, false));
    expect(hidden).toEqual([
      { kind: 'unmatched', n: 1 },
      { kind: 'pseudonym', text: 'INT-01' },
      { kind: 'unmatched', n: 2 },
      { kind: 'unmatched', n: 1 },
      { kind: 'none' },
    ]);
    expect(turnLabel(turns[0]!, pseudonyms, unmatched, true)).toEqual({
      kind: 'label',
      text: 'Marco Bianchi',
    });
    // A matched participant keeps the pseudonym even when names are revealed.
    expect(turnLabel(turns[1]!, pseudonyms, unmatched, true)).toEqual({
      kind: 'pseudonym',
      text: 'INT-01',
    });
  });

  it('show a role as it is, a role being no personal data, and number only the unknown voices', () => {
    const withRoles = [
      { speaker: 'Intervistatore', participantId: null },
      { speaker: 'Marco Bianchi', participantId: null },
      { speaker: 'moderatrice 2', participantId: null },
      { speaker: 'Interviewer', participantId: null },
    ];
    const unmatched = unmatchedSpeakers(withRoles);
    expect(withRoles.map((turn) => turnLabel(turn, pseudonyms, unmatched, false))).toEqual([
      { kind: 'label', text: 'Intervistatore' },
      { kind: 'unmatched', n: 1 },
      { kind: 'label', text: 'moderatrice 2' },
      { kind: 'label', text: 'Interviewer' },
    ]);
    // A name that starts like a role is a name.
    expect(isRoleLabel('Intervistatore Rossi')).toBe(false);
    expect(isRoleLabel('Moderatori')).toBe(true);
  });

  it('read as words: a role or pseudonym as it is, an unknown voice as «Voce n», no speaker as none', () => {
    const t = translator('it');
    expect(turnLabelText({ kind: 'label', text: 'Intervistatore' }, t)).toBe('Intervistatore');
    expect(turnLabelText({ kind: 'pseudonym', text: 'INT-01' }, t)).toBe('INT-01');
    expect(turnLabelText({ kind: 'unmatched', n: 2 }, t)).toBe('Voce 2');
    expect(turnLabelText({ kind: 'unmatched', n: 2 }, translator('en'))).toBe('Speaker 2');
    expect(turnLabelText({ kind: 'none' }, t)).toBeNull();
  });
});
