import { z } from 'zod';
import { StampShape } from './stamp';

const Id = z.string().min(1).max(100);

/** A label in both interface languages (reports follow the project's language). */
export const BilingualSchema = z.object({
  it: z.string().trim().min(1).max(300),
  en: z.string().trim().min(1).max(300),
});
export type Bilingual = z.infer<typeof BilingualSchema>;

/**
 * One level of an ordinal scale: Basso 1, Medio 2, Alto 3 … `value` null marks "n.a." (not
 * applicable), which summaries count apart and leave out of means.
 */
export const ScaleLevelSchema = z.object({
  id: Id,
  label: BilingualSchema,
  value: z.number().nullable(),
});
export type ScaleLevel = z.infer<typeof ScaleLevelSchema>;

/** A row or a column of a rating matrix (an axis, OT9, POR FESR, a headline target …). */
export const MatrixAxisItemSchema = z.object({
  id: Id,
  label: z.string().trim().min(1).max(300),
  /** A note shown with the label, e.g. Italy's national value of a Europe 2020 target. */
  note: z.string().max(1_000).default(''),
});
export type MatrixAxisItem = z.infer<typeof MatrixAxisItemSchema>;

/** What a cell's rating rests on: a coded segment, a source, an interview, or a document. */
export const EvidenceSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('segment'), sourceId: Id, codingId: Id }),
  z.object({ kind: z.literal('source'), sourceId: Id }),
  z.object({ kind: z.literal('session'), sessionId: Id }),
  z.object({
    kind: z.literal('document'),
    title: z.string().trim().min(1).max(500),
    reference: z.string().max(2_000).default(''),
  }),
]);
export type Evidence = z.infer<typeof EvidenceSchema>;

/** One cell: a level per dimension (absent = not rated yet), its rationale and evidence. */
export const MatrixCellSchema = z.object({
  rowId: Id,
  columnId: Id,
  /** Level id per dimension id. */
  ratings: z.record(Id, Id).default({}),
  rationale: z.string().max(20_000).default(''),
  evidence: z.array(EvidenceSchema).max(200).default([]),
});
export type MatrixCell = z.infer<typeof MatrixCellSchema>;

/**
 * A rating matrix (METHODS §3): rows × columns, one or more dimensions (coordination,
 * complementarity), one ordinal scale. Used for the integration matrix and the contribution to
 * Europe 2020.
 */
export const RatingMatrixSchema = z.object({
  id: Id,
  title: z.string().trim().min(1).max(300),
  template: z.enum(['integration', 'europe2020', 'custom']).default('custom'),
  rows: z.array(MatrixAxisItemSchema).max(200).default([]),
  columns: z.array(MatrixAxisItemSchema).max(100).default([]),
  dimensions: z
    .array(z.object({ id: Id, label: BilingualSchema }))
    .min(1)
    .max(5),
  scale: z.array(ScaleLevelSchema).min(2).max(10),
  cells: z.array(MatrixCellSchema).default([]),
  ...StampShape,
});
export type RatingMatrix = z.infer<typeof RatingMatrixSchema>;
