import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { z } from 'zod';
import { NgtRuleSchema } from '../../shared/model/ngt';
import { speakersWithMapping } from '../../shared/domain/speaker-mapping';
import { describeIssues } from '../../shared/model/issues';
import {
  EvaluationQuestionSchema,
  FieldSessionSchema,
  IndicatorSchema,
  ParticipantSchema,
  ProjectMetaSchema,
} from '../../shared/model/project';
import { writeDemoCoding, writeDemoMatrices, writeDemoNgt } from './demo-content';
import { parseTranscriptBytes } from './import/transcript-parse';
import { addTranscript } from './sources';
import type { ProjectSession } from './store/project-session';
import { createProject, type StoreOptions } from './store/project-store';

/** Folder name of the demo project in the user's projects folder. */
export const DEMO_PROJECT_NAME = 'Demo POR FSE Lombardia';

/** resources/demo/demo.json: the project as plain data, references by code instead of by id. */
const DemoSpecSchema = z.strictObject({
  meta: ProjectMetaSchema.strict(),
  questions: z.array(EvaluationQuestionSchema.omit({ id: true }).strict()),
  participants: z.array(ParticipantSchema.omit({ id: true }).strict()),
  indicators: z.array(IndicatorSchema.omit({ id: true }).strict()),
  sessions: z.array(
    FieldSessionSchema.pick({
      kind: true,
      code: true,
      title: true,
      date: true,
      time: true,
      mode: true,
      place: true,
      interviewer: true,
      status: true,
    })
      .extend({
        participants: z.array(z.string()),
        guide: z.array(z.strictObject({ text: z.string().min(1), questions: z.array(z.string()) })),
      })
      .strict(),
  ),
  transcripts: z.array(
    z.strictObject({
      file: z.string().regex(/^transcripts\/[a-z0-9-]+\.(txt|vtt|srt)$/),
      title: z.string().min(1),
      participants: z.array(z.string()),
      fictional: z.boolean(),
      session: z.string(),
    }),
  ),
  /** Codes besides the DVs' own; `parent` is a code name or a DV code. */
  codes: z.array(
    z.strictObject({
      name: z.string().min(1),
      colour: z.string(),
      description: z.string(),
      parent: z.string().nullable(),
    }),
  ),
  /** A completed NGT session: ideas by author pseudonym, ranking cards from first place down. */
  ngt: z.strictObject({
    question: z.string().min(1),
    date: z.iso.date(),
    place: z.string(),
    facilitator: z.string(),
    questions: z.array(z.string()),
    participants: z.array(ParticipantSchema.omit({ id: true }).partial().required({ code: true })),
    ideas: z.array(
      z.strictObject({
        text: z.string().min(1),
        author: z.string(),
        mergedInto: z.string().optional(),
      }),
    ),
    rule: NgtRuleSchema,
    ballots: z.array(z.strictObject({ participant: z.string(), ranking: z.array(z.string()) })),
    clarifications: z.record(z.string(), z.string()),
  }),
  /** Ratings by Italian level label, rows × columns of the integration template, and rationales by "row prefix|column". */
  integrationMatrix: z.strictObject({
    coordination: z.array(z.array(z.string())),
    complementarity: z.array(z.array(z.string())),
    rationale: z.record(z.string(), z.string()),
  }),
  /** One rating per Europe 2020 target of the template, and rationales by target. */
  europe2020Matrix: z.strictObject({
    contribution: z.array(z.string()),
    rationale: z.record(z.string(), z.string()),
  }),
  /**
   * Example codings: a passage quoted exactly from a transcript, its code (name or DV), and
   * whether it is a key quotation (printed in the report's DV chapter).
   */
  codings: z.array(
    z.strictObject({
      transcript: z.string(),
      code: z.string(),
      passage: z.string().min(1),
      key: z.boolean().default(false),
    }),
  ),
});
export type DemoSpec = z.infer<typeof DemoSpecSchema>;

/** Reads and checks resources/demo/demo.json. */
export async function loadDemoSpec(resourcesDir: string): Promise<DemoSpec> {
  const raw = JSON.parse(
    await readFile(join(resourcesDir, 'demo', 'demo.json'), 'utf8'),
  ) as unknown;
  const parsed = DemoSpecSchema.safeParse(raw);
  if (!parsed.success) throw new Error(`resources/demo/demo.json: ${describeIssues(parsed.error)}`);
  return parsed.data;
}

/** Looks a code up in a map, or says which reference of the demo file is broken. */
export function resolve(ids: Map<string, string>, code: string, what: string): string {
  const id = ids.get(code);
  if (!id) throw new Error(`resources/demo/demo.json: unknown ${what} ${code}`);
  return id;
}

/**
 * Writes the demo project (built from the public seed report, with fictional interviews) into
 * `<parentDir>/<name>.campo` through the same calls the app uses — transcripts go through the
 * real importers — and returns it open.
 */
export async function writeDemoProject(
  parentDir: string,
  resourcesDir: string,
  options: StoreOptions & { name?: string } = {},
): Promise<ProjectSession> {
  const spec = await loadDemoSpec(resourcesDir);
  const session = await createProject(
    { parentDir, name: options.name ?? DEMO_PROJECT_NAME, meta: spec.meta },
    options,
  );
  try {
    const questions = spec.questions.map((q) => ({ ...q, id: randomUUID() }));
    const participants = spec.participants.map((p) => ({ ...p, id: randomUUID() }));
    const questionIds = new Map(questions.map((q) => [q.code, q.id]));
    const participantIds = new Map(participants.map((p) => [p.code, p.id]));
    const sessions = spec.sessions.map(({ participants: codes, guide, ...rest }) =>
      FieldSessionSchema.parse({
        ...rest,
        id: randomUUID(),
        participantIds: codes.map((code) => resolve(participantIds, code, 'participant')),
        guide: guide.map((item) => ({
          id: randomUUID(),
          text: item.text,
          questionIds: item.questions.map((code) => resolve(questionIds, code, 'question')),
        })),
      }),
    );
    await session.mutate((project) => {
      project.questions = questions;
      project.participants = participants;
      project.indicators = spec.indicators.map((i) => ({ ...i, id: randomUUID() }));
      project.sessions = sessions;
    });
    const sessionIds = new Map(sessions.map((s) => [s.code, s.id]));
    const sourceIds = new Map<string, string>();
    for (const transcript of spec.transcripts) {
      const bytes = await readFile(join(resourcesDir, 'demo', transcript.file));
      const parsed = await parseTranscriptBytes(bytes, basename(transcript.file));
      const { mapping } = speakersWithMapping(parsed.turns, participants);
      const summary = await addTranscript(session, {
        title: transcript.title,
        origin: 'demo',
        fictional: transcript.fictional,
        text: parsed.text,
        turns: parsed.turns.map((turn) => ({
          ...turn,
          participantId: mapping[turn.speaker] ?? null,
        })),
        sessionId: resolve(sessionIds, transcript.session, 'session'),
      });
      sourceIds.set(transcript.file, summary.id);
    }
    await writeDemoCoding(session, spec, questions, sourceIds);
    await writeDemoNgt(session, spec.ngt, questionIds);
    await writeDemoMatrices(session, spec);
    // A new project's files are whole: its codings in their layer files, not in the journal.
    await session.checkpoint();
    // Its first snapshot was taken at its first save, half built: the newest is the whole demo.
    await session.backupNow();
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}
