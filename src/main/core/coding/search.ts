/**
 * Full-text search of the open project (STORE-V2 §4): the query is folded as the texts are; the
 * trigram filter of each source (search cache) rules out the sources that cannot hold it; the
 * folded text (from the cache, or folded once and kept) is scanned; only sources with a hit are
 * read for the context and the speaker. A rare word thus costs in proportion to where it occurs.
 */
import { segmentSpeakers } from '../../../shared/domain/coding-analysis';
import { findMatches, foldForMatching, type SearchOptions } from '../../../shared/domain/search';
import { segmentContext } from '../../../shared/domain/segment-context';
import type { SearchHit } from '../../../shared/ipc/types';
import type { ProjectSession } from '../store/project-session';

/** Beyond this many hits the list stops growing: the user narrows the search instead. */
export const MAX_HITS = 5_000;

export async function searchProject(
  session: ProjectSession,
  query: string,
  options: SearchOptions,
  sourceIds?: readonly string[],
): Promise<{ hits: SearchHit[]; truncated: boolean }> {
  const { project } = session;
  const search = session.caches.search;
  await search.load();
  const needle = foldForMatching(query.trim()).folded;
  const wanted = sourceIds ? new Set(sourceIds) : null;
  const pseudonyms = new Map(project.participants.map((p) => [p.id, p.code]));
  const hits: SearchHit[] = [];
  for (const summary of project.sources) {
    if (wanted && !wanted.has(summary.id)) continue;
    const textRev = summary.textRev ?? 0;
    if (search.filterFor(summary.id, textRev)?.mayContain(needle) === false) continue;
    const folded = await search
      .foldedFor(summary.id, textRev, async () => (await session.readDoc(summary.id)).text)
      .catch(() => null);
    if (!folded || (needle !== '' && !folded.folded.includes(needle))) continue;
    // Read only for the hits' context and speakers; a text changed meanwhile is searched next time.
    const doc = await session.sources.peek(summary.id).catch(() => null);
    if (!doc || doc.text.length !== folded.toOriginal.at(folded.toOriginal.length - 1)) continue;
    for (const match of findMatches(doc.text, query, options, folded)) {
      if (hits.length === MAX_HITS) return { hits, truncated: true };
      // Like retrieval, a hit's context stays in its speaker's turn.
      const context = segmentContext(doc.text, doc.turns, match.start, match.end, 90);
      const who = segmentSpeakers(
        { turns: doc.turns, participantIds: summary.participantIds },
        match.start,
        match.end,
      );
      hits.push({
        sourceId: summary.id,
        sourceTitle: summary.title,
        start: match.start,
        end: match.end,
        before: (context.clippedBefore ? '…' : '') + context.before,
        match: context.passage,
        after: context.after + (context.clippedAfter ? '…' : ''),
        // The pseudonym on screen; the file's label (often a real name) only when names are shown.
        speaker: who.participantIds.flatMap((id) => pseudonyms.get(id) ?? []).join(', '),
        speakerLabel: who.speaker,
      });
    }
  }
  return { hits, truncated: false };
}
