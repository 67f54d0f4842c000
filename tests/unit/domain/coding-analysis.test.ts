import { describe, expect, it } from 'vitest';
import {
  coOccurrence,
  codeFrequency,
  frameworkMatrix,
  matchesAttribute,
  quotation,
  retrieveSegments,
  segmentSpeakers,
  type SegmentFilter,
  type SourceForAnalysis,
} from '../../../src/shared/domain/coding-analysis';
import type { Code, Participant } from '../../../src/shared/model/project';
import type { Coding, SpeakerTurn } from '../../../src/shared/model/source';

const turn = (start: number, end: number, speaker: string, participantId: string | null = null) =>
  ({
    id: `t${start}`,
    start,
    end,
    speaker,
    participantId,
    time: null,
    guideQuestionId: null,
    questionIds: [],
  }) satisfies SpeakerTurn;

const coding = (
  id: string,
  codeId: string,
  start: number,
  end: number,
  extra: Partial<Coding> = {},
) =>
  ({
    id,
    codeId,
    start,
    end,
    text: `testo ${id}`,
    coderId: 'ev-1',
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '2026-01-01T00:00:00.000Z',
    ...extra,
  }) satisfies Coding;

const code = (id: string, parentId: string | null = null, questionId: string | null = null) =>
  ({
    id,
    name: id,
    description: '',
    colour: '#888888',
    parentId,
    questionId,
    followsQuestion: false,
    quickKey: null,
  }) satisfies Code;

const source = (id: string, extra: Partial<SourceForAnalysis> = {}): SourceForAnalysis => ({
  id,
  title: `Fonte ${id}`,
  text: 'x'.repeat(300),
  turns: [],
  codings: [],
  participantIds: [],
  sessionCode: null,
  ...extra,
});

const participant = (id: string, extra: Partial<Participant> = {}): Participant => ({
  id,
  code: id.toUpperCase(),
  name: '',
  role: '',
  organisation: '',
  territory: '',
  partnershipType: null,
  attributes: [],
  consent: { given: null, date: null, scope: '', note: '' },
  ...extra,
});

/** Frozen deeply, so any mutation by the code under test throws. */
function frozen<T>(value: T): T {
  if (value && typeof value === 'object') {
    for (const inner of Object.values(value)) frozen(inner);
    Object.freeze(value);
  }
  return value;
}

describe('segment speakers', () => {
  const interview = frozen({
    participantIds: ['p1'],
    turns: [
      turn(0, 20, 'Intervistatore'),
      turn(20, 60, 'Mario', 'p1'),
      turn(60, 80, 'Intervistatore'),
      turn(80, 100, 'Mario', 'p1'),
    ],
  });

  it('attribute a passage to the turn it lies in, end exclusive', () => {
    expect(segmentSpeakers(interview, 25, 30)).toEqual({
      participantIds: ['p1'],
      speaker: 'Mario',
    });
    expect(segmentSpeakers(interview, 20, 60)).toEqual({
      participantIds: ['p1'],
      speaker: 'Mario',
    });
    expect(segmentSpeakers(interview, 19, 20)).toEqual({
      participantIds: [],
      speaker: 'Intervistatore',
    });
    // An empty range is the character at its start.
    expect(segmentSpeakers(interview, 60, 60)).toEqual({
      participantIds: [],
      speaker: 'Intervistatore',
    });
  });

  it('give the interviewer no participant when other turns name one', () => {
    expect(segmentSpeakers(interview, 5, 10)).toEqual({
      participantIds: [],
      speaker: 'Intervistatore',
    });
  });

  it('join the turns a passage spans, each speaker once, in turn order', () => {
    expect(segmentSpeakers(interview, 15, 25)).toEqual({
      participantIds: ['p1'],
      speaker: 'Intervistatore, Mario',
    });
    expect(segmentSpeakers(interview, 55, 85)).toEqual({
      participantIds: ['p1'],
      speaker: 'Mario, Intervistatore',
    });
  });

  it('list every focus-group speaker of the passage, not the whole group', () => {
    const group = frozen({
      participantIds: ['pA', 'pB', 'pC', 'pD'],
      turns: [
        turn(0, 10, 'Moderatrice'),
        turn(10, 30, 'Anna', 'pA'),
        turn(30, 50, 'Bruno', 'pB'),
        turn(50, 70, 'Anna', 'pA'),
        turn(70, 90, 'Carla', 'pC'),
        turn(90, 95, 'Dario', 'pD'),
      ],
    });
    expect(segmentSpeakers(group, 15, 75)).toEqual({
      participantIds: ['pA', 'pB', 'pC'],
      speaker: 'Anna, Bruno, Carla',
    });
    expect(segmentSpeakers(group, 5, 35)).toEqual({
      participantIds: ['pA', 'pB'],
      speaker: 'Moderatrice, Anna, Bruno',
    });
  });

  it('find nobody in a gap between turns', () => {
    const gaps = {
      participantIds: ['p1'],
      turns: [turn(0, 10, 'A', 'p1'), turn(20, 30, 'B', 'p2')],
    };
    expect(segmentSpeakers(gaps, 12, 18)).toEqual({ participantIds: [], speaker: '' });
  });

  it("fall back to the source's participants when no turn names anyone", () => {
    expect(segmentSpeakers({ participantIds: ['p9'], turns: [] }, 0, 5)).toEqual({
      participantIds: ['p9'],
      speaker: '',
    });
    const unmapped = {
      participantIds: ['p7'],
      turns: [turn(0, 10, 'Intervistatore'), turn(10, 20, 'Intervistata')],
    };
    expect(segmentSpeakers(unmapped, 12, 15)).toEqual({
      participantIds: ['p7'],
      speaker: 'Intervistata',
    });
  });

  it('agree with a scan of every turn on a long transcript', () => {
    const turns = Array.from({ length: 2_000 }, (_, i) =>
      // Turns of varying length with a gap after every fifth one.
      turn(i * 10, i * 10 + (i % 5 === 4 ? 6 : 10), `S${i % 7}`, i % 3 === 0 ? null : `p${i % 7}`),
    );
    const long = { participantIds: [], turns };
    for (let k = 0; k < 300; k++) {
      const start = (k * 7919) % 19_990;
      const end = start + ((k * 31) % 60) + 1;
      const hit = turns.filter((t) => Math.max(t.start, start) < Math.min(t.end, end));
      expect(segmentSpeakers(long, start, end)).toEqual({
        participantIds: [
          ...new Set(hit.flatMap((t) => (t.participantId ? [t.participantId] : []))),
        ],
        speaker: [...new Set(hit.map((t) => t.speaker))].join(', '),
      });
    }
  });
});

describe('code frequency', () => {
  it('counts codings and sources per code, alone and with the codes below', () => {
    const codes = frozen([code('R'), code('C1', 'R'), code('G', 'C1'), code('O')]);
    const sources = frozen([
      source('s1', {
        codings: [coding('a', 'R', 0, 5), coding('b', 'G', 10, 15), coding('c', 'G', 20, 25)],
      }),
      source('s2', { codings: [coding('d', 'C1', 0, 5), coding('e', 'O', 3, 9)] }),
      source('s3', {
        codings: [coding('f', 'O', 0, 5), coding('g', 'O', 6, 9), coding('h', 'gone', 0, 9)],
      }),
    ]);
    expect(codeFrequency(sources, codes)).toEqual([
      { codeId: 'R', codings: 1, sources: 1, codingsWithChildren: 4, sourcesWithChildren: 2 },
      { codeId: 'C1', codings: 1, sources: 1, codingsWithChildren: 3, sourcesWithChildren: 2 },
      { codeId: 'G', codings: 2, sources: 1, codingsWithChildren: 2, sourcesWithChildren: 1 },
      { codeId: 'O', codings: 3, sources: 2, codingsWithChildren: 3, sourcesWithChildren: 2 },
    ]);
  });
});

describe('co-occurrence', () => {
  it('counts overlapping pairs: nested and partial, never merely adjacent', () => {
    const sources = frozen([
      source('s1', {
        // Not in start order on purpose.
        codings: [
          coding('c', 'C', 90, 120), // overlaps A partially
          coding('a', 'A', 0, 100),
          coding('d', 'D', 120, 130), // touches C's end: no co-occurrence
          coding('b1', 'B', 10, 20), // nested in A
          coding('a2', 'A', 50, 60), // nested in A: same code, never a pair
          coding('b2', 'B', 95, 110), // overlaps A and C
        ],
      }),
      source('s2', {
        codings: [coding('a3', 'A', 0, 10), coding('c2', 'C', 5, 15), coding('x', 'X', 0, 15)],
      }),
      source('s3', { codings: [coding('x2', 'X', 0, 5)] }),
    ]);
    expect(coOccurrence(sources, ['A', 'B', 'C', 'D', 'A'])).toEqual({
      codeIds: ['A', 'B', 'C', 'D'],
      counts: [
        [3, 2, 2, 0],
        [2, 2, 1, 0],
        [2, 1, 2, 0],
        [0, 0, 0, 1],
      ],
      sources: [
        [2, 1, 2, 0],
        [1, 1, 1, 0],
        [2, 1, 2, 0],
        [0, 0, 0, 1],
      ],
    });
  });

  it('counts the pairs of a large source by sweeping it (speed is measured by npm run bench)', () => {
    const codings = Array.from({ length: 20_000 }, (_, i) =>
      coding(`k${i}`, `C${i % 10}`, i * 5, i * 5 + 8),
    );
    const { counts } = coOccurrence([source('big', { codings })], ['C0', 'C1', 'C2']);
    // Each coding overlaps only the next one: C0–C1 and C1–C2 pairs, 2,000 each.
    expect(counts).toEqual([
      [2_000, 2_000, 0],
      [2_000, 2_000, 2_000],
      [0, 2_000, 2_000],
    ]);
  });
});

describe('attribute matching', () => {
  const person = frozen(
    participant('p', {
      organisation: 'Comune di Bergamo',
      territory: 'Città metropolitana di Milano',
      partnershipType: 'societa-civile',
      attributes: [
        { key: 'Settore', type: 'text', value: 'Formazione professionale' },
        { key: 'Dipendenti', type: 'number', value: 250 },
        { key: 'Adesione', type: 'date', value: '2019-04-01' },
        { key: 'Beneficiario', type: 'boolean', value: true },
      ],
    }),
  );

  it('finds words inside fields without case or accents', () => {
    expect(matchesAttribute(person, 'organisation', 'comune')).toBe(true);
    expect(matchesAttribute(person, 'organisation', 'BERGAMO')).toBe(true);
    expect(matchesAttribute(person, 'organisation', 'Brescia')).toBe(false);
    expect(matchesAttribute(person, 'territory', 'citta metro')).toBe(true);
    expect(matchesAttribute(person, 'partnershipType', 'società civile')).toBe(true);
    expect(matchesAttribute(person, 'role', 'sindaco')).toBe(false);
  });

  it('reads free attributes by key, numbers dates and booleans as text', () => {
    expect(matchesAttribute(person, 'settore', 'formazione')).toBe(true);
    expect(matchesAttribute(person, 'Dipendenti', '250')).toBe(true);
    expect(matchesAttribute(person, 'Dipendenti', '300')).toBe(false);
    expect(matchesAttribute(person, 'Adesione', '2019-04')).toBe(true);
    expect(matchesAttribute(person, 'Beneficiario', 'sì')).toBe(true);
    expect(matchesAttribute(person, 'Beneficiario', 'true')).toBe(true);
    expect(matchesAttribute(person, 'Beneficiario', 'no')).toBe(false);
    expect(matchesAttribute(person, 'Inesistente', '')).toBe(false);
    expect(matchesAttribute(person, 'Settore', '')).toBe(true);
  });
});

// A small project: DV1 with a two-level subtree, Governance with a child answering DV2.
const codes = frozen([
  code('dv1', null, 'q1'),
  code('eff', 'dv1'),
  code('effG', 'eff'),
  code('gov'),
  code('govQ2', 'gov', 'q2'),
  code('altro'),
]);
const participants = frozen([
  participant('p1', { organisation: 'Comune di Bergamo' }),
  participant('p2', { organisation: 'Regione Lombardia' }),
  participant('p3', { organisation: 'Comune di Brescia' }),
]);
const sources = frozen([
  source('s1', {
    sessionCode: 'INT-01',
    participantIds: ['p1'],
    turns: [
      turn(0, 50, 'Intervistatore'),
      turn(50, 150, 'Sindaco', 'p1'),
      turn(150, 200, 'Intervistatore'),
      turn(200, 300, 'Sindaco', 'p1'),
    ],
    codings: [
      coding('c2', 'effG', 210, 250, { text: 'Città più vivace' }),
      coding('c1', 'eff', 60, 90, { key: true, text: 'I giovani hanno trovato lavoro' }),
      coding('c4', 'govQ2', 100, 220, { text: 'Coordinamento con la Regione' }),
      coding('c3', 'gov', 10, 40, { text: 'Come funziona la governance?' }),
    ],
  }),
  source('s2', {
    sessionCode: 'FG-01',
    participantIds: ['p2', 'p3'],
    turns: [
      turn(0, 100, 'Moderatore'),
      turn(100, 200, 'Dirigente', 'p2'),
      turn(200, 300, 'Funzionario', 'p3'),
    ],
    codings: [
      coding('c5', 'dv1', 150, 250, { key: true }),
      coding('c6', 'altro', 120, 130),
      coding('c7', 'eff', 5, 20),
    ],
  }),
  source('s3', { participantIds: ['p3'], codings: [coding('c8', 'gov', 0, 10)] }),
]);
const ids = (filter: SegmentFilter) =>
  retrieveSegments(sources, codes, participants, filter).map((segment) => segment.coding.id);

describe('retrieval', () => {
  it('returns every segment in source order, codings by start, without a filter', () => {
    expect(ids({})).toEqual(['c3', 'c1', 'c4', 'c2', 'c7', 'c6', 'c5', 'c8']);
    expect(ids({ codeIds: [], participantIds: [], sourceIds: [] })).toHaveLength(8);
  });

  it('describes who said each segment', () => {
    const [c4] = retrieveSegments(sources, codes, participants, { codeIds: ['govQ2'] });
    expect(c4).toEqual({
      sourceId: 's1',
      sourceTitle: 'Fonte s1',
      sessionCode: 'INT-01',
      coding: sources[0]!.codings[2],
      participantIds: ['p1'],
      speaker: 'Sindaco, Intervistatore',
    });
    const [c5] = retrieveSegments(sources, codes, participants, {
      codeIds: ['dv1'],
      sourceIds: ['s2'],
      keyOnly: true,
    });
    expect(c5).toMatchObject({ participantIds: ['p2', 'p3'], speaker: 'Dirigente, Funzionario' });
  });

  it('retrieves a code with the codes below it', () => {
    expect(ids({ codeIds: ['dv1'] })).toEqual(['c1', 'c2', 'c7', 'c5']);
    expect(ids({ codeIds: ['eff'] })).toEqual(['c1', 'c2', 'c7']);
    expect(ids({ codeIds: ['effG', 'altro'] })).toEqual(['c2', 'c6']);
  });

  it('retrieves by evaluation question, through ancestors', () => {
    expect(ids({ questionId: 'q1' })).toEqual(['c1', 'c2', 'c7', 'c5']);
    expect(ids({ questionId: 'q2' })).toEqual(['c4']);
    expect(ids({ questionId: 'q2', codeIds: ['gov'] })).toEqual(['c4']);
    expect(ids({ questionId: 'q1', codeIds: ['gov'] })).toEqual([]);
  });

  it('retrieves what a participant said, in turns or by the source', () => {
    expect(ids({ participantIds: ['p3'] })).toEqual(['c5', 'c8']);
    expect(ids({ participantIds: ['p1'] })).toEqual(['c1', 'c4', 'c2']);
    expect(ids({ participantIds: ['p2', 'nobody'] })).toEqual(['c6', 'c5']);
  });

  it('retrieves by participant attribute, accent- and case-insensitive', () => {
    expect(ids({ attribute: { key: 'organisation', value: 'comune' } })).toEqual([
      'c1',
      'c4',
      'c2',
      'c5',
      'c8',
    ]);
    expect(ids({ attribute: { key: 'organisation', value: 'regione' } })).toEqual(['c6', 'c5']);
  });

  it('filters by source, key quotations and words of the coded text', () => {
    expect(ids({ sourceIds: ['s2'], codeIds: ['dv1'] })).toEqual(['c7', 'c5']);
    expect(ids({ keyOnly: true })).toEqual(['c1', 'c5']);
    expect(ids({ text: 'citta' })).toEqual(['c2']);
    expect(ids({ text: '  LAVORO giovani ' })).toEqual(['c1']);
    expect(ids({ text: 'lavoro vivace' })).toEqual([]);
  });

  it('returns all 10,000 segments of 50 sources, in source order', () => {
    const bigCodes = [
      code('root'),
      ...Array.from({ length: 29 }, (_, i) => code(`k${i}`, i < 5 ? 'root' : `k${i % 5}`)),
    ];
    const bigSources = Array.from({ length: 50 }, (_, s) =>
      source(`b${s}`, {
        text: 'x'.repeat(100_000),
        participantIds: ['p1', 'p2'],
        turns: Array.from({ length: 400 }, (_, t) =>
          turn(t * 250, t * 250 + 250, t % 2 ? 'Intervistatore' : 'P', t % 2 ? null : `p${t % 3}`),
        ),
        codings: Array.from({ length: 200 }, (_, c) =>
          coding(`b${s}-${c}`, `k${c % 29}`, 100_000 - (c + 1) * 480, 100_000 - c * 480 - 100),
        ),
      }),
    );
    const segments = retrieveSegments(bigSources, bigCodes, participants, { codeIds: ['root'] });
    expect(segments).toHaveLength(10_000);
    expect(segments[0]!.coding.start).toBeLessThan(segments[1]!.coding.start);
  });
});

describe('framework matrix', () => {
  it('puts each passage in the cells of its speakers and questions', () => {
    const matrix = frameworkMatrix(sources, codes, participants, [{ id: 'q1' }, { id: 'q2' }]);
    const cells = Object.fromEntries(
      [...matrix].map(([key, segments]) => [key, segments.map((segment) => segment.coding.id)]),
    );
    expect(cells).toEqual({
      'p1|q1': ['c1', 'c2'],
      'p1|q2': ['c4'],
      'p2|q1': ['c5'],
      'p3|q1': ['c5'],
    });
  });

  it('leaves out participants and questions not asked for', () => {
    const matrix = frameworkMatrix(sources, codes, [{ id: 'p1' }, { id: 'p2' }], [{ id: 'q1' }]);
    expect([...matrix.keys()]).toEqual(['p1|q1', 'p2|q1']);
  });

  it('counts a child with its own question under its ancestor question too', () => {
    const nested = [code('top', null, 'q1'), code('sub', 'top', 'q2')];
    const one = [
      source('n', {
        turns: [turn(0, 10, 'A', 'pA')],
        codings: [coding('only', 'sub', 0, 5)],
      }),
    ];
    const matrix = frameworkMatrix(one, nested, [{ id: 'pA' }], [{ id: 'q1' }, { id: 'q2' }]);
    expect([...matrix.keys()]).toEqual(['pA|q1', 'pA|q2']);
  });
});

describe('quotation', () => {
  it('cites the text in guillemets with the pseudonym, whitespace collapsed', () => {
    expect(quotation('  Il bando   era\n\ttroppo rigido…  ', 'INT-03')).toBe(
      '«Il bando era troppo rigido…» (INT-03)',
    );
    expect(quotation('[...] poi   funziona', ' FG-01-P2 ')).toBe('«[...] poi funziona» (FG-01-P2)');
    expect(quotation('Senza fonte', '')).toBe('«Senza fonte»');
    // An English report quotes in English (walk-through 8 found «…» there).
    expect(quotation(' The call was late ', 'INT-03', 'en')).toBe('“The call was late” (INT-03)');
  });
});
