/**
 * Coder layers (codings/<source>/<evaluator>.json): how a layer's stored codings and memos become
 * the codings the app works with and back, and how a layer file is written (STORE-V2 §1).
 */
import { passageFingerprint } from '../../../shared/domain/fingerprint';
import { CURRENT_SCHEMA_VERSION } from '../../../shared/model/project';
import type {
  Coding,
  LayerFile,
  LayerTombstone,
  Memo,
  SourceDoc,
  SourceFile,
  StoredCoding,
  StoredMemo,
} from '../../../shared/model/source';

/** An empty layer of `coderId` on `sourceId`. */
export function emptyLayer(sourceId: string, coderId: string, textRev: number): LayerFile {
  return {
    schemaVersion: CURRENT_SCHEMA_VERSION,
    sourceId,
    coderId,
    textRev,
    codings: [],
    memos: [],
    tombstones: [],
  };
}

/**
 * The view of a stored coding: its fields (no fingerprint) in one fixed order, so that every
 * view object has the same shape (a save walks thousands of them).
 */
function viewCoding(stored: StoredCoding, coderId: string, text: string, flagged: boolean): Coding {
  const coding: Coding = {
    id: stored.id,
    codeId: stored.codeId,
    start: stored.start,
    end: stored.end,
    memo: stored.memo,
    key: stored.key,
    textChanged: flagged,
    createdAt: stored.createdAt,
  } as Coding;
  if (stored.rev !== undefined) coding.rev = stored.rev;
  if (stored.updatedAt !== undefined) coding.updatedAt = stored.updatedAt;
  if (stored.updatedBy !== undefined) coding.updatedBy = stored.updatedBy;
  coding.text = text;
  coding.coderId = coderId;
  return coding;
}

/**
 * A stored coding over `text`: its passage read from the text, unless the coding is flagged (it
 * keeps the words it was made on). A passage whose fingerprint no longer matches (a text changed
 * outside Campo) is flagged for review (`intact` false) rather than shown as if nothing happened.
 */
export function codingOf(
  stored: StoredCoding,
  coderId: string,
  text: string,
): { coding: Coding; intact: boolean } {
  if (stored.textChanged && stored.text !== undefined) {
    return { coding: viewCoding(stored, coderId, stored.text, true), intact: true };
  }
  const passage = text.slice(stored.start, stored.end);
  const intact = stored.end <= text.length && passageFingerprint(passage) === stored.fp;
  return {
    coding: viewCoding(stored, coderId, passage, stored.textChanged || !intact),
    intact,
  };
}

/** Every coding of a layer over `text` (see `codingOf`), and how many drifted. */
export function codingsOf(layer: LayerFile, text: string): { codings: Coding[]; drifted: number } {
  let drifted = 0;
  const codings = layer.codings.map((stored) => {
    const read = codingOf(stored, layer.coderId, text);
    if (!read.intact) drifted += 1;
    return read.coding;
  });
  return { codings, drifted };
}

/** The memos of a layer, naming their evaluator. */
export function memosOf(layer: LayerFile): Memo[] {
  return layer.memos.map((memo) => ({ ...memo, coderId: layer.coderId }));
}

/** A coding as a layer stores it: the fingerprint instead of the passage, defaults left out. */
export function storedCoding(coding: Coding): StoredCoding {
  const stored: StoredCoding = {
    id: coding.id,
    codeId: coding.codeId,
    start: coding.start,
    end: coding.end,
    fp: passageFingerprint(coding.text),
    memo: coding.memo,
    key: coding.key,
    textChanged: coding.textChanged,
    createdAt: coding.createdAt,
    rev: coding.rev,
    updatedAt: coding.updatedAt,
    updatedBy: coding.updatedBy,
  };
  if (coding.textChanged) stored.text = coding.text;
  return stored;
}

/** A memo as a layer stores it. */
export function storedMemo(memo: Memo): StoredMemo {
  const { coderId: _coder, ...stored } = memo;
  return stored;
}

/** Same content, stamp aside: what decides whether a coding changed. */
export function sameStoredCoding(a: StoredCoding, b: StoredCoding | undefined): boolean {
  return (
    b !== undefined &&
    a.codeId === b.codeId &&
    a.start === b.start &&
    a.end === b.end &&
    a.fp === b.fp &&
    a.text === b.text &&
    a.memo === b.memo &&
    a.key === b.key &&
    a.textChanged === b.textChanged &&
    a.createdAt === b.createdAt
  );
}

export function sameStoredMemo(a: StoredMemo, b: StoredMemo | undefined): boolean {
  return b !== undefined && a.text === b.text && a.createdAt === b.createdAt;
}

/** A stored coding without its default fields, keys in a fixed order (one line per coding). */
function compactCoding(coding: StoredCoding): Record<string, unknown> {
  const line: Record<string, unknown> = {
    id: coding.id,
    codeId: coding.codeId,
    start: coding.start,
    end: coding.end,
    fp: coding.fp,
  };
  if (coding.text !== undefined) line.text = coding.text;
  if (coding.memo !== '') line.memo = coding.memo;
  if (coding.key) line.key = true;
  if (coding.textChanged) line.textChanged = true;
  line.createdAt = coding.createdAt;
  line.rev = coding.rev;
  line.updatedAt = coding.updatedAt;
  line.updatedBy = coding.updatedBy;
  return line;
}

/** One JSON line per item, so a person can read the file and a diff shows one line per coding. */
function lines(items: readonly unknown[]): string {
  return items.length === 0
    ? '[]'
    : `[\n    ${items.map((item) => JSON.stringify(item)).join(',\n    ')}\n  ]`;
}

function header(layer: LayerFile): string {
  return (
    `{\n  "schemaVersion": ${layer.schemaVersion},\n` +
    `  "sourceId": ${JSON.stringify(layer.sourceId)},\n` +
    `  "coderId": ${JSON.stringify(layer.coderId)},\n` +
    `  "textRev": ${layer.textRev},\n` +
    `  "codings": `
  );
}

/** The text of a layer file. */
export function serializeLayer(layer: LayerFile): string {
  return (
    header(layer) +
    `${lines(layer.codings.map(compactCoding))},\n` +
    `  "memos": ${lines(layer.memos)},\n` +
    `  "tombstones": ${lines(layer.tombstones)}\n}\n`
  );
}

const OPEN = Buffer.from('[\n    ');
const SEPARATOR = ',\n    ';
const CLOSE = Buffer.from('\n  ]');
const EMPTY = Buffer.from('[]');
const BEFORE_MEMOS = Buffer.from(',\n  "memos": ');
const BEFORE_TOMBSTONES = Buffer.from(',\n  "tombstones": ');
const END = Buffer.from('\n}\n');

/**
 * Writes layer files as `serializeLayer` does, byte for byte, but encodes each coding, memo and
 * tombstone only once: a save on a layer of 2,000 codings encodes the one that changed and hands
 * the others' bytes, as they are, to a gathered write (`parts`). Only frozen items are remembered
 * (an item that could still be edited in place is encoded every time), so a line cannot go stale.
 */
export class LayerEncoder {
  /** Each item's line with the separator that precedes it (`,\n    {…}`). */
  private readonly codings = new WeakMap<StoredCoding, Buffer>();
  private readonly memos = new WeakMap<StoredMemo, Buffer>();
  private readonly tombstones = new WeakMap<LayerTombstone, Buffer>();
  /** The lines of a layer's list of codings, in its order. */
  private readonly codingLines = new WeakMap<readonly StoredCoding[], readonly Buffer[]>();

  /** The bytes of a layer file, in pieces to write one after the other. */
  parts(layer: LayerFile): Buffer[] {
    const parts = [Buffer.from(header(layer))];
    pushLines(parts, this.linesFor(layer.codings));
    parts.push(BEFORE_MEMOS);
    pushLines(
      parts,
      layer.memos.map((memo) => this.line(this.memos, memo, () => memo)),
    );
    parts.push(BEFORE_TOMBSTONES);
    pushLines(
      parts,
      layer.tombstones.map((tombstone) => this.line(this.tombstones, tombstone, () => tombstone)),
    );
    parts.push(END);
    return parts;
  }

  /** The bytes of a layer file. */
  encode(layer: LayerFile): Buffer {
    return Buffer.concat(this.parts(layer));
  }

  /** The lines of a list of codings, if it was encoded (for a list derived from it). */
  linesOf(codings: readonly StoredCoding[]): readonly Buffer[] | undefined {
    return this.codingLines.get(codings);
  }

  /**
   * Remembers the lines of `codings`, a list made from an encoded one: `known` holds the lines
   * of the codings it kept (same index), undefined where a coding is new.
   */
  derive(codings: readonly StoredCoding[], known: ReadonlyArray<Buffer | undefined>): void {
    if (known.length !== codings.length) return;
    // The known lines come from a remembered list, whose codings are frozen; so must the new be.
    let frozen = true;
    const lines = known.map((line, index) => {
      if (line) return line;
      const coding = codings[index]!;
      frozen &&= Object.isFrozen(coding);
      return this.codingLine(coding);
    });
    if (frozen) this.codingLines.set(codings, lines);
  }

  private linesFor(codings: readonly StoredCoding[]): readonly Buffer[] {
    let lines = this.codingLines.get(codings);
    if (!lines) {
      lines = codings.map((coding) => this.codingLine(coding));
      if (codings.every(Object.isFrozen)) this.codingLines.set(codings, lines);
    }
    return lines;
  }

  private codingLine(coding: StoredCoding): Buffer {
    return this.line(this.codings, coding, () => compactCoding(coding));
  }

  private line<T extends object>(cache: WeakMap<T, Buffer>, item: T, shape: () => unknown): Buffer {
    let line = cache.get(item);
    if (!line) {
      line = Buffer.from(SEPARATOR + JSON.stringify(shape()));
      if (Object.isFrozen(item)) cache.set(item, line);
    }
    return line;
  }
}

/** A JSON array of one line per item, as `lines` writes it. */
function pushLines(parts: Buffer[], lines: readonly Buffer[]): void {
  if (lines.length === 0) {
    parts.push(EMPTY);
    return;
  }
  parts.push(OPEN, lines[0]!.subarray(SEPARATOR.length));
  for (let index = 1; index < lines.length; index++) parts.push(lines[index]!);
  parts.push(CLOSE);
}

/** A source as the app sees it: its document with every layer's codings (sorted) and memos. */
export function viewOf(
  doc: SourceDoc,
  layers: Iterable<LayerFile>,
): { view: SourceFile; drifted: number } {
  const codings: Coding[] = [];
  const memos: Memo[] = [];
  let drifted = 0;
  for (const layer of layers) {
    const read = codingsOf(layer, doc.text);
    drifted += read.drifted;
    codings.push(...read.codings);
    memos.push(...memosOf(layer));
  }
  const { schemaVersion: _version, textRev: _textRev, ...fields } = doc;
  return {
    view: {
      ...fields,
      codings: codings.sort((a, b) => a.start - b.start || a.end - b.end),
      memos: memos.sort((a, b) => a.createdAt.localeCompare(b.createdAt)),
    },
    drifted,
  };
}
