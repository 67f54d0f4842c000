/**
 * Their layers on a text the lead corrected since the package left, carried onto the lead's
 * text before the merge (merge-run.ts): the other way round from their-texts.ts.
 */
import { jsonEqual } from '../../../shared/domain/merge';
import { textEdits } from '../../../shared/domain/reanchor';
import { coderDisplay } from '../../../shared/domain/team';
import type { ReanchoredLayer, TeamSide } from '../../../shared/domain/team-merge';
import type { LayerFile } from '../../../shared/model/source';
import { reanchorLayer } from '../store/layer-reanchor';
import type { ProjectSession } from '../store/project-session';
import { sourceDocOf } from './names-out';
import type { ReadPackage } from './packages';
import type { TheirTexts } from './their-texts';

/**
 * Their layers on a text the lead has corrected since the package left, carried onto the lead's
 * text as a correction carries the lead's own (moved with the words; flagged where the words
 * changed), and the base's copies the same way, so the merge sees only what the colleague did.
 * Without this, one typo fixed by the lead left a colleague's whole work on that transcript out.
 */
export async function onOurTexts(
  session: ProjectSession,
  pkg: ReadPackage,
  theirs: TeamSide,
  base: TeamSide | null,
  now: string,
  byWords: ReadonlySet<string>,
  corrected: TheirTexts,
): Promise<{ theirs: TeamSide; base: TeamSide | null; reanchored: ReanchoredLayer[] }> {
  const theirLayers = new Map(theirs.layers);
  const baseLayers = base ? new Map(base.layers) : null;
  const reanchored: ReanchoredLayer[] = [];
  const stamp = { at: now, by: session.evaluator.id };
  const team = [...session.project.evaluators, ...theirs.project.evaluators];
  for (const [sourceId, layers] of theirs.layers) {
    const summary = session.project.sources.find((candidate) => candidate.id === sourceId);
    const ourRev = summary?.textRev ?? 0;
    // A text sent without names differs from ours at the same revision, where names were.
    const differs = byWords.has(sourceId);
    const onOurs = (layer: LayerFile) => layer.textRev === ourRev && !differs;
    // Their corrected text is taken: their layers are on the text the merge keeps.
    if (!summary || corrected.docs.has(sourceId) || [...layers.values()].every(onOurs)) continue;
    const bytes = await pkg.sourceBytes(sourceId).catch(() => null);
    if (!bytes) continue;
    const theirDoc = sourceDocOf(bytes);
    const theirRev = theirDoc.textRev ?? 0;
    const ourText = (await session.readDoc(sourceId)).text;
    const edits = textEdits(theirDoc.text, ourText);
    const carry = (from: ReadonlyMap<string, LayerFile>, report: boolean) => {
      const moved = new Map(from);
      for (const layer of from.values()) {
        if (onOurs(layer)) continue;
        // Only a layer on the text the package holds can be carried (a rare third text stays out).
        if (layer.textRev !== theirRev) {
          // Its offsets are on a text without names: never to be read on ours.
          if (differs && layer.textRev === ourRev) moved.delete(layer.coderId);
          continue;
        }
        const result = reanchorLayer(layer, theirDoc.text, ourText, ourRev, stamp, edits);
        moved.set(layer.coderId, result.layer);
        // Told only of work the colleague did: a layer as the base holds it brings nothing.
        const asSent = base?.layers.get(sourceId)?.get(layer.coderId);
        const untouched = asSent !== undefined && jsonEqual(asSent.codings, layer.codings);
        if (report && layer.codings.length > 0 && !untouched) {
          reanchored.push({
            sourceId,
            label: summary.title,
            coder: coderDisplay(team, layer.coderId).name,
            codings: layer.codings.length,
            flagged: result.flagged,
          });
        }
      }
      return moved;
    };
    theirLayers.set(sourceId, carry(layers, true));
    const baseOfSource = base?.layers.get(sourceId);
    if (baseLayers && baseOfSource) baseLayers.set(sourceId, carry(baseOfSource, false));
  }
  return {
    theirs: { ...theirs, layers: theirLayers },
    base: base && baseLayers ? { ...base, layers: baseLayers } : base,
    reanchored,
  };
}
