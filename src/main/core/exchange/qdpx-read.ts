import { basename } from 'node:path';
import { decodeText, looksBinary } from '../../../shared/domain/text-decoding';
import type { ParsedTurn } from '../../../shared/domain/speaker-lines';
import {
  parseCodebookQdc,
  parseProjectQde,
  type RefiCodebook,
  type RefiProject,
} from '../../../shared/exchange/qde-parse';
import { damaged } from '../../../shared/exchange/qde-parse-xml';
import { CampoError } from '../../../shared/ipc/errors';
import { IMPORT_LIMITS, describeSize } from '../import/limits';
import { readTranscriptFile } from '../import/transcript-file';
import { looksLikeZip } from '../import/zip-guard';
import { Archive, unsafePath, type CentralEntry } from './qdpx-zip';

/**
 * Opens a REFI-QDA project archive (.qdpx) from bytes, treating it as hostile (see qdpx-zip.ts),
 * and returns its parsed project.qde with the texts of its sources. Nothing is written to disk.
 */

const MB = 1024 * 1024;
/** The format named when a file is not a .qdpx (catalogue key errors.FILE_TYPE_MISMATCH). */
const QDPX_EXPECTED = 'progetto REFI-QDA (.qdpx)';

/** What a .qdpx may hold. Lowered in tests to build zip bombs quickly. */
export interface QdpxLimits {
  /** The project.qde (or .qdc) once decompressed. */
  qdeBytes: number;
  /** One source or note file once decompressed. */
  sourceBytes: number;
  /** Everything actually decompressed from one archive. */
  totalBytes: number;
}

/** Default caps: far above real projects (a 3-hour interview is ~300 KB of text). */
export const QDPX_LIMITS: QdpxLimits = {
  qdeBytes: 50 * MB,
  sourceBytes: 200 * MB,
  totalBytes: IMPORT_LIMITS.unzippedBytes,
};

/** The text of one TextSource as found in the archive. */
export interface QdpxSourceText {
  /**
   * Plain text: exactly as the tool counted positions (CRLF kept, BOM removed). DOCX: the text
   * the transcript importer makes of it.
   */
  text: string;
  origin: 'txt' | 'docx';
  /** True when the selections' positions refer to `text` (a plain text file or inline text). */
  positional: boolean;
  /** Speaker turns found in a DOCX (none for plain text, whose text is kept as it is). */
  turns: ParsedTurn[];
}

/** Why a text source could not be read. */
export type UnreadableReason = 'missing' | 'unsupported' | 'binary' | 'too-large' | 'damaged';

/** A .qdpx read into memory. */
export interface QdpxContents {
  /** Name of the .qde inside the archive (`project.qde`, or the one ATLAS.ti names). */
  qdeName: string;
  project: RefiProject;
  /** Texts by source GUID; a source missing here is listed in `unreadable`. */
  texts: Map<string, QdpxSourceText>;
  unreadable: Map<string, UnreadableReason>;
  /** Texts of notes kept in files (plainTextPath), by note GUID. */
  noteTexts: Map<string, string>;
}

/** The project's XML: `project.qde` at the root, else the only `.qde` there (ATLAS.ti). */
function findQde(archive: Archive, file: string): CentralEntry {
  const qdes = archive.rootNames().filter((name) => name.toLowerCase().endsWith('.qde'));
  const chosen = qdes.find((name) => name.toLowerCase() === 'project.qde') ?? qdes[0];
  if (chosen === undefined) {
    throw new CampoError('FILE_TYPE_MISMATCH', `${file} has no project.qde`, {
      file,
      expected: QDPX_EXPECTED,
    });
  }
  if (qdes.length > 1 && chosen.toLowerCase() !== 'project.qde') {
    throw damaged(file, 'l’archivio contiene più file .qde: non si sa quale aprire');
  }
  return archive.find(chosen)!;
}

/**
 * The archive entries a source path may name: `internal://x.txt` or a bare `x.txt` (qc) inside
 * `sources/` (any case). External paths (`relative://`, `absolute://`) and anything that could
 * leave the archive give none.
 */
function candidates(path: string | null): string[] {
  if (path === null) return [];
  let relative = path.trim();
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(relative);
  if (scheme) {
    if (scheme[1]!.toLowerCase() !== 'internal') return [];
    relative = relative.slice(scheme[0].length);
  }
  relative = relative.replace(/\\/g, '/').replace(/^(\.\/)+/, '');
  if (relative === '' || unsafePath(relative)) return [];
  const names = [`sources/${relative}`, relative];
  try {
    const decoded = decodeURIComponent(relative);
    if (decoded !== relative && !unsafePath(decoded)) names.push(`sources/${decoded}`);
  } catch {
    // Not percent-encoded: the plain name is the only candidate.
  }
  return names;
}

function locate(archive: Archive, path: string | null) {
  for (const name of candidates(path)) {
    const entry = archive.find(name);
    if (entry && !entry.name.endsWith('/')) return entry;
  }
  return undefined;
}

/** Windows-1252 bytes 0x80–0xFF as text-decoding.ts reads them (its table, reused). */
let cp1252High: string[] | null = null;

/**
 * A plain text file decoded as the transcript importer decodes it (UTF-8 with or without BOM,
 * UTF-16, Windows-1252 for invalid UTF-8) but with CRLF kept: positions may count it.
 */
export function decodePositionalText(bytes: Uint8Array): string {
  const { encoding } = decodeText(bytes);
  if (encoding !== 'windows-1252') {
    return new TextDecoder(encoding).decode(bytes).replace(/^\uFEFF/, '');
  }
  cp1252High ??= Array.from({ length: 128 }, (_, i) => decodeText(new Uint8Array([0x80 + i])).text);
  let text = '';
  for (const byte of bytes)
    text += byte < 0x80 ? String.fromCharCode(byte) : cp1252High[byte - 0x80];
  return text;
}

/** SourceFileSchema's limit on a source text: a longer one could not be saved. */
const MAX_TEXT = 20_000_000;

async function docxText(
  bytes: Uint8Array,
  name: string,
): Promise<QdpxSourceText | UnreadableReason> {
  try {
    const parsed = await readTranscriptFile(bytes, `${basename(name, '.docx')}.docx`);
    return { text: parsed.text, turns: parsed.turns, origin: 'docx', positional: false };
  } catch (error) {
    if (error instanceof CampoError && error.code === 'FILE_EMPTY') {
      return { text: '', turns: [], origin: 'docx', positional: false };
    }
    if (error instanceof CampoError && error.code === 'FILE_TOO_LARGE') return 'too-large';
    if (error instanceof CampoError) return 'damaged';
    throw error;
  }
}

/** The text of one source: inline, plain text file, or DOCX (plain or rich path). */
async function sourceText(
  archive: Archive,
  source: RefiProject['sources'][number],
  limits: QdpxLimits,
): Promise<QdpxSourceText | UnreadableReason> {
  if (source.plainTextContent !== null) {
    return { text: source.plainTextContent, turns: [], origin: 'txt', positional: true };
  }
  const plain = locate(archive, source.plainTextPath);
  const rich = locate(archive, source.richTextPath);
  if (plain && !plain.name.toLowerCase().endsWith('.docx')) {
    const bytes = await archive.read(plain, limits.sourceBytes);
    const text = decodePositionalText(bytes);
    // looksBinary counts CR as a control character: judge the text as Campo will store it.
    if (looksBinary(text.replace(/\r\n?/g, '\n'))) return 'binary';
    if (text.length > MAX_TEXT) return 'too-large';
    // A blank plain text beside a DOCX says nothing (NVivo for Mac writes a one-newline .txt):
    // the DOCX is read instead.
    const blank = text.trim() === '' && rich?.name.toLowerCase().endsWith('.docx');
    if (!blank) return { text, turns: [], origin: 'txt', positional: true };
  }
  const docx = plain && plain.name.toLowerCase().endsWith('.docx') ? plain : rich;
  if (!docx) return source.plainTextPath || source.richTextPath ? 'missing' : 'unsupported';
  if (!docx.name.toLowerCase().endsWith('.docx')) return 'unsupported';
  return docxText(await archive.read(docx, limits.sourceBytes), docx.name);
}

/**
 * Reads a .qdpx: FILE_TYPE_MISMATCH when it is not a zip or has no .qde; FILE_DAMAGED for zip
 * slip, absolute paths, zip bombs (declared or real size above the caps, or above what the entry
 * declares), damaged data, XML with DOCTYPE/ENTITY; FILE_TOO_LARGE for an entry above its cap.
 * Sources whose file is missing, external or not text are listed in `unreadable`, not refused.
 */
export async function readQdpx(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<QdpxLimits> = {},
): Promise<QdpxContents> {
  const file = basename(fileName);
  const caps = { ...QDPX_LIMITS, ...limits };
  const archive = new Archive(bytes, file, caps.totalBytes, QDPX_EXPECTED);
  const qde = findQde(archive, file);
  const xml = decodeText(await archive.read(qde, caps.qdeBytes)).text;
  const project = parseProjectQde(xml, `${file}: ${qde.name}`);
  const texts = new Map<string, QdpxSourceText>();
  const unreadable = new Map<string, UnreadableReason>();
  for (const source of project.sources) {
    const result = await sourceText(archive, source, caps);
    if (typeof result === 'string') unreadable.set(source.guid, result);
    else texts.set(source.guid, result);
  }
  const noteTexts = new Map<string, string>();
  for (const note of project.notes) {
    const entry = note.text.trim() === '' ? locate(archive, note.plainTextPath) : undefined;
    if (entry)
      noteTexts.set(note.guid, decodeText(await archive.read(entry, caps.sourceBytes)).text);
  }
  return { qdeName: qde.name, project, texts, unreadable, noteTexts };
}

/**
 * The codebook of a .qdc file or of a .qdpx archive (its project.qde), with the same checks as
 * `readQdpx`. A .qdc is XML: a UTF-8 BOM, CRLF and the old 0.4 namespace are fine.
 */
export async function readCodebook(
  bytes: Uint8Array,
  fileName: string,
  limits: Partial<QdpxLimits> = {},
): Promise<RefiCodebook> {
  const file = basename(fileName);
  const caps = { ...QDPX_LIMITS, ...limits };
  if (looksLikeZip(bytes)) {
    const archive = new Archive(bytes, file, caps.totalBytes, QDPX_EXPECTED);
    const qde = findQde(archive, file);
    return parseCodebookQdc(decodeText(await archive.read(qde, caps.qdeBytes)).text, file);
  }
  if (bytes.length === 0) throw new CampoError('FILE_EMPTY', `${file} is empty`, { file });
  if (bytes.length > caps.qdeBytes) {
    throw new CampoError('FILE_TOO_LARGE', `${file} is too large`, {
      file,
      size: describeSize(bytes.length),
      max: describeSize(caps.qdeBytes),
    });
  }
  const { text } = decodeText(bytes);
  if (looksBinary(text)) {
    throw new CampoError('FILE_TYPE_MISMATCH', `${file} is not XML`, {
      file,
      expected: 'codebook REFI-QDA (.qdc)',
    });
  }
  return parseCodebookQdc(text, file);
}
