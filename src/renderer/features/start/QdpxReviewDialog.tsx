import { useEffect, useState } from 'react';
import { importSummaryLines } from '../../../shared/exchange/import-summary';
import {
  weakCandidates,
  weakSources,
  withUserUnit,
} from '../../../shared/exchange/position-summary';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useQdpxImportStore } from '../../stores/qdpx-import-store';

/** Weak sources whose sample passages are shown under each unit. */
const SAMPLE_SOURCES = 2;

/**
 * The review of a REFI-QDA archive before it becomes a project: what it holds, how the passage
 * positions will be read and why, what will be left out or noted elsewhere. Where the evidence
 * on the position unit is weak, the user chooses the unit from the same passages read in each
 * candidate unit (a reading that starts and ends between whole words is the right one).
 */
export function QdpxReviewDialog() {
  const t = useT();
  const { upload, inspection, unit, chooseUnit, confirm, cancel } = useQdpxImportStore();
  const busy = useProjectStore((state) => state.busy);
  const [progress, setProgress] = useState<number | null>(null);
  useEffect(
    () =>
      api().on('exportProgress', ({ kind, fraction }) => {
        if (kind === 'qdpx-import') setProgress(fraction);
      }),
    [],
  );
  if (!inspection || !upload) return null;
  const { summary } = inspection;
  const positions = withUserUnit(summary.positions, unit);
  const weak = weakSources(summary.positions);
  const candidates = weakCandidates(summary.positions);
  const chosen = unit ?? weak[0]?.unit ?? null;
  const lines = importSummaryLines({ ...summary, positions }, t);

  return (
    <Dialog title={t('exchange.reviewTitle')} onClose={cancel} wide>
      <div className="form">
        <p>{t('exchange.reviewIntro')}</p>
        <p>
          <strong>{inspection.projectName}</strong> · {upload.fileName}
          {inspection.origin && (
            <span className="hint"> {t('exchange.origin', { origin: inspection.origin })}</span>
          )}
        </p>
        {/^Campo\b/.test(inspection.origin ?? '') && (
          // REFI-QDA carries what other tools share: codes, texts, codings, cases. Between Campo
          // projects the package carries the rest (questions, interviews, speaker turns, team).
          <p className="notice-warning" role="note">
            {t('exchange.fromCampo')}
          </p>
        )}
        <ul className="import-summary" aria-label={t('import.resultsLabel')}>
          {lines.map((line, i) => (
            <li key={i}>{line}</li>
          ))}
        </ul>
        {weak.length > 0 && (
          <fieldset className="unit-choice">
            <legend>{t('exchange.unitChoice')}</legend>
            <p className="hint">{t('exchange.unitChoiceHint')}</p>
            {candidates.map((candidate) => (
              <div key={candidate}>
                <label>
                  <input
                    type="radio"
                    name="position-unit"
                    value={candidate}
                    checked={chosen === candidate}
                    onChange={() => chooseUnit(candidate)}
                  />
                  {t(`exchange.unit.${candidate}`)}
                </label>
                {weak.slice(0, SAMPLE_SOURCES).map((source) => (
                  <ul
                    key={source.guid}
                    className="unit-samples"
                    aria-label={t('exchange.unitSamplesFor', {
                      source: source.name,
                      unit: t(`exchange.unit.${candidate}`),
                    })}
                  >
                    {source.samples.map((sample, i) => {
                      const read = sample[candidate];
                      return (
                        read && (
                          <li key={i}>
                            {read.before}
                            <mark>{read.passage}</mark>
                            {read.after}
                          </li>
                        )
                      );
                    })}
                  </ul>
                ))}
              </div>
            ))}
          </fieldset>
        )}
        {busy && progress !== null && (
          <div className="export-progress" role="status">
            <progress
              max={100}
              value={Math.round(progress * 100)}
              aria-label={t('exchange.importing')}
            />
            <span>{t('exchange.importing')}</span>
          </div>
        )}
        <div className="dialog-actions">
          <button type="button" disabled={busy} onClick={cancel}>
            {t('app.cancel')}
          </button>
          <button
            type="button"
            className="primary"
            disabled={busy}
            onClick={() => {
              setProgress(0);
              void confirm();
            }}
          >
            {t('exchange.confirmImport')}
          </button>
        </div>
      </div>
    </Dialog>
  );
}
