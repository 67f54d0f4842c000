import { describe, expect, it } from 'vitest';
import type { Participant } from '../../../src/shared/model/project';
import {
  anonymiser,
  anonymiseWithOffsets,
  titleAnonymiser,
} from '../../../src/shared/report/anonymise';

const person = (code: string, name: string) => ({ code, name }) as Participant;

describe('the anonymiser of reports and workbooks', () => {
  const anonymise = anonymiser([
    person('INT-02', 'Giulia Ferrari (nome fittizio)'),
    person('INT-03', 'Marco Rossi'),
    person('INT-04', 'Luca Rossi'),
    person('INT-05', 'Anna Della Valle'),
    person('INT-06', 'Rosa Bianchi'),
  ]);

  it('replaces whole names, with or without their note, in any case', () => {
    expect(
      anonymise('Come ha spiegato Giulia Ferrari (nome fittizio), e poi GIULIA FERRARI.'),
    ).toBe('Come ha spiegato INT-02, e poi INT-02.');
  });

  it('replaces a surname or a first name on its own, as Italian text names people', () => {
    expect(anonymise('Anche la signora Ferrari era d’accordo; Giulia no.')).toBe(
      'Anche la signora INT-02 era d’accordo; INT-02 no.',
    );
    expect(anonymise('La dott.ssa Valle, poi Anna.')).toBe('La dott.ssa INT-05, poi INT-05.');
  });

  it('gives a surname two participants share to neither, and leaves ordinary words alone', () => {
    expect(anonymise('Il sig. Rossi ha parlato con Marco.')).toBe(
      'Il sig. […] ha parlato con INT-03.',
    );
    // "rosa" the colour, "della" the article, "ferrari" inside another word: not names.
    expect(anonymise('Una rosa della valle; le ferrariste.')).toBe(
      'Una rosa della valle; le ferrariste.',
    );
    expect(anonymise('Rosa ha votato.')).toBe('INT-06 ha votato.');
  });

  it('leaves the names it is told to keep whole (the coders), and anonymises around them', () => {
    // Found by a newcomer walk-through: coder Carla Conti became «Carla FG-02-P2» in the XLSX.
    const participants = [person('FG-02-P2', 'Roberto Conti'), person('INT-01', 'Carla Neri')];
    const keeping = anonymiser(participants, { keep: ['Carla Conti', 'Bruno Bassi', 'Ro'] });
    expect(keeping('Carla Conti e Bruno Bassi; il sig. Conti ne ha parlato con Carla.')).toBe(
      'Carla Conti e Bruno Bassi; il sig. FG-02-P2 ne ha parlato con INT-01.',
    );
    expect(keeping('Roberto Conti')).toBe('FG-02-P2');
    // Without the list, as before: the surname is the participant's.
    expect(anonymiser(participants)('Carla Conti')).toBe('INT-01 FG-02-P2');
    // A participant's own full name is never kept, even when a coder has it too.
    expect(anonymiser(participants, { keep: ['Roberto Conti'] })('Roberto Conti')).toBe('FG-02-P2');
  });
});

describe('the anonymiser of titles', () => {
  const people = [
    person('INT-02', 'Giulia Ferrari'),
    person('INT-03', 'Marco Rossi'),
    person('INT-04', 'Luca Rossi'),
    person('INT-06', 'Rosa Bianchi'),
  ];

  it('finds a surname written in lower case, as file names write it; the text anonymiser does not', () => {
    const title = titleAnonymiser(people);
    expect(title('int01_ferrari')).toBe('int01_INT-02');
    expect(title('FG-02 bianchi-rosa.docx')).toBe('FG-02 INT-06-INT-06.docx');
    // A surname two participants share names neither, whatever its case.
    expect(title('intervista_rossi')).toBe('intervista_[…]');
    // In running text «rosa» is a colour: only titles take parts in any case.
    expect(anonymiser(people)('int01_ferrari, una rosa')).toBe('int01_ferrari, una rosa');
  });
});

describe('anonymiseWithOffsets (the REFI-QDA export)', () => {
  const anonymise = anonymiser([
    person('INT-03', 'Marco Rossi'),
    person('INT-04', 'Luca Rossi'),
    person('INT-06', 'Rosa Bianchi'),
  ]);

  it('gives the same text as the anonymiser, and maps every offset onto the same words', () => {
    const text = 'Marco Rossi disse: «Rossi? Bianchi 😀 lo sa». Poi MARCO ROSSI uscì.';
    const result = anonymiseWithOffsets(anonymise, text);
    expect(result.text).toBe(anonymise(text));
    expect(result.text).toBe('INT-03 disse: «[…]? INT-06 😀 lo sa». Poi INT-03 uscì.');
    // Words outside the names read the same at their mapped offsets.
    for (const words of ['disse: «', '? ', ' 😀 lo sa». Poi ', ' uscì.']) {
      const start = text.indexOf(words);
      const mapped = [result.offset(start, 'start'), result.offset(start + words.length, 'end')];
      expect(result.text.slice(mapped[0], mapped[1])).toBe(words);
    }
    // A passage that starts or ends on a name takes the pseudonym in its place.
    const passage = text.indexOf('Bianchi 😀 lo sa');
    const end = passage + 'Bianchi 😀 lo sa'.length;
    expect(result.text.slice(result.offset(passage, 'start'), result.offset(end, 'end'))).toBe(
      'INT-06 😀 lo sa',
    );
    expect(result.offset(0, 'start')).toBe(0);
    expect(result.offset(text.length, 'end')).toBe(result.text.length);
  });

  it('maps offsets of the anonymised text back onto the original words (a colleague’s codings)', () => {
    const text = 'Marco Rossi disse: «Rossi? Bianchi 😀 lo sa». Poi MARCO ROSSI uscì.';
    const result = anonymiseWithOffsets(anonymise, text);
    // Every offset of the original outside a name goes there and back exactly.
    const inNames = /Marco Rossi|Rossi|Bianchi|MARCO ROSSI/g;
    const inside = new Set<number>();
    for (const match of text.matchAll(inNames)) {
      for (let at = match.index + 1; at < match.index + match[0].length; at++) inside.add(at);
    }
    for (let at = 0; at <= text.length; at++) {
      if (inside.has(at)) continue;
      for (const side of ['start', 'end'] as const) {
        expect(result.original(result.offset(at, side), side)).toBe(at);
      }
    }
    // A passage coded on the pseudonyms comes back over the names they stand for.
    const coded = '«[…]? INT-06 😀 lo sa». Poi INT-03';
    const start = result.text.indexOf(coded);
    const back = [result.original(start, 'start'), result.original(start + coded.length, 'end')];
    expect(text.slice(back[0], back[1])).toBe('«Rossi? Bianchi 😀 lo sa». Poi MARCO ROSSI');
    // Part of a pseudonym stands for the whole name.
    const part = result.text.indexOf('NT-06');
    expect(text.slice(result.original(part, 'start'), result.original(part + 2, 'end'))).toBe(
      'Bianchi',
    );
  });

  it('leaves a text without participants as it is', () => {
    const none = anonymiser([]);
    const result = anonymiseWithOffsets(none, 'Marco Rossi');
    expect(result.text).toBe('Marco Rossi');
    expect(result.offset(6, 'start')).toBe(6);
    expect(result.original(6, 'end')).toBe(6);
  });
});
