import { colourPicker, type ColourPicker } from '../../../shared/domain/codebook-tree';
import { nameKey } from '../../../shared/domain/folding';
import type { PositionUnit } from '../../../shared/exchange/positions';
import { placeSelections } from '../../../shared/exchange/place-codings';
import type { RefiCode, RefiProject, RefiTextSource } from '../../../shared/exchange/qde-parse';
import { CURRENT_SCHEMA_VERSION, type Code, type Participant } from '../../../shared/model/project';
import type { Coding, Memo, SourceFile } from '../../../shared/model/source';
import { mapCases, type ShortenedCase } from './qdpx-import-cases';
import { noteCodeGroups, type CodeGroup } from './qdpx-code-groups';
import { choosePositions, type PositionsReport } from './qdpx-positions';
import type { QdpxContents, QdpxSourceText } from './qdpx-read';
import type { SkipReason } from '../../../shared/exchange/import-summary';

/**
 * REFI-QDA → Campo mapping, without any file access: qdpx-import.ts writes what this returns
 * through a project session. Limits below are the schema's (src/shared/model), so a mapped
 * project always validates.
 */

/** Ids that may also name files (sources) and fit IdSchema. */
const SAFE_ID = /^[A-Za-z0-9_-]{1,100}$/;
const DESCRIPTION_MAX = 20_000;
const MEMO_MAX = 200_000;
/** Heading of the project notes no source refers to, appended to the project description. */
export const PROJECT_NOTES_HEADING = 'Note importate dal progetto REFI-QDA';

/** A source ready to be added, with what the summary reports about it. */
export interface MappedSource {
  file: SourceFile;
  participantIds: string[];
  /** Null when the text came from a DOCX: positions in the .qde do not refer to it. */
  unit: PositionUnit | null;
  unplaced: number;
}

export type { SkipReason, CodeGroup };
export { noteCodeGroups };

/** Everything an import writes, and what the summary says about it. */
export interface MappedProject {
  codes: Code[];
  participants: Participant[];
  sources: MappedSource[];
  description: string;
  evaluators: string[];
  /** The coder layers the codings went to: REFI users, and the importing evaluator. */
  team: Array<{ id: string; name: string }>;
  /** Coding elements not imported: selection outside the text, empty, or unknown code. */
  unplaced: number;
  skipped: Array<{ name: string; reason: SkipReason }>;
  positions: PositionsReport;
  shortenedCases: ShortenedCase[];
  codeGroups: CodeGroup[];
  /** Sets of sources (document groups), not imported. */
  sourceSets: string[];
}

/** Hands out ids: the REFI GUID when usable and unused, else a fresh one. */
export function idPool(newId: () => string, used: Iterable<string> = []) {
  const taken = new Set(used);
  return (guid: string | null | undefined): string => {
    let id = guid && SAFE_ID.test(guid) && !taken.has(guid) ? guid : newId();
    while (taken.has(id)) id = newId();
    taken.add(id);
    return id;
  };
}

/** `#rrggbb` in lower case from `#rgb` or `#rrggbb`; null for anything else. */
export function normalColour(color: string | null): string | null {
  const hex = /^#?([0-9a-f]{6}|[0-9a-f]{3})$/i.exec(color?.trim() ?? '')?.[1]?.toLowerCase();
  if (hex === undefined) return null;
  return hex.length === 3 ? `#${[...hex].map((digit) => digit + digit).join('')}` : `#${hex}`;
}

/** A Campo code for a REFI code: its own colour if it has one, else the palette's least used. */
export function codeFrom(
  refi: RefiCode,
  id: string,
  parentId: string | null,
  colours: ColourPicker,
): Code {
  const own = normalColour(refi.color);
  if (own) colours.add(own);
  return {
    id,
    name: refi.name.slice(0, 300).trim() || 'Codice senza nome',
    description: refi.description.slice(0, DESCRIPTION_MAX),
    colour: own ?? colours.next(),
    parentId,
    questionId: null,
    followsQuestion: false,
    quickKey: null,
  };
}

/** The codebook in tree order, with GUID → Campo id for codings. */
function mapCodes(refiCodes: RefiCode[], nextId: (guid: string) => string) {
  const codes: Code[] = [];
  const idOf = new Map<string, string>();
  const colours = colourPicker([]);
  const walk = (list: RefiCode[], parentId: string | null) => {
    for (const refi of list) {
      const code = codeFrom(refi, nextId(refi.guid), parentId, colours);
      codes.push(code);
      if (!idOf.has(refi.guid)) idOf.set(refi.guid, code.id);
      walk(refi.children, code.id);
    }
  };
  walk(refiCodes, null);
  return { codes, idOf };
}

/** An ISO timestamp as TimestampSchema wants it, or `fallback`. */
function timestamp(value: string | null, fallback: string): string {
  const time = value === null ? Number.NaN : Date.parse(value);
  return Number.isFinite(time) ? new Date(time).toISOString() : fallback;
}

/** A note as memo text: its name as a first line, then its text. */
function noteText(note: { name: string; text: string }): string {
  const text = note.text.trim();
  if (note.name === '' || text.startsWith(note.name)) return text || note.name;
  return text === '' ? note.name : `${note.name}\n\n${text}`;
}

/** Text of each note, inline or read from the archive. */
function notesById(contents: QdpxContents) {
  return new Map(
    contents.project.notes.map((note) => [
      note.guid,
      { name: note.name, text: note.text.trim() || (contents.noteTexts.get(note.guid) ?? '') },
    ]),
  );
}

/** Note GUIDs attached to a source: its NoteRefs, its selections' NoteRefs, links to either. */
function noteGuidsOf(source: RefiTextSource, project: RefiProject): string[] {
  const own = new Set([source.guid, ...source.selections.map((selection) => selection.guid)]);
  const notes = [
    ...source.noteGuids,
    ...source.selections.flatMap((selection) => selection.noteGuids),
  ];
  for (const link of project.links) {
    const fromOwn = link.originGuid !== null && own.has(link.originGuid);
    const toOwn = link.targetGuid !== null && own.has(link.targetGuid);
    if (fromOwn && link.targetGuid) notes.push(link.targetGuid);
    if (toOwn && link.originGuid) notes.push(link.originGuid);
    if (fromOwn || toOwn) notes.push(...link.noteGuids);
  }
  return [...new Set(notes)];
}

/**
 * The text as the archive holds it (CRLF kept): positions stay exact, and a Campo → REFI-QDA →
 * Campo round trip gives back the same text. The identity map keeps the call sites simple.
 */
function normaliseLines(raw: string) {
  return { text: raw, map: (offset: number) => offset };
}

interface SourceContext {
  project: RefiProject;
  codeIdOf: Map<string, string>;
  notes: ReturnType<typeof notesById>;
  usedNotes: Set<string>;
  nextId: (guid: string | null) => string;
  now: string;
  positions: PositionsReport;
  /** The evaluator importing: memos and codings of no known user go in their layer. */
  importerId: string;
  /** Their name as Campo knows it, as names are compared (`nameKey`). */
  importerName: string;
  /** REFI users who coded, by the evaluator id their layer gets. */
  coders: Map<string, string>;
}

/** The evaluator id of a REFI user: their GUID when it can name a file, else one from the name. */
function coderIdOf(userGuid: string, name: string): string {
  if (SAFE_ID.test(userGuid)) return userGuid;
  let hash = 0x811c9dc5;
  for (const char of `${userGuid}|${name}`)
    hash = Math.imul(hash ^ char.codePointAt(0)!, 0x01000193);
  return `refi-${(hash >>> 0).toString(16)}`;
}

/** One text source with its codings and memos. */
function mapSource(
  refi: RefiTextSource,
  read: QdpxSourceText,
  id: string,
  context: SourceContext,
): Omit<MappedSource, 'participantIds'> {
  const { project, codeIdOf, now } = context;
  const { text, map } = normaliseLines(read.text);
  const unit = context.positions.sources.find((source) => source.guid === refi.guid)?.unit;
  const placement = read.positional
    ? placeSelections(read.text, refi.selections, unit ? { unit } : {})
    : null;
  let unplaced = 0;
  const codings: Coding[] = [];
  const memos: Memo[] = [];
  const memo = (body: string) => {
    const trimmed = body.trim().slice(0, MEMO_MAX);
    if (trimmed !== '') {
      memos.push({
        id: context.nextId(null),
        text: trimmed,
        coderId: context.importerId,
        createdAt: now,
        updatedAt: now,
      });
    }
  };
  if (refi.description !== '') memo(refi.description);
  const seen = new Map<string, Coding>();
  for (const { selection, start: rawStart, end: rawEnd } of placement?.placed ?? []) {
    const start = map(rawStart);
    const end = map(rawEnd);
    const passage = text.slice(start, end);
    if (selection.codings.length === 0 && selection.description !== '') {
      // A memo on a passage (MAXQDA writes these without any Coding).
      memo(`«${passage}»\n\n${selection.description}`);
    }
    for (const refiCoding of selection.codings) {
      const codeId = codeIdOf.get(refiCoding.codeGuid);
      if (codeId === undefined || start === end) {
        unplaced += 1;
        continue;
      }
      // NVivo repeats identical selections, one per coding: the same code on the same range is one.
      const key = `${codeId}:${start}:${end}`;
      const twin = seen.get(key);
      if (twin) {
        if (selection.description !== '' && !twin.memo.includes(selection.description)) {
          twin.memo = `${twin.memo}\n\n${selection.description}`.trim().slice(0, 100_000);
        }
        continue;
      }
      const userGuid = refiCoding.userGuid ?? selection.userGuid;
      let coderId = context.importerId;
      if (userGuid) {
        const name = (project.users.get(userGuid) ?? '').slice(0, 200);
        // The importer's own codings (a Campo project exported and read back, or their NVivo
        // work): their layer, not a namesake's beside it.
        if (context.importerName === '' || nameKey(name) !== context.importerName) {
          coderId = coderIdOf(userGuid, name);
          context.coders.set(coderId, name);
        }
      }
      const coding: Coding = {
        id: context.nextId(refiCoding.guid),
        codeId,
        start,
        end,
        text: passage,
        coderId,
        memo: selection.description.slice(0, 100_000),
        key: false,
        textChanged: false,
        createdAt: timestamp(refiCoding.createdAt ?? selection.createdAt, now),
      };
      seen.set(key, coding);
      codings.push(coding);
    }
  }
  for (const selection of placement?.unplaced ?? refi.selections) {
    unplaced += selection.codings.length;
    if (selection.codings.length === 0 && selection.description !== '') memo(selection.description);
  }
  for (const guid of noteGuidsOf(refi, project)) {
    const note = context.notes.get(guid);
    if (!note) continue;
    context.usedNotes.add(guid);
    memo(noteText(note));
  }
  const title = refi.name || sourceTitleFromPath(refi.plainTextPath ?? refi.richTextPath);
  return {
    file: {
      schemaVersion: CURRENT_SCHEMA_VERSION,
      id,
      title: title.slice(0, 500).trim() || 'Documento importato',
      kind: 'document',
      origin: read.origin,
      fictional: false,
      text,
      turns: read.turns.map((turn) => ({
        ...turn,
        id: context.nextId(null),
        participantId: null,
        guideQuestionId: null,
        questionIds: [],
      })),
      codings,
      memos,
      createdAt: now,
      updatedAt: now,
    },
    unit: placement?.unit ?? null,
    unplaced,
  };
}

/** "internal://board_2017.txt" → "board_2017". */
function sourceTitleFromPath(path: string | null): string {
  const last =
    (path ?? '')
      .replace(/^[a-z]+:\/\//i, '')
      .split(/[/\\]/)
      .pop() ?? '';
  return last.replace(/\.[^.]+$/, '');
}

/** The project description: the REFI one, then the notes no imported source took. */
function projectDescription(
  contents: QdpxContents,
  notes: ReturnType<typeof notesById>,
  used: Set<string>,
) {
  const rest = [...notes.entries()]
    .filter(([guid]) => !used.has(guid))
    .map(([, note]) => noteText(note))
    .filter((text) => text !== '');
  const parts = [contents.project.description];
  if (rest.length > 0) parts.push(`${PROJECT_NOTES_HEADING}\n\n${rest.join('\n\n')}`);
  const description = parts.filter(Boolean).join('\n\n');
  return description.length > DESCRIPTION_MAX
    ? `${description.slice(0, DESCRIPTION_MAX - 1)}…`
    : description;
}

/**
 * Maps a read .qdpx to Campo codes, participants, sources and project description. `unit`: the
 * position unit the user chose for the sources whose evidence is weak (see choosePositions).
 */
export function mapQdpx(
  contents: QdpxContents,
  newId: () => string,
  now: string,
  importer: { id: string; name: string },
  { unit }: { unit?: PositionUnit } = {},
): MappedProject {
  const { project } = contents;
  const nextId = idPool(newId);
  const { codes, idOf } = mapCodes(project.codes, nextId);
  const byId = new Map(codes.map((code) => [code.id, code]));
  const codeGroups = noteCodeGroups(project.sets, (guid) => byId.get(idOf.get(guid) ?? ''));
  const { participants, shortened } = mapCases(project, nextId);
  const participantOf = new Map(project.cases.map((refi, i) => [refi.guid, participants[i]!.id]));
  const sourceOfSelection = new Map(
    project.sources.flatMap((source) => source.selections.map((s) => [s.guid, source.guid])),
  );
  const context: SourceContext = {
    project,
    codeIdOf: idOf,
    notes: notesById(contents),
    usedNotes: new Set(),
    nextId,
    now,
    positions: choosePositions(contents, unit),
    importerId: importer.id,
    importerName: nameKey(importer.name),
    coders: new Map(),
  };
  const sources: MappedSource[] = [];
  const skipped: MappedProject['skipped'] = [];
  let unplaced = 0;
  for (const refi of project.sources) {
    const read = contents.texts.get(refi.guid);
    if (!read) {
      skipped.push({
        name: refi.name || refi.plainTextPath || refi.guid,
        reason: contents.unreadable.get(refi.guid) ?? 'missing',
      });
      unplaced += refi.selections.reduce((sum, selection) => sum + selection.codings.length, 0);
      continue;
    }
    const mapped = mapSource(refi, read, nextId(refi.guid), context);
    const participantIds = project.cases
      .filter(
        (refiCase) =>
          refiCase.sourceGuids.includes(refi.guid) ||
          refiCase.selectionGuids.some((guid) => sourceOfSelection.get(guid) === refi.guid),
      )
      .map((refiCase) => participantOf.get(refiCase.guid)!);
    unplaced += mapped.unplaced;
    sources.push({ ...mapped, participantIds });
  }
  for (const name of project.otherSourceNames) skipped.push({ name, reason: 'media' });
  return {
    codes,
    participants,
    sources,
    description: projectDescription(contents, context.notes, context.usedNotes),
    evaluators: [...new Set([...project.users.values()].map((name) => name.slice(0, 300)))],
    team: [
      { id: importer.id, name: importer.name },
      ...[...context.coders]
        .filter(([id]) => id !== importer.id)
        .map(([id, name]) => ({ id, name })),
    ],
    unplaced,
    skipped,
    positions: context.positions,
    shortenedCases: shortened,
    codeGroups,
    sourceSets: project.sets
      .filter((set) => set.sourceGuids.length > 0)
      .map((set) => set.name || 'Gruppo senza nome'),
  };
}
