import type { PositionUnit } from '../../../shared/exchange/positions';
import {
  placeSelections,
  unitSamples,
  type PassageSample,
} from '../../../shared/exchange/place-codings';
import type { PositionsReport, SourcePositions } from '../../../shared/exchange/position-summary';
import { projectUnit, unitOfOrigin } from '../../../shared/exchange/unit-evidence';
import type { QdpxContents } from './qdpx-read';

export type { PositionsReport, SourcePositions };

/** Passages shown per weak source for the user to choose the unit from. */
const SAMPLES = 3;

/**
 * Decides the position unit of every text source whose positions refer to its text. Each
 * source's own evidence first; sources whose evidence is weak then take the unit the whole
 * project's text evidence points to, if it is significant; those still weak take `userUnit`
 * when the user chose one (and it is one of their candidates), else the best guess. Weak
 * sources carry a few passages as each candidate unit reads them, for the user to choose.
 */
export function choosePositions(contents: QdpxContents, userUnit?: PositionUnit): PositionsReport {
  const origin = contents.project.origin;
  const hint = unitOfOrigin(origin);
  const sources: SourcePositions[] = [];
  for (const refi of contents.project.sources) {
    const read = contents.texts.get(refi.guid);
    if (!read?.positional || refi.selections.length === 0) continue;
    const { evidence } = placeSelections(read.text, refi.selections, { hint });
    sources.push({
      guid: refi.guid,
      name: refi.name || refi.guid,
      selections: refi.selections.length,
      evidence,
      unit: evidence.unit,
      chosenBy: 'evidence',
      samples: [],
    });
  }
  const common = projectUnit(sources.map((source) => source.evidence));
  for (const source of sources) {
    const { evidence } = source;
    if (evidence.confidence !== 'weak' && evidence.confidence !== 'likely') continue;
    if (common && evidence.candidates.includes(common)) {
      source.unit = common;
      source.chosenBy = 'project';
      continue;
    }
    if (evidence.confidence !== 'weak') continue;
    if (userUnit && evidence.candidates.includes(userUnit)) {
      source.unit = userUnit;
      source.chosenBy = 'user';
    }
    const refi = contents.project.sources.find((candidate) => candidate.guid === source.guid)!;
    const text = contents.texts.get(source.guid)!.text;
    source.samples = unitSamples(text, refi.selections, evidence.candidates, SAMPLES) as Array<
      Partial<Record<PositionUnit, PassageSample>>
    >;
  }
  return { origin, hint, sources, projectUnit: common };
}
