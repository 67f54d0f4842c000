/**
 * A transcript the colleague corrected while the lead did not touch it: the correction comes in,
 * as any record changed on one side only does. Every layer of the lead's project on that
 * transcript (each coder's), and the base's copies, are carried onto the corrected text as a
 * correction carries them (moved with their words; flagged where the words changed), so the
 * merge then sees one text on all sides. Before this, the correction was only reported, and the
 * colleague's codings on it were left out.
 *
 * A text sent without names comes back with pseudonyms where the names were: the colleague's
 * edits are made again on the lead's text, where they touch no name (names-out.ts maps the two).
 *
 * Left as before (reported, the lead's text kept): a text both corrected, an edit over a name or
 * one that types a pseudonym, and projects without a common base.
 */
import { textEdits } from '../../../shared/domain/reanchor';
import type { TeamSide, TextTaken } from '../../../shared/domain/team-merge';
import type { Participant } from '../../../shared/model/project';
import type { LayerFile } from '../../../shared/model/source';
import { anonymiseWithOffsets, anonymiser } from '../../../shared/report/anonymise';
import { serializeDocument } from '../store/json-document';
import { reanchorLayer } from '../store/layer-reanchor';
import type { ProjectSession } from '../store/project-session';
import { movedDoc, movedLayers, sourceDocOf, textHash } from './names-out';
import type { ReadPackage } from './packages';

/** Their corrected texts taken, and every layer of ours and of the base carried onto them. */
export interface TheirTexts {
  /** Source id → the corrected document (with the lead's names), written as the lead's. */
  docs: Map<string, Uint8Array>;
  /** Source id → the corrected text's length and turns, for the lead's list of sources. */
  sizes: Map<string, { characters: number; turns: number }>;
  /** Source id → the lead's layers (every coder's) on the corrected text, to be written. */
  ourLayers: Map<string, Map<string, LayerFile>>;
  /** Theirs, its layers of texts sent without names moved onto the corrected text with names. */
  theirs: TeamSide;
  /** The base, its layers of those sources on the corrected text. */
  base: TeamSide | null;
  taken: TextTaken[];
}

/**
 * The colleague's correction of a text sent without names, made again on the lead's text (`ours`,
 * whose anonymised form had hash `sentHash`): the corrected text with the lead's names, and the
 * map of the colleague's offsets onto it. Null when an edit touches a name or types a
 * pseudonym, or when the lead's names or text changed since.
 */
function withNamesBack(
  ours: string,
  theirs: string,
  sentHash: string,
  participants: readonly Participant[],
): { text: string; map: (at: number, side: 'start' | 'end') => number } | null {
  const anonymise = anonymiser(participants);
  const sent = anonymiseWithOffsets(anonymise, ours);
  if (textHash(sent.text) !== sentHash) return null;
  const pseudonyms = participants.map((participant) => participant.code).filter(Boolean);
  let text = ours;
  for (const edit of textEdits(sent.text, theirs).reverse()) {
    const from = sent.original(edit.oldStart, 'start');
    const to = sent.original(edit.oldEnd, 'end');
    if (ours.slice(from, to) !== sent.text.slice(edit.oldStart, edit.oldEnd)) return null;
    const typed = theirs.slice(edit.newStart, edit.newEnd);
    if (pseudonyms.some((code) => typed.includes(code))) return null;
    text = text.slice(0, from) + typed + text.slice(to);
  }
  const again = anonymiseWithOffsets(anonymise, text);
  return again.text === theirs ? { text, map: again.original } : null;
}

/**
 * Finds the sources whose text only the colleague corrected since the package left (same text
 * revision here and in the base, another in the package) and carries the lead's and the base's
 * layers onto the colleague's text.
 */
export async function theirCorrectedTexts(
  session: ProjectSession,
  pkg: ReadPackage,
  theirs: TeamSide,
  base: TeamSide | null,
  now: string,
): Promise<TheirTexts> {
  const none: TheirTexts = {
    docs: new Map(),
    sizes: new Map(),
    ourLayers: new Map(),
    theirs,
    base,
    taken: [],
  };
  if (!base) return none;
  const sentWithoutNames = pkg.manifest.anonymisedTexts ?? {};
  const candidates = theirs.project.sources.filter((summary) => {
    const ours = session.project.sources.find((candidate) => candidate.id === summary.id);
    const was = base.project.sources.find((candidate) => candidate.id === summary.id);
    return (
      ours !== undefined &&
      was !== undefined &&
      (ours.textRev ?? 0) === (was.textRev ?? 0) &&
      (summary.textRev ?? 0) !== (was.textRev ?? 0)
    );
  });
  if (candidates.length === 0) return none;
  const stamp = { at: now, by: session.evaluator.id };
  const ours = await session.readLayers(candidates.map((summary) => summary.id));
  const theirLayers = new Map(theirs.layers);
  const baseLayers = new Map(base.layers);
  const result: TheirTexts = {
    ...none,
    theirs: { ...theirs, layers: theirLayers },
    base: { ...base, layers: baseLayers },
  };
  for (const summary of candidates) {
    // A document the package cannot give back (refused when read) stays reported, not taken.
    const bytes = await pkg.sourceBytes(summary.id).catch(() => null);
    if (!bytes) continue;
    const theirDoc = sourceDocOf(bytes);
    const theirRev = theirDoc.textRev ?? 0;
    if (theirRev !== (summary.textRev ?? 0)) continue;
    const ourText = (await session.readDoc(summary.id)).text;
    let corrected = theirDoc;
    const sentHash = sentWithoutNames[summary.id];
    if (sentHash !== undefined) {
      const back = withNamesBack(ourText, theirDoc.text, sentHash, session.project.participants);
      if (!back) continue;
      corrected = movedDoc(theirDoc, back.text, back.map);
      const layers = theirs.layers.get(summary.id);
      if (layers) {
        theirLayers.set(
          summary.id,
          movedLayers(layers, theirRev, theirDoc.text, back.text, back.map),
        );
      }
    }
    const edits = textEdits(ourText, corrected.text);
    let flagged = 0;
    let codings = 0;
    const carry = (layers: ReadonlyMap<string, LayerFile> | undefined, count: boolean) => {
      const moved = new Map<string, LayerFile>();
      for (const [coderId, layer] of layers ?? []) {
        const carried = reanchorLayer(layer, ourText, corrected.text, theirRev, stamp, edits);
        moved.set(coderId, carried.layer);
        if (count) {
          flagged += carried.flagged;
          codings += layer.codings.length;
        }
      }
      return moved;
    };
    result.docs.set(
      summary.id,
      corrected === theirDoc ? bytes : Buffer.from(serializeDocument(corrected)),
    );
    const size = { characters: corrected.text.length, turns: corrected.turns.length };
    result.sizes.set(summary.id, size);
    result.ourLayers.set(summary.id, carry(ours.get(summary.id), true));
    const baseOfSource = base.layers.get(summary.id);
    if (baseOfSource) baseLayers.set(summary.id, carry(baseOfSource, false));
    result.taken.push({ sourceId: summary.id, label: summary.title, codings, flagged });
  }
  // Their list of sources, like their layers, on the text with names.
  const project = structuredClone(theirs.project);
  project.sources = project.sources.map((summary) => ({
    ...summary,
    ...result.sizes.get(summary.id),
  }));
  result.theirs = { ...result.theirs, project };
  return result;
}
