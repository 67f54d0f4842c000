/** Passages, as a report counts and quotes them: a stretch of text, whoever coded it. */
import type { Coding } from '../model/source';
import { isConsensus } from './agreement-consensus';

/**
 * How many stretches of text the segments cover: overlapping segments of one source count once
 * (touching ones are two passages), whoever coded them. With two coders and a consensus layer,
 * one passage is three codings; a report's «N passaggi» means the passages.
 */
export function distinctPassages(
  segments: ReadonlyArray<{ sourceId: string; coding: Pick<Coding, 'start' | 'end'> }>,
): number {
  const sorted = [...segments].sort(
    (a, b) => a.sourceId.localeCompare(b.sourceId) || a.coding.start - b.coding.start,
  );
  let count = 0;
  let source: string | null = null;
  let end = -1;
  for (const { sourceId, coding } of sorted) {
    if (sourceId !== source || coding.start >= end) {
      count += 1;
      source = sourceId;
      end = coding.end;
    } else end = Math.max(end, coding.end);
  }
  return count;
}

/**
 * One segment per passage, for quoting each once: of the segments of one source that overlap
 * (two coders' codings of one passage, its consensus copy), the consensus's when there is one,
 * else the first; in the order given.
 */
export function onePerPassage<
  T extends { sourceId: string; coding: Pick<Coding, 'start' | 'end' | 'coderId'> },
>(segments: readonly T[]): T[] {
  const order = segments
    .map((segment, index) => ({ segment, index }))
    .sort(
      (a, b) =>
        a.segment.sourceId.localeCompare(b.segment.sourceId) ||
        a.segment.coding.start - b.segment.coding.start ||
        a.index - b.index,
    );
  const chosen: Array<{ segment: T; index: number }> = [];
  let cluster: Array<{ segment: T; index: number }> = [];
  let end = -1;
  const close = () => {
    if (cluster.length === 0) return;
    const consensus = cluster.find(({ segment }) => isConsensus(segment.coding.coderId));
    chosen.push(consensus ?? cluster.reduce((a, b) => (a.index <= b.index ? a : b)));
    cluster = [];
  };
  for (const entry of order) {
    const { sourceId, coding } = entry.segment;
    if (cluster.length > 0 && (sourceId !== cluster[0]!.segment.sourceId || coding.start >= end)) {
      close();
    }
    end = cluster.length === 0 ? coding.end : Math.max(end, coding.end);
    cluster.push(entry);
  }
  close();
  return chosen.sort((a, b) => a.index - b.index).map(({ segment }) => segment);
}

/**
 * The sources without the codings the lead rejected in the disagreement browser («Nessuna»):
 * a coding of a code that overlaps a passage decided to have none of that code, in its source.
 * They stay in their coder's layer (they are that coder's work) but a report does not count or
 * quote them as evidence (walk-through 9: a rejected passage was still counted).
 */
export function withoutRejected<S extends { id: string; codings: readonly Coding[] }>(
  sources: readonly S[],
  decisions: ReadonlyArray<{ sourceId: string; codeId: string; start: number; end: number }>,
): S[] {
  if (decisions.length === 0) return [...sources];
  const bySource = new Map<string, Array<(typeof decisions)[number]>>();
  for (const decision of decisions) {
    const held = bySource.get(decision.sourceId);
    if (held) held.push(decision);
    else bySource.set(decision.sourceId, [decision]);
  }
  return sources.map((source) => {
    const rejected = bySource.get(source.id);
    if (!rejected) return source;
    const codings = source.codings.filter(
      (coding) =>
        !rejected.some(
          (d) => d.codeId === coding.codeId && d.start < coding.end && coding.start < d.end,
        ),
    );
    return codings.length === source.codings.length ? source : { ...source, codings };
  });
}
