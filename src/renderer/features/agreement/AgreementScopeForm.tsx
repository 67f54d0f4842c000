import { useId } from 'react';
import { codeTreeOrder } from '../../../shared/domain/codebook-tree';
import { useT } from '../../i18n/use-t';
import { useAgreementStore } from '../../stores/agreement-store';
import { useProjectStore } from '../../stores/project-store';
import { coderLabel } from './agreement-labels';

/** The comparison form: coders, documents, codes, threshold and unit. */
export function ScopeForm() {
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
