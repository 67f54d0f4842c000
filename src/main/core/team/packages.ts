/**
 * Work packages (issue 18): one zip holding a project folder plus the id of the base it came
 * from. The lead makes a *work* package for a colleague (the whole project or chosen sources,
 * optionally blind: other coders' layers left out); the colleague opens it as a normal project,
 * which keeps the base in `team/`; when done they make a *return* package (their project plus
 * that base) for the lead to merge. Packages are read as hostile archives (qdpx-zip's guards).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, readdir, rename, rm, stat } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { z } from 'zod';
import { CampoError } from '../../../shared/ipc/errors';
import type { ProjectFile } from '../../../shared/model/project';
import type { LayerFile } from '../../../shared/model/source';
import type { TeamSide } from '../../../shared/domain/team-merge';
import { Archive } from '../exchange/qdpx-zip';
import { isDataFile as isDataFilePath } from '../store/data-files';
import { ZipWriter } from '../exchange/zip-writer';
import { layerCodec, projectCodec, sourceCodec } from '../store/codecs';
import { writeFileDurable, fsyncDirectory } from '../store/durable-file';
import { serializeDocument } from '../store/json-document';
import { serializeLayer } from '../store/layers';
import { withJournal } from '../store/layer-journal';
import {
  CODINGS_DIR,
  LAYER_JOURNAL_FILE,
  PROJECT_FILE,
  SOURCES_DIR,
  isSafeId,
} from '../store/layout';
import type { ProjectSession } from '../store/project-session';

export const PACKAGE_MANIFEST = 'campo-package.json';
/** Everything a package may unpack to: an XL project (3,000 transcripts) with room to spare. */
const PACKAGE_MAX_BYTES = 4 * 1024 * 1024 * 1024 - 1;
/** Inside a project opened from a package: the package's manifest and its base. */
export const TEAM_DIR = 'team';
const BASE_DIR = 'base';
/** The file extension of a package ("Valutazione RAV – INT-03.campopkg"). */
export const PACKAGE_EXTENSION = 'campopkg';

const ManifestSchema = z.object({
  format: z.literal('campo-package'),
  /** 2: its transcripts are without names (an older Campo refuses it rather than misplace codings). */
  version: z.union([z.literal(1), z.literal(2)]),
  kind: z.enum(['work', 'return']),
  packageId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  baseId: z.string().regex(/^[A-Za-z0-9_-]{1,100}$/),
  projectId: z.string().min(1).max(100),
  title: z.string().max(500),
  createdAt: z.string(),
  createdBy: z.object({ id: z.string().max(100), name: z.string().max(200) }),
  blind: z.boolean(),
  sources: z.array(z.string()).nullable(),
  /**
   * Sources whose text travels without names, each with the hash of the text as sent
   * (names-out.ts): the merge brings codings made on it back onto the lead's words.
   */
  anonymisedTexts: z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/)).optional(),
});
export type PackageManifest = z.infer<typeof ManifestSchema>;

import { workFiles, type Files, type WorkPackageOptions } from './work-files';

export type { WorkPackageOptions };

/** The manifest's version, and the texts it carries without names (if any). */
function withoutNames(
  anonymisedTexts: Record<string, string> | undefined,
): Pick<PackageManifest, 'version' | 'anonymisedTexts'> {
  return anonymisedTexts ? { version: 2, anonymisedTexts } : { version: 1 };
}

function zipOf(manifest: PackageManifest, groups: Array<[string, Files]>, at: Date): Buffer {
  const zip = new ZipWriter(at);
  zip.addFile(PACKAGE_MANIFEST, Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`));
  for (const [prefix, files] of groups) {
    for (const [file, data] of files) {
      zip.addFile(`${prefix}/${file}`, typeof data === 'string' ? Buffer.from(data) : data);
    }
  }
  return zip.finish();
}

/** A work package of the open project for a colleague. */
export async function makeWorkPackage(
  session: ProjectSession,
  options: WorkPackageOptions,
  now: Date = new Date(),
): Promise<{ bytes: Buffer; manifest: PackageManifest }> {
  const { files, anonymisedTexts } = await workFiles(session, options);
  const id = randomUUID();
  const manifest: PackageManifest = {
    format: 'campo-package',
    ...withoutNames(anonymisedTexts ?? undefined),
    kind: 'work',
    packageId: id,
    baseId: id,
    projectId: session.project.id,
    title: session.project.meta.title,
    createdAt: now.toISOString(),
    createdBy: { id: session.evaluator.id, name: session.evaluator.name },
    blind: options.blind,
    sources: options.sourceIds,
  };
  return { bytes: zipOf(manifest, [['project', files]], now), manifest };
}

/** Every data file of a folder (project.json, sources, layers), relative paths. */
async function folderFiles(dir: string, withSources: boolean): Promise<Files> {
  const files: Files = new Map([[PROJECT_FILE, await readFile(join(dir, PROJECT_FILE))]]);
  const list = async (folder: string) => readdir(folder).catch(() => [] as string[]);
  if (withSources) {
    for (const name of await list(join(dir, SOURCES_DIR))) {
      if (name.endsWith('.json') && isSafeId(name.slice(0, -5))) {
        files.set(`${SOURCES_DIR}/${name}`, await readFile(join(dir, SOURCES_DIR, name)));
      }
    }
  }
  for (const source of await list(join(dir, CODINGS_DIR))) {
    if (!isSafeId(source)) continue;
    for (const name of await list(join(dir, CODINGS_DIR, source))) {
      if (name.endsWith('.json') && isSafeId(name.slice(0, -5))) {
        files.set(
          `${CODINGS_DIR}/${source}/${name}`,
          await readFile(join(dir, CODINGS_DIR, source, name)),
        );
      }
    }
  }
  return files;
}

/** The package a project was opened from (its manifest), if it was. */
export async function packageOrigin(dir: string): Promise<PackageManifest | null> {
  const raw = await readFile(join(dir, TEAM_DIR, PACKAGE_MANIFEST), 'utf8').catch(() => null);
  if (raw === null) return null;
  const parsed = ManifestSchema.safeParse(JSON.parse(raw));
  return parsed.success ? parsed.data : null;
}

/**
 * "Restituisci al coordinatore": the colleague's project as it is now, plus the base it came
 * from (when it was opened from a package), for the lead to merge.
 */
export async function makeReturnPackage(
  session: ProjectSession,
  now: Date = new Date(),
): Promise<{ bytes: Buffer; manifest: PackageManifest }> {
  const origin = await packageOrigin(session.dir);
  const ids = session.project.sources.map((summary) => summary.id);
  const files: Files = new Map([
    [PROJECT_FILE, serializeDocument({ ...session.project, merges: [] })],
  ]);
  const layers = await session.readLayers(ids);
  for (const id of ids) {
    files.set(
      `${SOURCES_DIR}/${id}.json`,
      await readFile(join(session.dir, SOURCES_DIR, `${id}.json`)),
    );
    for (const [coderId, layer] of layers.get(id) ?? new Map<string, LayerFile>()) {
      files.set(`${CODINGS_DIR}/${id}/${coderId}.json`, serializeLayer(layer));
    }
  }
  const groups: Array<[string, Files]> = [['project', files]];
  const baseDir = join(session.dir, TEAM_DIR, BASE_DIR);
  const hasBase = await stat(join(baseDir, PROJECT_FILE)).then(
    () => true,
    () => false,
  );
  if (origin && hasBase) groups.push([BASE_DIR, await folderFiles(baseDir, false)]);
  const manifest: PackageManifest = {
    format: 'campo-package',
    ...withoutNames(origin?.anonymisedTexts),
    kind: 'return',
    packageId: randomUUID(),
    baseId: hasBase && origin ? origin.baseId : randomUUID(),
    projectId: session.project.id,
    title: session.project.meta.title,
    createdAt: now.toISOString(),
    createdBy: { id: session.evaluator.id, name: session.evaluator.name },
    blind: origin?.blind ?? false,
    sources: origin?.sources ?? null,
  };
  return { bytes: zipOf(manifest, groups, now), manifest };
}

/** A package read and checked: its manifest, its project and the base it carries (if any). */
export interface ReadPackage {
  manifest: PackageManifest;
  theirs: TeamSide;
  base: TeamSide | null;
  /** A source document of theirs, validated, as bytes to copy. */
  sourceBytes(id: string): Promise<Uint8Array>;
}

const notPackage = (file: string) =>
  new CampoError('FILE_TYPE_MISMATCH', `${file} is not a Campo package`, {
    file,
    expected: 'pacchetto di lavoro Campo (.campopkg)',
  });

/** Reads one side (project.json and layers) under `prefix` of an archive. */
async function sideOf(archive: Archive, prefix: string, file: string): Promise<TeamSide | null> {
  const entry = archive.find(`${prefix}/${PROJECT_FILE}`);
  if (!entry) return null;
  const json = (bytes: Uint8Array) => JSON.parse(Buffer.from(bytes).toString('utf8')) as unknown;
  const parse = async <T>(name: string, codec: { parse(raw: unknown, path: string): T }) => {
    const found = archive.find(name)!;
    try {
      return codec.parse(json(await archive.read(found, 200 * 1024 * 1024)), `${file}: ${name}`);
    } catch (error) {
      if (error instanceof CampoError) throw error;
      throw new CampoError('FILE_DAMAGED', `${file}: ${name}`, { file, reason: String(error) });
    }
  };
  const project: ProjectFile = await parse(`${prefix}/${PROJECT_FILE}`, projectCodec);
  const layers = new Map<string, Map<string, LayerFile>>();
  const pattern = new RegExp(
    `^${prefix}/${CODINGS_DIR}/([A-Za-z0-9_-]{1,100})/([A-Za-z0-9_-]{1,100})\\.json$`,
  );
  for (const name of archive.names()) {
    const match = pattern.exec(name);
    if (!match) continue;
    const layer = await parse(name, layerCodec);
    if (layer.sourceId !== match[1] || layer.coderId !== match[2]) {
      throw new CampoError('FILE_DAMAGED', `${file}: ${name}`, { file, reason: name });
    }
    const bySource = layers.get(layer.sourceId) ?? new Map<string, LayerFile>();
    bySource.set(layer.coderId, layer);
    layers.set(layer.sourceId, bySource);
  }
  return { project, layers };
}

/** Reads a package file (bytes) as hostile input. */
export async function readPackage(bytes: Uint8Array, file: string): Promise<ReadPackage> {
  const archive = new Archive(bytes, file, PACKAGE_MAX_BYTES, 'pacchetto Campo');
  const entry = archive.find(PACKAGE_MANIFEST);
  if (!entry) throw notPackage(file);
  let manifest: PackageManifest;
  try {
    manifest = ManifestSchema.parse(
      JSON.parse(Buffer.from(await archive.read(entry, 1024 * 1024)).toString('utf8')),
    );
  } catch {
    throw notPackage(file);
  }
  const theirs = await sideOf(archive, 'project', file);
  if (!theirs) throw notPackage(file);
  const base = manifest.kind === 'work' ? theirs : await sideOf(archive, BASE_DIR, file);
  return {
    manifest,
    theirs,
    base,
    async sourceBytes(id) {
      const name = `project/${SOURCES_DIR}/${id}.json`;
      const found = archive.find(name);
      if (!found)
        throw new CampoError('FILE_DAMAGED', `${file}: ${name}`, { file, reason: `manca ${name}` });
      const data = await archive.read(found, 200 * 1024 * 1024);
      sourceCodec.parse(JSON.parse(Buffer.from(data).toString('utf8')), `${file}: ${name}`);
      return data;
    },
  };
}

/**
 * Reads another Campo project folder as the colleague's side: its base is the one it keeps in
 * `team/` when it was opened from a package of this project.
 */
export async function readProjectFolder(dir: string): Promise<ReadPackage> {
  const files = await folderFiles(dir, false);
  const project = projectCodec.parse(
    JSON.parse(Buffer.from(files.get(PROJECT_FILE)!).toString('utf8')),
    join(dir, PROJECT_FILE),
  );
  const layers = new Map<string, Map<string, LayerFile>>();
  for (const [name, data] of files) {
    if (!name.startsWith(`${CODINGS_DIR}/`)) continue;
    const layer = layerCodec.parse(JSON.parse(Buffer.from(data).toString('utf8')), join(dir, name));
    const bySource = layers.get(layer.sourceId) ?? new Map<string, LayerFile>();
    bySource.set(layer.coderId, layer);
    layers.set(layer.sourceId, bySource);
  }
  // Codings the colleague's Campo saved but had not yet written into the layer files.
  const journal = await withJournal(
    dir,
    layers,
    new Set(project.sources.map((source) => source.id)),
  );
  const origin = await packageOrigin(dir);
  let base: TeamSide | null = null;
  const baseDir = join(dir, TEAM_DIR, BASE_DIR);
  if (
    origin &&
    (await stat(join(baseDir, PROJECT_FILE)).then(
      () => true,
      () => false,
    ))
  ) {
    const baseRead = await readProjectFolder(baseDir);
    base = baseRead.theirs;
  }
  // A folder's state has no package id: its content fingerprint stands in (same state, same id).
  const { createHash } = await import('node:crypto');
  const hash = createHash('sha256');
  for (const [name, data] of [...files].sort(([a], [b]) => a.localeCompare(b)))
    hash.update(name).update(data);
  if (journal && journal.length > 0) hash.update(LAYER_JOURNAL_FILE).update(journal);
  const now = new Date().toISOString();
  return {
    manifest: {
      format: 'campo-package',
      ...withoutNames(origin?.anonymisedTexts),
      kind: 'return',
      packageId: `folder-${hash.digest('hex').slice(0, 40)}`,
      baseId: origin?.baseId ?? 'none',
      projectId: project.id,
      title: project.meta.title,
      createdAt: now,
      createdBy: { id: '', name: '' },
      blind: origin?.blind ?? false,
      sources: origin?.sources ?? null,
    },
    theirs: { project, layers },
    base,
    async sourceBytes(id) {
      if (!isSafeId(id)) throw new CampoError('NOT_FOUND', `No source ${id}`, { id });
      const data = await readFile(join(dir, SOURCES_DIR, `${id}.json`));
      sourceCodec.parse(JSON.parse(data.toString('utf8')), join(dir, SOURCES_DIR, `${id}.json`));
      return data;
    },
  };
}

/**
 * Unpacks a work package into a new project folder `dir` (which must not exist or be empty):
 * the project files, and a copy of project.json and layers as the base in `team/base/`, with the
 * package's manifest in `team/`. The caller then opens it as a normal project.
 */
export async function unpackWorkPackage(
  bytes: Uint8Array,
  file: string,
  target: string,
): Promise<PackageManifest> {
  const archive = new Archive(bytes, file, PACKAGE_MAX_BYTES, 'pacchetto Campo');
  const read = await readPackage(bytes, file);
  if (read.manifest.kind !== 'work') {
    throw new CampoError('VALIDATION', 'A return package is merged, not opened', {
      reason: 'return-package',
    });
  }
  const existing = await readdir(target).catch(() => [] as string[]);
  if (existing.length > 0) {
    throw new CampoError('PROJECT_EXISTS', `${target} already exists`, { path: target });
  }
  // Unpacked beside the target, then renamed: a crash never leaves half a project there.
  const dir = `${target}.unpacking-${randomUUID().slice(0, 8)}`;
  const write = async (path: string, data: string | Uint8Array) => {
    await mkdir(dirname(path), { recursive: true });
    await writeFileDurable(path, data);
  };
  try {
    for (const name of archive.names()) {
      if (!name.startsWith('project/') || name.endsWith('/')) continue;
      const relative = name.slice('project/'.length);
      if (!isDataFilePath(relative)) continue;
      const data = await archive.read(archive.find(name)!, 200 * 1024 * 1024);
      const isSource = relative.startsWith(`${SOURCES_DIR}/`);
      if (isSource) await read.sourceBytes(relative.slice(SOURCES_DIR.length + 1, -5));
      await write(join(dir, relative), data);
      if (!isSource) await write(join(dir, TEAM_DIR, BASE_DIR, relative), data);
    }
    await mkdir(join(dir, SOURCES_DIR), { recursive: true });
    await mkdir(join(dir, 'backups'), { recursive: true });
    await write(
      join(dir, TEAM_DIR, PACKAGE_MANIFEST),
      `${JSON.stringify(read.manifest, null, 2)}\n`,
    );
    await fsyncDirectory(dir);
    await rm(target, { recursive: true, force: true });
    await rename(dir, target);
    await fsyncDirectory(dirname(target));
  } catch (error) {
    await rm(dir, { recursive: true, force: true }).catch(() => undefined);
    throw error;
  }
  return read.manifest;
}
