import type { MatrixAxisItem, RatingMatrix } from '../../../shared/model/matrix';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useMatrixStore } from '../../stores/matrix-store';

/** Title, rows and columns of a matrix: rename, add, remove (a removed line takes its cells). */
export function MatrixStructure({ matrix }: { matrix: RatingMatrix }) {
  const t = useT();
  const updateMatrix = useMatrixStore((state) => state.updateMatrix);
  const save = (patch: { title?: string; rows?: MatrixAxisItem[]; columns?: MatrixAxisItem[] }) =>
    void updateMatrix({ matrixId: matrix.id, patch });
  const lines = (kind: 'rows' | 'columns') => {
    const items = matrix[kind];
    return (
      <fieldset className="field">
        <legend>{t(kind === 'rows' ? 'matrix.rows' : 'matrix.columns')}</legend>
        {items.map((item, index) => (
          <div className="field-row" key={item.id}>
            <TextField
              label={t('matrix.lineLabel', { n: index + 1 })}
              value={item.label}
              required
              onCommit={(label) =>
                save({ [kind]: items.map((i) => (i.id === item.id ? { ...i, label } : i)) })
              }
            />
            <TextField
              label={t('matrix.lineNote')}
              value={item.note}
              onCommit={(note) =>
                save({ [kind]: items.map((i) => (i.id === item.id ? { ...i, note } : i)) })
              }
            />
            <button
              type="button"
              className="icon-button"
              aria-label={t('matrix.removeLine', { label: item.label })}
              disabled={items.length <= 1}
              onClick={() => save({ [kind]: items.filter((i) => i.id !== item.id) })}
            >
              ×
            </button>
          </div>
        ))}
        <button
          type="button"
          className="align-start"
          onClick={() =>
            save({
              [kind]: [
                ...items,
                {
                  id: crypto.randomUUID(),
                  label: t(kind === 'rows' ? 'matrix.newRow' : 'matrix.newColumn'),
                  note: '',
                },
              ],
            })
          }
        >
          {t(kind === 'rows' ? 'matrix.addRow' : 'matrix.addColumn')}
        </button>
      </fieldset>
    );
  };
  return (
    <section className="panel" aria-label={t('matrix.structure')}>
      <TextField
        label={t('matrix.title')}
        value={matrix.title}
        required
        onCommit={(title) => save({ title })}
      />
      {lines('rows')}
      {lines('columns')}
    </section>
  );
}
