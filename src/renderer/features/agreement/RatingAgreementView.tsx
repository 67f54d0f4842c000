import { useEffect, useState } from 'react';
import { alphaBand, kappaBand } from '../../../shared/domain/agreement-interpretation';
import type { RatingAgreementReport } from '../../../shared/domain/agreement-ratings';
import type { MessageKey } from '../../../shared/i18n';
import {
  formatAgreement,
  RATING_DIFFERENCE_KEYS,
  ratingMethodLine,
  undefinedReasonText,
} from '../../../shared/i18n/agreement-lines';
import { api } from '../../api/client';
import { useLanguage, useT } from '../../i18n/use-t';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { useReportStore } from '../../stores/report-store';

/** One empty list for every render (a new one each time would re-render without end). */
const NONE: string[][] = [];

/** The same matrices, in any order. */
const sameGroup = (group: readonly string[], other: readonly string[]) =>
  group.length === other.length && group.every((id) => other.includes(id));

/**
 * Agreement between evaluators who rated the same integration or Europe 2020 matrix
 * independently, each in their own matrix: ordinal α and weighted κ per dimension, and the cells
 * where they differ.
 */
export function RatingAgreementView() {
  const t = useT();
  const language = useLanguage();
  const matrices = useProjectStore((state) => state.snapshot!.project.matrices);
  const onDisk = useProjectStore((state) => state.snapshot!.project.report?.ratingGroups);
  // The report store's choices once loaded: they change at once, before the save returns.
  const chosenForReport = useReportStore((state) =>
    state.loaded ? state.settings.ratingGroups : undefined,
  );
  const saved = chosenForReport ?? onDisk ?? NONE;
  // The comparison the report keeps, if any, is where the view starts.
  const [chosen, setChosen] = useState<string[]>(() => saved[0] ?? []);
  const inReport = saved.some((group) => sameGroup(group, chosen));
  const toggleReport = () => {
    const others = saved.filter((group) => !sameGroup(group, chosen));
    void useReportStore
      .getState()
      .setRatingGroups(inReport ? others : [...others, chosen].slice(-10));
  };
  const [report, setReport] = useState<(RatingAgreementReport & { unplaced: number }) | null>(null);
  useEffect(() => {
    if (chosen.length < 2) return;
    let live = true;
    void attempt(() => api().ratingAgreementCompute({ matrixIds: chosen })).then((found) => {
      if (live) setReport(found);
    });
    return () => {
      live = false;
    };
  }, [chosen, matrices]);

  const shown = chosen.length >= 2 ? report : null;
  const byId = new Map(matrices.map((m) => [m.id, m]));
  const title = (id: string) => byId.get(id)?.title ?? id;
  const reference = shown ? byId.get(shown.meta.matrixId) : undefined;
  const dimensionLabel = (id: string) =>
    reference?.dimensions.find((d) => d.id === id)?.label[language] ?? id;
  const axis = (id: string, items: ReadonlyArray<{ id: string; label: string }> | undefined) =>
    items?.find((item) => item.id === id)?.label ?? id;
  const levelLabel = (matrixId: string, levelId: string | null) => {
    if (!levelId) return '–';
    const matrix = byId.get(matrixId);
    return (
      matrix?.scale.find((l) => l.id === levelId)?.label[language] ??
      reference?.scale.find((l) => l.id === levelId)?.label[language] ??
      '–'
    );
  };
  const k = (value: number | null, band?: 'kappa' | 'alpha') => {
    const reading =
      band === 'kappa' ? kappaBand(value) : band === 'alpha' ? alphaBand(value) : null;
    return (
      <>
        {formatAgreement(value, language, 'coefficient')}
        {reading && (
          <span className="muted"> ({t(`agreement.band.${reading}` as MessageKey)})</span>
        )}
      </>
    );
  };

  return (
    <div className="agreement-figures">
      <fieldset className="choice panel">
        <legend>{t('agreement.ui.matrices')}</legend>
        <p className="hint">{t('agreement.ui.matricesHelp')}</p>
        {matrices.map((matrix) => (
          <label key={matrix.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.includes(matrix.id)}
              onChange={() =>
                setChosen((list) =>
                  list.includes(matrix.id)
                    ? list.filter((id) => id !== matrix.id)
                    : [...list, matrix.id],
                )
              }
            />{' '}
            {matrix.title}
          </label>
        ))}
      </fieldset>
      {chosen.length >= 2 && (
        <label className="checkbox">
          <input type="checkbox" checked={inReport} onChange={toggleReport} />{' '}
          {t('agreement.ui.ratingsInReport')}
        </label>
      )}
      {!shown && <p className="empty">{t('agreement.ui.chooseTwoMatrices')}</p>}
      {shown && reference && (
        <>
          {shown.dimensions.map((dimension) => (
            <div key={dimension.dimensionId} className="table-scroll">
              <table className="data-table agreement-table">
                <caption>
                  {dimensionLabel(dimension.dimensionId)} · {t('agreement.column.alphaOrdinal')}{' '}
                  <span
                    title={
                      dimension.alphaUndefinedReason
                        ? undefinedReasonText(dimension.alphaUndefinedReason, language)
                        : undefined
                    }
                  >
                    {k(dimension.alphaOrdinal, 'alpha')}
                  </span>
                </caption>
                <thead>
                  <tr>
                    <th scope="col">{t('agreement.column.evaluators')}</th>
                    <th scope="col">{t('agreement.ui.cells')}</th>
                    <th scope="col">{t('agreement.column.percent')}</th>
                    <th scope="col">{t('agreement.column.kappaLinear')}</th>
                    <th scope="col">{t('agreement.column.kappaQuadratic')}</th>
                  </tr>
                </thead>
                <tbody>
                  {dimension.pairs.map((pair) => (
                    <tr key={pair.evaluators.join('|')}>
                      <th scope="row">{pair.evaluators.map(title).join(' – ')}</th>
                      <td>{pair.cells}</td>
                      <td>{formatAgreement(pair.percent, language, 'percent')}</td>
                      <td>{k(pair.kappaLinear, 'kappa')}</td>
                      <td>{k(pair.kappaQuadratic, 'kappa')}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          ))}
          <div className="table-scroll">
            <table className="data-table">
              <caption>
                {t('agreement.ui.differences', { count: shown.differences.length })}
              </caption>
              <thead>
                <tr>
                  <th scope="col">{t('agreement.column.dimension')}</th>
                  <th scope="col">{t('agreement.column.cell')}</th>
                  {shown.meta.evaluators.map((id) => (
                    <th key={id} scope="col">
                      {title(id)}
                    </th>
                  ))}
                  <th scope="col">{t('agreement.ui.kind')}</th>
                </tr>
              </thead>
              <tbody>
                {shown.differences.map((d) => (
                  <tr key={`${d.dimensionId}|${d.rowId}|${d.columnId}`}>
                    <td>{dimensionLabel(d.dimensionId)}</td>
                    <th scope="row">
                      {axis(d.rowId, reference.rows)} × {axis(d.columnId, reference.columns)}
                    </th>
                    {d.ratings.map((r) => (
                      <td key={r.evaluatorId}>{levelLabel(r.evaluatorId, r.levelId)}</td>
                    ))}
                    <td>{t(RATING_DIFFERENCE_KEYS[d.kind])}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          <p className="hint">
            {ratingMethodLine(shown.meta, language, {
              matrixTitle: reference.title,
              scale: reference.scale,
              label: title,
            })}
          </p>
          {shown.unplaced > 0 && (
            <p className="hint">{t('agreement.ui.unplaced', { count: shown.unplaced })}</p>
          )}
        </>
      )}
    </div>
  );
}
