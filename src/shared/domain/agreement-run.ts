/**
 * One agreement study over coder layers: the three text levels computed together for the same
 * coders, sources and codes, as the agreement view, the report section, the workbook sheet and
 * `campo agreement` all show them. Pure; the storage adapters (src/main/core/agreement) build
 * its input from the project's layers.
 */
import type { Code } from '../model/project';
import type { Coding, SpeakerTurn } from '../model/source';
import { isConsensus } from './agreement-consensus';
import type { AgreementSource, CoderCoding, TextAgreementInput } from './agreement-layers';
import { characterLevelAgreement, type CharacterLevelReport } from './agreement-characters';
import { DEFAULT_SEGMENT_THRESHOLD, segmentLevelAgreement } from './agreement-segments';
import type { SegmentLevelReport } from './agreement-segments';
import { sentenceUnits, unitLevelAgreement, type UnitLevelReport } from './agreement-units';
import { codeTreeOrder } from './codebook-tree';

/** One coder's layer on one source, as far as agreement needs it (no texts). */
export interface LayerCodings {
  sourceId: string;
  coderId: string;
  codings: ReadonlyArray<Pick<Coding, 'id' | 'codeId' | 'start' | 'end'>>;
}

/** A source as agreement needs it: its length, and its turns or text for the unit level. */
export interface SourceShape {
  id: string;
  length: number;
  turns?: ReadonlyArray<Pick<SpeakerTurn, 'start' | 'end'>>;
  /** Needed for sentence units only. */
  text?: string;
}

/**
 * The input of the agreement functions from coder layers. A layer that exists counts as coded
 * even with no codings left in it (the coder read the source and found nothing): `codedBy` is
 * the list of layers, so a coder without a layer on a source is missing data there, not a "no".
 */
export function agreementInputOf(
  sources: readonly SourceShape[],
  layers: readonly LayerCodings[],
): TextAgreementInput {
  const codedBy = new Map<string, string[]>();
  const codings: CoderCoding[] = [];
  for (const layer of layers) {
    const list = codedBy.get(layer.sourceId) ?? [];
    list.push(layer.coderId);
    codedBy.set(layer.sourceId, list);
    for (const coding of layer.codings) {
      codings.push({
        id: coding.id,
        coderId: layer.coderId,
        codeId: coding.codeId,
        sourceId: layer.sourceId,
        start: coding.start,
        end: coding.end,
      });
    }
  }
  const agreementSources: AgreementSource[] = sources.map((source) => ({
    id: source.id,
    length: source.length,
    ...(source.turns ? { turns: source.turns.map(({ start, end }) => ({ start, end })) } : {}),
    ...(source.text !== undefined ? { sentences: sentenceUnits(source.text) } : {}),
    codedBy: codedBy.get(source.id) ?? [],
  }));
  return { sources: agreementSources, codings };
}

/**
 * The coders to compare when the user chose none: every coder with a coding in the input, the
 * consensus layer left out, in the order of `preferred` (the project's evaluators) first.
 */
export function defaultAgreementCoders(
  input: TextAgreementInput,
  preferred: readonly string[] = [],
): string[] {
  const coding = new Set(input.codings.map((c) => c.coderId).filter((id) => !isConsensus(id)));
  const ordered = preferred.filter((id) => coding.has(id));
  return [...ordered, ...[...coding].filter((id) => !ordered.includes(id)).sort()];
}

/** What to compare, and how. */
export interface AgreementStudyOptions {
  coders: readonly string[];
  codeIds?: readonly string[];
  /**
   * Without `codeIds`: the project's codebook, whose tree order the codes the coders used follow
   * (tables read as the codebook does); codes it lacks follow in order of first use.
   */
  codebook?: readonly Code[];
  /** Segment level threshold (0–1), default 0.9. */
  threshold?: number;
  /** Unit of the unit level, default speaker turns. */
  unit?: 'turn' | 'sentence';
}

/** The three text levels for the same coders, sources and codes. */
export interface AgreementStudy {
  character: CharacterLevelReport;
  segment: SegmentLevelReport;
  unit: UnitLevelReport;
}

/**
 * The codes `coders` used, in the codebook's tree order (codes it lacks after, in order of first
 * use); undefined without a codebook (the levels then take every code used, in order of first use).
 */
function usedCodes(
  input: TextAgreementInput,
  coders: readonly string[],
  codebook: readonly Code[] | undefined,
): string[] | undefined {
  if (!codebook) return undefined;
  const order = codeTreeOrder(codebook).map(({ code }) => code.id);
  const among = new Set(coders);
  const used = [...new Set(input.codings.filter((c) => among.has(c.coderId)).map((c) => c.codeId))];
  const rank = new Map(order.map((id, index) => [id, index]));
  return used
    .map((id, first) => ({ id, at: rank.get(id) ?? order.length + first }))
    .sort((a, b) => a.at - b.at)
    .map(({ id }) => id);
}

/**
 * Character (NVivo), segment (MAXQDA) and unit (κ, Fleiss, α) agreement of `options.coders`.
 * The codes compared are the same at all three levels: those given, else every code the coders
 * used, in the codebook's order or else in order of first use.
 *
 * @throws RangeError with fewer than two coders or a threshold outside 0–1.
 */
export function agreementStudy(
  input: TextAgreementInput,
  options: AgreementStudyOptions,
): AgreementStudy {
  const chosen = options.codeIds ?? usedCodes(input, options.coders, options.codebook);
  const character = characterLevelAgreement(input, {
    coders: options.coders,
    ...(chosen ? { codeIds: chosen } : {}),
  });
  const codeIds = character.meta.codeIds;
  const segment = segmentLevelAgreement(input, {
    coders: options.coders,
    codeIds,
    threshold: options.threshold ?? DEFAULT_SEGMENT_THRESHOLD,
  });
  const unit = unitLevelAgreement(input, {
    coders: options.coders,
    codeIds,
    unit: options.unit ?? 'turn',
  });
  return { character, segment, unit };
}
