import { useEffect } from 'react';
import type { AgreementStudy } from '../../../shared/domain/agreement-run';
import { agreementMethodLine } from '../../../shared/i18n/agreement-lines';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAgreementStore } from '../../stores/agreement-store';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { Figure } from './AgreementFigure';
import { ScopeForm } from './AgreementScopeForm';
import { codeLabel, coderLabel } from './agreement-labels';

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
              <th scope="col">{t('agreement.column.bothChars')}</th>
              <th scope="col">{t('agreement.column.onlyChars', { coder: a! })}</th>
              <th scope="col">{t('agreement.column.onlyChars', { coder: b! })}</th>
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
