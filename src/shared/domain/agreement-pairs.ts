/**
 * «The same passage, another code»: one coder put a passage under DV1, the other under DV2. The
 * agreement figures count that as two disagreements (one per code), but for the lead it is one
 * question, which code the passage belongs to. This pairs such disagreements into one entry of
 * the browser, and turns the lead's choice into a decision on each code.
 */
import { consensusSpans, type Disagreement, type Resolution } from './agreement-disagreements';
import type { Span } from './agreement-spans';

/** One entry of the disagreement browser: a passage for one code, or two codes for one passage. */
export interface DisagreementEntry {
  /** Indexes into the disagreements list: one, or two for a choice between codes. */
  items: number[];
}

/** What the lead decides on a choice between codes: one coder's code, both codes, or neither. */
export type CodeChoice = { accept: string } | 'all' | 'none';

/** Who coded the passage (a version with some coverage). */
const codedBy = (item: Disagreement) =>
  new Set(item.versions.filter((v) => v.coverage.length > 0).map((v) => v.coderId));

/** Whether two ranges share at least half of the shorter one. */
function samePassage(a: Disagreement, b: Disagreement): boolean {
  const shared = Math.min(a.end, b.end) - Math.max(a.start, b.start);
  return shared > 0 && shared * 2 >= Math.min(a.end - a.start, b.end - b.start);
}

/**
 * Whether `a` and `b` are the two halves of one choice: the same passage of one source under two
 * codes, each code given by some coders and not by the others, who gave the other code instead.
 */
export function isCodeChoice(a: Disagreement, b: Disagreement): boolean {
  if (a.sourceId !== b.sourceId || a.codeId === b.codeId) return false;
  if (a.kind !== 'presence' || b.kind !== 'presence' || !samePassage(a, b)) return false;
  const first = codedBy(a);
  const second = codedBy(b);
  const coders = new Set([...a.versions, ...b.versions].map((v) => v.coderId));
  if (first.size === 0 || second.size === 0) return false;
  if ([...first].some((coder) => second.has(coder))) return false;
  return [...coders].every((coder) => first.has(coder) || second.has(coder));
}

/**
 * The browser's entries, in the list's order: each disagreement alone, except a choice between
 * codes, which is one entry at the place of its first half. Each disagreement is in one entry.
 */
export function disagreementEntries(list: readonly Disagreement[]): DisagreementEntry[] {
  const paired = new Map<number, number>();
  for (let i = 0; i < list.length; i += 1) {
    if (paired.has(i)) continue;
    // The list is by source, then start: a pair's halves are near each other.
    for (let j = i + 1; j < list.length && list[j]!.sourceId === list[i]!.sourceId; j += 1) {
      if (list[j]!.start >= list[i]!.end) break;
      if (!paired.has(j) && isCodeChoice(list[i]!, list[j]!)) {
        paired.set(i, j);
        paired.set(j, i);
        break;
      }
    }
  }
  const entries: DisagreementEntry[] = [];
  for (let i = 0; i < list.length; i += 1) {
    const other = paired.get(i);
    if (other === undefined) entries.push({ items: [i] });
    else if (other > i) entries.push({ items: [i, other] });
  }
  return entries;
}

/** The coders who gave an item's code (for a choice's columns and keys). */
export function codersOf(item: Disagreement): string[] {
  return [...codedBy(item)];
}

/** A choice between codes as a decision on each of its items (the consensus spans of each). */
export function choiceSpans(items: readonly Disagreement[], choice: CodeChoice): Span[][] {
  return items.map((item) => {
    const resolution: Resolution =
      choice === 'all' || choice === 'none'
        ? choice
        : codedBy(item).has(choice.accept)
          ? choice
          : 'none';
    return consensusSpans(item, resolution);
  });
}
