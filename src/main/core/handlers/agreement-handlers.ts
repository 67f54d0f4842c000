import { randomUUID } from 'node:crypto';
import {
  CONSENSUS_EVALUATOR_ID,
  decideConsensus,
  isConsensus,
} from '../../../shared/domain/agreement-consensus';
import { findDisagreements } from '../../../shared/domain/agreement-disagreements';
import { matrixVersionsAgreement } from '../../../shared/domain/agreement-rating-versions';
import { agreementStudy, defaultAgreementCoders } from '../../../shared/domain/agreement-run';
import { unionSpans } from '../../../shared/domain/agreement-spans';
import { segmentContext } from '../../../shared/domain/segment-context';
import { turnLabel, unmatchedSpeakers } from '../../../shared/domain/turn-labels';
import { translator } from '../../../shared/i18n';
import type { Handlers } from '../../../shared/ipc/contract';
import type { AgreementCoder, DisagreementView } from '../../../shared/ipc/contract-agreement';
import { CampoError } from '../../../shared/ipc/errors';
import type { SpeakerTurn } from '../../../shared/model/source';
import {
  consensusDecisionId,
  EvaluatorSchema,
  type ProjectFile,
} from '../../../shared/model/project';
import { loadAgreementInput, type LoadedAgreementInput } from '../agreement/agreement-data';
import { findById, type CoreState } from './context';

type AgreementHandlers = Pick<
  Handlers,
  'agreementCompute' | 'agreementDisagreements' | 'agreementResolve' | 'ratingAgreementCompute'
>;

/** The disagreements listed at most (the count says how many there are in all). */
const MAX_DISAGREEMENTS = 2_000;

/**
 * Every coder with a layer in the input: their codings and the sources they coded (a layer
 * holding only a source memo codes nothing), evaluators' order first.
 */
function availableCoders(project: ProjectFile, loaded: LoadedAgreementInput): AgreementCoder[] {
  const stats = new Map<string, { sources: number; codings: number }>();
  for (const coders of loaded.layerCoders.values()) {
    for (const id of coders) stats.set(id, { sources: 0, codings: 0 });
  }
  const coded = new Set<string>();
  for (const coding of loaded.input.codings) {
    const entry = stats.get(coding.coderId);
    if (!entry) continue;
    entry.codings += 1;
    const key = `${coding.coderId}\u0000${coding.sourceId}`;
    if (!coded.has(key)) {
      coded.add(key);
      entry.sources += 1;
    }
  }
  const names = new Map(project.evaluators.map((e) => [e.id, e.name]));
  const order = project.evaluators.map((e) => e.id);
  const ids = [...stats.keys()].sort(
    (a, b) =>
      (isConsensus(a) ? 1 : 0) - (isConsensus(b) ? 1 : 0) ||
      (order.indexOf(a) + 1 || 1e9) - (order.indexOf(b) + 1 || 1e9) ||
      a.localeCompare(b),
  );
  return ids.map((id) => ({
    id,
    name: names.get(id) ?? '',
    consensus: isConsensus(id),
    ...stats.get(id)!,
  }));
}

/** The coders asked for, else the default; BAD_INPUT with fewer than two. */
function chosenCoders(
  asked: readonly string[] | undefined,
  project: ProjectFile,
  loaded: LoadedAgreementInput,
): string[] {
  const coders = asked?.length
    ? [...new Set(asked)]
    : defaultAgreementCoders(
        loaded.input,
        project.evaluators.map((e) => e.id),
      );
  return coders;
}

/** Intercoder agreement of the open project's coder layers, and the consensus layer. */
export function agreementHandlers(state: CoreState): AgreementHandlers {
  return {
    async ratingAgreementCompute({ matrixIds }) {
      const session = state.requireSession();
      const matrices = [...new Set(matrixIds)].map((id) =>
        findById(session.project.matrices, id, 'matrix'),
      );
      if (matrices.length < 2) {
        throw new CampoError('VALIDATION', 'two matrices needed', { reason: 'matrixIds' });
      }
      return matrixVersionsAgreement(matrices);
    },

    async agreementCompute({ coders, sourceIds, codeIds, threshold, unit }) {
      const session = state.requireSession();
      const loaded = await loadAgreementInput(session, sourceIds, {
        sentences: unit === 'sentence',
      });
      const chosen = chosenCoders(coders, session.project, loaded);
      return {
        available: availableCoders(session.project, loaded),
        coders: chosen,
        sourceIds: loaded.sourceIds,
        study:
          chosen.length < 2
            ? null
            : agreementStudy(loaded.input, {
                coders: chosen,
                codebook: session.project.codes,
                ...(codeIds?.length ? { codeIds } : {}),
                ...(threshold !== undefined ? { threshold } : {}),
                ...(unit ? { unit } : {}),
              }),
        flagged: loaded.flagged,
      };
    },

    async agreementDisagreements({ coders, sourceIds, codeIds }) {
      const session = state.requireSession();
      const loaded = await loadAgreementInput(session, sourceIds);
      const chosen = chosenCoders(coders, session.project, loaded);
      if (chosen.length < 2) return { coders: chosen, disagreements: [], total: 0 };
      const report = findDisagreements(loaded.input, {
        coders: chosen,
        ...(codeIds?.length ? { codeIds } : {}),
      });
      // One pass over the codings: the consensus's by source and code, and the compared
      // coders' by source (to say what else they coded on a passage).
      type Held = (typeof loaded.input.codings)[number];
      const add = (map: Map<string, Held[]>, key: string, coding: Held) => {
        const held = map.get(key);
        if (held) held.push(coding);
        else map.set(key, [coding]);
      };
      const consensus = new Map<string, Held[]>();
      const compared = new Set(chosen);
      const codingsOf = new Map<string, Held[]>();
      for (const coding of loaded.input.codings) {
        if (isConsensus(coding.coderId))
          add(consensus, `${coding.sourceId}|${coding.codeId}`, coding);
        if (compared.has(coding.coderId)) add(codingsOf, coding.sourceId, coding);
      }
      const titles = new Map(session.project.sources.map((s) => [s.id, s.title]));
      const pseudonyms = new Map(session.project.participants.map((p) => [p.id, p.code]));
      // "Voce n" numbering, once per source (its disagreements come one after the other).
      const voices = new Map<string, Map<string, number>>();
      const voicesOf = (sourceId: string, turns: readonly SpeakerTurn[]) => {
        let numbered = voices.get(sourceId);
        if (!numbered) voices.set(sourceId, (numbered = unmatchedSpeakers(turns)));
        return numbered;
      };
      const decidedNone = new Set(session.project.consensusDecisions.map((d) => d.id));
      const views: DisagreementView[] = [];
      for (const item of report.disagreements.slice(0, MAX_DISAGREEMENTS)) {
        const doc = await session.readDoc(item.sourceId);
        // The context keeps to the passage's speaker turn: another voice's words never read as
        // this one's.
        const around = segmentContext(doc.text, doc.turns, item.start, item.end, 120);
        const turn = doc.turns.find((t) => t.start <= item.start && item.start < t.end);
        const speaker = turn
          ? turnLabel(turn, pseudonyms, voicesOf(item.sourceId, doc.turns), false)
          : ({ kind: 'none' } as const);
        const mine = (consensus.get(`${item.sourceId}|${item.codeId}`) ?? [])
          .filter((span) => span.start < item.end && span.end > item.start)
          .map((span) => ({
            start: Math.max(span.start, item.start),
            end: Math.min(span.end, item.end),
          }))
          .sort((a, b) => a.start - b.start);
        const id = consensusDecisionId(item.sourceId, item.codeId, item.start, item.end);
        const otherCodes = new Map<string, { coderId: string; codeId: string }>();
        for (const coding of codingsOf.get(item.sourceId) ?? []) {
          if (coding.codeId === item.codeId) continue;
          if (coding.start >= item.end || coding.end <= item.start) continue;
          otherCodes.set(`${coding.coderId}|${coding.codeId}`, {
            coderId: coding.coderId,
            codeId: coding.codeId,
          });
        }
        views.push({
          ...item,
          sourceTitle: titles.get(item.sourceId) ?? '',
          speaker,
          before: (around.clippedBefore ? '…' : '') + around.before,
          text: doc.text.slice(item.start, item.end),
          after: around.after + (around.clippedAfter ? '…' : ''),
          consensus: unionSpans(mine),
          decided: mine.length > 0 || decidedNone.has(id),
          otherCodes: [...otherCodes.values()],
        });
      }
      return { coders: chosen, disagreements: views, total: report.disagreements.length };
    },

    async agreementResolve({ sourceId, also = [], ...first }) {
      const session = state.requireSession();
      const decisions = [first, ...also];
      const codes = decisions.map((d) => findById(session.project.codes, d.codeId, 'code'));
      const source = await session.readSource(sourceId);
      for (const { start, end, spans } of decisions) {
        const outside = spans.some((s) => s.end <= s.start || s.start < start || s.end > end);
        if (end <= start || end > source.text.length || outside) {
          throw new CampoError('EMPTY_PASSAGE', `Consensus spans outside ${start}-${end}`);
        }
      }
      // «Annullato: Consenso – DV2 …» (in the project's language, as the layer's name).
      const consensus = translator(session.project.meta.language)('agreement.consensus');
      const named = [...new Set(codes.map((code) => code.name))].join(', ');
      return state.history().record(`${consensus} – ${named}`, async (change) => {
        if (!session.project.evaluators.some((e) => isConsensus(e.id))) {
          await change.editProject((project) => {
            // Named in the project's language, so coding cards and lists read "Consenso".
            const name = translator(project.meta.language)('agreement.consensus');
            project.evaluators.push(EvaluatorSchema.parse({ id: CONSENSUS_EVALUATOR_ID, name }));
          });
        }
        const now = new Date().toISOString();
        await change.editSource(sourceId, (draft) => {
          for (const { codeId, start, end, spans } of decisions) {
            draft.codings = decideConsensus(draft.codings, draft.text, {
              codeId,
              start,
              end,
              spans,
              newId: randomUUID,
              now,
            });
          }
        });
        // "Neither" leaves no coding behind: a record says the passage was decided.
        const ids = decisions.map((d) => consensusDecisionId(sourceId, d.codeId, d.start, d.end));
        const neither = new Set(ids.filter((_, at) => decisions[at]!.spans.length === 0));
        const recorded = new Set(session.project.consensusDecisions.map((d) => d.id));
        if (ids.every((id) => recorded.has(id) === neither.has(id))) return;
        await change.editProject((project) => {
          const kept = project.consensusDecisions.filter(
            (d) => !ids.includes(d.id) || neither.has(d.id),
          );
          const added = decisions.flatMap((d, at) =>
            neither.has(ids[at]!) && !recorded.has(ids[at]!)
              ? [{ id: ids[at]!, sourceId, codeId: d.codeId, start: d.start, end: d.end }]
              : [],
          );
          project.consensusDecisions = [...kept, ...added];
        });
      });
    },
  };
}
