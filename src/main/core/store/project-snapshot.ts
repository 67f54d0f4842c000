/**
 * `cache/project.snapshot`: project.json as compact JSON in Latin-1, keyed by the stamp of the
 * project.json it was made from (STORE-V2 §4: a cache; deleting it loses nothing).
 *
 * Why: at L project.json is 1.3 MB of indented UTF-8 whose few characters beyond Latin-1 (’, –)
 * make its decoded text a 2.6 MB two-byte string: reading, decoding and parsing it took about
 * 23 of the 40 ms of opening L on the bench machine, 13 of them decoding. The snapshot is the
 * same JSON without the indentation and with every character beyond Latin-1 written as a
 * `\uXXXX` escape, so each byte is one character: 0.9 MB, made a one-byte string by a plain copy
 * and parsed by the same JSON.parse. (V8's own serializer was tried: no faster here, and tied to
 * the V8 version.)
 *
 * A snapshot is used only when its stamp is the stamp of project.json now and its length and
 * checksum match; otherwise project.json is read as before. It is made only from the bytes of a
 * project.json this session read and checked (or wrote), stamped before and after they are read,
 * never from memory. For valid JSON the rewriting is exact: whitespace outside strings means
 * nothing, and an escape stands for the very UTF-16 unit it replaces.
 */
import { isUtf8 } from 'node:buffer';
import { mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { writeCacheFile } from './durable-file';
import { sameStamp, stampOf, type FileStamp } from './file-stamp';
import { CACHE_DIR, PROJECT_FILE } from './layout';

export const PROJECT_SNAPSHOT_FILE = 'project.snapshot';
const MAGIC = 0x31534a50; // "PJS1"
/** Bump when the header or the payload change shape. */
const FORMAT = 1;
/** The header is JSON padded to this length, so the file is written in one piece. */
const HEADER_BYTES = 256;
const PAYLOAD_AT = 8 + HEADER_BYTES;

interface SnapshotHeader {
  format: number;
  /** The project.json the payload was made from. */
  stamp: FileStamp;
  length: number;
  crc32: number;
}

const snapshotPath = (projectDir: string) => join(projectDir, CACHE_DIR, PROJECT_SNAPSHOT_FILE);

/**
 * The parsed project.json of stamp `stamp`, from the snapshot; undefined when there is no
 * snapshot of that very file (missing, stale or damaged).
 */
export async function readProjectSnapshot(
  projectDir: string,
  stamp: FileStamp | null,
): Promise<unknown> {
  if (!stamp) return undefined;
  const bytes = await readFile(snapshotPath(projectDir)).catch(() => null);
  return bytes ? decodeSnapshot(bytes, stamp) : undefined;
}

/**
 * The last project.json a session read or wrote, as the snapshot holds it, whatever project.json
 * is now (its length and checksum still checked), and when that project.json was saved: what
 * a damaged project.json can be restored from (recovery.ts). Null when there is none.
 */
export async function readLastSavedProject(
  projectDir: string,
): Promise<{ value: unknown; savedAt: Date } | null> {
  const bytes = await readFile(snapshotPath(projectDir)).catch(() => null);
  if (!bytes) return null;
  let savedAt: Date | null = null;
  const value = decodeSnapshot(bytes, (stamp) => {
    if (typeof stamp.mtimeNs !== 'string' || !/^\d{1,30}$/.test(stamp.mtimeNs)) return false;
    savedAt = new Date(Number(BigInt(stamp.mtimeNs) / 1_000_000n));
    return true;
  });
  return value === undefined || !savedAt ? null : { value, savedAt };
}

/**
 * The value a snapshot's bytes hold for `stamp` (or for any stamp `stamp` accepts), or
 * undefined (exported for tests).
 */
export function decodeSnapshot(
  bytes: Buffer,
  stamp: FileStamp | ((made: FileStamp) => boolean),
): unknown {
  if (bytes.length < PAYLOAD_AT || bytes.readUInt32LE(0) !== MAGIC) return undefined;
  if (bytes.readUInt32LE(4) !== HEADER_BYTES) return undefined;
  let header: Partial<SnapshotHeader>;
  try {
    header = JSON.parse(bytes.toString('latin1', 8, PAYLOAD_AT)) as Partial<SnapshotHeader>;
  } catch {
    return undefined;
  }
  const payload = bytes.subarray(PAYLOAD_AT);
  if (
    header.format !== FORMAT ||
    !header.stamp ||
    !(typeof stamp === 'function' ? stamp(header.stamp) : sameStamp(stamp, header.stamp)) ||
    header.length !== payload.length ||
    header.crc32 !== crc32(payload)
  ) {
    return undefined;
  }
  try {
    return JSON.parse(payload.toString('latin1')) as unknown;
  } catch {
    return undefined;
  }
}

/**
 * The snapshot of the JSON text `json` (UTF-8 bytes, as project.json holds it) made from the
 * project.json of stamp `stamp`; null when the text cannot be rewritten (not UTF-8, or a
 * character beyond ASCII outside a string: not the JSON Campo writes).
 */
export function encodeSnapshot(json: Uint8Array, stamp: FileStamp): Buffer | null {
  if (!isUtf8(json)) return null;
  // At most 6 bytes (an escape) for each byte of a 2-byte character: 3× the text. Pages never
  // written are never touched, so the rest costs nothing.
  const out = Buffer.allocUnsafeSlow(PAYLOAD_AT + json.length * 3);
  const end = compactLatin1(json, out, PAYLOAD_AT);
  if (end < 0) return null;
  const payload = out.subarray(PAYLOAD_AT, end);
  const header: SnapshotHeader = {
    format: FORMAT,
    stamp,
    length: payload.length,
    crc32: crc32(payload),
  };
  const text = JSON.stringify(header);
  if (text.length > HEADER_BYTES) return null;
  out.writeUInt32LE(MAGIC, 0);
  out.writeUInt32LE(HEADER_BYTES, 4);
  out.write(text.padEnd(HEADER_BYTES, ' '), 8, 'latin1');
  return out.subarray(0, end);
}

const HEX = '0123456789abcdef';

/** Writes `\uXXXX` for the UTF-16 unit `unit` at `at`; returns the position after it. */
function escapeUnit(out: Buffer, at: number, unit: number): number {
  out[at] = 0x5c; // \
  out[at + 1] = 0x75; // u
  for (let shift = 12, i = 2; i < 6; shift -= 4, i++) {
    out[at + i] = HEX.charCodeAt((unit >> shift) & 0xf);
  }
  return at + 6;
}

/**
 * Copies the valid UTF-8 JSON text `json` into `out` from `at`, without whitespace outside
 * strings, with characters U+0080–U+00FF as one byte and the others escaped (a pair of
 * surrogates beyond U+FFFF); returns where it ends, or -1 when it is not such a text.
 */
export function compactLatin1(json: Uint8Array, out: Buffer, at: number): number {
  let i = json[0] === 0xef && json[1] === 0xbb && json[2] === 0xbf ? 3 : 0; // BOM
  let o = at;
  let inString = false;
  const n = json.length;
  while (i < n) {
    const byte = json[i]!;
    if (byte < 0x80) {
      if (!inString) {
        i += 1;
        if (byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09) continue;
        if (byte === 0x22) inString = true;
        out[o++] = byte;
      } else if (byte === 0x5c) {
        // An escape: its next byte is ASCII in JSON, and never ends the string.
        const next = json[i + 1];
        if (next === undefined || next >= 0x80) return -1;
        out[o++] = byte;
        out[o++] = next;
        i += 2;
      } else {
        if (byte === 0x22) inString = false;
        out[o++] = byte;
        i += 1;
      }
      continue;
    }
    if (!inString) return -1;
    // Valid UTF-8 (checked by the caller): the lead byte says the length.
    let point: number;
    if (byte < 0xe0) {
      point = ((byte & 0x1f) << 6) | (json[i + 1]! & 0x3f);
      i += 2;
    } else if (byte < 0xf0) {
      point = ((byte & 0x0f) << 12) | ((json[i + 1]! & 0x3f) << 6) | (json[i + 2]! & 0x3f);
      i += 3;
    } else {
      point =
        ((byte & 0x07) << 18) |
        ((json[i + 1]! & 0x3f) << 12) |
        ((json[i + 2]! & 0x3f) << 6) |
        (json[i + 3]! & 0x3f);
      i += 4;
    }
    if (point <= 0xff) out[o++] = point;
    else if (point <= 0xffff) o = escapeUnit(out, o, point);
    else {
      point -= 0x10000;
      o = escapeUnit(out, o, 0xd800 + (point >> 10));
      o = escapeUnit(out, o, 0xdc00 + (point & 0x3ff));
    }
  }
  return inString ? -1 : o;
}

/**
 * Snapshots project.json if it is still the file of stamp `valid` (one this session read and
 * checked, or wrote): its bytes are read between two stamps, so they are of that very file.
 * Resolves to the stamp snapshotted, or null when nothing was written. A cache write: temp file
 * and rename, no fsync (a snapshot lost in a crash is made again; a damaged one fails its
 * checksum).
 */
export async function snapshotProjectFile(
  projectDir: string,
  valid: FileStamp | null,
): Promise<FileStamp | null> {
  const path = join(projectDir, PROJECT_FILE);
  if (!valid || !sameStamp(valid, await stampOf(path))) return null;
  const json = await readFile(path);
  if (!sameStamp(valid, await stampOf(path))) return null;
  const bytes = encodeSnapshot(json, valid);
  if (!bytes) return null;
  await mkdir(join(projectDir, CACHE_DIR), { recursive: true });
  await writeCacheFile(snapshotPath(projectDir), bytes);
  return valid;
}
