/**
 * Finishing text corrections a crash interrupted (STORE-V2 §5). A correction first writes the new
 * source document as `sources/<id>.edit.json`, then every layer re-anchored to the new text, then
 * the document itself, then removes the journal. Opening a project rolls each journal forward:
 * layers still on the old text are re-anchored from the old text (still in place) to the new.
 */
import { readdir, unlink } from 'node:fs/promises';
import { join } from 'node:path';
import type { ProjectFile } from '../../../shared/model/project';
import { layerCodec, sourceCodec } from './codecs';
import { readJsonFile, writeFileDurable } from './durable-file';
import { serializeDocument } from './json-document';
import { reanchorLayer } from './layer-reanchor';
import { serializeLayer } from './layers';
import { SOURCES_DIR, isSafeId, layersDir, sourceFilePath } from './layout';

const JOURNAL = '.edit.json';

/** True when a listing of the sources folder holds a text correction to finish. */
export function hasTextEdits(sourceNames: readonly string[]): boolean {
  return sourceNames.some((name) => name.endsWith(JOURNAL));
}

async function parsed<T>(path: string, codec: { parse(raw: unknown, path: string): T }) {
  const read = await readJsonFile(path);
  return read.status === 'ok' ? codec.parse(read.value, path) : null;
}

/**
 * Rolls forward every text-correction journal; updates the sources' summaries in `project` (the
 * caller writes it, then the journals are gone for good). Returns how many summaries changed.
 */
export async function finishTextEdits(dir: string, project: ProjectFile): Promise<number> {
  const names = await readdir(join(dir, SOURCES_DIR)).catch(() => [] as string[]);
  let finished = 0;
  for (const name of names) {
    if (!name.endsWith(JOURNAL)) continue;
    const id = name.slice(0, -JOURNAL.length);
    const journalPath = join(dir, SOURCES_DIR, name);
    if (!isSafeId(id)) continue;
    const next = await parsed(journalPath, sourceCodec).catch(() => null);
    const current = await parsed(sourceFilePath(dir, id), sourceCodec);
    if (next && current && current.textRev < next.textRev) {
      await reanchorLayers(dir, id, current.text, current.textRev, next);
    }
    if (next && (!current || current.textRev < next.textRev)) {
      await writeFileDurable(sourceFilePath(dir, id), serializeDocument(next));
    }
    // project.json is written after the document: its summary may still describe the old text.
    const summary = project.sources.find((candidate) => candidate.id === id);
    if (next && summary && summary.textRev !== next.textRev) {
      Object.assign(summary, {
        title: next.title,
        characters: next.text.length,
        turns: next.turns.length,
        textRev: next.textRev,
      });
      finished += 1;
    }
    await unlink(journalPath).catch(() => undefined);
  }
  return finished;
}

/** Re-anchors, to `next`'s text, every layer of the source still on the old text revision. */
async function reanchorLayers(
  dir: string,
  id: string,
  oldText: string,
  oldRev: number,
  next: { text: string; textRev: number; updatedAt: string; updatedBy?: string | null | undefined },
): Promise<void> {
  const folder = layersDir(dir, id);
  const names = await readdir(folder).catch(() => [] as string[]);
  for (const name of names) {
    if (!name.endsWith('.json') || !isSafeId(name.slice(0, -5))) continue;
    const path = join(folder, name);
    const layer = await parsed(path, layerCodec);
    if (!layer || layer.textRev !== oldRev) continue;
    const moved = reanchorLayer(layer, oldText, next.text, next.textRev, {
      at: next.updatedAt,
      by: next.updatedBy ?? null,
    });
    await writeFileDurable(path, serializeLayer(moved.layer));
  }
}
