import { randomUUID } from 'node:crypto';
import { newEvaluator } from '../../../shared/domain/team';
import { mkdir, rm, stat } from 'node:fs/promises';
import { basename, extname, join } from 'node:path';
import { codePath } from '../../../shared/domain/codebook-tree';
import { foldAccents } from '../../../shared/domain/folding';
import type { RefiCode } from '../../../shared/exchange/qde-parse';
import type { Code } from '../../../shared/model/project';
import { projectFolderName } from '../store/layout';
import { createProject, sessionEvaluator, type StoreOptions } from '../store/project-store';
import type { ProjectSession } from '../store/project-session';
import { codeFrom, idPool, mapQdpx } from './qdpx-import-map';
import { readCodebook, readQdpx, type QdpxLimits } from './qdpx-read';

/** What an import did, for the message shown to the user. */
export interface ImportSummary {
  codes: number;
  sources: number;
  /** Codings created (identical ones collapsed). */
  codings: number;
  /**
   * Coding elements not imported: their selection lies outside the text in every position unit,
   * is empty, belongs to a source that was skipped or to a DOCX source (whose positions refer to
   * a plain text the archive does not hold), or names a code missing from the codebook.
   */
  unplaced: number;
  cases: number;
  /** Sources not imported: PDF, picture, audio, video, or text whose file is missing/unreadable. */
  skippedSources: number;
  /** Per imported source id: the position unit chosen (sources read from a DOCX have none). */
  units: Record<string, string>;
  projectPath: string;
  /** The skipped sources by name, with the reason in Italian. */
  skipped: Array<{ name: string; reason: string }>;
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
    let codings = 0;
    for (const [index, source] of mapped.sources.entries()) {
      await session.addSource(source.file, source.participantIds);
      if (source.unit) units[source.file.id] = source.unit;
      codings += source.file.codings.length;
      input.onProgress?.(0.2 + (0.8 * (index + 1)) / mapped.sources.length);
    }
    input.onProgress?.(1);
    return {
      session,
      summary: {
        codes: mapped.codes.length,
        sources: mapped.sources.length,
        codings,
        unplaced: mapped.unplaced,
        cases: mapped.participants.length,
        skippedSources: mapped.skipped.length,
        units,
        projectPath: session.dir,
        skipped: mapped.skipped,
      },
    };
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

/**
 * Merges a .qdc (or the codebook of a .qdpx) into an open project's codebook: codes matched by
 * path of names (existing kept as they are), new ones added with their hierarchy, colour and
 * description, in one save.
 */
export async function importCodebookInto(
  session: ProjectSession,
  input: { bytes: Uint8Array; fileName: string },
): Promise<{ added: number; existing: number }> {
  const refiCodes = await readCodebook(input.bytes, input.fileName);
  return session.mutate((draft) => {
    const byPath = new Map<string, Code>();
    for (const code of draft.codes) {
      const path = codePath(draft.codes, code.id)
        .map((step) => nameKey(step.name))
        .join('\u0000');
      if (!byPath.has(path)) byPath.set(path, code);
    }
    const nextId = idPool(
      randomUUID,
      draft.codes.map((code) => code.id),
    );
    let added = 0;
    let existing = 0;
    const walk = (list: RefiCode[], parent: Code | null, parentPath: string) => {
      for (const refi of list) {
        const path = `${parentPath}${parent ? '\u0000' : ''}${nameKey(refi.name)}`;
        let code = byPath.get(path);
        if (code) {
          existing += 1;
        } else {
          code = codeFrom(refi, nextId(refi.guid), parent?.id ?? null, draft.codes);
          draft.codes.push(code);
          byPath.set(path, code);
          added += 1;
        }
        walk(refi.children, code, path);
      }
    };
    walk(refiCodes, null, '');
    return { added, existing };
  });
}
