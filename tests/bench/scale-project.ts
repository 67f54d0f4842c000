/**
 * Synthetic evaluation projects at the three scales of the benchmark (S, M, L), written through
 * Campo's own store (createProject, addSource, mutate: validated and durable, exactly the files
 * the app writes), but without the per-call IPC of an import so that L (1,000 transcripts,
 * 100,000 codings) builds in a minute or two. Seeded: every run measures the same data.
 */
import { randomUUID } from 'node:crypto';
import { createProject } from '../../src/main/core/store/project-store';
import type { ProjectSession } from '../../src/main/core/store/project-session';
import { applyCoding } from '../../src/shared/domain/coding';
import { syncQuestionCodes } from '../../src/shared/domain/codebook';
import { integrationTemplate } from '../../src/shared/domain/matrix-templates';
import { parseSpeakerLines } from '../../src/shared/domain/speaker-lines';
import { CodeSchema, ParticipantSchema, type Code } from '../../src/shared/model/project';
import { NgtSessionSchema } from '../../src/shared/model/ngt';
import type { SourceFile } from '../../src/shared/model/source';
import { participants, planCodings, random, transcriptFile } from './synthetic';

/** One scale of the benchmark (issues 9 and 17). */
export interface ScaleSpec {
  name: 'S' | 'M' | 'L' | 'XL';
  transcripts: number;
  /** About 10,000 words: 65,000 characters of Italian-like speech. */
  charsPerTranscript: number;
  codings: number;
  codes: number;
}

export const SCALES: Record<ScaleSpec['name'], ScaleSpec> = {
  S: { name: 'S', transcripts: 30, charsPerTranscript: 65_000, codings: 1_000, codes: 60 },
  M: { name: 'M', transcripts: 100, charsPerTranscript: 65_000, codings: 10_000, codes: 300 },
  L: { name: 'L', transcripts: 1_000, charsPerTranscript: 65_000, codings: 100_000, codes: 300 },
  XL: { name: 'XL', transcripts: 3_000, charsPerTranscript: 65_000, codings: 300_000, codes: 300 },
};

/** The evaluator the bench codes as (its cores' settings say the same): one layer per source. */
export const BENCH_EVALUATOR = { id: 'bench', name: 'Bench' };

/** What the SQLite peer is fed: the same project, one JSON line per record (see peer.ts). */
export interface PeerDump {
  code(index: number, code: Code, parentIndex: number | null): void;
  source(index: number, source: SourceFile, participantIndex: number[]): void;
  participant(index: number, code: string): void;
}

/** The large source every scale also holds: a 300,000-character focus group. */
export const LARGE_SOURCE_CHARS = 300_000;

/** What the measurements need to find in the built project. */
export interface ScaleProject {
  dir: string;
  smallSourceId: string;
  largeSourceId: string;
  codeIds: string[];
  /** A code with about the average number of codings (retrieval of "one code"). */
  typicalCodeId: string;
  /** A code nothing is coded with: measured codings use it, so they are never united. */
  spareCodeId: string;
  characters: number;
  codingCount: number;
}

const QUESTIONS = [
  'Efficacia degli interventi sulla città?',
  'Contributo del partenariato?',
  'Coerenza con la strategia regionale?',
  'Efficienza nell’uso delle risorse?',
  'Sostenibilità dei risultati?',
  'Inclusione dei gruppi più fragili?',
  'Innovazione nella governance?',
  'Qualità del monitoraggio?',
];

/** 8 DV codes plus thematic codes in a two-level tree (a theme every 6 codes). */
function codebook(total: number, questionIds: string[]): Code[] {
  const questions = QUESTIONS.map((text, i) => ({
    id: questionIds[i]!,
    code: `DV${i + 1}`,
    text,
  }));
  const codes = syncQuestionCodes([], questions as never, randomUUID).codes;
  let parentId: string | null = null;
  for (let i = codes.length; i < total; i++) {
    const isTheme = (i - codes.length) % 6 === 0;
    const code = CodeSchema.parse({
      id: randomUUID(),
      name: isTheme ? `Tema ${i} – città e comunità` : `Sottocodice ${i} perché`,
      parentId: isTheme ? null : parentId,
    });
    if (isTheme) parentId = code.id;
    codes.push(code);
  }
  return codes;
}

/** A transcript as the import makes it: utterances as text, speaker turns, mapped speakers. */
function transcript(
  title: string,
  chars: number,
  speakers: Array<{ code: string; id: string }>,
  seed: number,
  rare: number,
): SourceFile {
  const parsed = parseSpeakerLines(
    transcriptFile(
      chars,
      speakers.map((s) => s.code),
      seed,
      rare,
    ),
  );
  const ids = new Map(speakers.map((s) => [s.code, s.id]));
  const now = new Date().toISOString();
  return {
    schemaVersion: 2,
    id: randomUUID(),
    title,
    kind: 'transcript',
    origin: 'txt',
    fictional: true,
    text: parsed.text,
    turns: parsed.turns.map((turn) => ({
      id: randomUUID(),
      start: turn.start,
      end: turn.end,
      speaker: turn.speaker,
      participantId: ids.get(turn.speaker) ?? null,
      time: turn.time,
      guideQuestionId: null,
      questionIds: [],
    })),
    codings: [],
    memos: [],
    createdAt: now,
    updatedAt: now,
  };
}

/** Codes `count` passages of `source` through the domain's own applyCoding. */
function code(source: SourceFile, count: number, codeIds: readonly string[], offset: number) {
  const now = new Date().toISOString();
  for (const planned of planCodings(source.text, count, codeIds, offset)) {
    source.codings = applyCoding(source.codings, source.text, {
      id: randomUUID(),
      ...planned,
      coderId: BENCH_EVALUATOR.id,
      createdAt: now,
    });
  }
}

/** An NGT session with 10 participants, 12 ideas and 10 valid top-5 cards. */
function ngtSession(participantIds: string[]) {
  const rng = random(99);
  const now = new Date().toISOString();
  const ideas = Array.from({ length: 12 }, (_, i) => ({
    id: randomUUID(),
    code: `I${i + 1}`,
    text: `Idea ${i + 1}: più attività di rete nella comunità`,
    authorId: participantIds[i % participantIds.length]!,
    createdAt: now,
  }));
  const ballots = participantIds.map((participantId) => {
    const order = [...ideas].sort(() => rng() - 0.5).slice(0, 5);
    return {
      participantId,
      points: Object.fromEntries(order.map((idea, rank) => [idea.id, 5 - rank])),
      enteredAt: now,
    };
  });
  return NgtSessionSchema.parse({
    id: randomUUID(),
    code: 'NGT-01',
    question: 'Quali priorità per la programmazione 2021-2027?',
    date: '2026-03-10',
    participantIds,
    rule: { kind: 'rank-top-k', k: 5, tieBreak: ['votes', 'top-votes'] },
    step: 'closed',
    ideas,
    votes: [{ id: randomUUID(), kind: 'vote', ideaIds: ideas.map((i) => i.id), ballots }],
  });
}

/** Builds a scale's project in `parentDir` and closes it; progress goes to `log`. */
export async function buildScaleProject(
  parentDir: string,
  spec: ScaleSpec,
  log: (message: string) => void,
  dump?: PeerDump,
): Promise<ScaleProject> {
  const session: ProjectSession = await createProject(
    {
      parentDir,
      name: `Valutazione ${spec.name}`,
      meta: { programme: 'POR FSE 2014-2020 (sintetico)' },
    },
    { evaluator: BENCH_EVALUATOR },
  );
  const questionIds = QUESTIONS.map(() => randomUUID());
  const codes = codebook(spec.codes, questionIds);
  const people = participants(spec.transcripts).map((p) =>
    ParticipantSchema.parse({ ...p, id: randomUUID(), partnershipType: 'istituzionale' }),
  );
  const matrix = integrationTemplate(randomUUID);
  const cells = matrix.rows.flatMap((row, r) =>
    matrix.columns.map((column, c) => ({
      rowId: row.id,
      columnId: column.id,
      ratings: Object.fromEntries(
        matrix.dimensions.map((d, k) => [d.id, matrix.scale[(r + c + k) % 3]!.id]),
      ),
      rationale: 'Integrazione prevista dalla strategia regionale.',
      evidence: [],
    })),
  );
  await session.mutate((project) => {
    project.questions = QUESTIONS.map((text, i) => ({
      id: questionIds[i]!,
      code: `DV${i + 1}`,
      text,
      criterion: '',
      judgementCriteria: '',
      indicators: '',
      sources: '',
      methods: [],
      subQuestions: [],
      answer: '',
    }));
    project.codes = codes;
    project.participants = people;
    project.ngtSessions = [ngtSession(people.slice(0, 10).map((p) => p.id))];
    project.matrices = [{ ...matrix, id: randomUUID(), cells }];
  });

  const codeIndex = new Map(codes.map((c, i) => [c.id, i]));
  codes.forEach((c, i) =>
    dump?.code(i, c, c.parentId === null ? null : codeIndex.get(c.parentId)!),
  );
  people.forEach((p, i) => dump?.participant(i, p.code));
  const codeIds = codes.slice(0, -1).map((c) => c.id);
  const perSource = Math.round(spec.codings / spec.transcripts);
  let characters = 0;
  let codingCount = 0;
  let smallSourceId = '';
  for (let i = 0; i < spec.transcripts; i++) {
    const person = people[i]!;
    const source = transcript(
      `Intervista ${person.code}`,
      spec.charsPerTranscript,
      [person],
      1_000 + i,
      i % 10 === 0 ? 2 : 0,
    );
    code(source, perSource, codeIds, i * 7);
    characters += source.text.length;
    codingCount += source.codings.length;
    dump?.source(i, source, [i]);
    await session.addSource(source, [person.id]);
    if (i === 0) smallSourceId = source.id;
    if ((i + 1) % 100 === 0) log(`${spec.name}: ${i + 1}/${spec.transcripts} transcripts`);
  }
  const group = people.slice(0, 6);
  const large = transcript('Focus group lungo', LARGE_SOURCE_CHARS, group, 7, 3);
  code(large, 200, codeIds, 3);
  characters += large.text.length;
  codingCount += large.codings.length;
  dump?.source(spec.transcripts, large, [0, 1, 2, 3, 4, 5]);
  await session.addSource(
    large,
    group.map((p) => p.id),
  );
  // A project in use has its caches (counts, search index): built before the measurements.
  log(`${spec.name}: indexing…`);
  await session.caches.ready();
  await session.close();
  return {
    dir: session.dir,
    smallSourceId,
    largeSourceId: large.id,
    codeIds,
    // Thematic codes after the DV codes get codings in turn: any of them is typical.
    typicalCodeId: codeIds[9]!,
    spareCodeId: codes.at(-1)!.id,
    characters,
    codingCount,
  };
}

/**
 * Saves measured per figure (Campo, its write floors, the SQLite peer): at least 200, whatever
 * `--runs` says, since a p95 of 30 samples is their second slowest. Saves take about a
 * millisecond, so 200 cost nothing.
 */
export const saveRuns = (runs: number): number => Math.max(runs, 200);
