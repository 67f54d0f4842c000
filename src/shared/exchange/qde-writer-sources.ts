import type { Coding, Memo, SourceFile } from '../model/source';
import { utf16ToCodePoint } from './positions';
import { dateTimeOr, guidOf, type XmlWriter } from './qde-writer-xml';

/** What a selection's XML needs of its coding (an export holds one per coding of the project). */
export type ExportedCoding = Pick<Coding, 'id' | 'codeId' | 'coderId' | 'createdAt' | 'memo'>;

/** A coding as exported: its range in code points and its name (no passage text). */
export interface PlannedSelection {
  coding: ExportedCoding;
  /** The selection's label: the start of its passage (see `selectionName`). */
  name: string;
  startPosition: number;
  endPosition: number;
}

/**
 * One source as exported: its GUID, the file holding its text, its selections and memos. It
 * holds nothing of the text, so an export keeps the plans of 3,000 transcripts, not their texts.
 */
export interface PlannedSource {
  source: Omit<SourceFile, 'text' | 'codings' | 'turns'>;
  /** Participants speaking in the source's turns (its cases, with those the project lists). */
  speakers: string[];
  guid: string;
  path: string;
  selections: PlannedSelection[];
  /** Codings left out: text changed under them, unknown code, or a range that does not read as their text. */
  skipped: number;
}

function isHighSurrogate(unit: number): boolean {
  return unit >= 0xd800 && unit <= 0xdbff;
}

function isLowSurrogate(unit: number): boolean {
  return unit >= 0xdc00 && unit <= 0xdfff;
}

/** True when `offset` does not fall between the two halves of a surrogate pair. */
function isCharBoundary(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return true;
  return !(isHighSurrogate(text.charCodeAt(offset - 1)) && isLowSurrogate(text.charCodeAt(offset)));
}

/**
 * True when the coding can be exported exactly: not flagged, its code in the codebook, its range
 * inside the text on character boundaries and reading as its text. Then slicing the exported file
 * by the code-point positions gives back `coding.text`.
 */
function isExportable(text: string, coding: Coding, codeIds: ReadonlySet<string>): boolean {
  return (
    !coding.textChanged &&
    codeIds.has(coding.codeId) &&
    coding.start <= coding.end &&
    coding.end <= text.length &&
    isCharBoundary(text, coding.start) &&
    isCharBoundary(text, coding.end) &&
    text.slice(coding.start, coding.end) === coding.text
  );
}

/**
 * Code points before each of `offsets` (character boundaries of `text`), counted in one pass over
 * the text rather than once per offset from its start.
 */
function codePointsAt(text: string, offsets: Iterable<number>): Map<number, number> {
  const sorted = [...new Set(offsets)].sort((a, b) => a - b);
  const points = new Map<number, number>();
  let previous = 0;
  let count = 0;
  for (const offset of sorted) {
    count += utf16ToCodePoint(text.slice(previous, offset), offset - previous);
    points.set(offset, count);
    previous = offset;
  }
  return points;
}

/** Plans the export of one source: which codings go, and where in code points. */
export function planSource(source: SourceFile, codeIds: ReadonlySet<string>): PlannedSource {
  const guid = guidOf(source.id);
  const exportable = source.codings
    .filter((coding) => isExportable(source.text, coding, codeIds))
    .sort((a, b) => a.start - b.start || a.end - b.end);
  const points = codePointsAt(
    source.text,
    exportable.flatMap((coding) => [coding.start, coding.end]),
  );
  const { text: _text, codings: _codings, turns, ...rest } = source;
  const speakers = new Set<string>();
  for (const turn of turns) if (turn.participantId) speakers.add(turn.participantId);
  return {
    source: rest,
    speakers: [...speakers],
    guid,
    path: `sources/${guid}.txt`,
    selections: exportable.map((coding) => ({
      coding: {
        id: coding.id,
        codeId: coding.codeId,
        coderId: coding.coderId,
        createdAt: coding.createdAt,
        memo: coding.memo,
      },
      name: selectionName(coding.text),
      startPosition: points.get(coding.start)!,
      endPosition: points.get(coding.end)!,
    })),
    skipped: source.codings.length - exportable.length,
  };
}

/** The memos of a source that become notes: those with some text. */
export function memosOf(source: Pick<SourceFile, 'memos'>): Memo[] {
  return source.memos.filter((memo) => memo.text.trim() !== '');
}

/** A selection's name: its text on one line, cut at 100 characters (the name is a label only). */
export function selectionName(text: string): string {
  // One pass over the start only (whitespace runs folded to one space, at most 100 code points):
  // folding whole long passages cost a second per 100,000 codings. The name is joined from an
  // array: built with `+=` it stays a rope of one node per character (1.3 kB a name), and an
  // export holds the names of every coding of the project until its XML is written.
  const chars: string[] = [];
  let pendingSpace = false;
  for (const char of text) {
    if (/\s/.test(char)) {
      pendingSpace = chars.length > 0;
      continue;
    }
    if (chars.length === 100) return `${chars.slice(0, 99).join('')}…`;
    if (pendingSpace) {
      if (chars.length === 99) return `${chars.join('')}…`;
      chars.push(' ');
      pendingSpace = false;
    }
    chars.push(char);
  }
  return chars.join('');
}

/** What the writer needs to resolve references from a source. */
export interface SourceContext {
  exportingUser: string;
  /** The Description of an invented text (Campo's `fictional`), which no other tool flags. */
  fictionalNote: string;
  /** The REFI user of an evaluator (by id). */
  userGuidOf: (coderId: string) => string | undefined;
  noteGuidOf: (memoId: string) => string;
  now: string;
}

/** Writes one `TextSource` with its selections, codings and memo references. */
export function writeTextSource(
  writer: XmlWriter,
  planned: PlannedSource,
  context: SourceContext,
): void {
  const { source } = planned;
  const attributes = [
    ['guid', planned.guid],
    ['name', source.title],
    ['plainTextPath', `internal://${planned.guid}.txt`],
    ['creatingUser', context.exportingUser],
    ['creationDateTime', dateTimeOr(source.createdAt, context.now)],
    ['modifiedDateTime', dateTimeOr(source.updatedAt, context.now)],
  ] as const;
  const memos = memosOf(source);
  if (planned.selections.length === 0 && memos.length === 0 && !source.fictional) {
    writer.empty('TextSource', attributes);
    return;
  }
  writer.open('TextSource', attributes);
  if (source.fictional) writer.text('Description', context.fictionalNote);
  for (const { coding, name, startPosition, endPosition } of planned.selections) {
    const creatingUser = context.userGuidOf(coding.coderId);
    const createdAt = dateTimeOr(coding.createdAt, context.now);
    writer.open('PlainTextSelection', [
      ['guid', guidOf(coding.id)],
      ['name', name],
      ['startPosition', String(startPosition)],
      ['endPosition', String(endPosition)],
      ['creatingUser', creatingUser],
      ['creationDateTime', createdAt],
    ]);
    if (coding.memo.trim() !== '') writer.text('Description', coding.memo);
    // One Coding per selection, as Campo keeps one code per coding; its GUID is derived so a
    // second export of the same project names it the same.
    writer.open('Coding', [
      ['guid', guidOf(`${coding.id}c`)],
      ['creatingUser', creatingUser],
      ['creationDateTime', createdAt],
    ]);
    writer.empty('CodeRef', [['targetGUID', guidOf(coding.codeId)]]);
    writer.close('Coding');
    writer.close('PlainTextSelection');
  }
  for (const memo of memos) {
    writer.empty('NoteRef', [['targetGUID', context.noteGuidOf(memo.id)]]);
  }
  writer.close('TextSource');
}
