import { z } from 'zod';
import type { RatingAgreementReport } from '../domain/agreement-ratings';
import type { AgreementStudy } from '../domain/agreement-run';
import type { CoderVersion, Disagreement } from '../domain/agreement-disagreements';
import type { Span } from '../domain/agreement-spans';
import type { TurnLabel } from '../domain/turn-labels';
import { handler, returns } from './define';
import type { CodingUpdate } from './types';

const Id = z.string().min(1).max(100);
const Offset = z.number().int().nonnegative();

/** What to compare: coders (two or more; none: every coder), sources and codes (none: all). */
const Scope = z
  .object({
    coders: z.array(Id).max(50).optional(),
    sourceIds: z.array(Id).max(10_000).optional(),
    codeIds: z.array(Id).max(5_000).optional(),
  })
  .strict();

/** A coder who could be compared: their layers in the scope and codings there. */
export interface AgreementCoder {
  id: string;
  /** The evaluator's name as the project lists it ('' when unknown). */
  name: string;
  /** True for the consensus layer. */
  consensus: boolean;
  sources: number;
  codings: number;
}

/** The agreement view's figures: who could be compared, who was, and the three levels. */
export interface AgreementResult {
  available: AgreementCoder[];
  /** The coders compared (those asked, else every coder but the consensus). */
  coders: string[];
  sourceIds: string[];
  /** Null with fewer than two coders to compare. */
  study: AgreementStudy | null;
  /** Codings left out because their text changed and they await review. */
  flagged: number;
}

/** The consensus decided on one code of a passage: the spans it keeps (none: neither). */
const PassageDecision = z
  .object({
    codeId: Id,
    start: Offset,
    end: Offset,
    spans: z.array(z.object({ start: Offset, end: Offset }).strict()).max(1_000),
  })
  .strict();

/** A disagreement as the browser shows it: the passage's words and the consensus so far. */
export interface DisagreementView extends Disagreement {
  sourceTitle: string;
  /** Who speaks where the passage starts: a pseudonym or "Voce n", never a name from the file. */
  speaker: TurnLabel;
  /** The passage [start, end) with a little context either side, inside its speaker's turn. */
  before: string;
  text: string;
  after: string;
  /** The consensus layer's coverage of the code inside the passage. */
  consensus: Span[];
  /** The consensus decided this passage: it codes some of it, or recorded "neither". */
  decided: boolean;
  /**
   * Other codes the compared coders gave the same passage (overlapping it): a passage one coder
   * coded DV1 and the other DV2 shows as two disagreements, each pointing at the other.
   */
  otherCodes: Array<{ coderId: string; codeId: string }>;
}

export type { CoderVersion };

/** Intercoder agreement (issue 19): the figures, the disagreements, the consensus layer. */
export const agreementContract = {
  /**
   * Rating agreement of two or more rating matrices, each one evaluator's version of the same
   * matrix (same template): matched to the first by id, else by label.
   */
  ratingAgreementCompute: handler(
    z.object({ matrixIds: z.array(Id).min(2).max(20) }).strict(),
    returns<RatingAgreementReport & { unplaced: number }>(),
  ),
  agreementCompute: handler(
    Scope.extend({
      threshold: z.number().min(0.01).max(1).optional(),
      unit: z.enum(['turn', 'sentence']).optional(),
    }).strict(),
    returns<AgreementResult>(),
  ),
  agreementDisagreements: handler(
    Scope,
    returns<{ coders: string[]; disagreements: DisagreementView[]; total: number }>(),
  ),
  /**
   * Puts a decision on one passage into the consensus layer: its consensus codings of the code
   * are replaced by `spans` (empty: none, kept as a consensus decision in project.json).
   * Undoable like any coding change. `also`: decisions on other codes of the same source made
   * with it (a passage one coder put under DV1 and the other under DV2), undone together.
   */
  agreementResolve: handler(
    z
      .object({
        sourceId: Id,
        ...PassageDecision.shape,
        also: z.array(PassageDecision).max(10).optional(),
      })
      .strict(),
    returns<CodingUpdate>(),
  ),
};
