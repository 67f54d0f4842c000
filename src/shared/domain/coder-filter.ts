/**
 * Coder filters (issue 18): retrieval, co-occurrence and the framework matrix over the codings
 * of chosen coders only. An absent or empty list keeps every coder. Pure.
 */

/** The sources with only the codings of `coderIds` (each coding names its coder). */
export function onlyCoders<T extends { codings: ReadonlyArray<{ coderId: string }> }>(
  sources: readonly T[],
  coderIds: readonly string[] | undefined,
): T[] {
  if (!coderIds || coderIds.length === 0) return sources as T[];
  const wanted = new Set(coderIds);
  return sources.map((source) => ({
    ...source,
    codings: source.codings.filter((coding) => wanted.has(coding.coderId)),
  }));
}
