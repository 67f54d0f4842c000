/**
 * The storage adapter of intercoder agreement: the open project's coder layers
 * (codings/<source>/<evaluator>.json) as the pure agreement functions take them.
 */
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import {
  agreementInputOf,
  type LayerCodings,
  type SourceShape,
} from '../../../shared/domain/agreement-run';
import type { TextAgreementInput } from '../../../shared/domain/agreement-layers';
import type { Coding, SourceFile, SpeakerTurn } from '../../../shared/model/source';
import { readLayerJournal } from '../store/layer-journal';
import { CODINGS_DIR, isSafeId } from '../store/layout';
import type { ProjectSession } from '../store/project-session';

/** An agreement input and what was left out of it. */
export interface LoadedAgreementInput {
  input: TextAgreementInput;
  /** The sources read, in project order. */
  sourceIds: string[];
  /** Codings whose text changed under them (awaiting review): their offsets are not compared. */
  flagged: number;
  /** Per source, every coder who has a layer there (even an emptied one). */
  layerCoders: Map<string, string[]>;
}

/**
 * A source as agreement reads it: every coder's codings, its turns and length, and its text
 * only when sentences are to be split.
 */
export interface AgreementView {
  id: string;
  turns: readonly SpeakerTurn[];
  codings: readonly Coding[];
  length: number;
  text?: string;
}

/** The agreement view of a source read whole. */
export function agreementViewOf({
  id,
  turns,
  codings,
  text,
}: Omit<AgreementView, 'length'> & { text: string }): AgreementView {
  return { id, turns, codings, text, length: text.length };
}

/**
 * The input from source views (every coder's codings) and the coders whose layer exists on each
 * source. A coding flagged `textChanged` is left out and counted; a layer with no codings left
 * still says its coder coded the source.
 */
export function agreementInputOfViews(
  views: readonly AgreementView[],
  layerCoders: ReadonlyMap<string, readonly string[]>,
  options: { sentences?: boolean } = {},
): Omit<LoadedAgreementInput, 'layerCoders'> {
  const shapes: SourceShape[] = [];
  const layers: LayerCodings[] = [];
  let flagged = 0;
  for (const view of views) {
    shapes.push({
      id: view.id,
      length: view.length,
      turns: view.turns,
      // Sentences are split only when asked for: a pass over every text.
      ...(options.sentences && view.text !== undefined ? { text: view.text } : {}),
    });
    const byCoder = new Map<string, LayerCodings['codings'][number][]>();
    for (const coder of layerCoders.get(view.id) ?? []) byCoder.set(coder, []);
    for (const coding of view.codings) {
      if (coding.textChanged) {
        flagged += 1;
        continue;
      }
      const list = byCoder.get(coding.coderId) ?? [];
      list.push(coding);
      byCoder.set(coding.coderId, list);
    }
    for (const [coderId, codings] of byCoder) layers.push({ sourceId: view.id, coderId, codings });
  }
  return { input: agreementInputOf(shapes, layers), sourceIds: views.map((v) => v.id), flagged };
}

/**
 * The open project's layers on `sourceIds` (default: every source), read through the session's
 * queue and caches. Sources that cannot be read are left out, as elsewhere in analysis.
 */
export async function loadAgreementInput(
  session: ProjectSession,
  sourceIds?: readonly string[],
  options: { sentences?: boolean } = {},
  /** How to read a source (an export that read them all already passes its own). */
  readSource: (id: string) => Promise<SourceFile> = (id) => session.readSource(id),
): Promise<LoadedAgreementInput> {
  const wanted = sourceIds ? new Set(sourceIds) : null;
  const ids = session.project.sources
    .map((summary) => summary.id)
    .filter((id) => !wanted || wanted.has(id));
  const layers = await session.readLayers(ids);
  const layerCoders = new Map<string, string[]>();
  for (const [id, byCoder] of layers) layerCoders.set(id, [...byCoder.keys()]);
  const views: AgreementView[] = [];
  for (const id of ids) {
    // Only sources somebody coded matter; the others would add length and no codings.
    if ((layerCoders.get(id)?.length ?? 0) === 0) continue;
    const view = await readSource(id).catch(() => null);
    if (view) views.push(agreementViewOf(view));
  }
  return { ...agreementInputOfViews(views, layerCoders, options), layerCoders };
}

/**
 * The coders whose layer file exists on each source (codings/<source>/<coder>.json), read from
 * disk without the project's lock: for the command line, which reads a project the app may hold.
 */
export async function layerCodersOnDisk(
  dir: string,
  ids: readonly string[],
): Promise<Map<string, string[]>> {
  const found = new Map<string, string[]>();
  for (const id of ids) {
    const names = await readdir(join(dir, CODINGS_DIR, id)).catch(() => [] as string[]);
    found.set(
      id,
      names
        .filter((name) => name.endsWith('.json'))
        .map((name) => name.slice(0, -5))
        .filter(isSafeId),
    );
  }
  // A layer begun since the app's last checkpoint is still only in the coding journal.
  for (const delta of (await readLayerJournal(dir).catch(() => null))?.deltas ?? []) {
    const coders = found.get(delta.sourceId);
    if (coders && !coders.includes(delta.coderId)) coders.push(delta.coderId);
  }
  return found;
}
