import { stat } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CampoError } from '../../shared/ipc/errors';
import { CURRENT_SCHEMA_VERSION, type ProjectFile } from '../../shared/model/project';
import type { SourceFile } from '../../shared/model/source';
import { listBackups, projectDataFiles } from './store/backups';
import { layerCodec, projectCodec, sourceCodec } from './store/codecs';
import { viewOf } from './store/layers';
import { SourceStore } from './store/source-store';
import { readJsonFile } from './store/durable-file';
import { toUserFsError } from './store/fs-errors';
import { PROJECT_FILE, SOURCES_DIR } from './store/layout';
import { inspectLock, type LockInfo } from './store/lock';
import { migrateFolder, schemaVersionOf } from './store/migrations';
import { describeCorruption, pendingRestore } from './store/recovery';

/** A problem found by the check, as a catalogue key with its parameters. */
export type InspectionProblem =
  | { key: 'cli.problem.restorePending'; backupId: string }
  | { key: 'cli.problem.sourceMissing'; id: string }
  | { key: 'cli.problem.sourceInvalid'; file: string; reason: string }
  | { key: 'cli.problem.orphan'; file: string }
  | { key: 'cli.problem.drifted'; file: string; count: number };

export interface ProjectReport {
  path: string;
  title: string;
  programme: string;
  schemaVersion: number;
  counts: {
    questions: number;
    participants: number;
    indicators: number;
    codes: number;
    interviews: number;
    focusGroups: number;
    ngtSessions: number;
    sources: number;
    turns: number;
    characters: number;
    codings: number;
  };
  backups: number;
  lock: { info: LockInfo | null; stale: boolean } | null;
  problems: InspectionProblem[];
}

/** A project as read from disk without its lock: for checks and exports from the command line. */
export interface UnlockedProject {
  project: ProjectFile;
  /** The sources that could be read, by id. */
  sources: Map<string, SourceFile>;
  schemaVersion: number;
  problems: InspectionProblem[];
}

/** How long a check waits for the app to finish a save before it reports what it sees. */
const SETTLE_MS = 150;
const SETTLE_ATTEMPTS = 10;

/** Size, time and inode of project.json: whether it was replaced between two reads. */
async function projectStamp(dir: string): Promise<string> {
  const info = await stat(join(dir, PROJECT_FILE)).catch(() => null);
  return info ? `${info.size}:${info.mtimeMs}:${info.ino}` : 'missing';
}

/**
 * Reads a project without taking its lock and without writing anything, every file checked
 * against the schema. An older format is migrated in memory only. The app may be saving
 * meanwhile (a source is written before project.json lists it, and set aside before it is
 * forgotten), so problems are reported only once two reads a moment apart, with project.json
 * unchanged between them, find the same ones; when the saves never pause, only those every read
 * found.
 */
export async function readProjectUnlocked(dir: string): Promise<UnlockedProject> {
  let stamp = await projectStamp(dir);
  let read = await readProjectOnce(dir);
  // Problems seen by every read so far: one the app is saving its way through (a source written
  // before project.json lists it) shows in one read and not the next; a real one in all.
  let everyTime = read.problems;
  for (let attempt = 0; attempt < SETTLE_ATTEMPTS && read.problems.length > 0; attempt += 1) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_MS));
    const nextStamp = await projectStamp(dir);
    const next = await readProjectOnce(dir);
    const settled =
      nextStamp === stamp &&
      (await projectStamp(dir)) === stamp &&
      JSON.stringify(next.problems) === JSON.stringify(read.problems);
    if (settled) return next;
    const seen = new Set(next.problems.map((problem) => JSON.stringify(problem)));
    everyTime = everyTime.filter((problem) => seen.has(JSON.stringify(problem)));
    stamp = nextStamp;
    read = next;
  }
  // Never settled (the app saved all along): what every read found, not one read's snapshot.
  return { ...read, problems: everyTime };
}

async function readProjectOnce(dir: string): Promise<UnlockedProject> {
  await stat(dir).catch((error: unknown) => {
    throw toUserFsError(error, dir);
  });
  const projectPath = join(dir, PROJECT_FILE);
  const read = await readJsonFile(projectPath);
  if (read.status === 'missing' && (await listBackups(dir)).length === 0) {
    throw new CampoError('NOT_A_PROJECT', `${dir} has no ${PROJECT_FILE}`, { path: dir });
  }
  if (read.status !== 'ok')
    throw await describeCorruption(dir, read.status === 'missing' ? 'missing' : read.reason);

  const schemaVersion = schemaVersionOf(read.value);
  let project: ProjectFile;
  const sources = new Map<string, SourceFile>();
  const problems: InspectionProblem[] = [];
  if (schemaVersion < CURRENT_SCHEMA_VERSION) {
    // An older format, migrated in memory only (the files stay as they are).
    const raw = new Map<string, Record<string, unknown>>();
    if (schemaVersion >= 1) {
      for (const file of (await projectDataFiles(dir)).filter((f) => f.startsWith(SOURCES_DIR))) {
        const sourceRead = await readJsonFile(join(dir, file));
        if (sourceRead.status === 'ok') raw.set(basename(file, '.json'), sourceRead.value as never);
        else problems.push({ key: 'cli.problem.sourceInvalid', file, reason: sourceRead.status });
      }
    }
    const migrated = migrateFolder(
      { project: read.value as Record<string, unknown>, sources: raw },
      { newId: () => 'preview', now: () => new Date().toISOString() },
    );
    project = projectCodec.parse(migrated.project, projectPath);
    for (const [id, doc] of migrated.sources) {
      const layers = [...(migrated.layers ?? [])]
        .filter(([key]) => key.startsWith(`${id}/`))
        .map(([key, layer]) => layerCodec.parse(layer, key));
      sources.set(id, viewOf(sourceCodec.parse(doc, id), layers).view);
    }
  } else {
    try {
      project = projectCodec.parse(read.value, projectPath);
    } catch (error) {
      if (error instanceof CampoError && error.code === 'PROJECT_CORRUPT') {
        throw await describeCorruption(dir, String(error.details?.reason));
      }
      throw error;
    }
    const restoring = await pendingRestore(dir);
    const files = new Set(
      (await projectDataFiles(dir)).filter((file) => file.startsWith(`${SOURCES_DIR}/`)),
    );
    const store = new SourceStore(dir, { readOnly: true, textBudgetBytes: 1 });
    for (const summary of project.sources) {
      const file = `${SOURCES_DIR}/${summary.id}.json`;
      files.delete(file);
      try {
        const view = await store.view(summary.id);
        sources.set(summary.id, view);
        const drifted = store.drifted.get(summary.id) ?? 0;
        if (drifted > 0) problems.push({ key: 'cli.problem.drifted', file, count: drifted });
      } catch (error) {
        if (error instanceof CampoError && error.code === 'NOT_FOUND') {
          problems.push({ key: 'cli.problem.sourceMissing', id: summary.id });
          continue;
        }
        const reason =
          error instanceof CampoError
            ? String(error.details?.reason ?? error.message)
            : String(error);
        const where = error instanceof CampoError ? String(error.details?.file ?? file) : file;
        problems.push({ key: 'cli.problem.sourceInvalid', file: where, reason });
      }
      store.forget(summary.id);
    }
    for (const file of files) problems.push({ key: 'cli.problem.orphan', file: basename(file) });
    // Mid-restore, the files are partly the backup's: what matters is that it will be finished.
    if (restoring)
      problems.splice(0, problems.length, {
        key: 'cli.problem.restorePending',
        backupId: restoring,
      });
  }

  return { project, sources, schemaVersion, problems };
}

/** Counts, format version, lock and problems of a project, read without its lock. */
export async function inspectProject(dir: string): Promise<ProjectReport> {
  const { project, sources, schemaVersion, problems } = await readProjectUnlocked(dir);
  const lock = await inspectLock(dir);
  const loaded = [...sources.values()];
  return {
    path: dir,
    title: project.meta.title,
    programme: project.meta.programme,
    schemaVersion,
    counts: {
      questions: project.questions.length,
      participants: project.participants.length,
      indicators: project.indicators.length,
      codes: project.codes.length,
      interviews: project.sessions.filter((s) => s.kind === 'interview').length,
      focusGroups: project.sessions.filter((s) => s.kind === 'focusGroup').length,
      ngtSessions: project.ngtSessions.length,
      sources: project.sources.length,
      turns: loaded.reduce((sum, source) => sum + source.turns.length, 0),
      characters: loaded.reduce((sum, source) => sum + source.text.length, 0),
      codings: loaded.reduce((sum, source) => sum + source.codings.length, 0),
    },
    backups: (await listBackups(dir)).length,
    lock: lock.state === 'held' ? { info: lock.info, stale: lock.stale } : null,
    problems,
  };
}
