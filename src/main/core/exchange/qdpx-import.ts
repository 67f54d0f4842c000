import { randomUUID } from 'node:crypto';
import { newEvaluator } from '../../../shared/domain/team';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { codePathKeys, colourPicker } from '../../../shared/domain/codebook-tree';
import { foldAccents } from '../../../shared/domain/folding';
import type { RefiCode, RefiCodebook } from '../../../shared/exchange/qde-parse';
import type { Code, ProjectFile } from '../../../shared/model/project';
import { projectFolderName } from '../store/layout';
import { createProject, sessionEvaluator, type StoreOptions } from '../store/project-store';
import type { ProjectSession } from '../store/project-session';
import type { PositionUnit } from '../../../shared/exchange/positions';
import type { ExchangeImportSummary } from '../../../shared/exchange/import-summary';
import type { CodebookImportPreview } from '../../../shared/ipc/contract-exchange';
import {
  codeFrom,
  idPool,
  mapQdpx,
  noteCodeGroups,
  type CodeGroup,
  type MappedProject,
} from './qdpx-import-map';
import { readCodebook, readQdpx, type QdpxLimits } from './qdpx-read';

/** What an import did: the summary the user reads, where the project went, units per source. */
export interface ImportSummary extends ExchangeImportSummary {
  /** Per imported source id: the position unit chosen (sources read from a DOCX have none). */
  units: Record<string, string>;
  projectPath: string;
}

/** The summary of a mapped project (before or after it is written). */
function summaryOf(mapped: MappedProject): ExchangeImportSummary {
  return {
    codes: mapped.codes.length,
    sources: mapped.sources.length,
    codings: mapped.sources.reduce((sum, source) => sum + source.file.codings.length, 0),
    unplaced: mapped.unplaced,
    cases: mapped.participants.length,
    skippedSources: mapped.skipped.length,
    skipped: mapped.skipped,
    shortenedCases: mapped.shortenedCases,
    codeGroups: mapped.codeGroups,
    sourceSets: mapped.sourceSets,
    positions: mapped.positions,
  };
}

/**
 * Reads a .qdpx and says what importing it would do, writing nothing: the review the user reads
 * (and where the position unit is chosen when the evidence is weak) before `importQdpx`.
 */
export async function inspectQdpx(input: {
  bytes: Uint8Array;
  fileName: string;
  unit?: PositionUnit;
  limits?: Partial<QdpxLimits>;
}): Promise<{ projectName: string; origin: string | null; summary: ExchangeImportSummary }> {
  const contents = await readQdpx(input.bytes, input.fileName, input.limits);
  // Nothing is written: the importer's layer only names where unattributed codings would go.
  const importer = { id: 'review', name: '' };
  const mapped = mapQdpx(
    contents,
    randomUUID,
    new Date().toISOString(),
    importer,
    input.unit ? { unit: input.unit } : {},
  );
  return {
    projectName: contents.project.name || basename(input.fileName, extname(input.fileName)).trim(),
    origin: contents.project.origin,
    summary: summaryOf(mapped),
  };
}

/** Removes what a failed import created; a folder that was there (empty) before stays. */
async function removeCreated(dir: string, existed: boolean): Promise<void> {
  await rm(dir, { recursive: true, force: true });
  if (existed) await mkdir(dir, { recursive: true });
}

/**
 * Imports a .qdpx into a NEW Campo project created in parentDir (named after the REFI project or
 * the file). Nothing is written when the archive is refused.
 *
 * Mapping: codes keep their tree, GUIDs (lower case) as ids, colours; text sources become
 * documents with codings (one per Coding, identical ones collapsed; coder = user name, memo =
 * selection description); cases become participants (pseudonym = case name, never personal
 * data in `name`) with typed attributes from variables; notes attached to a source, one of its
 * selections or linked to them become memos of that source; the other notes are appended to the
 * project description under a heading. REFI users become the project's evaluators.
 * If anything fails after the project folder was created, the folder is removed and the error
 * rethrown.
 */
export async function importQdpx(
  input: {
    bytes: Uint8Array;
    fileName: string;
    parentDir: string;
    name?: string;
    /** The position unit the user chose for sources whose evidence is weak. */
    unit?: PositionUnit;
    onProgress?: (fraction: number) => void;
    /** Lower caps (tests); the defaults are QDPX_LIMITS. */
    limits?: Partial<QdpxLimits>;
  },
  storeOptions: StoreOptions = {},
): Promise<{ session: ProjectSession; summary: ImportSummary }> {
  const contents = await readQdpx(input.bytes, input.fileName, input.limits);
  input.onProgress?.(0.2);
  const now = (storeOptions.now?.() ?? new Date()).toISOString();
  const mapped = mapQdpx(
    contents,
    storeOptions.newId ?? randomUUID,
    now,
    sessionEvaluator(storeOptions),
    input.unit ? { unit: input.unit } : {},
  );
  const exists = (path: string) =>
    stat(path).then(
      () => true,
      () => false,
    );
  const derived =
    contents.project.name ||
    basename(input.fileName, extname(input.fileName)).trim() ||
    'Progetto importato';
  // A name the user gave is used as it is (an existing project there is refused); a name taken
  // from the archive gets " (2)", " (3)" … so importing the same file twice makes two projects.
  let name = input.name?.trim() || derived;
  for (let copy = 2; !input.name?.trim() && copy < 100; copy += 1) {
    if (!(await exists(join(input.parentDir, projectFolderName(name))))) break;
    name = `${derived} (${copy})`;
  }
  const dir = join(input.parentDir, projectFolderName(name));
  const existed = await exists(dir);
  let session: ProjectSession | null = null;
  try {
    session = await createProject(
      {
        parentDir: input.parentDir,
        name,
        meta: {
          title: name.slice(0, 300).trim(),
          description: mapped.description,
          evaluators: mapped.evaluators,
        },
      },
      storeOptions,
    );
    await session.mutate((draft) => {
      draft.codes = mapped.codes;
      draft.participants = mapped.participants;
      for (const member of mapped.team) {
        if (!draft.evaluators.some((evaluator) => evaluator.id === member.id)) {
          draft.evaluators.push(newEvaluator(member, draft.evaluators));
        }
      }
    });
    const units: Record<string, string> = {};
    for (const [index, source] of mapped.sources.entries()) {
      await session.addSource(source.file, source.participantIds);
      if (source.unit) units[source.file.id] = source.unit;
      input.onProgress?.(0.2 + (0.8 * (index + 1)) / mapped.sources.length);
    }
    input.onProgress?.(1);
    return { session, summary: { ...summaryOf(mapped), units, projectPath: session.dir } };
  } catch (error) {
    // PROJECT_EXISTS (or any failure) on a folder that had content before: never touch it.
    const ours = session !== null || !existed;
    await session?.close().catch(() => undefined);
    if (ours) await removeCreated(dir, existed);
    throw error;
  }
}

/** Path key of a code: its names from the root, compared without case, accents or extra spaces. */
const nameKey = (name: string) => foldAccents(name).replace(/\s+/g, ' ').trim();

/** What merging a codebook did. */
export interface CodebookImportResult {
  added: number;
  existing: number;
  /** Code groups (Sets) of the file: noted in the descriptions of the codes they brought in. */
  groups: CodeGroup[];
}

/**
 * Merges a .qdc (or the codebook of a .qdpx) into an open project's codebook: codes matched by
 * path of names (existing kept as they are), new ones added with their hierarchy, colour and
 * description, in one save. Code groups (ATLAS.ti writes them as Sets) have no equivalent in
 * Campo: each new code gets "Gruppi di codici: …" in its description, and the summary says so.
 */
export async function importCodebookInto(
  session: ProjectSession,
  input: { bytes: Uint8Array; fileName: string },
): Promise<CodebookImportResult> {
  const codebook = await readCodebook(input.bytes, input.fileName);
  return session.mutate((draft) => mergeRefiCodebook(draft, codebook));
}

/** `importCodebookInto`'s merge, on a draft of project.json (the app records it for undo). */
export function mergeRefiCodebook(
  draft: ProjectFile,
  codebook: RefiCodebook,
): CodebookImportResult {
  const byPath = new Map<string, Code>();
  const paths = codePathKeys(draft.codes, (code) => nameKey(code.name), '\u0000');
  for (const code of draft.codes) {
    const path = paths.get(code.id)!;
    if (!byPath.has(path)) byPath.set(path, code);
  }
  const colours = colourPicker(draft.codes);
  const nextId = idPool(
    randomUUID,
    draft.codes.map((code) => code.id),
  );
  const fresh = new Map<string, Code>();
  let added = 0;
  let existing = 0;
  const walk = (list: RefiCode[], parent: Code | null, parentPath: string) => {
    for (const refi of list) {
      const path = `${parentPath}${parent ? '\u0000' : ''}${nameKey(refi.name)}`;
      let code = byPath.get(path);
      if (code) {
        existing += 1;
      } else {
        code = codeFrom(refi, nextId(refi.guid), parent?.id ?? null, colours);
        draft.codes.push(code);
        byPath.set(path, code);
        fresh.set(refi.guid, code);
        added += 1;
      }
      walk(refi.children, code, path);
    }
  };
  walk(codebook.codes, null, '');
  noteCodeGroups(codebook.sets, (guid) => fresh.get(guid));
  const groups = codebook.sets
    .filter((set) => set.codeGuids.length > 0)
    .map((set) => ({ name: set.name || 'Gruppo senza nome', codes: set.codeGuids.length }));
  return { added, existing, groups };
}

/** How many branches a codebook preview names (the rest are counted, not named). */
export const PREVIEW_BRANCHES = 12;

/**
 * What `mergeRefiCodebook` would do to `project`'s codebook, worked out on a copy of the codes:
 * nothing of the project changes.
 */
export function previewRefiCodebook(
  project: ProjectFile,
  codebook: RefiCodebook,
): CodebookImportPreview {
  const draft: ProjectFile = { ...project, codes: project.codes.map((code) => ({ ...code })) };
  const before = new Set(project.codes.map((code) => code.id));
  const { added, existing, groups } = mergeRefiCodebook(draft, codebook);
  const fresh = draft.codes.filter((code) => !before.has(code.id));
  const freshIds = new Set(fresh.map((code) => code.id));
  const parentOf = new Map(fresh.map((code) => [code.id, code.parentId]));
  const rootOf = (id: string): string => {
    const parent = parentOf.get(id);
    return parent && freshIds.has(parent) ? rootOf(parent) : id;
  };
  const sizes = new Map<string, number>();
  for (const code of fresh) {
    const root = rootOf(code.id);
    sizes.set(root, (sizes.get(root) ?? 0) + 1);
  }
  const names = new Map(fresh.map((code) => [code.id, code.name]));
  const branches = [...sizes]
    .map(([id, codes]) => ({ name: names.get(id)!, codes }))
    .sort((a, b) => b.codes - a.codes)
    .slice(0, PREVIEW_BRANCHES);
  return { added, existing, branches, branchCount: sizes.size, groups };
}
