import { z } from 'zod';

/**
 * The stamp every mergeable record carries (STORE-V2 §2): its revision, when and by whom it last
 * changed. The store sets it on every save, so records on disk always have it; in memory a record
 * built by a handler has none until it is saved (hence optional in the type).
 */
export const StampShape = {
  /** 1 when first saved, +1 at every saved change. */
  rev: z.number().int().nonnegative().optional(),
  updatedAt: z.iso.datetime().nullable().optional(),
  /** The evaluator who made the change. */
  updatedBy: z.string().min(1).max(100).nullable().optional(),
};

/** For `.omit()`: what a caller never sets (the store does). */
export const STAMP_KEYS = { rev: true, updatedAt: true, updatedBy: true } as const;

/** The stamp fields' names, for comparisons that must ignore them. */
export const STAMP_FIELDS = ['rev', 'updatedAt', 'updatedBy'] as const;

export interface Stamp {
  rev?: number | undefined;
  updatedAt?: string | null | undefined;
  updatedBy?: string | null | undefined;
}

/** The kinds of record project.json holds, as tombstones name them. */
export const RECORD_KINDS = [
  'meta',
  'report',
  'evaluator',
  'question',
  'participant',
  'indicator',
  'code',
  'frameworkSummary',
  'ngtSession',
  'matrix',
  'session',
  'source',
  'consensusDecision',
] as const;
export type RecordKind = (typeof RECORD_KINDS)[number];

/** A deleted record: enough to tell "deleted here" from "never seen" when merging. */
export const TombstoneSchema = z.object({
  kind: z.enum(RECORD_KINDS),
  id: z.string().min(1).max(100),
  /** The revision the deletion made (the last live revision + 1). */
  rev: z.number().int().positive(),
  deletedAt: z.iso.datetime(),
  deletedBy: z.string().min(1).max(100).nullable().default(null),
});
export type Tombstone = z.infer<typeof TombstoneSchema>;
