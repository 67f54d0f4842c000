import { randomUUID } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { z } from 'zod';
import { parseSpeakerLines } from '../../shared/domain/speaker-lines';
import {
  CURRENT_SCHEMA_VERSION,
  EvaluationQuestionSchema,
  IndicatorSchema,
  ParticipantSchema,
  ProjectMetaSchema,
} from '../../shared/model/project';
import { describeIssues } from '../../shared/model/issues';
import { createProject, type StoreOptions } from './store/project-store';
import type { ProjectSession } from './store/project-session';

/** Folder name of the demo project in the user's projects folder. */
export const DEMO_PROJECT_NAME = 'Demo POR FSE Lombardia';

const DemoSpecSchema = z.strictObject({
  meta: ProjectMetaSchema.strict(),
  questions: z.array(EvaluationQuestionSchema.omit({ id: true }).strict()),
  participants: z.array(ParticipantSchema.omit({ id: true }).strict()),
  indicators: z.array(IndicatorSchema.omit({ id: true }).strict()),
  transcripts: z.array(
    z.strictObject({
      file: z.string().regex(/^transcripts\/[a-z0-9-]+\.txt$/),
      title: z.string().min(1),
      participants: z.array(z.string()),
      fictional: z.boolean(),
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

/**
 * Writes the demo project (built from the public seed report, with fictional interviews) into
 * `<parentDir>/<name>.campo` through the same store calls the app uses, and returns it open.
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
    const participants = spec.participants.map((p) => ({ ...p, id: randomUUID() }));
    await session.mutate((project) => {
      project.questions = spec.questions.map((q) => ({ ...q, id: randomUUID() }));
      project.participants = participants;
      project.indicators = spec.indicators.map((i) => ({ ...i, id: randomUUID() }));
    });
    const byCode = new Map(participants.map((p) => [p.code, p.id]));
    for (const transcript of spec.transcripts) {
      const content = await readFile(join(resourcesDir, 'demo', transcript.file), 'utf8');
      const { text, turns } = parseSpeakerLines(content);
      const now = new Date().toISOString();
      await session.addSource(
        {
          schemaVersion: CURRENT_SCHEMA_VERSION,
          id: randomUUID(),
          title: transcript.title,
          kind: 'transcript',
          origin: 'demo',
          fictional: transcript.fictional,
          text,
          turns: turns.map((turn) => ({
            id: randomUUID(),
            ...turn,
            participantId: byCode.get(turn.speaker) ?? null,
          })),
          codings: [],
          memos: [],
          createdAt: now,
          updatedAt: now,
        },
        transcript.participants.flatMap((code) => byCode.get(code) ?? []),
      );
    }
    return session;
  } catch (error) {
    await session.close();
    throw error;
  }
}
