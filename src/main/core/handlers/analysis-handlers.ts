import { randomUUID } from 'node:crypto';
import {
  coOccurrence,
  frameworkMatrix,
  retrieveSegments,
  segmentSpeakers,
} from '../../../shared/domain/coding-analysis';
import { applyCoding } from '../../../shared/domain/coding';
import {
  contextAround,
  findMatches,
  foldForMatching,
  sentenceAround,
  type FoldedText,
} from '../../../shared/domain/search';
import type { Handlers } from '../../../shared/ipc/contract';
import type { SearchHit } from '../../../shared/ipc/types';
import { frameworkSummaryId } from '../../../shared/model/project';
import type { SpeakerTurn } from '../../../shared/model/source';
import { loadCorpus, toSegmentViews } from '../coding/corpus';
import { findById, type CoreState } from './context';

type AnalysisHandlers = Pick<
  Handlers,
  | 'segmentsRetrieve'
  | 'textSearch'
  | 'searchCodeAll'
  | 'matrixCooccurrence'
  | 'frameworkMatrix'
  | 'frameworkSummarySave'
>;

/**
 * How much folded text the search keeps between searches: about 1–2 bytes a character (the
 * folded string; offsets are kept as runs), so a thousand ten-thousand-word transcripts fit.
 */
const MAX_FOLDED_CHARACTERS = 150_000_000;

/** Beyond this many hits the list stops growing: the user narrows the search instead. */
const MAX_HITS = 5_000;

/** The turn holding `offset`, by binary search over turns sorted by start. */
function turnAt(turns: readonly SpeakerTurn[], offset: number): SpeakerTurn | null {
  let low = 0;
  let high = turns.length - 1;
  while (low <= high) {
    const middle = (low + high) >> 1;
    const turn = turns[middle]!;
    if (offset < turn.start) high = middle - 1;
    else if (offset >= turn.end) low = middle + 1;
    else return turn;
  }
  return null;
}

/** Retrieval, full-text search, "code all results", co-occurrence and the framework matrix. */
export function analysisHandlers(state: CoreState): AnalysisHandlers {
  // Folding a text for search costs more than searching it: keep each source's folded text
  // until the text changes (the string is the one the source cache holds, so `===` is cheap).
  const folded = new Map<string, { text: string; prepared: FoldedText }>();
  const prepared = (id: string, text: string): FoldedText => {
    const cached = folded.get(id);
    if (cached?.text === text) return cached.prepared;
    const fresh = { text, prepared: foldForMatching(text) };
    folded.delete(id);
    folded.set(id, fresh);
    // Bounded: beyond it, the least recently searched texts are folded again when needed.
    let total = 0;
    for (const entry of folded.values()) total += entry.text.length;
    for (const [key, entry] of folded) {
      if (total <= MAX_FOLDED_CHARACTERS) break;
      folded.delete(key);
      total -= entry.text.length;
    }
    return fresh.prepared;
  };
  return {
    async segmentsRetrieve(filter) {
      const session = state.requireSession();
      const { project } = session;
      const corpus = await loadCorpus(session, filter.sourceIds);
      const segments = retrieveSegments(corpus, project.codes, project.participants, filter);
      return toSegmentViews(segments, corpus, project);
    },

    async textSearch({ query, wholeWord, sourceIds }) {
      const session = state.requireSession();
      const pseudonyms = new Map(session.project.participants.map((p) => [p.id, p.code]));
      const hits: SearchHit[] = [];
      for (const source of await loadCorpus(session, sourceIds)) {
        const matches = findMatches(
          source.text,
          query,
          { wholeWord },
          prepared(source.id, source.text),
        );
        for (const match of matches) {
          if (hits.length === MAX_HITS) return { hits, truncated: true };
          const context = contextAround(source.text, match.start, match.end, 90);
          const who = segmentSpeakers(source, match.start, match.end);
          hits.push({
            sourceId: source.id,
            sourceTitle: source.title,
            start: match.start,
            end: match.end,
            before: (context.clippedBefore ? '…' : '') + context.before,
            match: context.passage,
            after: context.after + (context.clippedAfter ? '…' : ''),
            speaker:
              who.participantIds.map((id) => pseudonyms.get(id) ?? '').join(', ') || who.speaker,
          });
        }
      }
      return { hits, truncated: false };
    },

    async searchCodeAll({ codeId, scope, hits }) {
      const session = state.requireSession();
      const code = findById(session.project.codes, codeId, 'code');
      const bySource = new Map<string, typeof hits>();
      for (const hit of hits)
        bySource.set(hit.sourceId, [...(bySource.get(hit.sourceId) ?? []), hit]);
      const coderId = session.evaluator.id;
      return state.history().record(`${code.name} ×${hits.length}`, async (change) => {
        for (const [sourceId, found] of bySource) {
          await change.editSource(sourceId, (source) => {
            let codings = source.codings;
            for (const hit of found) {
              if (hit.end > source.text.length || hit.end <= hit.start) continue;
              let span = { start: hit.start, end: hit.end };
              if (scope === 'sentence') span = sentenceAround(source.text, hit.start, hit.end);
              if (scope === 'turn') span = turnAt(source.turns, hit.start) ?? span;
              codings = applyCoding(codings, source.text, {
                id: randomUUID(),
                codeId,
                ...span,
                coderId,
                createdAt: new Date().toISOString(),
              });
            }
            source.codings = codings;
          });
        }
      });
    },

    async matrixCooccurrence({ codeIds }) {
      const session = state.requireSession();
      return coOccurrence(await loadCorpus(session), codeIds);
    },

    async frameworkMatrix() {
      const session = state.requireSession();
      const { project } = session;
      const corpus = await loadCorpus(session);
      const cells = frameworkMatrix(corpus, project.codes, project.participants, project.questions);
      const summaries = new Map(
        project.frameworkSummaries.map((s) => [`${s.participantId}|${s.questionId}`, s.text]),
      );
      const keys = new Set([...cells.keys(), ...summaries.keys()]);
      return [...keys].map((key) => {
        const [participantId, questionId] = key.split('|') as [string, string];
        return {
          participantId,
          questionId,
          segments: toSegmentViews(cells.get(key) ?? [], corpus, project, 60),
          summary: summaries.get(key) ?? '',
        };
      });
    },

    async frameworkSummarySave({ participantId, questionId, text, baseRev }) {
      const session = state.requireSession();
      const participant = findById(session.project.participants, participantId, 'participant');
      const question = findById(session.project.questions, questionId, 'question');
      const id = frameworkSummaryId(participantId, questionId);
      await session.mutate((project) => {
        const current = project.frameworkSummaries.find((s) => s.id === id);
        if (text.trim() === '') {
          project.frameworkSummaries = project.frameworkSummaries.filter((s) => s.id !== id);
        } else if (current) {
          const label = `${participant.code} × ${question.code}`;
          session.rebase('frameworkSummary', current, baseRev, label, (draft) => {
            draft.text = text;
          });
        } else {
          project.frameworkSummaries.push({
            id,
            participantId,
            questionId,
            text,
            updatedAt: new Date().toISOString(),
          });
        }
      });
      return null;
    },
  };
}
