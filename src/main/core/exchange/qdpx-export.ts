/**
 * REFI-QDA archives: the .qdpx (a zip of project.qde and a flat `sources/` folder, spec §8.1) and
 * the .qdc codebook, as bytes for the atomic writer.
 */
import {
  buildCodebookQdc,
  exportedCodeIds,
  planSource,
  projectQdeParts,
  type PlannedSource,
  type QdeExport,
} from '../../../shared/exchange/qde-writer';
import type { ProjectFile } from '../../../shared/model/project';
import type { SourceFile } from '../../../shared/model/source';
import {
  anonymiser,
  titleAnonymiser,
  anonymiseWithOffsets,
  titlesWithoutNames,
} from '../../../shared/report/anonymise';
import { exportMemoryGuard } from '../export/memory-guard';
import { ZipWriter } from './zip-writer';

type Anonymise = (text: string) => string;

/**
 * The open or unlocked project as a .qdpx archive (zip: sources/ + project.qde). Sources are read
 * one at a time with `readSource` (in the project's order; one that cannot be read is left out),
 * planned, and their texts written into the zip at once: the archive of 3,000 transcripts never
 * holds their texts together. `onProgress(done, total)` follows the sources. Throws
 * OUT_OF_MEMORY rather than fill the heap (memory-guard.ts).
 */
export async function qdpxArchive(input: {
  project: ProjectFile;
  readSource: (id: string) => Promise<SourceFile | null | undefined>;
  /**
   * Who exports, as the team knows them (a name already in the project); empty: «Campo». Never
   * the computer's account name: the file is made to be shared.
   */
  userName: string;
  now?: Date;
  onProgress?: (done: number, total: number) => void;
  /** Keep participants' names in texts and titles (else their pseudonyms, as the report does). */
  withNames?: boolean;
}): Promise<{ bytes: Buffer; counts: QdeExport['counts'] }> {
  const anonymise = input.withNames ? null : anonymiser(input.project.participants);
  const title = anonymise ? titleAnonymiser(input.project.participants) : null;
  const project = title ? titlesWithoutNames(input.project, title) : input.project;
  const now = input.now ?? new Date();
  const codeIds = exportedCodeIds(project);
  // Entries in a fixed order with one date, so the same project at the same time gives the same
  // bytes; no folder entries but `sources/` itself, which the spec names even when it is empty.
  const zip = new ZipWriter(now);
  zip.addDirectory('sources/');
  const planned: PlannedSource[] = [];
  const memory = exportMemoryGuard();
  for (const [index, summary] of project.sources.entries()) {
    memory.check();
    const read = await input.readSource(summary.id).catch(() => null);
    const source = read && anonymise && title ? sourceWithoutNames(read, anonymise, title) : read;
    if (source) {
      const plan = planSource(source, codeIds);
      planned.push(plan);
      // Buffer.from writes UTF-8 without a BOM; lone surrogates become U+FFFD, one code point.
      zip.addFile(plan.path, Buffer.from(source.text, 'utf8'));
    }
    input.onProgress?.(index + 1, project.sources.length);
    // Let the event loop breathe between sources: a thousand of them take a second or two.
    await new Promise((resolve) => setImmediate(resolve));
  }
  // Deflated as it is written: at 300,000 codings the whole document would be half a gigabyte.
  const parts = projectQdeParts({
    project,
    planned,
    userName: input.userName,
    now: now.toISOString(),
  });
  let counts: QdeExport['counts'] | undefined;
  await zip.addStreamedFile('project.qde', async (write) => {
    for (let next = parts.next(); ; next = parts.next()) {
      if (next.done) {
        counts = next.value;
        return;
      }
      memory.check();
      await write(next.value);
    }
  });
  return { bytes: zip.finish(), counts: counts! };
}

/**
 * A source as an archive writes it without names: its text, title and memos with pseudonyms for
 * names, and its codings and turns moved to where their words went (a coding that read as its
 * passage still does, so it is exported exactly).
 */
function sourceWithoutNames(
  source: SourceFile,
  anonymise: Anonymise,
  title: Anonymise,
): SourceFile {
  const { text, offset } = anonymiseWithOffsets(anonymise, source.text);
  return {
    ...source,
    title: title(source.title),
    text,
    turns: source.turns.map((turn) => ({
      ...turn,
      start: offset(turn.start, 'start'),
      end: offset(turn.end, 'end'),
    })),
    codings: source.codings.map((coding) => {
      const start = offset(coding.start, 'start');
      const end = offset(coding.end, 'end');
      const exact = source.text.slice(coding.start, coding.end) === coding.text;
      return {
        ...coding,
        start,
        end,
        text: exact ? text.slice(start, end) : anonymise(coding.text),
        memo: anonymise(coding.memo),
      };
    }),
    memos: source.memos.map((memo) => ({ ...memo, text: anonymise(memo.text) })),
  };
}

/** The project's codebook as a .qdc file (UTF-8 XML); refuses an empty codebook. */
export function qdcFile(project: ProjectFile): Buffer {
  return Buffer.from(buildCodebookQdc(project), 'utf8');
}
