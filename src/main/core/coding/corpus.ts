import type { Segment, SourceForAnalysis } from '../../../shared/domain/coding-analysis';
import { voicesOfCodings } from '../../../shared/domain/passage-voices';
import { segmentContext } from '../../../shared/domain/segment-context';
import type { SegmentView } from '../../../shared/ipc/types';
import type { ProjectFile } from '../../../shared/model/project';
import type { SourceFile, StoredCoding } from '../../../shared/model/source';
import type { ProjectSession } from '../store/project-session';

/** The interview or focus-group code of each source (transcripts and live notes). */
export function sessionCodesBySource(project: ProjectFile): Map<string, string> {
  const codes = new Map<string, string>();
  for (const field of project.sessions) {
    for (const id of field.sourceIds) codes.set(id, field.code);
    if (field.notesSourceId) codes.set(field.notesSourceId, field.code);
  }
  return codes;
}

/**
 * Every readable source of the project, as the analysis functions take them, read with
 * `readSource`. A source that cannot be read is left out (it is reported when opened) rather
 * than failing the search.
 */
export async function corpusOf(
  project: ProjectFile,
  readSource: (id: string) => Promise<SourceFile | null | undefined>,
  onlyIds?: readonly string[],
): Promise<SourceForAnalysis[]> {
  const sessionCodes = sessionCodesBySource(project);
  const wanted = onlyIds ? new Set(onlyIds) : null;
  const corpus: SourceForAnalysis[] = [];
  for (const summary of project.sources) {
    if (wanted && !wanted.has(summary.id)) continue;
    const source = await readSource(summary.id).catch(() => null);
    if (!source) continue;
    corpus.push({
      id: source.id,
      title: source.title,
      text: source.text,
      turns: source.turns,
      codings: source.codings,
      participantIds: summary.participantIds,
      sessionCode: sessionCodes.get(source.id) ?? null,
    });
  }
  return corpus;
}

/**
 * The open project's corpus (see {@link corpusOf}): texts come through the session's bounded
 * cache, so ask only for the sources needed (see {@link sourcesCoding}).
 */
export function loadCorpus(
  session: ProjectSession,
  onlyIds?: readonly string[],
  readSource: (id: string) => Promise<SourceFile> = (id) => session.readSource(id),
): Promise<SourceForAnalysis[]> {
  return corpusOf(session.project, readSource, onlyIds);
}

/** Codings per code of each source (every coder), from the counts cache: no source is read. */
export function countsBySource(
  session: ProjectSession,
): Promise<ReadonlyMap<string, ReadonlyMap<string, number>>> {
  return session.caches.allTotals();
}

/** The sources holding any coding of `codeIds`, in project order (from the counts cache). */
export async function sourcesCoding(
  session: ProjectSession,
  codeIds: ReadonlySet<string>,
): Promise<string[]> {
  return session.caches.sourcesWith(codeIds);
}

/** Each source's codings (every coder), without texts: for counting and co-occurrence. */
export async function codingsBySource(
  session: ProjectSession,
  onlyIds?: readonly string[],
  coderIds?: readonly string[],
): Promise<Array<{ id: string; codings: StoredCoding[] }>> {
  const ids = onlyIds ?? session.project.sources.map((summary) => summary.id);
  const layers = await session.readLayers(ids);
  const wanted = coderIds?.length ? new Set(coderIds) : null;
  return ids.map((id) => ({
    id,
    codings: [...(layers.get(id)?.values() ?? [])]
      .filter((layer) => !wanted || wanted.has(layer.coderId))
      .flatMap((layer) => layer.codings),
  }));
}

/** Segments as the renderer shows them: context, pseudonyms, flat fields. */
export function toSegmentViews(
  segments: readonly Segment[],
  corpus: readonly SourceForAnalysis[],
  project: ProjectFile,
  contextChars = 160,
): SegmentView[] {
  const sources = new Map(corpus.map((source) => [source.id, source]));
  const pseudonyms = new Map(project.participants.map((p) => [p.id, p.code]));
  const coders = new Map(project.evaluators.map((evaluator) => [evaluator.id, evaluator.name]));
  const voicesOf = voicesOfCodings(pseudonyms);
  return segments.map(({ coding, ...segment }) => {
    const source = sources.get(segment.sourceId);
    // Kept inside the coded speaker's turn: another speaker's words never read as theirs.
    const context = segmentContext(
      source?.text ?? '',
      source?.turns ?? [],
      coding.start,
      coding.end,
      contextChars,
    );
    const codes = segment.participantIds.flatMap((id) => pseudonyms.get(id) ?? []);
    const parts = source ? voicesOf(source, coding) : [];
    return {
      sourceId: segment.sourceId,
      sourceTitle: segment.sourceTitle,
      sessionCode: segment.sessionCode,
      codingId: coding.id,
      codeId: coding.codeId,
      start: coding.start,
      end: coding.end,
      text: coding.text,
      memo: coding.memo,
      key: coding.key,
      textChanged: coding.textChanged,
      coderId: coding.coderId,
      coderName: coders.get(coding.coderId) ?? '',
      createdAt: coding.createdAt,
      before: (context.clippedBefore ? '…' : '') + context.before,
      after: context.after + (context.clippedAfter ? '…' : ''),
      pseudonyms: codes.length ? codes : segment.sessionCode ? [segment.sessionCode] : [],
      participantIds: segment.participantIds,
      speaker: segment.speaker,
      voices: parts.length > 1 ? parts : [],
    };
  });
}
