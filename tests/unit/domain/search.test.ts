import { describe, expect, it } from 'vitest';
import {
  contextAround,
  findMatches,
  foldForSearch,
  OffsetMap,
  sentenceAround,
  type TextMatch,
} from '../../../src/shared/domain/search';

const anywhere = { wholeWord: false };
const words = { wholeWord: true };
const read = (text: string, hits: TextMatch[]) => hits.map((h) => text.slice(h.start, h.end));

describe('foldForSearch', () => {
  it('folds case and accents, mapping each folded unit back to the original', () => {
    expect(foldForSearch('Città')).toEqual({
      folded: 'citta',
      toOriginal: OffsetMap.fromArray([0, 1, 2, 3, 4, 5]),
    });
  });

  it('drops the combining marks of NFD text, the next unit mapping past them', () => {
    const { folded, toOriginal } = foldForSearch('Citta\u0300 e\u0301');
    expect(folded).toBe('citta e');
    expect(toOriginal.toArray()).toEqual([0, 1, 2, 3, 4, 6, 7, 9]);
  });

  it('keeps emoji as they are, two units each, and expands compatibility forms', () => {
    const emoji = foldForSearch('A👩‍🔬b');
    expect(emoji.folded).toBe('a👩‍🔬b');
    expect(emoji.toOriginal.toArray()).toEqual([0, 1, 2, 3, 4, 5, 6, 7]);
    const ligature = foldForSearch('ﬁne Straße İ');
    expect(ligature.folded).toBe('fine straße i');
    expect(ligature.toOriginal.toArray().slice(0, 3)).toEqual([0, 0, 1]);
    expect(ligature.toOriginal.at(ligature.folded.length)).toBe(12);
  });

  it('folds an empty text to an empty one', () => {
    const empty = foldForSearch('');
    expect([empty.folded, empty.toOriginal.toArray()]).toEqual(['', [0]]);
  });
});

describe('findMatches', () => {
  const text =
    'In Città si vive bene. A CITTA nuova, nella citta\u0300 vecchia e in cittadella no.';

  it('is accent- and case-insensitive both ways', () => {
    const expected = ['Città', 'CITTA', 'citta\u0300', 'citta'];
    expect(read(text, findMatches(text, 'citta', anywhere))).toEqual(expected);
    expect(read(text, findMatches(text, 'CITTÀ', anywhere))).toEqual(expected);
    expect(read(text, findMatches(text, 'citta\u0300', anywhere))).toEqual(expected);
  });

  it('takes the apostrophes Word and phones type for the keyboard’s, both ways', () => {
    const typed = "All’inizio l’ente capofila, poi l‘ente e dall'inizio l'ente.";
    expect(read(typed, findMatches(typed, "l'ente", anywhere))).toEqual([
      'l’ente',
      'l‘ente',
      "l'ente",
    ]);
    expect(read(typed, findMatches(typed, 'all’inizio', anywhere))).toEqual([
      'All’inizio',
      "all'inizio",
    ]);
  });

  it('includes the combining mark of an accented letter at the end of a hit', () => {
    const nfd = 'la citta\u0300';
    expect(findMatches(nfd, 'città', anywhere)).toEqual([{ start: 3, end: 9 }]);
    expect(findMatches('e\u0301x', 'e', anywhere)).toEqual([{ start: 0, end: 2 }]);
  });

  it('finds whole words only when asked, letters and digits of any script counting', () => {
    expect(read(text, findMatches(text, 'citta', words))).toEqual([
      'Città',
      'CITTA',
      'citta\u0300',
    ]);
    expect(findMatches('anno 2017, 20171', '2017', words)).toEqual([{ start: 5, end: 9 }]);
    expect(read('Москва и москвич', findMatches('Москва и москвич', 'москв', words))).toEqual([]);
    expect(findMatches('Москва и москвич', 'москва', words)).toEqual([{ start: 0, end: 6 }]);
  });

  it('minds surrogate pairs and combining marks at word boundaries', () => {
    // 𝒜 (U+1D49C) is a letter outside the BMP: no word starts after it.
    expect(findMatches('𝒜citta', 'citta', words)).toEqual([]);
    expect(findMatches('👍città!', 'citta', words)).toEqual([{ start: 2, end: 7 }]);
    // "x" right after "é" written as e + U+0301 is inside the word.
    expect(findMatches('e\u0301x x', 'x', words)).toEqual([{ start: 4, end: 5 }]);
    expect(findMatches('perche\u0301 no', 'perche', words)).toEqual([{ start: 0, end: 7 }]);
  });

  it('lets a whitespace run in the query match any run, CRLF included', () => {
    const lines = 'era bella\r\n  città, bella\tcittà e bella città';
    const hits = findMatches(lines, 'bella   città', anywhere);
    expect(read(lines, hits)).toEqual(['bella\r\n  città', 'bella\tcittà', 'bella città']);
    expect(findMatches('bellacittà', 'bella città', anywhere)).toEqual([]);
    expect(findMatches(' città', ' città ', anywhere)).toEqual([{ start: 1, end: 6 }]);
  });

  it('finds emoji and ligatures without cutting them', () => {
    const notes = 'il 👩‍🔬 del ﬁume';
    expect(read(notes, findMatches(notes, '👩‍🔬', anywhere))).toEqual(['👩‍🔬']);
    expect(read(notes, findMatches(notes, 'fiume', words))).toEqual(['ﬁume']);
    expect(read(notes, findMatches(notes, 'f', anywhere))).toEqual(['ﬁ']);
  });

  it('finds nothing for a blank query and never overlaps hits', () => {
    expect(findMatches(text, '', anywhere)).toEqual([]);
    expect(findMatches(text, ' \r\n ', anywhere)).toEqual([]);
    expect(findMatches('aaaaa', 'aa', anywhere)).toEqual([
      { start: 0, end: 2 },
      { start: 2, end: 4 },
    ]);
    expect(findMatches('aa aaa aa', 'aa', words)).toEqual([
      { start: 0, end: 2 },
      { start: 7, end: 9 },
    ]);
  });
});

describe('contextAround', () => {
  const text = 'uno due tre quattro cinque sei sette otto nove dieci undici dodici';
  const span = (passage: string) => {
    const start = text.indexOf(passage);
    return [start, start + passage.length] as const;
  };

  it('cuts on word boundaries either side and flags the clipping', () => {
    expect(contextAround(text, ...span('sette'), 12)).toEqual({
      before: 'cinque sei ',
      passage: 'sette',
      after: ' otto nove',
      clippedBefore: true,
      clippedAfter: true,
    });
  });

  it('reaches the ends of the text without clipping flags', () => {
    expect(contextAround(text, ...span('due'), 10)).toMatchObject({
      before: 'uno ',
      clippedBefore: false,
      clippedAfter: true,
    });
    expect(contextAround(text, ...span('undici'))).toMatchObject({
      after: ' dodici',
      clippedAfter: false,
    });
    expect(contextAround('  \r\n  ciao  \r\n', 6, 10, 1)).toMatchObject({
      before: '',
      passage: 'ciao',
      after: '',
      clippedBefore: false,
      clippedAfter: false,
    });
  });

  it('collapses whitespace, CRLF included', () => {
    const lines = 'prima riga\r\n\r\nseconda   riga\tqui';
    const start = lines.indexOf('seconda');
    expect(contextAround(lines, start, start + 14, 40)).toEqual({
      before: 'prima riga ',
      passage: 'seconda riga',
      after: ' qui',
      clippedBefore: false,
      clippedAfter: false,
    });
  });

  it('never cuts an emoji or an accent when a long word must be cut', () => {
    const long = `${'👩'.repeat(20)}X${'e\u0301'.repeat(20)}`;
    const x = long.indexOf('X');
    const context = contextAround(long, x, x + 1, 5);
    expect(context.before).toBe('👩👩');
    expect(context.after).toBe('e\u0301e\u0301');
    expect(context).toMatchObject({ clippedBefore: true, clippedAfter: true });
  });
});

describe('sentenceAround', () => {
  const text =
    'Prima frase. Seconda frase con 3.5 euro! Terza?! Disse: "Quarta." Quinta…\r\nSesta riga  ';
  const sentenceOf = (passage: string) => {
    const start = text.indexOf(passage);
    const hit = sentenceAround(text, start, start + passage.length);
    return text.slice(hit.start, hit.end);
  };

  it('extends to the sentence holding the passage, through its punctuation', () => {
    expect(sentenceOf('Prima')).toBe('Prima frase.');
    expect(sentenceOf('con 3.5')).toBe('Seconda frase con 3.5 euro!');
    expect(sentenceOf('Terza')).toBe('Terza?!');
    expect(sentenceOf('Quarta')).toBe('Disse: "Quarta."');
    expect(sentenceOf('Quinta')).toBe('Quinta…');
  });

  it('stops at line breaks and leaves out trailing spaces', () => {
    expect(sentenceOf('riga')).toBe('Sesta riga');
    expect(sentenceOf('Sesta')).toBe('Sesta riga');
  });

  it('covers several sentences, and does not run on past a passage that ends its own', () => {
    expect(sentenceOf('frase. Seconda')).toBe('Prima frase. Seconda frase con 3.5 euro!');
    expect(sentenceOf('Seconda frase con 3.5 euro! ')).toBe('Seconda frase con 3.5 euro! ');
    expect(sentenceOf('Prima frase.')).toBe('Prima frase.');
  });
});
