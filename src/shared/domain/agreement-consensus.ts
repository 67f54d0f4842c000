/**
 * The consensus layer (issue 19): the codings the team agreed on after discussing the
 * disagreements, kept as the layer of a reserved evaluator so that they are compared, exported
 * and merged like any coder's layer, and never mixed into a person's own layer.
 */
import type { Coding } from '../model/source';
import { applyCoding } from './coding';
import type { Span } from './agreement-spans';

/** The evaluator id of the consensus layer (codings/<source>/consensus.json). */
export const CONSENSUS_EVALUATOR_ID = 'consensus';

/** True for the consensus layer's evaluator. */
export const isConsensus = (coderId: string): boolean => coderId === CONSENSUS_EVALUATOR_ID;

/** What to put in the consensus layer for one passage of one code. */
export interface ConsensusDecision {
  codeId: string;
  /** The passage decided on: consensus codings of `codeId` inside it are replaced. */
  start: number;
  end: number;
  /** The spans the consensus keeps (from `consensusSpans`): empty for "none". */
  spans: readonly Span[];
  newId: () => string;
  now: string;
}

/**
 * A source's codings after a consensus decision on one passage: the consensus layer's codings of
 * the code are cut back to outside [start, end) (what lies outside the passage stays), then the
 * chosen spans are added (united with touching consensus codings of the same code, as any
 * coding). Other coders' codings and other codes are untouched. Pure.
 */
export function decideConsensus(
  codings: readonly Coding[],
  text: string,
  decision: ConsensusDecision,
): Coding[] {
  const { codeId, start, end } = decision;
  const kept: Coding[] = [];
  for (const coding of codings) {
    const inPassage =
      isConsensus(coding.coderId) &&
      coding.codeId === codeId &&
      !coding.textChanged &&
      coding.start < end &&
      coding.end > start;
    if (!inPassage) {
      kept.push(coding);
      continue;
    }
    // The parts outside the passage stay: the first keeps the coding's id, a second is new.
    const before = coding.start < start ? { start: coding.start, end: start } : null;
    const after = coding.end > end ? { start: end, end: coding.end } : null;
    const parts = [before, after].filter((part): part is Span => part !== null);
    parts.forEach((part, i) => {
      kept.push({
        ...coding,
        id: i === 0 ? coding.id : decision.newId(),
        start: part.start,
        end: part.end,
        text: text.slice(part.start, part.end),
      });
    });
  }
  let result = kept;
  for (const span of decision.spans) {
    if (span.end <= span.start) continue;
    result = applyCoding(result, text, {
      id: decision.newId(),
      codeId,
      start: span.start,
      end: span.end,
      coderId: CONSENSUS_EVALUATOR_ID,
      createdAt: decision.now,
    });
  }
  return result.sort((a, b) => a.start - b.start || a.end - b.end);
}
