/**
 * Migrating a project folder on disk to the current version, crash-safe (STORE-V2 §6): a backup
 * first; every new file written beside the old ones (layers in codings/, source documents staged
 * in migrate-v2/); then project.json, whose version is the commit; then the staged documents
 * moved over the old ones. A SIGKILL at any point leaves a project that opens, in the old version
 * or the new, with nothing lost; opening finishes an interrupted last step.
 */
import { mkdir, readdir, rename, rm } from 'node:fs/promises';
import { basename, join } from 'node:path';
import { CampoError } from '../../../shared/ipc/errors';
import type { OpenNotice } from '../../../shared/ipc/types';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import { createSnapshot } from './backups';
import { layerCodec, projectCodec, sourceCodec } from './codecs';
import { fsyncDirectory, readJsonFile, writeFileDurable } from './durable-file';
import { serializeDocument } from './json-document';
import { serializeLayer } from './layers';
import {
  CACHE_DIR,
  CODINGS_DIR,
  MIGRATION_STAGING_DIR,
  PROJECT_FILE,
  SOURCES_DIR,
  isSafeId,
  layerFilePath,
  layersDir,
} from './layout';
import {
  migrateFolder,
  migrateProjectV2,
  migrateSourceV2,
  schemaVersionOf,
  type MigrationContext,
} from './migrations';

type Json = Record<string, unknown>;

/** Called at each step of an on-disk migration (a test seam: the kill test stops there). */
export type MigrationHook = (step: string) => void | Promise<void>;

/** The source files in sources/ (raw, any version), by id, sorted. */
async function sourceFileIds(dir: string): Promise<string[]> {
  const names = await readdir(join(dir, SOURCES_DIR)).catch(() => [] as string[]);
  return names
    .filter((name) => name.endsWith('.json') && isSafeId(name.slice(0, -5)))
    .map((name) => name.slice(0, -5))
    .sort();
}

async function readRaw(path: string): Promise<Json> {
  const read = await readJsonFile(path);
  if (read.status !== 'ok') {
    throw sourceCodec.unparsable(path, read.status === 'missing' ? 'missing' : read.reason);
  }
  return read.value as Json;
}

/** Checks a migrated source document and its layers against the current schemas. */
function check(id: string, doc: Json, layers: Map<string, Json>, dir: string) {
  if (!isSafeId(id)) throw new CampoError('PROJECT_CORRUPT', `Bad source id ${id}`, { file: id });
  const checkedDoc = sourceCodec.parse(doc, join(dir, SOURCES_DIR, `${id}.json`));
  const checkedLayers = [...layers].map(([coderId, layer]) => {
    const path = layerFilePath(dir, id, coderId);
    return [coderId, layerCodec.parse(layer, path)] as const;
  });
  return { doc: checkedDoc, layers: checkedLayers };
}

/**
 * Migrates the folder: see the module. `rawProject` is project.json as read (older version).
 * Sources are converted one at a time, so a large v1 project is never all in memory.
 */
export async function migrateOnDisk(
  dir: string,
  rawProject: unknown,
  context: MigrationContext & { now: () => string; at: Date },
  hook: MigrationHook = () => undefined,
): Promise<OpenNotice> {
  const from = schemaVersionOf(rawProject);
  // Every source must be readable before anything is written, the backup included: a damaged
  // file refuses the migration and leaves the folder exactly as it was.
  const ids = await sourceFileIds(dir);
  for (const id of ids) {
    const raw = await readRaw(join(dir, SOURCES_DIR, `${id}.json`));
    if (from >= 1 && schemaVersionOf(raw) !== 1) {
      throw new CampoError(
        'SOURCE_CORRUPT',
        `sources/${id}.json has version ${schemaVersionOf(raw)}`,
        {
          file: `sources/${id}.json`,
          reason: `schemaVersion ${schemaVersionOf(raw)}`,
        },
      );
    }
  }
  const backup = await createSnapshot(dir, 'pre-migration', from, context.at);
  await hook('backup');
  // Nothing in these is authoritative while project.json has the old version: an interrupted
  // attempt's files are cleared and written again.
  await rm(join(dir, CODINGS_DIR), { recursive: true, force: true });
  await rm(join(dir, MIGRATION_STAGING_DIR), { recursive: true, force: true });
  await rm(join(dir, CACHE_DIR), { recursive: true, force: true });
  await hook('cleared');
  const staging = join(dir, MIGRATION_STAGING_DIR, SOURCES_DIR);
  await mkdir(staging, { recursive: true });

  const writeSource = async (id: string, doc: Json, layers: Map<string, Json>) => {
    const checked = check(id, doc, layers, dir);
    if (checked.layers.length > 0) await mkdir(layersDir(dir, id), { recursive: true });
    for (const [coderId, layer] of checked.layers) {
      await writeFileDurable(layerFilePath(dir, id, coderId), serializeLayer(layer));
      await hook(`layer ${id}/${coderId}`);
    }
    await writeFileDurable(join(staging, `${id}.json`), serializeDocument(checked.doc));
    await hook(`staged ${id}`);
  };

  let project: Json;
  if (from >= 1) {
    // v1: source by source.
    const coders = new Map<string, string>();
    for (const id of ids) {
      const raw = await readRaw(join(dir, SOURCES_DIR, `${id}.json`));
      const migrated = migrateSourceV2({ ...raw, id }, context);
      for (const [coderId, name] of migrated.coders) coders.set(coderId, name);
      await writeSource(id, migrated.doc, migrated.layers);
    }
    project = migrateProjectV2(rawProject as Json, coders, context);
  } else {
    // Older prototypes are small: all in memory, through every step.
    const sources = new Map<string, Json>();
    for (const id of ids) sources.set(id, await readRaw(join(dir, SOURCES_DIR, `${id}.json`)));
    const migrated = migrateFolder({ project: rawProject as Json, sources }, context);
    project = migrated.project;
    for (const [id, doc] of migrated.sources) {
      const layers = new Map(
        [...(migrated.layers ?? [])]
          .filter(([key]) => key.startsWith(`${id}/`))
          .map(([key, layer]) => [key.slice(id.length + 1), layer]),
      );
      await writeSource(id, doc, layers);
    }
  }
  await fsyncDirectory(staging);
  const checkedProject = projectCodec.parse(project, join(dir, PROJECT_FILE));
  // The commit: from here on the folder is the new version.
  await writeFileDurable(join(dir, PROJECT_FILE), serializeDocument(checkedProject));
  await hook('committed');
  await finishMigration(dir, hook);
  return { kind: 'migrated', from, to: CURRENT_SCHEMA_VERSION, backupId: backup.id };
}

/**
 * After the commit: moves each staged source document over the old one, then removes the
 * staging folder. Idempotent, so opening a project an interruption left here finishes it.
 */
export async function finishMigration(dir: string, hook: MigrationHook = () => undefined) {
  const staging = join(dir, MIGRATION_STAGING_DIR, SOURCES_DIR);
  const names = await readdir(staging).catch(() => null);
  if (names === null) {
    await rm(join(dir, MIGRATION_STAGING_DIR), { recursive: true, force: true });
    return;
  }
  await mkdir(join(dir, SOURCES_DIR), { recursive: true });
  for (const name of names.sort()) {
    if (!name.endsWith('.json') || !isSafeId(basename(name, '.json'))) continue;
    await rename(join(staging, name), join(dir, SOURCES_DIR, name));
    await hook(`moved ${basename(name, '.json')}`);
  }
  await fsyncDirectory(join(dir, SOURCES_DIR));
  await rm(join(dir, MIGRATION_STAGING_DIR), { recursive: true, force: true });
  await hook('finished');
}
