import type { Translate } from '../i18n';
import type { PassageSample } from './place-codings';
import type { PositionUnit } from './positions';
import type { UnitEvidence } from './unit-evidence';

/** How the unit of one source's positions was decided. */
export interface SourcePositions {
  guid: string;
  name: string;
  selections: number;
  /** The source's own evidence. */
  evidence: UnitEvidence;
  /** The unit applied. */
  unit: PositionUnit;
  /** Its own evidence, the whole project's text evidence, or the user. */
  chosenBy: 'evidence' | 'project' | 'user';
  /** Weak evidence: a few passages as each candidate unit reads them. */
  samples: Array<Partial<Record<PositionUnit, PassageSample>>>;
}

/** The position units of a REFI-QDA project's sources, and why. */
export interface PositionsReport {
  /** The `origin` of the file ("NVivo for Windows 12.6"). */
  origin: string | null;
  /** The unit that origin implies. */
  hint: PositionUnit | null;
  sources: SourcePositions[];
  /** The unit the project's text evidence points to when summed over its weak sources. */
  projectUnit: PositionUnit | null;
}

/** Sources whose evidence is weak after the project's evidence was summed: the user chooses. */
export function weakSources(report: PositionsReport): SourcePositions[] {
  return report.sources.filter(
    (source) => source.evidence.confidence === 'weak' && source.chosenBy !== 'project',
  );
}

/** Units among which the user may choose for the weak sources (candidates of every one). */
export function weakCandidates(report: PositionsReport): PositionUnit[] {
  const units = new Set<PositionUnit>();
  for (const source of weakSources(report))
    for (const unit of source.evidence.candidates) units.add(unit);
  return [...units];
}

function sum(sources: readonly SourcePositions[], value: (source: SourcePositions) => number) {
  return sources.reduce((total, source) => total + value(source), 0);
}

/** Ends between words in the applied unit, and in the best other candidate, summed. */
function boundaryCounts(sources: readonly SourcePositions[]) {
  let runnerUp: PositionUnit | null = null;
  const other = sum(sources, (source) => {
    const { clean, candidates } = source.evidence;
    const rivals = candidates.filter((unit) => unit !== source.unit);
    const best = rivals.reduce<PositionUnit | null>(
      (top, unit) => (top === null || (clean[unit] ?? 0) > (clean[top] ?? 0) ? unit : top),
      null,
    );
    runnerUp ??= best;
    return best === null ? 0 : (clean[best] ?? 0);
  });
  return {
    clean: sum(sources, (source) => source.evidence.clean[source.unit] ?? 0),
    ends: sum(sources, (source) => source.evidence.ends),
    other,
    otherUnit: runnerUp as PositionUnit | null,
  };
}

/**
 * What the import summary says about position units, one sentence per way of deciding, in the
 * user's language: "12 documenti in unità UTF-16 (come NVivo): 452 estremi di passaggi su 580
 * cadono tra due parole, contro 98 leggendoli in punti di codice."
 */
export function positionLines(report: PositionsReport, t: Translate): string[] {
  const unitName = (unit: PositionUnit | null) => (unit ? t(`exchange.unit.${unit}`) : '');
  const lines: string[] = [];
  const groups = new Map<string, SourcePositions[]>();
  for (const source of report.sources) {
    const { confidence, basis } = source.evidence;
    const how =
      source.chosenBy !== 'evidence'
        ? source.chosenBy
        : confidence === 'exact'
          ? basis
          : confidence === 'strong'
            ? basis
            : confidence;
    const key = `${how}:${source.unit}`;
    groups.set(key, [...(groups.get(key) ?? []), source]);
  }
  for (const [key, sources] of groups) {
    const [how] = key.split(':');
    const unit = sources[0]!.unit;
    const n = sources.length;
    const counts = boundaryCounts(sources);
    const params = { n, unit: unitName(unit), ...counts, otherUnit: unitName(counts.otherUnit) };
    if (how === 'fit') lines.push(t('exchange.positions.fit', params));
    else if (how === 'boundaries') lines.push(t('exchange.positions.boundaries', params));
    else if (how === 'project') lines.push(t('exchange.positions.project', params));
    else if (how === 'names') {
      const named = sum(sources, (source) => source.evidence.named[unit] ?? 0);
      lines.push(t('exchange.positions.names', { ...params, named }));
    } else if (how === 'likely')
      lines.push(t('exchange.positions.origin', { ...params, origin: report.origin ?? '' }));
    else if (how === 'user') lines.push(t('exchange.positions.user', params));
    else if (how === 'weak') lines.push(t('exchange.positions.weak', params));
  }
  const textUnits = report.sources
    .filter((source) => source.evidence.confidence === 'strong')
    .map((source) => source.unit);
  const contrary = textUnits.find((unit) => unit !== report.hint);
  if (report.hint && report.origin && contrary) {
    lines.push(
      t('exchange.positions.resaved', { origin: report.origin, unit: unitName(contrary) }),
    );
  }
  const agree = [...groups]
    .filter(([key]) => key.startsWith('agree:'))
    .reduce((total, [, sources]) => total + sources.length, 0);
  if (agree > 0) lines.push(t('exchange.positions.agree', { n: agree }));
  return lines;
}

/**
 * The report as it will be once `unit` is applied to the weak sources that can be read in it:
 * what the review shows as soon as the user chooses, before the import runs.
 */
export function withUserUnit(report: PositionsReport, unit: PositionUnit | null): PositionsReport {
  if (unit === null) return report;
  return {
    ...report,
    sources: report.sources.map((source) =>
      weakSources(report).includes(source) && source.evidence.candidates.includes(unit)
        ? { ...source, unit, chosenBy: 'user' }
        : source,
    ),
  };
}
