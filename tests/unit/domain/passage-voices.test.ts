import { describe, expect, it } from 'vitest';
import { passageVoices, quotationByVoice } from '../../../src/shared/domain/passage-voices';
import type { TurnLabel } from '../../../src/shared/domain/turn-labels';

// «…lunedì. | Confermo. Per noi… | Interessante, e la parrocchia?»
const TEXT =
  'Lo sapevamo il lunedì. Confermo. Per noi è cambiato tutto. Interessante, e la parrocchia?';
const TURNS = [
  { start: 0, end: 23, speaker: 'Giulia Ferrari', participantId: 'p1' },
  { start: 23, end: 59, speaker: 'Marco', participantId: 'p3' },
  { start: 59, end: TEXT.length, speaker: 'Facilitatrice', participantId: null },
];
const PSEUDONYMS = new Map([
  ['p1', 'FG-01-P1'],
  ['p3', 'FG-01-P3'],
]);
const who = (label: TurnLabel) =>
  label.kind === 'none' ? null : label.kind === 'unmatched' ? `Voce ${label.n}` : label.text;

describe('a passage across speaker turns, voice by voice', () => {
  it('splits a passage by turn, each part with its pseudonym or role', () => {
    expect(passageVoices(TURNS, 12, 70, PSEUDONYMS)).toEqual([
      { start: 12, end: 23, label: { kind: 'pseudonym', text: 'FG-01-P1' } },
      { start: 23, end: 59, label: { kind: 'pseudonym', text: 'FG-01-P3' } },
      { start: 59, end: 70, label: { kind: 'label', text: 'Facilitatrice' } },
    ]);
    // Inside one turn: one voice.
    expect(passageVoices(TURNS, 24, 40, PSEUDONYMS)).toHaveLength(1);
    // A voice matched to nobody is «Voce n», never its label from the file.
    const unmatched = [{ ...TURNS[0]!, participantId: null }, TURNS[1]!];
    expect(passageVoices(unmatched, 0, 30, PSEUDONYMS)[0]!.label).toEqual({
      kind: 'unmatched',
      n: 1,
    });
  });

  it('quotes each voice apart, names replaced after the cut', () => {
    const start = 12;
    const text = TEXT.slice(start, 71);
    const voices = passageVoices(TURNS, start, 71, PSEUDONYMS);
    expect(
      quotationByVoice(text, start, voices, who, {
        words: (part) =>
          part.replace('lunedì', 'lunedì (Giulia Ferrari)').replace('Giulia Ferrari', 'FG-01-P1'),
      }),
    ).toBe(
      '«il lunedì (FG-01-P1).» (FG-01-P1) «Confermo. Per noi è cambiato tutto.» (FG-01-P3) «Interessante» (Facilitatrice)',
    );
  });
});
