import type { Code } from '../model/project';
import type { Coding } from '../model/source';
import type { SourceForAnalysis } from './coding-analysis';

/** Codings and sources per code, alone and with the codes below it. */
export interface CodeFrequency {
  codeId: string;
  codings: number;
  sources: number;
  codingsWithChildren: number;
  sourcesWithChildren: number;
}

/**
 * One row per code of `codes`, in `codes` order. "With children" counts the codings of the code
 * and of every code below it, and the sources holding at least one of them.
 */
export function codeFrequency(
  sources: readonly Pick<SourceForAnalysis, 'codings'>[],
  codes: readonly Code[],
): CodeFrequency[] {
  return frequencyFromCounts(
    sources.map((source) => {
      const perCode = new Map<string, number>();
      for (const coding of source.codings) {
        perCode.set(coding.codeId, (perCode.get(coding.codeId) ?? 0) + 1);
      }
      return perCode;
    }),
    codes,
  );
}

/**
 * `codeFrequency` from counts already made: for each source, the number of codings per code
 * (the counts cache keeps them, so the coding screen needs no source read).
 */
export function frequencyFromCounts(
  perSource: Iterable<ReadonlyMap<string, number>>,
  codes: readonly Code[],
): CodeFrequency[] {
  const byId = new Map(codes.map((code) => [code.id, code]));
  // Each code with the codes above it, so a coding counts for all its ancestors in one walk.
  const lineage = new Map(codes.map((code) => [code.id, ancestorsOrSelf(byId, code.id)]));
  const codings = new Map<string, number>();
  const inSources = new Map<string, number>();
  const withChildren = new Map<string, number>();
  const inSourcesWithChildren = new Map<string, number>();
  const add = (map: Map<string, number>, id: string, n = 1) => map.set(id, (map.get(id) ?? 0) + n);
  for (const counts of perSource) {
    const covered = new Set<string>();
    for (const [id, count] of counts) {
      if (count <= 0) continue;
      add(codings, id, count);
      add(inSources, id);
      for (const above of lineage.get(id) ?? []) covered.add(above);
    }
    for (const id of covered) add(inSourcesWithChildren, id);
  }
  for (const [id, count] of codings) {
    for (const above of lineage.get(id) ?? []) add(withChildren, above, count);
  }
  return codes.map((code) => ({
    codeId: code.id,
    codings: codings.get(code.id) ?? 0,
    sources: inSources.get(code.id) ?? 0,
    codingsWithChildren: withChildren.get(code.id) ?? 0,
    sourcesWithChildren: inSourcesWithChildren.get(code.id) ?? 0,
  }));
}

/** The code and every code above it, stopping at an unknown parent or a cycle. */
function ancestorsOrSelf(byId: ReadonlyMap<string, Code>, id: string): string[] {
  const found: string[] = [];
  let current = byId.get(id);
  while (current && !found.includes(current.id)) {
    found.push(current.id);
    current = current.parentId === null ? undefined : byId.get(current.parentId);
  }
  return found;
}

/**
 * Co-occurrence: `counts[i][j]` (i ≠ j) is the number of pairs of codings — one of `codeIds[i]`,
 * one of `codeIds[j]` — that overlap (share at least one character) in the same source;
 * `counts[i][i]` is the number of codings of `codeIds[i]`. Symmetric. `sources[i][j]` is the
 * number of sources where the pair co-occurs at least once, and `sources[i][i]` the number of
 * sources coded with `codeIds[i]`. Codings that only touch (one ends where the other starts) do
 * not co-occur; codings of the same code are never paired. Repeated ids are listed once.
 */
export function coOccurrence(
  sources: ReadonlyArray<{ codings: ReadonlyArray<Pick<Coding, 'codeId' | 'start' | 'end'>> }>,
  codeIds: readonly string[],
): { codeIds: string[]; counts: number[][]; sources: number[][] } {
  const ids = [...new Set(codeIds)];
  const n = ids.length;
  const index = new Map(ids.map((id, i) => [id, i]));
  const grid = () => Array.from({ length: n }, () => new Array<number>(n).fill(0));
  const counts = grid();
  const inSources = grid();
  for (const source of sources) {
    const codings = source.codings
      .filter((coding) => index.has(coding.codeId))
      .sort((a, b) => a.start - b.start || a.end - b.end);
    // Sweep by start: the codings still open when one starts are exactly those it overlaps.
    let open: Array<{ end: number; code: number }> = [];
    const pairs = new Set<number>();
    for (const coding of codings) {
      const code = index.get(coding.codeId) as number;
      const row = counts[code] as number[];
      row[code] = (row[code] ?? 0) + 1;
      pairs.add(code * n + code);
      // An empty coding shares no character with anything.
      if (coding.end <= coding.start) continue;
      open = open.filter((other) => other.end > coding.start);
      for (const other of open) {
        if (other.code === code) continue;
        row[other.code] = (row[other.code] ?? 0) + 1;
        const otherRow = counts[other.code] as number[];
        otherRow[code] = (otherRow[code] ?? 0) + 1;
        pairs.add(code * n + other.code).add(other.code * n + code);
      }
      open.push({ end: coding.end, code });
    }
    for (const pair of pairs) {
      const row = inSources[Math.floor(pair / n)] as number[];
      row[pair % n] = (row[pair % n] ?? 0) + 1;
    }
  }
  return { codeIds: ids, counts, sources: inSources };
}
