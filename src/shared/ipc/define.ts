import { z } from 'zod';

/** Type-only marker for what a handler answers. */
export interface Returns<T> {
  readonly __returns?: T;
}

/** One contract entry: the zod schema of its arguments and (as a type) its result. */
export function handler<A extends z.ZodType, R>(args: A, _returns?: Returns<R>) {
  return { args } as { args: A; returns: Returns<R> };
}

/** Marks the result type of a handler: `handler(schema, returns<Result>())`. */
export const returns = <T>(): Returns<T> => ({});

/**
 * The revision of the record a window's change was based on (STORE-V2 §3): a stale change is
 * merged with what others saved since, or refused with STALE_CHANGE. Omitted only by trusted
 * callers (the command line, tests).
 */
export const BaseRevSchema = z.number().int().nonnegative().optional();
