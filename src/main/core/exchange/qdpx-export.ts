/**
 * REFI-QDA archives: the .qdpx (a zip of project.qde and a flat `sources/` folder, spec §8.1) and
 * the .qdc codebook, as bytes for the atomic writer.
 */
import {
  buildCodebookQdc,
  buildProjectQde,
  type QdeExport,
} from '../../../shared/exchange/qde-writer';
import type { ProjectFile } from '../../../shared/model/project';
import type { SourceFile } from '../../../shared/model/source';
import { ZipWriter } from './zip-writer';

/** The open or unlocked project as a .qdpx archive (zip: project.qde + sources/). */
export async function qdpxArchive(input: {
  project: ProjectFile;
  sources: readonly SourceFile[];
  userName: string;
  now?: Date;
}): Promise<{ bytes: Buffer; counts: QdeExport['counts'] }> {
  const now = input.now ?? new Date();
  const exported = buildProjectQde({
    project: input.project,
    sources: input.sources,
    userName: input.userName,
    now: now.toISOString(),
  });
  // Entries in a fixed order with one date, so the same project at the same time gives the same
  // bytes; no folder entries but `sources/` itself, which the spec names even when it is empty.
  const zip = new ZipWriter(now);
  zip.addFile('project.qde', Buffer.from(exported.xml, 'utf8'));
  zip.addDirectory('sources/');
  for (const file of exported.files) {
    // Buffer.from writes UTF-8 without a BOM; lone surrogates become U+FFFD, still one code point.
    zip.addFile(file.path, Buffer.from(file.text, 'utf8'));
    // Let the event loop breathe between sources: a thousand of them take a second or two.
    await new Promise((resolve) => setImmediate(resolve));
  }
  const bytes = zip.finish();
  return { bytes, counts: exported.counts };
}

/** The project's codebook as a .qdc file (UTF-8 XML); refuses an empty codebook. */
export function qdcFile(project: ProjectFile): Buffer {
  return Buffer.from(buildCodebookQdc(project), 'utf8');
}
