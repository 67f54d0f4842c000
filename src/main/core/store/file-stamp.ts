/**
 * What identifies one version of a file without reading it: size, modification time in
 * nanoseconds and inode. Campo replaces a file at every write (temp file, rename), so each
 * write gives a new stamp; caches keyed by a stamp notice any change, Campo's or not.
 */
import { stat } from 'node:fs/promises';

export interface FileStamp {
  size: string;
  mtimeNs: string;
  ino: string;
}

/** The stamp of the file at `path` now, or null when it cannot be read. */
export async function stampOf(path: string): Promise<FileStamp | null> {
  const info = await stat(path, { bigint: true }).catch(() => null);
  return info
    ? { size: String(info.size), mtimeNs: String(info.mtimeNs), ino: String(info.ino) }
    : null;
}

/** True when both stamps exist and are of the same version of the file. */
export function sameStamp(a: FileStamp | null, b: FileStamp | null | undefined): boolean {
  return !!a && !!b && a.size === b.size && a.mtimeNs === b.mtimeNs && a.ino === b.ino;
}
