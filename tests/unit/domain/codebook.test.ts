import { describe, expect, it } from 'vitest';
import {
  CODE_PALETTE,
  codebookToCsv,
  codePath,
  codeTreeOrder,
  descendantIds,
  importCodebookCsv,
  nextColour,
  questionCodeName,
  questionOfCode,
  syncQuestionCodes,
  wouldCreateCycle,
} from '../../../src/shared/domain/codebook';
import { detectSeparator, parseCsv } from '../../../src/shared/domain/csv';
import type { Code } from '../../../src/shared/model/project';

const code = (
  id: string,
  name: string,
  parentId: string | null = null,
  extra: Partial<Code> = {},
) =>
  ({
    id,
    name,
    description: '',
    colour: '#888888',
    parentId,
    questionId: null,
    followsQuestion: false,
    quickKey: null,
    ...extra,
  }) satisfies Code;

/** Frozen deeply, so any mutation by the code under test throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

const counter = (prefix = 'n') => {
  let n = 0;
  return () => `${prefix}${++n}`;
};

/** What a tree view shows, without ids: compares codebooks built with different ids. */
const shape = (codes: readonly Code[]) =>
  codeTreeOrder(codes).map(({ code: c, depth }) => ({
    depth,
    name: c.name,
    description: c.description,
    colour: c.colour,
    questionId: c.questionId,
  }));

// Array order deliberately not tree order: tree order must come from parentId.
const tree = frozen([
  code('d', 'Comuni piccoli', 'c'),
  code('f', 'Risultati'),
  code('c', 'Ruolo dei comuni', 'b', { questionId: 'q2' }),
  code('a', 'Governance', null, { questionId: 'q1' }),
  code('g', 'Occupazione', 'f'),
  code('b', 'Partenariato', 'a'),
  code('e', 'Coordinamento', 'a'),
]);

describe('palette', () => {
  it('offers twelve distinct #rrggbb colours', () => {
    expect(CODE_PALETTE).toHaveLength(12);
    expect(new Set(CODE_PALETTE).size).toBe(12);
    for (const colour of CODE_PALETTE) expect(colour).toMatch(/^#[0-9a-f]{6}$/);
  });

  it('picks the least used colour, the first one on ties, ignoring case and other colours', () => {
    const [first, second, third] = CODE_PALETTE as [string, string, string];
    expect(nextColour([])).toBe(first);
    expect(nextColour([{ colour: '#123456' }])).toBe(first);
    expect(
      nextColour([{ colour: first }, { colour: first.toUpperCase() }, { colour: second }]),
    ).toBe(third);
    const allOnceAndFirstTwice = [...CODE_PALETTE, first].map((colour) => ({ colour }));
    expect(nextColour(allOnceAndFirstTwice)).toBe(second);
  });
});

describe('code hierarchy', () => {
  it('lists a four-level tree depth first, siblings in array order', () => {
    expect(codeTreeOrder(tree).map(({ code: c, depth }) => `${depth}:${c.id}`)).toEqual([
      '0:f',
      '1:g',
      '0:a',
      '1:b',
      '2:c',
      '3:d',
      '1:e',
    ]);
  });

  it('finds descendants at any depth and the path from the root', () => {
    expect(descendantIds(tree, 'a')).toEqual(new Set(['a', 'b', 'c', 'd', 'e']));
    expect(descendantIds(tree, 'c')).toEqual(new Set(['c', 'd']));
    expect(descendantIds(tree, 'g')).toEqual(new Set(['g']));
    expect(codePath(tree, 'd').map((c) => c.name)).toEqual([
      'Governance',
      'Partenariato',
      'Ruolo dei comuni',
      'Comuni piccoli',
    ]);
    expect(codePath(tree, 'a').map((c) => c.id)).toEqual(['a']);
    expect(codePath(tree, 'missing')).toEqual([]);
  });

  it('refuses moves that would put a code under itself', () => {
    expect(wouldCreateCycle(tree, 'a', 'd')).toBe(true);
    expect(wouldCreateCycle(tree, 'b', 'c')).toBe(true);
    expect(wouldCreateCycle(tree, 'a', 'a')).toBe(true);
    expect(wouldCreateCycle(tree, 'd', 'b')).toBe(false);
    expect(wouldCreateCycle(tree, 'e', 'g')).toBe(false);
    expect(wouldCreateCycle(tree, 'a', null)).toBe(false);
    expect(wouldCreateCycle(tree, 'c', 'missing')).toBe(false);
  });

  it('takes the question from the code or its nearest ancestor', () => {
    expect(questionOfCode(tree, 'a')).toBe('q1');
    expect(questionOfCode(tree, 'e')).toBe('q1');
    expect(questionOfCode(tree, 'b')).toBe('q1');
    expect(questionOfCode(tree, 'd')).toBe('q2');
    expect(questionOfCode(tree, 'g')).toBeNull();
    expect(questionOfCode(tree, 'missing')).toBeNull();
  });

  it('survives a corrupt codebook with a cycle or an unknown parent', () => {
    const corrupt = [
      code('x', 'X', 'y'),
      code('y', 'Y', 'x', { questionId: 'q' }),
      code('o', 'O', 'gone'),
    ];
    expect(codePath(corrupt, 'x').map((c) => c.id)).toEqual(['y', 'x']);
    expect(descendantIds(corrupt, 'x')).toEqual(new Set(['x', 'y']));
    expect(wouldCreateCycle(corrupt, 'o', 'x')).toBe(false);
    expect(questionOfCode(corrupt, 'x')).toBe('q');
    expect(codeTreeOrder(corrupt).map(({ code: c, depth }) => `${depth}:${c.id}`)).toEqual([
      '0:o',
      '0:x',
      '1:y',
    ]);
  });
});

describe('question codes', () => {
  it('name the code after the DV, whitespace collapsed', () => {
    expect(questionCodeName({ code: ' DV1 ', text: 'Quanto   è\n efficace il bando?' })).toBe(
      'DV1 – Quanto è efficace il bando?',
    );
    const eighty = 'a'.repeat(80);
    expect(questionCodeName({ code: 'DV3', text: eighty })).toBe(`DV3 – ${eighty}`);
  });

  it('cut long texts on a word, without trailing punctuation', () => {
    // "parola " is 7 characters: 11 whole words fit in 80, the 12th would end at 83.
    expect(questionCodeName({ code: 'DV2', text: 'parola '.repeat(20) })).toBe(
      `DV2 – ${Array(11).fill('parola').join(' ')}…`,
    );
    expect(questionCodeName({ code: 'DV4', text: `${'a'.repeat(70)}, ${'b'.repeat(20)}` })).toBe(
      `DV4 – ${'a'.repeat(70)}…`,
    );
    expect(questionCodeName({ code: 'DV5', text: 'z'.repeat(100) })).toBe(
      `DV5 – ${'z'.repeat(80)}…`,
    );
  });

  const questions = [
    { id: 'q1', code: 'DV1', text: 'Efficacia?' },
    { id: 'q2', code: 'DV2', text: 'Efficienza?' },
  ];

  it('are created for every question, at the root, with palette colours and free quick keys', () => {
    const used = code('u', 'Già usato', null, { colour: CODE_PALETTE[0] as string, quickKey: 1 });
    const { codes, changed } = syncQuestionCodes(frozen([used]), questions, counter());
    expect(changed).toBe(true);
    expect(codes).toEqual([
      used,
      {
        id: 'n1',
        name: 'DV1 – Efficacia?',
        description: '',
        colour: CODE_PALETTE[1],
        parentId: null,
        questionId: 'q1',
        followsQuestion: true,
        quickKey: 2,
      },
      {
        id: 'n2',
        name: 'DV2 – Efficienza?',
        description: '',
        colour: CODE_PALETTE[2],
        parentId: null,
        questionId: 'q2',
        followsQuestion: true,
        quickKey: 3,
      },
    ]);
    const again = syncQuestionCodes(frozen(codes), questions, counter('other'));
    expect(again.changed).toBe(false);
    expect(again.codes).toEqual(codes);
    again.codes.forEach((c, i) => expect(c).toBe(codes[i]));
  });

  it('are renamed with their question, keeping id, colour and description', () => {
    const before = frozen([
      code('k1', 'DV1 – Efficacia?', null, {
        questionId: 'q1',
        followsQuestion: true,
        colour: '#abcdef',
        description: 'nota',
      }),
      code('k2', 'DV2 – Efficienza?', null, { questionId: 'q2', followsQuestion: true }),
    ]);
    const renamed = [{ id: 'q1', code: 'DV1', text: 'Efficacia del bando?' }, questions[1]!];
    const { codes, changed } = syncQuestionCodes(before, renamed, counter());
    expect(changed).toBe(true);
    expect(codes).toEqual([{ ...before[0], name: 'DV1 – Efficacia del bando?' }, before[1]]);
  });

  it('are unlinked when their question is gone, with ordinary codes of that question', () => {
    const before = frozen([
      code('k1', 'DV1 – Efficacia?', null, { questionId: 'q1', followsQuestion: true }),
      code('k9', 'DV9 – Vecchia?', null, { questionId: 'q9', followsQuestion: true }),
      code('child', 'Sotto DV9', 'k9', { questionId: 'q9' }),
      code('keep', 'Sotto DV1', 'k1', { questionId: 'q1' }),
      code('free', 'Libero', null, { followsQuestion: true }),
    ]);
    const { codes, changed } = syncQuestionCodes(before, [questions[0]!], counter());
    expect(changed).toBe(true);
    expect(codes).toEqual([
      before[0],
      { ...before[1], questionId: null, followsQuestion: false },
      { ...before[2], questionId: null },
      before[3],
      { ...before[4], followsQuestion: false },
    ]);
  });

  it('keep one following code per question', () => {
    const before = frozen([
      code('k1', 'DV1 – Efficacia?', null, { questionId: 'q1', followsQuestion: true }),
      code('k1bis', 'DV1 – Efficacia?', null, { questionId: 'q1', followsQuestion: true }),
    ]);
    const { codes } = syncQuestionCodes(before, [questions[0]!], counter());
    expect(codes).toEqual([before[0], { ...before[1], followsQuestion: false }]);
  });
});

describe('CSV reading', () => {
  it('handles quotes, doubled quotes, breaks inside quotes, CRLF, CR and a BOM', () => {
    const csv = '\uFEFFa;"b;c"\r\n"x ""y""";"due\r\nrighe"\r"";z\n\n;\nlast';
    expect(parseCsv(csv, ';')).toEqual([
      { line: 1, cells: ['a', 'b;c'] },
      { line: 2, cells: ['x "y"', 'due\r\nrighe'] },
      { line: 4, cells: ['', 'z'] },
      { line: 6, cells: ['', ''] },
      { line: 7, cells: ['last'] },
    ]);
  });

  it('detects the separator from the header, ignoring quoted text', () => {
    expect(detectSeparator('nome;padre;"a,b,c,d"\nx,y,z,w,v')).toBe(';');
    expect(detectSeparator('name,parent,description')).toBe(',');
    expect(detectSeparator('name\tparent')).toBe('\t');
    expect(detectSeparator('nome')).toBe(';');
  });
});

describe('codebook CSV', () => {
  const questions = frozen([
    { id: 'q1', code: 'DV1' },
    { id: 'q2', code: 'DV2' },
  ]);

  it('exports in tree order with full parent paths, quoting only what needs it', () => {
    const codes = frozen([
      code('c', 'Città', 'b', { colour: '#59a14f', description: 'riga uno\nriga due' }),
      code('a', 'Governance', null, {
        colour: '#4e79a7',
        description: 'Chi decide; come',
        questionId: 'q1',
      }),
      code('b', 'Ruolo "guida"', 'a', { colour: '#f28e2b' }),
    ]);
    expect(codebookToCsv(codes, questions)).toBe(
      'name;parent;description;colour;question\r\n' +
        'Governance;;"Chi decide; come";#4e79a7;DV1\r\n' +
        '"Ruolo ""guida""";Governance;;#f28e2b;\r\n' +
        'Città;"Governance > Ruolo ""guida""";"riga uno\nriga due";#59a14f;\r\n',
    );
  });

  it('round-trips into an empty codebook: same tree, names with ; quotes accents and >', () => {
    const codes = frozen([
      code('r1', 'Efficacia; risultati', null, { colour: '#112233', questionId: 'q1' }),
      code('r2', 'Il "nuovo" bando', 'r1', { colour: '#445566', description: 'Uno;\n"due"' }),
      code('r3', 'Prima > dopo', 'r2', { colour: '#778899', questionId: 'q2' }),
      code('r4', 'Università e città', 'r3', { colour: '#aabbcc', description: 'àèìòù' }),
      code('r5', 'Fragilità', null, { colour: '#ddeeff' }),
      code('r6', 'Giovani, NEET', 'r5', { colour: '#010203' }),
    ]);
    const csv = codebookToCsv(codes, questions);
    const imported = importCodebookCsv([], csv, questions, counter());
    expect(imported.problems).toEqual([]);
    expect(imported.added).toBe(6);
    expect(imported.updated).toBe(0);
    expect(shape(imported.codes)).toEqual(shape(codes));
    expect(shape(imported.codes).map((row) => row.depth)).toEqual([0, 1, 2, 3, 0, 1]);
    expect(imported.codes.every((c) => !c.followsQuestion && c.quickKey === null)).toBe(true);

    // The same file again changes nothing.
    const again = importCodebookCsv(frozen(imported.codes), csv, questions, counter('x'));
    expect(again).toMatchObject({ added: 0, updated: 0, problems: [] });
    expect(again.codes).toEqual(imported.codes);
  });

  it('reads Italian headers, commas, a BOM, CRLF and colours in any case', () => {
    const csv =
      '\uFEFFNome,Padre,Descrizione,Colore,Domanda\r\n' +
      'Efficacia,,,,dv1\r\n' +
      '"Occupazione, giovani",Efficacia,"Con ""virgolette""",#ABCDEF,\r\n' +
      'Breve,Efficacia,,#a1b,\r\n';
    const { codes, added, problems } = importCodebookCsv([], csv, questions, counter());
    expect(problems).toEqual([]);
    expect(added).toBe(3);
    expect(codes).toEqual([
      code('n1', 'Efficacia', null, { colour: CODE_PALETTE[0], questionId: 'q1' }),
      code('n2', 'Occupazione, giovani', 'n1', {
        colour: '#abcdef',
        description: 'Con "virgolette"',
      }),
      code('n3', 'Breve', 'n1', { colour: '#aa11bb' }),
    ]);
  });

  it('reads tab-separated English headers in any order, without a colour column', () => {
    const csv = 'question\tparent\tname\nDV2\t\tEfficienza\n\tEfficienza\tCosti';
    const { codes } = importCodebookCsv([], csv, questions, counter());
    expect(codes).toEqual([
      code('n1', 'Efficienza', null, { colour: CODE_PALETTE[0], questionId: 'q2' }),
      code('n2', 'Costi', 'n1', { colour: CODE_PALETTE[1] }),
    ]);
  });

  it('merges into existing codes by path without case or accents, creating missing parents', () => {
    const existing = frozen([
      code('dv1', 'DV1 – Efficacia?', null, { questionId: 'q1', followsQuestion: true }),
      code('gov', 'Governance', null, { colour: '#4e79a7' }),
      code('cit', 'Città', 'gov', { description: 'vecchia' }),
    ]);
    const csv = [
      'nome;padre;descrizione;colore;domanda',
      'CITTA;governance;nuova;;',
      'governance;;;#4E79A7;',
      'Nuovo figlio;Governance > Città > Sotto;;;DV2',
      'dv1 – efficacia?;;Per la DV1;;DV2',
    ].join('\n');
    const result = importCodebookCsv(existing, csv, questions, counter());
    expect(result.problems).toEqual([]);
    expect(result.added).toBe(2);
    expect(result.updated).toBe(2);
    expect(result.codes).toEqual([
      // A following code keeps its question even when the file names another.
      { ...existing[0], description: 'Per la DV1' },
      existing[1],
      { ...existing[2], description: 'nuova' },
      code('n1', 'Sotto', 'cit', { colour: CODE_PALETTE[1] }),
      code('n2', 'Nuovo figlio', 'n1', { colour: CODE_PALETTE[2], questionId: 'q2' }),
    ]);
  });

  it('reports problems by line, skipping nameless rows and importing the rest', () => {
    const csv = [
      'nome;padre;descrizione;colore;domanda',
      'A;;"due',
      'righe";;',
      ';A;senza nome;;',
      'B;A;;rosso;',
      'C;;;;DV9',
      '',
      ';;;;',
    ].join('\r\n');
    const result = importCodebookCsv([], csv, questions, counter());
    expect(result.problems).toEqual([
      { line: 4, problem: 'missing-name', value: ';A;senza nome;;' },
      { line: 5, problem: 'bad-colour', value: 'rosso' },
      { line: 6, problem: 'unknown-question', value: 'DV9' },
    ]);
    expect(result.added).toBe(3);
    expect(result.codes).toEqual([
      code('n1', 'A', null, { colour: CODE_PALETTE[0], description: 'due\r\nrighe' }),
      code('n2', 'B', 'n1', { colour: CODE_PALETTE[1] }),
      code('n3', 'C', null, { colour: CODE_PALETTE[2] }),
    ]);
  });

  it('imports nothing from a file without a name column', () => {
    const existing = frozen([code('a', 'A')]);
    expect(importCodebookCsv(existing, 'foo;bar\nx;y', questions, counter())).toEqual({
      codes: existing,
      added: 0,
      updated: 0,
      problems: [{ line: 1, problem: 'no-header', value: 'foo;bar' }],
    });
    expect(importCodebookCsv([], '\n\n', questions, counter()).problems).toEqual([
      { line: 1, problem: 'no-header', value: '' },
    ]);
  });
});
