import { createHash } from 'node:crypto';
import { passageFingerprint } from '../../../shared/domain/fingerprint';
import { CURRENT_SCHEMA_VERSION, frameworkSummaryId } from '../../../shared/model/project';

type Json = Record<string, unknown>;

/** A project folder as raw JSON: what migrations read and return, before any zod validation. */
export interface RawProjectFolder {
  project: Json;
  /** Source files by id, each with its own schemaVersion. */
  sources: Map<string, Json>;
  /** Coder layers (v2), by `<sourceId>/<evaluatorId>`. */
  layers?: Map<string, Json>;
}

/** The evaluator migrating the project: the computer account's own codings become theirs. */
export interface LocalEvaluator {
  id: string;
  name: string;
  /** The computer account name v1 recorded as `coder`. */
  account: string;
}

/** Seams so a migration is deterministic under test. */
export interface MigrationContext {
  newId(): string;
  now(): string;
  local?: LocalEvaluator;
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

/**
 * The evaluator id of a v1 `coder` string: the local evaluator for the migrating account's own
 * name, else derived from the name (the same name gives the same id on every run and machine).
 */
export function evaluatorIdOf(coder: string, local: LocalEvaluator | undefined): string {
  if (local && coder === local.account) return local.id;
  return `ev-${createHash('sha256').update(`campo-coder:${coder}`).digest('hex').slice(0, 20)}`;
}

/** Stamps a v1 record for v2: revision 1, as of the project's last save, by nobody known. */
function stamped(record: Json, at: string): Json {
  return { ...record, rev: 1, updatedAt: at, updatedBy: null };
}

/** A v1 source as a v2 source document, its layers (by evaluator id), and the coders it named. */
export function migrateSourceV2(
  raw: Json,
  context: MigrationContext,
): { doc: Json; layers: Map<string, Json>; coders: Map<string, string> } {
  const id = asString(raw.id);
  const text = asString(raw.text);
  const at = asString(raw.updatedAt) || context.now();
  const coders = new Map<string, string>();
  const layers = new Map<string, Json>();
  const layerOf = (coderId: string): Json => {
    let layer = layers.get(coderId);
    if (!layer) {
      layer = {
        schemaVersion: 2,
        sourceId: id,
        coderId,
        textRev: 1,
        codings: [] as Json[],
        memos: [] as Json[],
        tombstones: [],
      };
      layers.set(coderId, layer);
    }
    return layer;
  };
  for (const coding of asArray(raw.codings)) {
    const coder = asString(coding.coder);
    const coderId = evaluatorIdOf(coder, context.local);
    coders.set(coderId, context.local && coderId === context.local.id ? context.local.name : coder);
    const start = Number(coding.start);
    const end = Number(coding.end);
    const kept = asString(coding.text);
    // A passage that no longer reads as it was coded is flagged, keeping its words.
    const flagged = coding.textChanged === true || text.slice(start, end) !== kept;
    const { coder: _coder, text: _text, ...fields } = coding;
    (layerOf(coderId).codings as Json[]).push({
      ...fields,
      fp: passageFingerprint(kept),
      ...(flagged ? { text: kept, textChanged: true } : {}),
      rev: 1,
      updatedAt: asString(coding.createdAt) || at,
      updatedBy: coderId,
    });
  }
  // v1 memos name no author: they become the migrating evaluator's.
  const memoAuthor = context.local?.id ?? evaluatorIdOf('', undefined);
  for (const memo of asArray(raw.memos)) {
    coders.set(memoAuthor, context.local?.name ?? '');
    (layerOf(memoAuthor).memos as Json[]).push({ ...memo, rev: 1, updatedBy: memoAuthor });
  }
  const { codings: _codings, memos: _memos, ...fields } = raw;
  const doc = { ...stamped(fields, at), schemaVersion: 2, textRev: 1 };
  return { doc, layers, coders };
}

/** A v1 project.json as v2: stamps, evaluators, framework summaries with ids, tombstones. */
export function migrateProjectV2(
  project: Json,
  coders: Map<string, string>,
  context: MigrationContext,
): Json {
  const at = asString(project.updatedAt) || context.now();
  const evaluators = new Map(coders);
  if (context.local) evaluators.set(context.local.id, context.local.name);
  const records = (key: string) => asArray(project[key]).map((record) => stamped(record, at));
  return {
    ...project,
    schemaVersion: 2,
    meta: stamped((project.meta as Json | undefined) ?? {}, at),
    report: project.report ? stamped(project.report as Json, at) : null,
    evaluators: [...evaluators].map(([id, name]) => stamped({ id, name }, at)),
    questions: records('questions'),
    participants: records('participants'),
    indicators: records('indicators'),
    codes: records('codes'),
    frameworkSummaries: asArray(project.frameworkSummaries).map((summary) => ({
      ...stamped(summary, asString(summary.updatedAt) || at),
      id: frameworkSummaryId(asString(summary.participantId), asString(summary.questionId)),
    })),
    ngtSessions: records('ngtSessions'),
    matrices: records('matrices'),
    sessions: records('sessions'),
    sources: asArray(project.sources).map((summary) => ({
      ...stamped(summary, asString(summary.updatedAt) || at),
      textRev: 1,
    })),
    tombstones: [],
  };
}

/**
 * v1 → v2 (store v2, STORE-V2 §6): a source's codings and memos move out of sources/<id>.json
 * into one layer per evaluator (codings/<id>/<evaluator>.json), passages kept as fingerprints;
 * every distinct v1 `coder` string becomes an evaluator; every record gets its revision.
 */
const v2CoderLayers: Migration = {
  version: 2,
  description: 'Coder layers, evaluators, revisions and tombstones',
  up({ project, sources, layers: earlier }, context) {
    const coders = new Map<string, string>();
    const docs = new Map<string, Json>();
    const layers = new Map(earlier ?? []);
    for (const [id, raw] of sources) {
      const migrated = migrateSourceV2(raw, context);
      docs.set(id, migrated.doc);
      for (const [coderId, layer] of migrated.layers) layers.set(`${id}/${coderId}`, layer);
      for (const [coderId, name] of migrated.coders) coders.set(coderId, name);
    }
    return { project: migrateProjectV2(project, coders, context), sources: docs, layers };
  },
};

/** Every migration, in order. The last one's version is CURRENT_SCHEMA_VERSION. */
export const MIGRATIONS: readonly Migration[] = [v1ShardSources, v2CoderLayers];

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
  let current: RawProjectFolder = {
    project: folder.project,
    sources: new Map(folder.sources),
    layers: new Map(folder.layers ?? []),
  };
  for (const step of migrations) {
    if (step.version <= fromVersion) continue;
    const pending = new Map(
      [...current.sources].filter(([, raw]) => schemaVersionOf(raw) < step.version),
    );
    const done = [...current.sources].filter(([, raw]) => schemaVersionOf(raw) >= step.version);
    const next = step.up(
      { project: current.project, sources: pending, layers: current.layers ?? new Map() },
      context,
    );
    current = {
      project: next.project,
      sources: new Map([...done, ...next.sources]),
      layers: next.layers ?? current.layers ?? new Map(),
    };
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
