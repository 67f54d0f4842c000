/**
 * A coder's layer carried from one text of its source to another (a text correction, STORE-V2
 * §5; a colleague's layer on the text the lead has since corrected, issue 18).
 */
import { reanchorCodings, type TextEdit } from '../../../shared/domain/reanchor';
import type { LayerFile } from '../../../shared/model/source';
import { codingsOf, sameStoredCoding, storedCoding } from './layers';

/** Who and when a re-anchoring is recorded as (the codings it moves get a new revision). */
export interface ReanchorStamp {
  at: string;
  by: string | null;
}

/**
 * The layer's codings moved from `oldText` to `newText` (at revision `textRev`) as
 * `reanchorCodings` moves them: a coding whose words changed is flagged for review, never moved
 * onto other words. Each coding that changed gets the next revision, stamped with `stamp`.
 */
export function reanchorLayer(
  layer: LayerFile,
  oldText: string,
  newText: string,
  textRev: number,
  stamp: ReanchorStamp,
  edits?: readonly TextEdit[],
): { layer: LayerFile; moved: number; flagged: number } {
  const result = reanchorCodings(codingsOf(layer, oldText).codings, oldText, newText, edits);
  const before = new Map(layer.codings.map((stored) => [stored.id, stored]));
  const codings = result.codings.map((coding) => {
    const stored = storedCoding(coding);
    const old = before.get(coding.id);
    if (old && sameStoredCoding(stored, old)) return old;
    return { ...stored, rev: (old?.rev ?? 0) + 1, updatedAt: stamp.at, updatedBy: stamp.by };
  });
  return {
    layer: { ...layer, textRev, codings },
    moved: result.moved,
    flagged: result.flagged,
  };
}
