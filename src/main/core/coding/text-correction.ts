/**
 * What follows a source's corrected text besides its own codings and turns (those move inside
 * the save): the "neither version" consensus decisions on it, which name their passage, and
 * every window's undo steps, which hold offsets of the old text.
 */
import { reanchorCodings, reanchorDecision, type TextEdit } from '../../../shared/domain/reanchor';
import type { CoreState } from '../handlers/context';
import type { ProjectSession } from '../store/project-session';

/** A source's text before and after a correction, and the stretches that changed. */
export interface TextCorrection {
  sourceId: string;
  before: string;
  after: string;
  edits: readonly TextEdit[];
}

/** Moves the decisions on the source and the undo steps of every window onto the new text. */
export async function followTextCorrection(
  state: CoreState,
  session: ProjectSession,
  { sourceId, before, after, edits }: TextCorrection,
): Promise<void> {
  if (edits.length === 0) return;
  if (session.project.consensusDecisions.some((d) => d.sourceId === sourceId)) {
    await session.mutate((project) => {
      project.consensusDecisions = project.consensusDecisions.flatMap((d) =>
        d.sourceId === sourceId ? (reanchorDecision(d, before, after, edits) ?? []) : [d],
      );
    });
  }
  state.historiesFollowText(
    sourceId,
    (codings) => reanchorCodings(codings, before, after, edits).codings,
    (d) => reanchorDecision(d, before, after, edits),
  );
}
