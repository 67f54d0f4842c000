import { randomUUID } from 'node:crypto';
import {
  codesWanted,
  coOccurrence,
  frameworkMatrix,
  retrieveSegments,
} from '../../../shared/domain/coding-analysis';
import { applyCoding } from '../../../shared/domain/coding';
import { onlyCoders } from '../../../shared/domain/coder-filter';
import { sentenceAround } from '../../../shared/domain/search';
import type { Handlers } from '../../../shared/ipc/contract';
import { frameworkSummaryId } from '../../../shared/model/project';
import type { SpeakerTurn } from '../../../shared/model/source';
import { codingsBySource, loadCorpus, sourcesCoding, toSegmentViews } from '../coding/corpus';
import { searchProject } from '../coding/search';
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
  return {
    async segmentsRetrieve(filter) {
      const session = state.requireSession();
      const { project } = session;
      // Only the sources holding a wanted code are read (the counts cache knows which).
      const codes = codesWanted(project.codes, filter);
      let ids = filter.sourceIds;
      if (codes) {
        const holding = new Set(await sourcesCoding(session, codes));
        ids = (ids ?? project.sources.map((summary) => summary.id)).filter((id) => holding.has(id));
      }
      const corpus = onlyCoders(await loadCorpus(session, ids), filter.coderIds);
      const segments = retrieveSegments(corpus, project.codes, project.participants, filter);
      return toSegmentViews(segments, corpus, project);
    },

    textSearch: ({ query, wholeWord, sourceIds }) =>
      searchProject(state.requireSession(), query, { wholeWord }, sourceIds),

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

    async matrixCooccurrence({ codeIds, coderIds }) {
      const session = state.requireSession();
      const holding = await sourcesCoding(session, new Set(codeIds));
      return coOccurrence(await codingsBySource(session, holding, coderIds), codeIds);
    },

    async frameworkMatrix({ coderIds }) {
      const session = state.requireSession();
      const { project } = session;
      const corpus = onlyCoders(await loadCorpus(session), coderIds);
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
