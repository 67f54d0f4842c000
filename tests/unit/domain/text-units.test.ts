import { describe, expect, it } from 'vitest';
import { moveCaret, stopsInTurn, turnBounds } from '../../../src/shared/domain/text-units';

const text = [
  'Buongiorno a lei. Allora, il laboratorio è nato dentro il progetto.',
  "All'inizio la cosa più difficile è stata farsi conoscere 😀.",
].join('\n');
const turns = [
  { start: 0, end: text.indexOf('\n') },
  { start: text.indexOf('\n') + 1, end: text.length },
];
const at = (words: string) => text.indexOf(words);
const word = (from: number) => text.slice(from).split(/[\s.,]/)[0];

describe('a keyboard caret in a transcript', () => {
  it('moves word by word, across turns, and stops after the last word of a turn', () => {
    let caret = 0;
    const seen: string[] = [];
    for (let i = 0; i < 4; i++) {
      caret = moveCaret(text, turns, caret, 'word', 1);
      seen.push(word(caret)!);
    }
    expect(seen).toEqual(['a', 'lei', 'Allora', 'il']);
    // After "progetto" the caret stops at the end of it (a selection can end there)…
    caret = moveCaret(text, turns, at('progetto'), 'word', 1);
    expect(caret).toBe(at('progetto') + 'progetto.'.length);
    // …then goes to the next turn, where "All'inizio" is one word.
    caret = moveCaret(text, turns, caret, 'word', 1);
    expect(caret).toBe(turns[1]!.start);
    expect(moveCaret(text, turns, caret, 'word', 1)).toBe(at('la cosa'));
    expect(moveCaret(text, turns, caret, 'word', -1)).toBe(turns[0]!.end);
  });

  it('moves by sentence and by turn, and stays put at either end of the text', () => {
    expect(moveCaret(text, turns, 0, 'sentence', 1)).toBe(at('Allora'));
    expect(moveCaret(text, turns, at('Allora'), 'sentence', -1)).toBe(0);
    expect(moveCaret(text, turns, 0, 'turn', 1)).toBe(turns[1]!.start);
    expect(moveCaret(text, turns, at('la cosa'), 'turn', -1)).toBe(turns[1]!.start);
    expect(moveCaret(text, turns, turns[1]!.start, 'turn', -1)).toBe(0);
    expect(moveCaret(text, turns, 0, 'word', -1)).toBe(0);
    expect(moveCaret(text, turns, text.length, 'word', 1)).toBe(text.length);
  });

  it('stops at word ends when a selection grows forwards, so no comma or space comes with it', () => {
    const from = at('il laboratorio');
    let caret = from;
    for (let i = 0; i < 7; i++) caret = moveCaret(text, turns, caret, 'word', 1, 'it', 'end');
    expect(text.slice(from, caret)).toBe('il laboratorio è nato dentro il progetto');
    expect(moveCaret(text, turns, caret, 'sentence', 1, 'it', 'end')).toBe(turns[0]!.end);
    expect(moveCaret(text, turns, 0, 'turn', 1, 'it', 'end')).toBe(turns[0]!.end);
  });

  it('finds the words of a turn with an emoji, and its bounds without blanks', () => {
    const stops = stopsInTurn('  Sì, va bene 😀  ', { start: 0, end: 17 }, 'word');
    // The emoji is not a word, but the last stop is after it: a selection can take it.
    expect(stops).toEqual([2, 6, 9, 16]);
    expect(
      turnBounds(
        '  Sì  \nNo',
        [
          { start: 0, end: 6 },
          { start: 7, end: 9 },
        ],
        3,
      ),
    ).toEqual({
      start: 2,
      end: 4,
    });
  });
});
