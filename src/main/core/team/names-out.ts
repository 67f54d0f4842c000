/**
 * Transcripts in a work package without names (DESIGN §5): the colleague reads and codes the text
 * with pseudonyms where the participants' names were ("la signora INT-02"), and the lead's merge
 * brings those codings back onto the words of the lead's own text, exactly, by the same
 * replacement run again. The package records a hash of each anonymised text so the merge can tell
 * that running it again gives the very text the colleague coded; when it does not (a name or the
 * text changed at the lead's meanwhile) the merge carries the codings as it carries them onto a
 * corrected text: with their words, flagged where those changed (merge-run.ts, `onOurTexts`).
 */
import { createHash } from 'node:crypto';
import { passageFingerprint } from '../../../shared/domain/fingerprint';
import type { TeamSide } from '../../../shared/domain/team-merge';
import type { ProjectFile } from '../../../shared/model/project';
import type { LayerFile, SourceDoc } from '../../../shared/model/source';
import {
  anonymiseWithOffsets,
  anonymiser,
  type AnonymisedText,
} from '../../../shared/report/anonymise';

/** Where an offset of one text lands in another (inside a replaced stretch: its start or end). */
type OffsetMap = (at: number, side: 'start' | 'end') => number;

/** The hash a package records of a text it carries without names (SHA-256, hex). */
export function textHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * A layer moved from `from` to `to`, two texts that differ only where names were replaced, by
 * the exact offset map between them. A coding that read intact keeps reading intact (its
 * fingerprint taken again on `to`); one that had drifted stays drifted. `rewrite` is applied to
 * what evaluators wrote (memos, a flagged coding's words): names out on the way to a colleague,
 * nothing on the way back (their pseudonyms are not turned back into names).
 */
export function moveLayer(
  layer: LayerFile,
  from: string,
  to: string,
  map: OffsetMap,
  rewrite: (text: string) => string = (text) => text,
): LayerFile {
  return {
    ...layer,
    codings: layer.codings.map((coding) => {
      const start = map(coding.start, 'start');
      const end = Math.max(map(coding.end, 'end'), start);
      const intact = coding.fp === passageFingerprint(from.slice(coding.start, coding.end));
      const moved = {
        ...coding,
        start,
        end,
        fp: intact ? passageFingerprint(to.slice(start, end)) : coding.fp,
        memo: rewrite(coding.memo),
      };
      if (coding.text !== undefined) moved.text = rewrite(coding.text);
      return moved;
    }),
    memos: layer.memos.map((memo) => ({ ...memo, text: rewrite(memo.text) })),
  };
}

/**
 * A source document on `text`, its turns moved by `map`, the offset map from its own text: to a
 * text that differs from it only where names were replaced.
 */
export function movedDoc<T extends Pick<SourceDoc, 'text' | 'turns'>>(
  doc: T,
  text: string,
  map: OffsetMap,
): T {
  return {
    ...doc,
    text,
    turns: doc.turns.map((turn) => ({
      ...turn,
      start: map(turn.start, 'start'),
      end: Math.max(map(turn.end, 'end'), map(turn.start, 'start')),
    })),
  };
}

/** A source document with its text anonymised and its turns moved with the words. */
export function docWithoutNames(doc: SourceDoc, anonymised: AnonymisedText): SourceDoc {
  return movedDoc(doc, anonymised.text, anonymised.offset);
}

/**
 * A source's layers with those on text revision `textRev` (the text `from`) moved to `to` by
 * `map` (see moveLayer); layers on another text are left as they are.
 */
export function movedLayers(
  layers: ReadonlyMap<string, LayerFile>,
  textRev: number,
  from: string,
  to: string,
  map: OffsetMap,
): Map<string, LayerFile> {
  return new Map(
    [...layers].map(([coderId, layer]) => [
      coderId,
      layer.textRev === textRev ? moveLayer(layer, from, to, map) : layer,
    ]),
  );
}

/**
 * A source document of a package: its bytes were validated when the package gave them
 * (`sourceBytes`); only the turns' default is filled in here.
 */
export function sourceDocOf(bytes: Uint8Array): SourceDoc {
  const doc = JSON.parse(Buffer.from(bytes).toString('utf8')) as SourceDoc;
  return { ...doc, turns: doc.turns ?? [] };
}

/** What `withOurNames` needs of the lead's open project. */
export interface NamesHolder {
  project: Pick<ProjectFile, 'participants' | 'sources'>;
  readDoc(id: string): Promise<Pick<SourceDoc, 'text' | 'textRev'>>;
}

/**
 * Their layers and the base's, on texts the package carried without names, brought back onto the
 * lead's words: exactly, where the replacement run again on the lead's text gives the very text
 * the colleague coded (its hash in `anonymisedTexts`). The sources where it does not (a name or
 * the text changed at the lead's since) are returned in `byWords`, to be carried by their words.
 */
export async function withOurNames(
  lead: NamesHolder,
  anonymisedTexts: Readonly<Record<string, string>>,
  theirs: TeamSide,
  base: TeamSide | null,
): Promise<{ theirs: TeamSide; base: TeamSide | null; byWords: Set<string> }> {
  const anonymise = anonymiser(lead.project.participants);
  const theirLayers = new Map(theirs.layers);
  const baseLayers = base ? new Map(base.layers) : null;
  const byWords = new Set<string>();
  for (const [sourceId, hash] of Object.entries(anonymisedTexts)) {
    if (!lead.project.sources.some((summary) => summary.id === sourceId)) continue;
    const ours = await lead.readDoc(sourceId);
    const anonymised = anonymiseWithOffsets(anonymise, ours.text);
    if (textHash(anonymised.text) !== hash) {
      byWords.add(sourceId);
      continue;
    }
    // A layer on another text (the colleague corrected it) is left to their-texts.ts.
    const back = (layers: ReadonlyMap<string, LayerFile>) =>
      movedLayers(layers, ours.textRev, anonymised.text, ours.text, anonymised.original);
    const theirsOfSource = theirLayers.get(sourceId);
    if (theirsOfSource) theirLayers.set(sourceId, back(theirsOfSource));
    const baseOfSource = baseLayers?.get(sourceId);
    if (baseLayers && baseOfSource) baseLayers.set(sourceId, back(baseOfSource));
  }
  return {
    theirs: { ...theirs, layers: theirLayers },
    base: base && baseLayers ? { ...base, layers: baseLayers } : base,
    byWords,
  };
}
