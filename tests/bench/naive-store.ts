/**
 * The baseline the benchmark compares with: the same project stored the naive way, as a first
 * version of a lowdb app would, one JSON file holding project.json and every source, read whole
 * on open and rewritten whole on each edit (lowdb's JSONFile: write to a temp file and rename,
 * no fsync, so the baseline is, if anything, flattered).
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Low } from 'lowdb';
import { JSONFile } from 'lowdb/node';
import type { ProjectFile } from '../../src/shared/model/project';
import type { Coding, SourceFile } from '../../src/shared/model/source';

/** Everything in one document. */
export interface NaiveDocument {
  project: ProjectFile;
  sources: SourceFile[];
}

/** Copies a Campo project folder into one naive JSON file at `file` (texts with their codings). */
export async function writeNaiveCopy(projectDir: string, file: string): Promise<void> {
  const project = JSON.parse(
    await readFile(join(projectDir, 'project.json'), 'utf8'),
  ) as ProjectFile;
  const sources: SourceFile[] = [];
  for (const summary of project.sources) {
    const path = join(projectDir, 'sources', `${summary.id}.json`);
    const source = JSON.parse(await readFile(path, 'utf8')) as SourceFile;
    const layers = join(projectDir, 'codings', summary.id);
    source.codings = [];
    for (const name of await readdir(layers).catch(() => [] as string[])) {
      const layer = JSON.parse(await readFile(join(layers, name), 'utf8')) as { codings: [] };
      source.codings.push(...layer.codings);
    }
    sources.push(source);
  }
  const db = new Low<NaiveDocument>(new JSONFile(file), { project, sources });
  await db.write();
}

/** Opening: the whole file read and parsed. */
export async function naiveOpen(file: string): Promise<Low<NaiveDocument>> {
  // Constructed by hand: JSONFilePreset falls back to memory under NODE_ENV=test.
  const db = new Low<NaiveDocument>(new JSONFile(file), { project: null!, sources: [] });
  await db.read();
  return db;
}

/** One coding saved the naive way: added in memory, then the whole document rewritten. */
export async function naiveSaveCoding(
  db: Low<NaiveDocument>,
  sourceId: string,
  coding: Coding,
): Promise<void> {
  const source = db.data.sources.find((s) => s.id === sourceId)!;
  source.codings.push(coding);
  await db.write();
}
