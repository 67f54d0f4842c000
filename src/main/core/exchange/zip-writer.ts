/**
 * A small zip writer for the .qdpx archive and the .xlsx workbook: each file is deflated by
 * Node's zlib as it is added (or, streamed, as it is written) and only the compressed bytes are
 * kept, so exporting a thousand transcripts never holds them all uncompressed at once (JSZip kept
 * every input and its own copies: 200 MB at L, 10 s).
 */
import { once } from 'node:events';
import { crc32, createDeflateRaw, deflateRawSync } from 'node:zlib';

/** Zip's 32-bit size fields (no ZIP64): larger entries are refused rather than written wrong. */
const MAX_ENTRY_BYTES = 0xffffffff;

/** Text handed to a streamed entry is deflated in pieces of about this many characters. */
const STREAM_PIECE_CHARS = 1 << 20;

/** Flag bit 11: names are UTF-8. */
const UTF8_NAMES = 0x0800;

/** DOS time and date fields (UTC, so the same date gives the same bytes everywhere). */
function dosDateTime(date: Date): { time: number; date: number } {
  return {
    time: (date.getUTCHours() << 11) | (date.getUTCMinutes() << 5) | (date.getUTCSeconds() >> 1),
    date:
      ((Math.max(1980, date.getUTCFullYear()) - 1980) << 9) |
      ((date.getUTCMonth() + 1) << 5) |
      date.getUTCDate(),
  };
}

/** Builds a zip archive entry by entry; `finish` returns the whole archive. */
export class ZipWriter {
  private readonly chunks: Uint8Array[] = [];
  private readonly central: Buffer[] = [];
  private offset = 0;
  private entries = 0;
  private readonly stamp: { time: number; date: number };

  constructor(date: Date) {
    this.stamp = dosDateTime(date);
  }

  /** A folder entry (`name` ends with "/"). */
  addDirectory(name: string): void {
    this.add(name, 0, [], 0, 0, 0x10);
  }

  /** A file, deflated (level 6 in native zlib is fast enough; it keeps archives small). */
  addFile(name: string, data: Uint8Array): void {
    this.add(name, data.length, [deflateRawSync(data)], 8, crc32(data), 0);
  }

  /**
   * A file whose text `produce` writes piece by piece: each piece is encoded and deflated as it
   * comes (on zlib's thread, while the next one is made), so a sheet of 300,000 rows is never one
   * string or one buffer. Only the compressed bytes are kept. `write` resolves when zlib is ready
   * for more.
   */
  async addStreamedFile(
    name: string,
    produce: (write: (text: string) => Promise<void>) => Promise<void>,
  ): Promise<void> {
    const deflate = createDeflateRaw();
    const compressed: Buffer[] = [];
    deflate.on('data', (chunk: Buffer) => compressed.push(chunk));
    const ended = once(deflate, 'end');
    // Awaited below; a zlib error while `produce` is still running must not go unhandled.
    ended.catch(() => undefined);
    let crc = 0;
    let size = 0;
    let pending: string[] = [];
    let pendingChars = 0;
    const flush = async () => {
      if (pendingChars === 0) return;
      const bytes = Buffer.from(pending.join(''), 'utf8');
      pending = [];
      pendingChars = 0;
      crc = crc32(bytes, crc);
      size += bytes.length;
      if (size > MAX_ENTRY_BYTES) throw new RangeError(`${name} is larger than a zip entry holds`);
      if (!deflate.write(bytes)) await once(deflate, 'drain');
    };
    try {
      await produce(async (text) => {
        pending.push(text);
        pendingChars += text.length;
        if (pendingChars >= STREAM_PIECE_CHARS) await flush();
      });
      await flush();
      deflate.end();
      await ended;
    } catch (error) {
      deflate.destroy();
      throw error;
    }
    this.add(name, size, compressed, 8, crc, 0);
  }

  private add(
    name: string,
    size: number,
    stored: readonly Uint8Array[],
    method: number,
    crc: number,
    externalAttributes: number,
  ): void {
    const storedLength = stored.reduce((sum, chunk) => sum + chunk.length, 0);
    const fileName = Buffer.from(name, 'utf8');
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(UTF8_NAMES, 6);
    local.writeUInt16LE(method, 8);
    local.writeUInt16LE(this.stamp.time, 10);
    local.writeUInt16LE(this.stamp.date, 12);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(storedLength, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(fileName.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(UTF8_NAMES, 8);
    header.writeUInt16LE(method, 10);
    header.writeUInt16LE(this.stamp.time, 12);
    header.writeUInt16LE(this.stamp.date, 14);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(storedLength, 20);
    header.writeUInt32LE(size, 24);
    header.writeUInt16LE(fileName.length, 28);
    // Extra, comment, disk number, internal attributes: all zero (alloc).
    header.writeUInt32LE(externalAttributes, 38);
    header.writeUInt32LE(this.offset, 42);
    this.central.push(header, fileName);
    this.chunks.push(local, fileName);
    for (const chunk of stored) this.chunks.push(chunk);
    this.offset += local.length + fileName.length + storedLength;
    if (this.offset > MAX_ENTRY_BYTES) throw new RangeError('The archive is larger than zip holds');
    this.entries += 1;
  }

  /** The archive: entries, central directory, end record. */
  finish(): Buffer {
    const directory = Buffer.concat(this.central);
    const end = Buffer.alloc(22);
    end.writeUInt32LE(0x06054b50, 0);
    end.writeUInt16LE(this.entries, 8);
    end.writeUInt16LE(this.entries, 10);
    end.writeUInt32LE(directory.length, 12);
    end.writeUInt32LE(this.offset, 16);
    return Buffer.concat([...this.chunks, directory, end]);
  }
}
