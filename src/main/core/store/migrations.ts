import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';

type Json = Record<string, unknown>;

/** A project folder as raw JSON: what migrations read and return, before any zod validation. */
export interface RawProjectFolder {
  project: Json;
  /** Source files by id, each with its own schemaVersion. */
  sources: Map<string, Json>;
}

/** Seams so a migration is deterministic under test. */
export interface MigrationContext {
  newId(): string;
  now(): string;
}

/**
 * One numbered step: turns a folder at `version - 1` into `version`. Steps run on the raw JSON,
 * never on the current types, so an old step keeps working when the model moves on. Never edit
 * a released step: add the next one.
 */
export interface Migration {
  version: number;
  description: string;
  up(folder: RawProjectFolder, context: MigrationContext): RawProjectFolder;
}

/** The version a raw file declares; files of the pre-release prototype have none (version 0). */
export function schemaVersionOf(raw: unknown): number {
  if (typeof raw !== 'object' || raw === null) return 0;
  const version = (raw as Json).schemaVersion;
  return typeof version === 'number' && Number.isInteger(version) && version >= 0 ? version : 0;
}

const asArray = (value: unknown): Json[] =>
  Array.isArray(value)
    ? value.filter((item): item is Json => typeof item === 'object' && !!item)
    : [];
const asString = (value: unknown): string => (typeof value === 'string' ? value : '');

/**
 * v0 → v1. The prototype kept everything in one project.json: `name`, `programme`, `created`,
 * `questions` ({ code, question, criterion, methods: "a; b" }), `participants` ({ pseudonym,
 * name, role, organisation }) and `documents` ({ title, text }) inline. v1 moves each document
 * to sources/<id>.json (a coding edit then rewrites one small file), gives every entity an id
 * and groups the project's descriptive fields under `meta`.
 */
const v1ShardSources: Migration = {
  version: 1,
  description: 'Split inline documents into sources/<id>.json; ids and meta',
  up({ project }, { newId, now }) {
    const createdAt = asString(project.created) || now();
    const sources = new Map<string, Json>();
    const summaries: Json[] = [];
    for (const [index, document] of asArray(project.documents).entries()) {
      // Deterministic ids: a run interrupted after writing some sources rewrites the same files.
      const id = `legacy-doc-${index + 1}`;
      const text = asString(document.text).replace(/\r\n?/g, '\n');
      const title = asString(document.title).trim() || `Documento ${summaries.length + 1}`;
      sources.set(id, {
        schemaVersion: 1,
        id,
        title,
        kind: 'transcript',
        origin: 'txt',
        text,
        turns: [],
        codings: [],
        memos: [],
        createdAt,
        updatedAt: now(),
      });
      summaries.push({
        id,
        title,
        kind: 'transcript',
        origin: 'txt',
        characters: text.length,
        createdAt,
        updatedAt: now(),
      });
    }
    const migrated: Json = {
      schemaVersion: 1,
      app: 'campo',
      id: newId(),
      createdAt,
      updatedAt: now(),
      meta: {
        title: asString(project.name).trim() || 'Progetto senza titolo',
        programme: asString(project.programme),
      },
      questions: asArray(project.questions).map((question, index) => ({
        id: newId(),
        code: asString(question.code).trim() || `DV${index + 1}`,
        text: asString(question.question).trim() || '(senza testo)',
        criterion: asString(question.criterion),
        methods: asString(question.methods)
          .split(';')
          .map((method) => method.trim())
          .filter(Boolean),
      })),
      participants: asArray(project.participants).map((participant, index) => ({
        id: newId(),
        code: asString(participant.pseudonym).trim() || `INT-${String(index + 1).padStart(2, '0')}`,
        name: asString(participant.name),
        role: asString(participant.role),
        organisation: asString(participant.organisation),
      })),
      sources: summaries,
    };
    return { project: migrated, sources };
  },
};

/** Every migration, in order. The last one's version is CURRENT_SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v1ShardSources];

/**
 * Brings a raw folder from `fromVersion` to the current schema, one step at a time. Each source
 * is passed only to the steps above its own version, so a migration interrupted half-way (some
 * sources already rewritten) resumes correctly.
 */
export function migrateFolder(
  folder: RawProjectFolder,
  context: MigrationContext,
  migrations: readonly Migration[] = MIGRATIONS,
): RawProjectFolder {
  const fromVersion = schemaVersionOf(folder.project);
  let current: RawProjectFolder = { project: folder.project, sources: new Map(folder.sources) };
  for (const step of migrations) {
    if (step.version <= fromVersion) continue;
    const pending = new Map(
      [...current.sources].filter(([, raw]) => schemaVersionOf(raw) < step.version),
    );
    const done = [...current.sources].filter(([, raw]) => schemaVersionOf(raw) >= step.version);
    const next = step.up({ project: current.project, sources: pending }, context);
    current = { project: next.project, sources: new Map([...done, ...next.sources]) };
  }
  return current;
}

/** Migration steps must be numbered 1…CURRENT_SCHEMA_VERSION without gaps (checked by a test). */
export function migrationsAreContiguous(migrations: readonly Migration[] = MIGRATIONS): boolean {
  return (
    migrations.every((step, index) => step.version === index + 1) &&
    migrations.at(-1)?.version === CURRENT_SCHEMA_VERSION
  );
}
