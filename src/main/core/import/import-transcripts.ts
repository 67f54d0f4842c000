import { readFile, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { speakersWithMapping } from '../../../shared/domain/speaker-mapping';
import { CampoError, type WireError } from '../../../shared/ipc/errors';
import type { SessionKind } from '../../../shared/model/constants';
import { addTranscript, findDuplicateSources, findSession } from '../sources';
import { toUserFsError } from '../store/fs-errors';
import { openProject } from '../store/project-store';
import { IMPORT_LIMITS, checkSize } from './limits';
import { readTranscriptFile, transcriptFormatOf } from './transcript-file';

/** What happened to one file of a batch import. */
export type FileImportResult =
  | { file: string; ok: true; turns: number; speakers: number; matched: number }
  | { file: string; ok: true; skipped: true; existing: string }
  | { file: string; ok: false; error: WireError };

/**
 * Imports transcript files into a project, one by one, as the CLI does: each file is read,
 * its speakers matched to participants by pseudonym or name, and added (linked to the interview
 * or focus group if given). A refused file changes nothing; the others still go in. A file that
 * looks imported already (same title or same text) is skipped unless `again` is set.
 */
export async function importTranscriptFiles(
  projectDir: string,
  files: readonly string[],
  target?: { kind: SessionKind; idOrCode: string },
  { again = false }: { again?: boolean } = {},
): Promise<FileImportResult[]> {
  const session = await openProject(projectDir);
  try {
    const sessionId = target ? findSession(session.project.sessions, target.idOrCode) : undefined;
    if (target && sessionId?.kind !== target.kind) {
      throw new CampoError('NOT_FOUND', `No ${target.kind} ${target.idOrCode}`, {
        id: target.idOrCode,
      });
    }
    const results: FileImportResult[] = [];
    for (const path of files) {
      const file = basename(path);
      try {
        const format = transcriptFormatOf(path);
        const size = await stat(path).then(
          (s) => s.size,
          (error: unknown) => {
            throw toUserFsError(error, path);
          },
        );
        checkSize(
          file,
          size,
          format === 'docx' ? IMPORT_LIMITS.docxBytes : IMPORT_LIMITS.textBytes,
        );
        const parsed = await readTranscriptFile(await readFile(path), file);
        const [existing] = again
          ? []
          : await findDuplicateSources(session, parsed.title, parsed.text);
        if (existing) {
          results.push({ file, ok: true, skipped: true, existing: existing.title });
          continue;
        }
        const { speakers, mapping } = speakersWithMapping(
          parsed.turns,
          session.project.participants,
        );
        await addTranscript(session, {
          title: parsed.title,
          origin: parsed.format,
          text: parsed.text,
          turns: parsed.turns.map((turn) => ({
            ...turn,
            participantId: mapping[turn.speaker] ?? null,
          })),
          sessionId: sessionId?.id ?? null,
        });
        results.push({
          file,
          ok: true,
          turns: parsed.turns.length,
          speakers: speakers.length,
          matched: Object.values(mapping).filter(Boolean).length,
        });
      } catch (error) {
        if (!(error instanceof CampoError)) throw error;
        results.push({ file, ok: false, error: error.toWire() });
      }
    }
    return results;
  } finally {
    await session.close();
  }
}
