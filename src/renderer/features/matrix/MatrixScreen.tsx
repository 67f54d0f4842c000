import { useState } from 'react';
import { TabStrip } from '../../components/TabStrip';
import { useT } from '../../i18n/use-t';
import { useMatrixStore } from '../../stores/matrix-store';
import { useProjectStore } from '../../stores/project-store';
import { MatrixCellPanel } from './MatrixCellPanel';
import { MatrixGrid } from './MatrixGrid';
import { MatrixStructure } from './MatrixStructure';
import { MatrixSummaries } from './MatrixSummaries';

/** Rating matrices: the integration matrix and the contribution to Europe 2020. */
export function MatrixScreen() {
  const t = useT();
  const matrices = useProjectStore((state) => state.snapshot?.project.matrices ?? []);
  const { selectedId, select, add } = useMatrixStore();
  const matrix = matrices.find((m) => m.id === selectedId) ?? matrices[0];
  const [editing, setEditing] = useState(false);
  return (
    <div className="screen matrix-screen">
      <div className="screen-header">
        <h1>{t('nav.matrix')}</h1>
        <div className="button-row">
          <button type="button" onClick={() => void add('integration')}>
            {t('matrix.newIntegration')}
          </button>
          <button type="button" onClick={() => void add('europe2020')}>
            {t('matrix.newEurope2020')}
          </button>
        </div>
      </div>
      {matrices.length > 1 && (
        <TabStrip
          items={matrices.map((m) => m.id)}
          selected={matrix?.id ?? null}
          onSelect={select}
          labelOf={(id) => matrices.find((m) => m.id === id)?.title ?? ''}
          label={t('matrix.list')}
        />
      )}
      {matrix && (
        <button
          type="button"
          className="align-start"
          aria-expanded={editing}
          onClick={() => setEditing(!editing)}
        >
          {t('matrix.editStructure')}
        </button>
      )}
      {matrix && editing && <MatrixStructure matrix={matrix} />}
      {matrix ? (
        <div className="matrix-workspace">
          <div className="matrix-main">
            <MatrixGrid
              matrix={matrix}
              onEnter={() => document.querySelector<HTMLElement>('.matrix-side textarea')?.focus()}
            />
            <MatrixSummaries matrix={matrix} />
          </div>
          <MatrixCellPanel matrix={matrix} />
        </div>
      ) : (
        <p className="empty">{t('matrix.none')}</p>
      )}
    </div>
  );
}
