/**
 * What a report, a workbook or their outline read from the open project: every source's codings
 * and speakers, and the agreement input, in one pass over the sources and without their texts.
 *
 * Each source is read once, through the session's bounded text cache, and only what the export
 * prints is kept: passages copied out of their transcripts (a slice would keep the whole text
 * alive), the key ones only for a report. The agreement input comes from the same pass. What an
 * export holds at 3,000 transcripts is then its coding and turn objects (docs/PERFORMANCE.md).
 */
import type { TextAgreementInput } from '../../../shared/domain/agreement-layers';
import type { CodedSource } from '../../../shared/domain/coding-analysis';
import { agreementInputOfViews, type AgreementView } from '../agreement/agreement-data';
import { CampoError } from '../../../shared/ipc/errors';
import { exportMemoryGuard } from '../export/memory-guard';
import type { ProjectSession } from '../store/project-session';
import { sessionCodesBySource } from './corpus';

/** Sources read between two progress calls (and two turns of the event loop). */
const BATCH = 50;

/** An export's input: the coded sources in project order and the coders' layers. */
export interface ExportCorpus {
  corpus: CodedSource[];
  agreementInput: TextAgreementInput;
  /** Titles of the sources that could not be read (damaged files): not in `corpus`. */
  unreadable: string[];
}

/**
 * A copy of `text` that does not share memory with the string it was sliced from. V8 keeps a
 * slice of 13 characters or more as a view of its parent string, so a passage would keep its
 * whole transcript in memory. Prepending a character makes a new string (copied when sliced).
 */
export function detachedCopy(text: string): string {
  return ` ${text}`.slice(1);
}

/**
 * Which passages an export prints: every one (the workbook's coded segments), or only the key
 * quotations (the report, which counts the other passages but does not quote them).
 */
export type PassagesWanted = 'all' | 'key';

/**
 * Reads the open project's sources, `BATCH` at a time through the session's queue, and keeps
 * their codings (the `passages` wanted copied out of their texts, the others empty), turns and
 * lengths. `onProgress(done, total)` follows the sources read. A source that cannot be read is
 * left out and named in `unreadable` (an export refuses, see `refuseUnreadable`; the outline
 * says so). Throws OUT_OF_MEMORY rather than fill the heap (memory-guard.ts).
 */
export async function readExportCorpus(
  session: ProjectSession,
  passages: PassagesWanted,
  onProgress?: (done: number, total: number) => void,
): Promise<ExportCorpus> {
  const summaries = session.project.sources;
  const sessionCodes = sessionCodesBySource(session.project);
  const corpus: CodedSource[] = [];
  const views: AgreementView[] = [];
  const layerCoders = new Map<string, string[]>();
  const unreadable: string[] = [];
  const memory = exportMemoryGuard();
  for (let at = 0; at < summaries.length; at += BATCH) {
    const batch = summaries.slice(at, at + BATCH);
    const layers = await session.readLayers(batch.map((summary) => summary.id));
    for (const summary of batch) {
      memory.check();
      const source = await session.scanSource(summary.id).catch(() => null);
      if (!source) {
        unreadable.push(summary.title);
        continue;
      }
      const codings = source.codings.map((coding) => ({
        ...coding,
        text: passages === 'all' || coding.key ? detachedCopy(coding.text) : '',
      }));
      corpus.push({
        id: source.id,
        title: source.title,
        turns: source.turns,
        codings,
        participantIds: summary.participantIds,
        sessionCode: sessionCodes.get(source.id) ?? null,
      });
      const coders = [...(layers.get(source.id)?.keys() ?? [])];
      layerCoders.set(source.id, coders);
      // Only sources somebody coded matter to agreement; the others add length and no codings.
      if (coders.length > 0) {
        views.push({ id: source.id, length: source.text.length, turns: source.turns, codings });
      }
    }
    onProgress?.(Math.min(at + BATCH, summaries.length), summaries.length);
  }
  return { corpus, agreementInput: agreementInputOfViews(views, layerCoders).input, unreadable };
}

/**
 * Refuses an export that would silently lack what is coded in sources that cannot be read: a
 * report saying «no passage coded yet» for a question coded in a damaged transcript is wrong.
 */
export function refuseUnreadable(unreadable: readonly string[]): void {
  if (unreadable.length === 0) return;
  throw new CampoError('SOURCES_UNREADABLE', `${unreadable.length} sources cannot be read`, {
    count: unreadable.length,
    titles: unreadable.slice(0, 5).join(', ') + (unreadable.length > 5 ? ', …' : ''),
  });
}
