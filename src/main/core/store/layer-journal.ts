/**
 * The coding journal (`codings.journal`, STORE-V2 §6): a coding save appends what it changed in
 * a layer (a `LayerDelta`) to one file kept open and writes it through to the disk (`O_DSYNC`;
 * one `fdatasync` where the system lacks it), instead of rewriting the layer file (temp file,
 * fsync, rename, fsync of the folder). The layer files are brought up to date later, at a
 * checkpoint (idle, a long journal, a snapshot, a merge, closing), and the journal is then
 * emptied. Whoever reads layer files applies the journal over them (revision-guarded, see
 * layer-delta.ts): after a crash the next open does it and writes them.
 *
 * One line per save: `<checksum> <json>\n`. A line cut short by a crash, or damaged, fails its
 * checksum and is skipped; it was never acknowledged (a save resolves once its line is on disk).
 */
import { hash } from 'node:crypto';
import { constants, writeSync } from 'node:fs';
import { open, readFile, unlink, type FileHandle } from 'node:fs/promises';
import { join } from 'node:path';
import { applyLayerDelta, type LayerDelta } from '../../../shared/domain/layer-delta';
import type { LayerFile } from '../../../shared/model/source';
import { layerCodec } from './codecs';
import { emptyLayer } from './layers';
import { writeFileDurable } from './durable-file';
import { errnoOf, toUserFsError } from './fs-errors';
import { LAYER_JOURNAL_FILE, fileNameTime, isSafeId } from './layout';

const FORMAT = 1;

/**
 * Writes through to the disk where the system offers it (Linux, macOS): a save is then one
 * write, not a write and a flush.
 */
export const WRITE_THROUGH: number | undefined = constants.O_DSYNC;

/**
 * A journal write slower than this means a stalling disk (a USB stick, a network share, a
 * scanner holding the file): from then on the session's appends go to Node's worker thread.
 */
export const STALLED_WRITE_MS = 50;

/** How a session's journal writes (tests and the bench change the stall limit). */
export interface JournalOptions {
  /** Milliseconds after which one write counts as stalled (STALLED_WRITE_MS). */
  stalledWriteMs?: number;
}

/** Path of a project's coding journal. */
export function layerJournalPath(projectDir: string): string {
  return join(projectDir, LAYER_JOURNAL_FILE);
}

function checksum(json: string): string {
  return hash('sha1', json, 'hex').slice(0, 12);
}

/** The journal line of one save's deltas. */
export function journalLine(deltas: readonly LayerDelta[]): string {
  const json = JSON.stringify({ v: FORMAT, deltas });
  // Led by a line break too: whatever a crash left before it cannot join this line.
  return `\n${checksum(json)} ${json}\n`;
}

/** What a journal holds: the deltas of its intact lines, in order, and how many lines were not. */
export interface JournalRead {
  deltas: LayerDelta[];
  skipped: number;
  /**
   * Of those, lines followed by an intact one: not a write a crash cut short (only the last line
   * can be that, and it was never acknowledged) but saved lines damaged since.
   */
  damaged: number;
}

/** Parses a journal's text (see `readLayerJournal`). */
export function parseLayerJournal(text: string): JournalRead {
  const deltas: LayerDelta[] = [];
  let skipped = 0;
  let damaged = 0;
  /** Skipped since the last intact line: damage once another intact line follows. */
  let unsure = 0;
  for (const line of text.split('\n')) {
    if (line === '') continue;
    const space = line.indexOf(' ');
    const json = line.slice(space + 1);
    if (space !== 12 || checksum(json) !== line.slice(0, space)) {
      skipped += 1;
      unsure += 1;
      continue;
    }
    const entry = JSON.parse(json) as { v?: number; deltas?: LayerDelta[] };
    if (entry.v !== FORMAT || !Array.isArray(entry.deltas)) {
      skipped += 1;
      unsure += 1;
      continue;
    }
    damaged += unsure;
    unsure = 0;
    for (const delta of entry.deltas) {
      if (isSafeId(delta.sourceId) && isSafeId(delta.coderId)) deltas.push(delta);
    }
  }
  return { deltas, skipped, damaged };
}

/** The bytes of a project's journal, or null when there is none. */
async function journalBytes(projectDir: string): Promise<Buffer | null> {
  const path = layerJournalPath(projectDir);
  return readFile(path).catch((error: unknown) => {
    if (errnoOf(error) === 'ENOENT') return null;
    throw toUserFsError(error, path);
  });
}

/** Reads a project's journal; a missing journal holds nothing. */
export async function readLayerJournal(projectDir: string): Promise<JournalRead> {
  const bytes = await journalBytes(projectDir);
  return bytes ? parseLayerJournal(bytes.toString('utf8')) : { deltas: [], skipped: 0, damaged: 0 };
}

/**
 * Keeps a copy of the journal as it is now beside it (`codings.journal.damaged-<time>`), before
 * a checkpoint empties it: the lines it could not read are then still there to be examined.
 * Returns the copy's path.
 */
export async function keepDamagedJournal(projectDir: string, at: Date): Promise<string> {
  const bytes = await journalBytes(projectDir);
  const stamp = fileNameTime(at);
  const kept = `${layerJournalPath(projectDir)}.damaged-${stamp}`;
  await writeFileDurable(kept, bytes ?? Buffer.alloc(0));
  return kept;
}

/** The deltas of a journal by source, in order. */
export function deltasBySource(deltas: readonly LayerDelta[]): Map<string, LayerDelta[]> {
  const bySource = new Map<string, LayerDelta[]>();
  for (const delta of deltas) {
    const list = bySource.get(delta.sourceId);
    if (list) list.push(delta);
    else bySource.set(delta.sourceId, [delta]);
  }
  return bySource;
}

/**
 * Applies a source's journal deltas, in order, over its layers as read from their files (by
 * evaluator, changed in place; a layer only in the journal starts empty). Returns the evaluators
 * whose layer changed. `journalPath` names the file in the error of a delta that breaks a layer.
 */
export function applyDeltas(
  layers: Map<string, LayerFile>,
  sourceId: string,
  deltas: readonly LayerDelta[],
  journalPath: string,
): Set<string> {
  const changed = new Set<string>();
  for (const delta of deltas) {
    const layer = layers.get(delta.coderId) ?? emptyLayer(sourceId, delta.coderId, delta.textRev);
    const next = applyLayerDelta(layer, delta);
    if (next === layer) continue;
    layers.set(delta.coderId, layerCodec.parse(next, journalPath));
    changed.add(delta.coderId);
  }
  return changed;
}

/**
 * Layers read from a folder's files (by source, then evaluator), with its journal applied: for
 * readers without the lock (another evaluator's folder). Only sources in `listed` are touched.
 * Returns the journal's bytes (null when there is none), read once.
 */
export async function withJournal(
  projectDir: string,
  layers: Map<string, Map<string, LayerFile>>,
  listed: ReadonlySet<string>,
): Promise<Buffer | null> {
  const bytes = await journalBytes(projectDir);
  if (!bytes) return null;
  const { deltas } = parseLayerJournal(bytes.toString('utf8'));
  for (const [sourceId, ofSource] of deltasBySource(deltas)) {
    if (!listed.has(sourceId)) continue;
    const bySource = layers.get(sourceId) ?? new Map<string, LayerFile>();
    const changed = applyDeltas(bySource, sourceId, ofSource, layerJournalPath(projectDir));
    if (changed.size > 0) layers.set(sourceId, bySource);
  }
  return bytes;
}

/** How much of a journal's end is read to find where its last whole line ends. */
const TAIL_BYTES = 64 * 1024;

/**
 * Cuts off what a crash left after the journal's last whole line (a line ends with a line break;
 * a torn one does not), and returns the journal's length. The torn line was never acknowledged;
 * left there, the lines appended after it would make it look like saved work damaged since.
 */
async function cutTornTail(handle: FileHandle, size: number): Promise<number> {
  if (size === 0) return 0;
  let from = Math.max(0, size - TAIL_BYTES);
  for (;;) {
    const tail = Buffer.alloc(size - from);
    await handle.read(tail, 0, tail.length, from);
    if (tail.at(-1) === 0x0a) return size;
    const end = tail.lastIndexOf(0x0a);
    // A line longer than what was read (a large merge): read further back.
    if (end < 0 && from > 0) {
      from = Math.max(0, from - TAIL_BYTES * 16);
      continue;
    }
    const whole = end < 0 ? 0 : from + end + 1;
    await handle.truncate(whole);
    await handle.datasync();
    return whole;
  }
}

/**
 * The journal a session appends to (it holds the project's lock). Opened at the first append;
 * a failed append is cut off again, so a later line never follows a broken one.
 */
export class LayerJournal {
  private handle: FileHandle | null = null;
  private readonly path: string;
  private length = 0;
  /**
   * Where the system writes through (Linux, macOS). Windows has no O_DSYNC: its flush
   * (FlushFileBuffers) can take tens of milliseconds, which would hold every window's calls.
   */
  private onCaller = WRITE_THROUGH !== undefined;
  private readonly stalledWriteMs: number;

  constructor(
    private readonly projectDir: string,
    options: JournalOptions = {},
  ) {
    this.stalledWriteMs = options.stalledWriteMs ?? STALLED_WRITE_MS;
    this.path = layerJournalPath(projectDir);
  }

  /**
   * Whether appends are written on the calling thread (until a write stalls). A line is a
   * few hundred bytes: written there, as SQLite writes, it costs what the disk costs. Handed to a
   * worker thread it also waits for that thread, and for the caller's own wake-up, which on a
   * busy two-core laptop (the compiler, the collector) is where slow saves came from.
   */
  get writesOnCaller(): boolean {
    return this.onCaller;
  }

  /** Bytes in the journal now. */
  get bytes(): number {
    return this.length;
  }

  private async opened(): Promise<FileHandle> {
    if (this.handle) return this.handle;
    const path = this.path;
    // 'a+' would ignore positions on Linux; 'r+' after creating keeps writes where we say.
    const flags = constants.O_RDWR | (WRITE_THROUGH ?? 0);
    const handle = await open(path, 'a+').then(async (created) => {
      await created.close();
      return open(path, flags);
    });
    this.length = await cutTornTail(handle, (await handle.stat()).size);
    this.handle = handle;
    return handle;
  }

  /** Appends one save's deltas; resolves once they are on disk. */
  async append(deltas: readonly LayerDelta[]): Promise<void> {
    const path = this.path;
    const data = Buffer.from(journalLine(deltas));
    const handle = await this.opened().catch((error: unknown) => {
      throw toUserFsError(error, path);
    });
    const at = this.length;
    try {
      await this.writeAt(handle, data, at);
      this.length = at + data.length;
    } catch (error) {
      // Nothing after `at` was acknowledged: cut it off, or stop using this handle.
      await handle.truncate(at).catch(() => this.drop());
      throw toUserFsError(error, path);
    }
  }

  /**
   * Writes `data` at `at` and waits for the disk: on this thread while the disk keeps up (a
   * write slower than `stalledWriteMs` ends that), else on Node's worker thread.
   */
  private async writeAt(handle: FileHandle, data: Buffer, at: number): Promise<void> {
    const onCaller = this.onCaller;
    const started = performance.now();
    try {
      let written = 0;
      while (written < data.length) {
        const length = data.length - written;
        const bytesWritten = onCaller
          ? writeSync(handle.fd, data, written, length, at + written)
          : (await handle.write(data, written, length, at + written)).bytesWritten;
        if (bytesWritten === 0) throw Object.assign(new Error('No bytes written'), { code: 'EIO' });
        written += bytesWritten;
      }
      if (WRITE_THROUGH === undefined) await handle.datasync();
    } finally {
      if (onCaller && performance.now() - started > this.stalledWriteMs) this.onCaller = false;
    }
  }

  /** Empties the journal (every delta is in the layer files, on disk). */
  async reset(): Promise<void> {
    if (this.length === 0 && !this.handle) {
      await unlink(this.path).catch(() => undefined);
      return;
    }
    const handle = await this.opened();
    await handle.truncate(0);
    await handle.datasync();
    this.length = 0;
  }

  private async drop(): Promise<void> {
    const handle = this.handle;
    this.handle = null;
    await handle?.close().catch(() => undefined);
  }

  /** Closes the file (the session ends); an empty journal goes. */
  async close(): Promise<void> {
    const opened = this.handle !== null;
    await this.drop();
    if (opened && this.length === 0) {
      await unlink(this.path).catch(() => undefined);
    }
  }
}
