import { damagedFile, type RefusalKey } from '../../../shared/ipc/refusals';
import { IMPORT_LIMITS } from './limits';

export interface ZipEntry {
  name: string;
  compressedSize: number;
  uncompressedSize: number;
}

const EOCD_SIGNATURE = 0x06054b50;
const CENTRAL_SIGNATURE = 0x02014b50;

/** True when the bytes start like a zip archive (DOCX, XLSX, QDPX are zips). */
export function looksLikeZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * Reads a zip's central directory without unpacking anything and refuses what should not be
 * opened: a truncated archive, a declared uncompressed total above the cap (zip bomb), entries
 * whose names climb out of the archive (zip slip). Cheap: only the directory is read.
 */
export function inspectZip(
  bytes: Uint8Array,
  file: string,
  maxTotal: number = IMPORT_LIMITS.unzippedBytes,
): ZipEntry[] {
  const damaged = (key: RefusalKey, params?: Record<string, string>) =>
    damagedFile(file, key, params);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 65_535); i -= 1) {
    if (view.getUint32(i, true) === EOCD_SIGNATURE) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) throw damaged('refusal.zipTruncated');
  const count = view.getUint16(eocd + 10, true);
  const size = view.getUint32(eocd + 12, true);
  let offset = view.getUint32(eocd + 16, true);
  if (offset + size > eocd) throw damaged('refusal.zipIndexMisplaced');
  const entries: ZipEntry[] = [];
  let total = 0;
  for (let i = 0; i < count; i += 1) {
    if (offset + 46 > bytes.length || view.getUint32(offset, true) !== CENTRAL_SIGNATURE) {
      throw damaged('refusal.zipIndexDamaged');
    }
    const compressedSize = view.getUint32(offset + 20, true);
    const uncompressedSize = view.getUint32(offset + 24, true);
    const nameLength = view.getUint16(offset + 28, true);
    const extraLength = view.getUint16(offset + 30, true);
    const commentLength = view.getUint16(offset + 32, true);
    const name = new TextDecoder().decode(bytes.subarray(offset + 46, offset + 46 + nameLength));
    if (
      name.startsWith('/') ||
      name.includes('\\') ||
      /^[a-zA-Z]:/.test(name) ||
      name.split('/').includes('..')
    ) {
      throw damaged('refusal.zipUnsafePath', { entry: name });
    }
    total += uncompressedSize;
    if (total > maxTotal) throw damaged('refusal.unzippedTooLarge');
    entries.push({ name, compressedSize, uncompressedSize });
    offset += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}
