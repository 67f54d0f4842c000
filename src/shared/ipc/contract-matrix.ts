import { z } from 'zod';
import { EvidenceSchema, MatrixAxisItemSchema, type RatingMatrix } from '../model/matrix';
import { BaseRevSchema, handler, returns } from './define';

const Id = z.string().min(1).max(100);
const Cell = { matrixId: Id, rowId: Id, columnId: Id, baseRev: BaseRevSchema };

/**
 * Rating matrices (the integration matrix, the contribution to Europe 2020). Every call returns
 * the matrix as saved.
 */
export const matrixContract = {
  ratingMatrixAdd: handler(
    z
      .object({
        template: z.enum(['integration', 'europe2020']),
        title: z.string().trim().min(1).max(300).optional(),
        /** The language of the template's title, rows and notes (Italian when not given). */
        language: z.enum(['it', 'en']).optional(),
      })
      .strict(),
    returns<RatingMatrix>(),
  ),
  /** Title, rows and columns (cells of removed rows or columns go with them). */
  ratingMatrixUpdate: handler(
    z
      .object({
        matrixId: Id,
        patch: z
          .object({
            title: z.string().trim().min(1).max(300),
            rows: z.array(MatrixAxisItemSchema.strict()).max(200),
            columns: z.array(MatrixAxisItemSchema.strict()).max(100),
          })
          .partial()
          .strict(),
        baseRev: BaseRevSchema,
      })
      .strict(),
    returns<RatingMatrix>(),
  ),
  ratingMatrixDelete: handler(z.object({ matrixId: Id }).strict(), returns<null>()),
  /**
   * Adds n.a. (counted apart from the means) to a scale without it: Europe 2020 matrices made
   * before their template had it. Nothing changes when the scale has it already.
   */
  ratingScaleAddNa: handler(z.object({ matrixId: Id }).strict(), returns<RatingMatrix>()),
  /** Rates one cell in one dimension; `levelId` null clears the rating. */
  ratingCellSet: handler(
    z.object({ ...Cell, dimensionId: Id, levelId: Id.nullable() }).strict(),
    returns<RatingMatrix>(),
  ),
  ratingCellUpdate: handler(
    z
      .object({
        ...Cell,
        patch: z
          .object({ rationale: z.string().max(20_000), evidence: z.array(EvidenceSchema).max(200) })
          .partial()
          .strict(),
      })
      .strict(),
    returns<RatingMatrix>(),
  ),
};
