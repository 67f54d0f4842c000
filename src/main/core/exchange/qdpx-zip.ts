import { promisify } from 'node:util';
import { inflateRaw } from 'node:zlib';
import { damagedFile as damaged } from '../../../shared/ipc/refusals';
import { CampoError } from '../../../shared/ipc/errors';
import { describeSize } from '../import/limits';
import { inspectZip, looksLikeZip } from '../import/zip-guard';

/**
 * A zip archive read from bytes, treating it as hostile: zip-guard's checks first (zip slip,
 * truncated directory, declared total), then each entry decompressed on demand under caps.
 *
 * Entries are decompressed with node:zlib rather than JSZip: JSZip throws "uncompressed data
 * size mismatch" from a timer when an entry lies about its size, an exception no caller can
 * catch, which would crash the process; zlib's `maxOutputLength` stops inflating as soon as the
 * declared size is passed.
 */

/** An entry of the central directory, with where its data starts. */
export interface CentralEntry {
  name: string;
  method: number;
  flags: number;
  compressedSize: number;
  uncompressedSize: number;
  localOffset: number;
}

const inflate = promisify(inflateRaw);

/** A path that could climb out of the archive or name a place on the machine. */
export function unsafePath(name: string): boolean {
  return (
    name.startsWith('/') ||
    name.startsWith('\\') ||
    name.includes('\\') ||
    name.includes('\0') ||
    /^[a-zA-Z]:/.test(name) ||
    name.split('/').includes('..')
  );
}

/** The central directory with what is needed to find each entry's data. */
function centralDirectory(bytes: Uint8Array, file: string): CentralEntry[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged(file, 'refusal.zipTruncated');
  const count = view.getUint16(eocd + 10, true);
  let offset = view.getUint32(eocd + 16, true);
  const entries: CentralEntry[] = [];
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== 0x02014b50) {
      throw damaged(file, 'refusal.zipIndexDamaged');
    }
    const nameLength = view.getUint16(offset + 28, true);
    entries.push({
      name: new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength)),
      flags: view.getUint16(offset + 8, true),
      method: view.getUint16(offset + 10, true),
      compressedSize: view.getUint32(offset + 20, true),
      uncompressedSize: view.getUint32(offset + 24, true),
      localOffset: view.getUint32(offset + 42, true),
    });
    offset +=
      46 + nameLength + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
  return entries;
}

/** The entries of a checked archive, decompressed on demand under the caps. */
export class Archive {
  private readonly entries = new Map<string, CentralEntry>();
  private readonly folded = new Map<string, CentralEntry>();
  private readonly cache = new Map<string, Uint8Array>();
  private decompressed = 0;

  /** `expected` names the format for FILE_TYPE_MISMATCH; `totalBytes` caps all reads. */
  constructor(
    private readonly bytes: Uint8Array,
    private readonly file: string,
    private readonly totalBytes: number,
    expected: string,
  ) {
    if (!looksLikeZip(bytes)) {
      throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not a zip`, { file, expected });
    }
    // Zip slip, truncated directory, declared total above the import cap.
    inspectZip(bytes, file, totalBytes);
    for (const entry of centralDirectory(bytes, file)) {
      if (unsafePath(entry.name)) {
        throw damaged(file, 'refusal.zipUnsafePath', { entry: entry.name });
      }
      if (!this.entries.has(entry.name)) this.entries.set(entry.name, entry);
      const key = entry.name.toLowerCase();
      if (!this.folded.has(key)) this.folded.set(key, entry);
    }
  }

  /** Names of every entry. */
  names(): string[] {
    return [...this.entries.keys()];
  }

  /** Names of the entries at the root of the archive (no folder). */
  rootNames(): string[] {
    return [...this.entries.keys()].filter((name) => !name.includes('/'));
  }

  /** The entry with this name, else one whose name differs only by case (`Sources/`). */
  find(name: string): CentralEntry | undefined {
    return this.entries.get(name) ?? this.folded.get(name.toLowerCase());
  }

  /** Every entry of the central directory (the first of any repeated name), in order. */
  allEntries(): CentralEntry[] {
    return [...this.entries.values()];
  }

  /**
   * Decompresses an entry, refusing it above `cap` or when it lies about its size. With
   * `keep: false` the content is only checked, not kept for a later read.
   */
  async read(
    entry: CentralEntry,
    cap: number,
    { keep = true }: { keep?: boolean } = {},
  ): Promise<Uint8Array> {
    const cached = this.cache.get(entry.name);
    if (cached) return cached;
    const { file } = this;
    if (entry.uncompressedSize > cap) {
      throw new CampoError('FILE_TOO_LARGE', `${entry.name} is too large`, {
        file: `${file}: ${entry.name}`,
        size: describeSize(entry.uncompressedSize),
        max: describeSize(cap),
      });
    }
    if (this.decompressed + entry.uncompressedSize > this.totalBytes) {
      throw damaged(file, 'refusal.unzippedTooLarge');
    }
    if ((entry.flags & 1) !== 0)
      throw damaged(file, 'refusal.entryEncrypted', { entry: entry.name });
    const view = new DataView(this.bytes.buffer, this.bytes.byteOffset, this.bytes.byteLength);
    const at = entry.localOffset;
    if (at + 30 > this.bytes.length || view.getUint32(at, true) !== 0x04034b50) {
      throw damaged(file, 'refusal.entryHeaderDamaged', { entry: entry.name });
    }
    const start = at + 30 + view.getUint16(at + 26, true) + view.getUint16(at + 28, true);
    const end = start + entry.compressedSize;
    if (end > this.bytes.length)
      throw damaged(file, 'refusal.entryTruncated', { entry: entry.name });
    const data = this.bytes.subarray(start, end);
    let content: Uint8Array;
    if (entry.method === 0) {
      // A copy, not a view: a view would carry the whole archive when posted to another process.
      content = keep ? data.slice() : data;
    } else if (entry.method === 8) {
      try {
        // Never more than declared: a lying entry stops here, whatever it would inflate to.
        content = await inflate(data, { maxOutputLength: Math.max(1, entry.uncompressedSize) });
      } catch (error) {
        const code = (error as { code?: string }).code;
        throw damaged(
          file,
          code === 'ERR_BUFFER_TOO_LARGE' ? 'refusal.entryLiesAboutSize' : 'refusal.entryCorrupt',
          { entry: entry.name },
        );
      }
    } else {
      throw damaged(file, 'refusal.entryMethod', { entry: entry.name });
    }
    if (content.length !== entry.uncompressedSize) {
      throw damaged(file, 'refusal.entrySizeMismatch', { entry: entry.name });
    }
    this.decompressed += content.length;
    if (keep) this.cache.set(entry.name, content);
    return content;
  }
}
