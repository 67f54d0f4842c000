import { open, rename, unlink, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { errnoOf, toUserFsError } from './fs-errors';

let tempCounter = 0;

/** Name of the temporary file used while `target` is being replaced. Starts with a dot. */
export function tempPathFor(target: string): string {
  tempCounter += 1;
  return join(dirname(target), `.${basename(target)}.${process.pid}.${tempCounter}.tmp`);
}

/** True for a leftover temporary file of an interrupted write (safe to delete when holding the lock). */
export function isTempFileName(name: string): boolean {
  return name.startsWith('.') && name.endsWith('.tmp');
}

/**
 * Flushes a directory's entry table to disk, so a rename inside it survives a power cut.
 * Windows cannot open directories; there NTFS journals the rename itself.
 */
export async function fsyncDirectory(dir: string): Promise<void> {
  if (process.platform === 'win32') return;
  const handle = await open(dir, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}

const RENAME_RETRY_CODES = new Set(['EPERM', 'EACCES', 'EBUSY']);

/** Windows (antivirus, indexers) briefly holds files open; a rename then fails and succeeds later. */
async function renameWithRetry(from: string, to: string): Promise<void> {
  const delays = process.platform === 'win32' ? [20, 50, 100, 200, 400] : [];
  for (let attempt = 0; ; attempt += 1) {
    try {
      await rename(from, to);
      return;
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined || !RENAME_RETRY_CODES.has(errnoOf(error) ?? '')) throw error;
      await new Promise((resolve) => setTimeout(resolve, delay));
    }
  }
}

/**
 * Replaces `target` with `data` so that, whatever happens (crash, SIGKILL, power cut), the file
 * holds either the old or the new content, never a mix: write a temp file beside it, fsync it,
 * rename it over the target, fsync the directory. Resolves only once the data is on disk.
 */
export async function writeFileDurable(
  target: string,
  data: string | Uint8Array | readonly Uint8Array[],
): Promise<void> {
  const temp = tempPathFor(target);
  try {
    const handle = await open(temp, 'wx', 0o644);
    try {
      if (Array.isArray(data)) await writeChunks(handle, data as readonly Uint8Array[]);
      else await handle.writeFile(data as string | Uint8Array);
      await handle.sync();
    } finally {
      await handle.close();
    }
    await renameWithRetry(temp, target);
    await fsyncDirectory(dirname(target));
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw toUserFsError(error, target);
  }
}

/**
 * Replaces a cache file: a temp file beside it, then a rename, without fsync. A cache may be lost
 * in a crash (it is rebuilt from the data), but it is never read half written.
 */
export async function writeCacheFile(target: string, data: Uint8Array): Promise<void> {
  const temp = tempPathFor(target);
  try {
    await writeFile(temp, data);
    await rename(temp, target);
  } catch (error) {
    await unlink(temp).catch(() => undefined);
    throw error;
  }
}

/**
 * Writes `chunks` one after the other with gathered writes: the bytes of a large file made of
 * many cached pieces (a layer's lines) go to the disk without first being copied into one buffer.
 */
async function writeChunks(handle: FileHandle, chunks: readonly Uint8Array[]): Promise<void> {
  let rest = chunks;
  while (rest.length > 0) {
    let { bytesWritten } = await handle.writev(rest as Uint8Array[]);
    if (bytesWritten === 0 && rest.some((chunk) => chunk.byteLength > 0)) {
      throw Object.assign(new Error('No bytes written'), { code: 'EIO' });
    }
    // A short write (rare on a file) goes on from the first byte not written.
    let index = 0;
    while (index < rest.length && bytesWritten >= rest[index]!.byteLength) {
      bytesWritten -= rest[index]!.byteLength;
      index += 1;
    }
    if (index < rest.length && bytesWritten > 0) {
      rest = [rest[index]!.subarray(bytesWritten), ...rest.slice(index + 1)];
    } else {
      rest = rest.slice(index);
    }
  }
}

/** Outcome of reading a JSON file: parsed, missing, or unreadable with the reason. */
export type JsonRead =
  | { status: 'ok'; value: unknown }
  | { status: 'missing' }
  | { status: 'unparsable'; reason: string };

/** Reads and parses a JSON file without judging its content. A UTF-8 BOM is tolerated. */
export async function readJsonFile(path: string): Promise<JsonRead> {
  let text: string;
  try {
    // Read whole, then decoded once: `readFile(path, 'utf8')` decodes chunk by chunk and joins
    // the pieces, 1.5× slower on a large project.json.
    text = (await readFile(path)).toString('utf8');
  } catch (error) {
    if (errnoOf(error) === 'ENOENT') return { status: 'missing' };
    throw toUserFsError(error, path);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  if (text.trim() === '') return { status: 'unparsable', reason: 'empty file' };
  try {
    return { status: 'ok', value: JSON.parse(text) as unknown };
  } catch (error) {
    return { status: 'unparsable', reason: (error as Error).message };
  }
}
