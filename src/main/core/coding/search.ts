/**
 * Full-text search of the open project (STORE-V2 §4): the query is folded as the texts are; the
 * trigram filter of each source (search cache) rules out the sources that cannot hold it; the
 * folded text (from the cache, as bytes) is scanned; only sources with a hit need their text and
 * turns, for the context and the speaker, and those come from the search cache too, decoded only
 * around each hit (context-cache.ts). A rare word thus costs in proportion to where it occurs,
 * and a search leaves next to nothing for the garbage collector.
 */
import { speakersOf } from '../../../shared/domain/coding-analysis';
import {
  cutsWord,
  endOffset,
  foldForMatching,
  type PassageContext,
  type SearchOptions,
  type TextMatch,
} from '../../../shared/domain/search';
import { segmentContext } from '../../../shared/domain/segment-context';
import type { SearchHit, SearchResult } from '../../../shared/ipc/types';
import type { SpeakerTurn } from '../../../shared/model/source';
import { hitSourceOf, type HitSource } from '../store/context-cache';
import { sourceFilePath } from '../store/layout';
import type { ProjectSession } from '../store/project-session';
import type { FoldedUnits } from '../store/search-cache';

/** Beyond this many hits the list stops growing: the user narrows the search instead. */
export const MAX_HITS = 5_000;

/**
 * Text read either side of a hit: more than the context shows (90 characters, cut on word
 * boundaries), so the context and the word-boundary test see what they would in the whole text.
 */
const WINDOW = 400;

/** The piece of a source's text around [start, end), with the turns over it, shifted to it. */
interface Window {
  at: number;
  text: string;
  turns: SpeakerTurn[];
}

function windowAround(source: HitSource, start: number, end: number): Window {
  const at = Math.max(0, start - WINDOW);
  const to = Math.min(source.length, end + WINDOW);
  const turns: SpeakerTurn[] = [];
  const all = source.turns;
  // Turns are sorted and do not overlap: the first one ending after `at`, by halving.
  let low = 0;
  let high = all.length;
  while (low < high) {
    const middle = (low + high) >>> 1;
    if (all[middle]!.end <= at) low = middle + 1;
    else high = middle;
  }
  for (let i = low; i < all.length; i++) {
    const turn = all[i]!;
    if (turn.start >= to) break;
    if (turn.end <= at) continue;
    turns.push({
      ...turn,
      start: Math.max(turn.start, at) - at,
      end: Math.min(turn.end, to) - at,
    });
  }
  return { at, text: source.slice(at, to), turns };
}

/**
 * `findMatches` over a cached folded text: every occurrence of `pattern` (the folded query as
 * UTF-16LE bytes) from byte `from` on (where the first one is), as offsets of the original text;
 * with `wholeWord`, only those starting and ending on a word boundary.
 */
function matchesIn(
  folded: FoldedUnits,
  pattern: Buffer,
  source: HitSource,
  options: SearchOptions,
  from: number,
): TextMatch[] {
  const units = folded.units;
  const matches: TextMatch[] = [];
  let byte = from;
  while (byte !== -1) {
    // A match must start on a unit, not in the middle of one.
    if (byte % 2 === 1) {
      byte = units.indexOf(pattern, byte + 1);
      continue;
    }
    const at = byte / 2;
    const start = folded.toOriginal.at(at);
    const end = endOffset(folded.toOriginal, at + pattern.length / 2);
    let whole = true;
    if (options.wholeWord) {
      // Enough either side for a letter and its combining marks.
      const around = Math.max(0, start - 32);
      const text = source.slice(around, end + 32);
      whole = !cutsWord(text, start - around) && !cutsWord(text, end - around);
    }
    if (whole) {
      matches.push({ start, end });
      byte = units.indexOf(pattern, byte + pattern.length);
    } else {
      byte = units.indexOf(pattern, byte + 2);
    }
  }
  return matches;
}

/** A hit as the search list shows it: its context marked where it was cut, its speakers. */
export function searchHit(
  source: { id: string; title: string },
  match: TextMatch,
  context: PassageContext,
  who: { participantIds: string[]; speaker: string },
  pseudonyms: ReadonlyMap<string, string>,
): SearchHit {
  return {
    sourceId: source.id,
    sourceTitle: source.title,
    start: match.start,
    end: match.end,
    before: (context.clippedBefore ? '…' : '') + context.before,
    match: context.passage,
    after: context.after + (context.clippedAfter ? '…' : ''),
    // The pseudonym on screen; the file's label (often a real name) only when names are shown.
    speaker: who.participantIds.flatMap((id) => pseudonyms.get(id) ?? []).join(', '),
    speakerLabel: who.speaker,
  };
}

/**
 * The query without the quotes around it: a phrase typed as "tavolo comune" (as in NVivo or a
 * web search) is searched as the phrase it already is.
 */
export function unquoted(query: string): string {
  const trimmed = query.trim();
  const pair = /^(["“”„«»])([\s\S]+)(["“”„«»])$/.exec(trimmed);
  return pair && pair[2]!.trim() !== '' ? pair[2]!.trim() : trimmed;
}

export async function searchProject(
  session: ProjectSession,
  query: string,
  options: SearchOptions,
  sourceIds?: readonly string[],
): Promise<SearchResult> {
  const { project } = session;
  const search = session.caches.search;
  await search.load();
  const needle = foldForMatching(unquoted(query)).folded;
  if (needle === '') return { hits: [], truncated: false };
  const pattern = Buffer.from(needle, 'utf16le');
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
    const first = folded ? folded.units.indexOf(pattern) : -1;
    if (!folded || first === -1) continue;
    // The hits' context and speakers: from the document in memory, else from the search cache
    // (read from the document only when it changed).
    const held = session.sources.held(summary.id);
    const source = held
      ? hitSourceOf(held)
      : await search.contexts
          .contextFor(summary.id, textRev, sourceFilePath(session.dir, summary.id), () =>
            session.sources.peek(summary.id),
          )
          .catch(() => null);
    // A text changed meanwhile is searched next time.
    if (!source || source.length !== folded.toOriginal.at(folded.toOriginal.length - 1)) continue;
    const speakers = speakersOf({
      turns: source.turns as SpeakerTurn[],
      participantIds: summary.participantIds,
    });
    for (const match of matchesIn(folded, pattern, source, options, first)) {
      // Past the cap the search stops: counting every match of a common word would read every
      // source (at L, 0.5 s instead of 40 ms), and "more than 5,000" is what the user needs.
      if (hits.length === MAX_HITS) return { hits, truncated: true };
      // Like retrieval, a hit's context stays in its speaker's turn.
      const window = windowAround(source, match.start, match.end);
      const context = segmentContext(
        window.text,
        window.turns,
        match.start - window.at,
        match.end - window.at,
        90,
      );
      hits.push(searchHit(summary, match, context, speakers(match.start, match.end), pseudonyms));
    }
  }
  return { hits, truncated: false };
}
