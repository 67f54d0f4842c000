import { useEffect, useId } from 'react';
import { alphaBand, kappaBand } from '../../../shared/domain/agreement-interpretation';
import type { AgreementStudy } from '../../../shared/domain/agreement-run';
import type { UndefinedReason } from '../../../shared/domain/agreement-layers';
import { codeTreeOrder } from '../../../shared/domain/codebook-tree';
import type { MessageKey } from '../../../shared/i18n';
import {
  agreementMethodLine,
  formatAgreement,
  undefinedReasonText,
} from '../../../shared/i18n/agreement-lines';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAgreementStore } from '../../stores/agreement-store';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { codeLabel, coderLabel } from './agreement-labels';

/** A statistic as printed, "n.d." with its reason as a tooltip, and its conventional reading. */
function Figure(props: {
  value: number | null;
  kind: 'coefficient' | 'percent';
  reason?: UndefinedReason | null;
  band?: 'kappa' | 'alpha';
}) {
  const t = useT();
  const language = useLanguage();
  const text = formatAgreement(props.value, language, props.kind);
  const band =
    props.band === 'kappa'
      ? kappaBand(props.value)
      : props.band === 'alpha'
        ? alphaBand(props.value)
        : null;
  const reason =
    props.value === null && props.reason ? undefinedReasonText(props.reason, language) : undefined;
  return (
    <span className="agreement-figure" title={reason}>
      {text}
      {band && <span className="muted"> ({t(`agreement.band.${band}` as MessageKey)})</span>}
    </span>
  );
}

/** The comparison form: coders, documents, codes, threshold and unit. */
function ScopeForm() {
  const t = useT();
  const ids = { sources: useId(), codes: useId(), threshold: useId(), unit: useId() };
  const project = useProjectStore((state) => state.snapshot!.project);
  const { scope, result, busy, setScope, compute } = useAgreementStore();
  const label = coderLabel(project, t);
  const available = result?.available ?? [];
  const chosen = new Set(scope.coders ?? result?.coders ?? []);
  const toggle = (id: string) => {
    const next = new Set(chosen);
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setScope({ coders: available.map((c) => c.id).filter((c) => next.has(c)) });
  };
  const many = (element: HTMLSelectElement) => {
    const values = [...element.selectedOptions].map((option) => option.value);
    return values.length === 0 || values.includes('') ? null : values;
  };
  return (
    <form
      className="panel agreement-scope"
      aria-label={t('agreement.ui.scope')}
      onSubmit={(event) => {
        event.preventDefault();
        void compute();
      }}
    >
      <fieldset className="choice">
        <legend>{t('agreement.ui.coders')}</legend>
        {available.length === 0 && <p className="muted">{t('agreement.ui.noCoders')}</p>}
        {available.map((coder) => (
          <label key={coder.id} className="checkbox">
            <input
              type="checkbox"
              checked={chosen.has(coder.id)}
              onChange={() => toggle(coder.id)}
            />{' '}
            <strong>{label(coder.id)}</strong>{' '}
            <span className="muted">
              {t('agreement.ui.coderLine', { codings: coder.codings, sources: coder.sources })}
            </span>
          </label>
        ))}
      </fieldset>
      <div className="agreement-scope-row">
        <div className="field">
          <label htmlFor={ids.sources}>{t('agreement.ui.sources')}</label>
          <select
            id={ids.sources}
            multiple
            size={4}
            value={scope.sourceIds ?? ['']}
            onChange={(e) => setScope({ sourceIds: many(e.currentTarget) })}
          >
            <option value="">
              {t('agreement.ui.allSelected', { count: project.sources.length })}
            </option>
            {project.sources.map((source) => (
              <option key={source.id} value={source.id}>
                {source.title}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.codes}>{t('agreement.ui.codes')}</label>
          <select
            id={ids.codes}
            multiple
            size={4}
            value={scope.codeIds ?? ['']}
            onChange={(e) => setScope({ codeIds: many(e.currentTarget) })}
          >
            <option value="">{t('agreement.ui.all')}</option>
            {codeTreeOrder(project.codes).map(({ code, depth }) => (
              <option key={code.id} value={code.id}>
                {'  '.repeat(depth) + code.name}
              </option>
            ))}
          </select>
        </div>
        <div className="field agreement-narrow">
          <label htmlFor={ids.threshold}>{t('agreement.ui.threshold')}</label>
          <input
            id={ids.threshold}
            type="number"
            min={1}
            max={100}
            step={1}
            value={scope.thresholdPercent}
            onChange={(e) => {
              const value = Number(e.currentTarget.value);
              if (value >= 1 && value <= 100) setScope({ thresholdPercent: value });
            }}
          />
        </div>
        <div className="field agreement-narrow">
          <label htmlFor={ids.unit}>{t('agreement.ui.unit')}</label>
          <select
            id={ids.unit}
            value={scope.unit}
            onChange={(e) => setScope({ unit: e.currentTarget.value as 'turn' | 'sentence' })}
          >
            <option value="turn">{t('agreement.unit.turn')}</option>
            <option value="sentence">{t('agreement.unit.sentence')}</option>
          </select>
        </div>
      </div>
      <div className="toolbar">
        <button type="submit" className="primary" disabled={busy}>
          {busy ? t('agreement.ui.computing') : t('agreement.ui.compute')}
        </button>
      </div>
    </form>
  );
}

/** One pair's headline figures at the three levels, then its per-code table. */
function PairFigures({ study, pairIndex }: { study: AgreementStudy; pairIndex: number }) {
  const t = useT();
  const language = useLanguage();
  const project = useProjectStore((state) => state.snapshot!.project);
  const label = coderLabel(project, t);
  const code = codeLabel(project);
  const character = study.character.pairs[pairIndex]!;
  const segment = study.segment.pairs[pairIndex]!;
  const unitPair = study.unit.overall.pairs[pairIndex]!;
  const [a, b] = character.coders.map(label);
  const unitName = t(
    study.unit.meta.unit === 'sentence' ? 'agreement.unit.sentence' : 'agreement.unit.turn',
  );
  const segmentByCode = new Map(segment.byCode.map((row) => [row.codeId, row]));
  const unitByCode = new Map(study.unit.byCode.map((row) => [row.codeId, row]));
  return (
    <section className="panel agreement-pair" aria-label={t('agreement.ui.pair', { a: a!, b: b! })}>
      <h3>{t('agreement.ui.pair', { a: a!, b: b! })}</h3>
      <dl className="agreement-summary">
        <div>
          <dt>{t('agreement.ui.summaryCharacter')}</dt>
          <dd>
            <Figure
              value={character.overall.percent}
              kind="percent"
              reason={character.overall.undefinedReason}
            />
            {' · κ '}
            <Figure
              value={character.overall.kappa}
              kind="coefficient"
              reason={character.overall.undefinedReason}
              band="kappa"
            />
          </dd>
        </div>
        <div>
          <dt>{t('agreement.ui.summarySegment')}</dt>
          <dd>
            <Figure
              value={segment.overall.percent}
              kind="percent"
              reason={segment.overall.undefinedReason}
            />
            {' · κn '}
            <Figure
              value={segment.overall.kappaN}
              kind="coefficient"
              reason={segment.overall.kappaUndefinedReason}
            />
          </dd>
        </div>
        <div>
          <dt>{t('agreement.ui.summaryUnit', { unit: unitName })}</dt>
          <dd>
            {'κ '}
            <Figure
              value={unitPair.kappa}
              kind="coefficient"
              reason={unitPair.undefinedReason}
              band="kappa"
            />
          </dd>
        </div>
      </dl>
      <div className="table-scroll">
        <table className="data-table agreement-table">
          <caption>{t('agreement.ui.perCode')}</caption>
          <thead>
            <tr>
              <th scope="col">{t('agreement.column.code')}</th>
              <th scope="col">{t('agreement.column.both')}</th>
              <th scope="col">{t('agreement.column.only', { coder: a! })}</th>
              <th scope="col">{t('agreement.column.only', { coder: b! })}</th>
              <th scope="col">{t('agreement.column.percent')}</th>
              <th scope="col">{t('agreement.column.kappa')}</th>
              <th scope="col">{t('agreement.ui.segmentPercent')}</th>
              <th scope="col">{t('agreement.ui.unitKappa', { unit: unitName })}</th>
            </tr>
          </thead>
          <tbody>
            {character.byCode.map((row) => {
              const seg = segmentByCode.get(row.codeId);
              const unit = unitByCode.get(row.codeId)?.pairs[pairIndex];
              return (
                <tr key={row.codeId}>
                  <th scope="row">{code(row.codeId)}</th>
                  <td>{row.counts.both}</td>
                  <td>{row.counts.aOnly}</td>
                  <td>{row.counts.bOnly}</td>
                  <td>
                    <Figure value={row.percent} kind="percent" reason={row.undefinedReason} />
                  </td>
                  <td>
                    <Figure
                      value={row.kappa}
                      kind="coefficient"
                      reason={row.undefinedReason}
                      band="kappa"
                    />
                  </td>
                  <td>
                    <Figure
                      value={seg?.percent ?? null}
                      kind="percent"
                      reason={seg?.undefinedReason}
                    />
                  </td>
                  <td>
                    <Figure
                      value={unit?.kappa ?? null}
                      kind="coefficient"
                      reason={unit?.undefinedReason}
                    />
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <details>
        <summary>{t('agreement.ui.method')}</summary>
        <p className="hint">{agreementMethodLine(study.character.meta, language, { label })}</p>
        <p className="hint">
          {agreementMethodLine(study.segment.meta, language, {
            label,
            categories: segment.overall.categories,
          })}
        </p>
        <p className="hint">{agreementMethodLine(study.unit.meta, language, { label })}</p>
      </details>
    </section>
  );
}

/** Several coders at once: Fleiss' κ and Krippendorff's α over all of them, per code. */
function AllCoders({ study }: { study: AgreementStudy }) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot!.project);
  const code = codeLabel(project);
  const fleiss = study.unit.meta.coders.length > 2;
  return (
    <div className="table-scroll">
      <table className="data-table agreement-table">
        <caption>
          {t('agreement.ui.summaryUnit', {
            unit: t(
              study.unit.meta.unit === 'sentence'
                ? 'agreement.unit.sentence'
                : 'agreement.unit.turn',
            ),
          })}
        </caption>
        <thead>
          <tr>
            <th scope="col">{t('agreement.column.code')}</th>
            {fleiss && <th scope="col">{t('agreement.column.fleiss')}</th>}
            <th scope="col">{t('agreement.column.alpha')}</th>
          </tr>
        </thead>
        <tbody>
          {[...study.unit.byCode, { ...study.unit.overall, codeId: null }].map((row) => (
            <tr key={row.codeId ?? 'overall'}>
              <th scope="row">{row.codeId === null ? t('agreement.overall') : code(row.codeId)}</th>
              {fleiss && (
                <td>
                  <Figure
                    value={row.fleiss?.kappa ?? null}
                    kind="coefficient"
                    reason={row.fleiss?.undefinedReason}
                    band="kappa"
                  />
                </td>
              )}
              <td>
                <Figure
                  value={row.alpha.value}
                  kind="coefficient"
                  reason={row.alpha.undefinedReason}
                  band="alpha"
                />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The agreement figures of the chosen comparison, computed when asked (and on first view). */
export function AgreementFigures() {
  const t = useT();
  const { result, compute } = useAgreementStore();
  const version = useCodingStore((state) => state.version);
  useEffect(() => {
    void compute();
    // Recomputed when codings change (this window's or another's), with the same choices.
  }, [compute, version]);
  const study = result?.study ?? null;
  return (
    <div className="agreement-figures">
      <ScopeForm />
      {result && result.flagged > 0 && (
        <p className="hint">{t('agreement.ui.flagged', { count: result.flagged })}</p>
      )}
      {result && !study && (
        <p className="empty">
          {result.coders.length < 2 && result.available.length >= 2
            ? t('agreement.ui.chooseTwo')
            : t('agreement.ui.fewCoders')}
        </p>
      )}
      {study && (
        <>
          {study.character.pairs.map((pair, index) => (
            <PairFigures key={pair.coders.join('|')} study={study} pairIndex={index} />
          ))}
          <AllCoders study={study} />
          <p className="hint">{t('agreement.ui.bands')}</p>
        </>
      )}
    </div>
  );
}
