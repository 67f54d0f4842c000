import { useEffect, useRef, type KeyboardEvent } from 'react';
import type { RatingMatrix, ScaleLevel } from '../../../shared/model/matrix';
import { useLanguage, useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useMatrixStore } from '../../stores/matrix-store';

/** CSS class of a level's colour: by its value, so greyscale print still has the text. */
export function levelClass(level: ScaleLevel | null | undefined): string {
  if (!level) return 'level level-none';
  return level.value === null ? 'level level-na' : `level level-${Math.round(level.value)}`;
}

/** "Coord." from "Coordinamento": dimensions named short inside a cell. */
function short(label: string): string {
  return label.length <= 6 ? label : `${label.slice(0, 5)}.`;
}

/**
 * The matrix as a keyboard grid: arrows move, 1/2/3 (0 where the scale has it) rate the active
 * dimension, n marks n.a., Delete clears, d switches dimension, Enter goes to the rationale,
 * Ctrl+Z takes back the last rating given here.
 */
export function MatrixGrid({ matrix, onEnter }: { matrix: RatingMatrix; onEnter(): void }) {
  const t = useT();
  const language = useLanguage();
  const { active, focus, dimensionId, setDimension, rate, undoRating } = useMatrixStore();
  const table = useRef<HTMLTableElement>(null);
  const dimension = matrix.dimensions.find((d) => d.id === dimensionId) ?? matrix.dimensions[0]!;
  const levels = new Map(matrix.scale.map((level) => [level.id, level]));
  const cellAt = (rowId: string, columnId: string) =>
    matrix.cells.find((c) => c.rowId === rowId && c.columnId === columnId);

  useEffect(() => {
    if (!active) return;
    table.current
      ?.querySelector<HTMLElement>(`[data-cell="${active.rowId}|${active.columnId}"]`)
      ?.focus();
  }, [active]);

  /** Ctrl+Z: the newest rating given here goes back, and the grid shows that cell. */
  const undoLastRating = async () => {
    const change = useMatrixStore.getState().ratingHistory.at(-1);
    const outcome = await undoRating();
    const notify = useAppStore.getState().notify;
    if (outcome === 'nothing') notify('info', { key: 'matrix.undo.nothing' });
    else if (outcome === 'changed') notify('error', { key: 'matrix.undo.changed' });
    else if (change) {
      if (change.matrixId === matrix.id) {
        setDimension(change.dimensionId);
        focus({ rowId: change.rowId, columnId: change.columnId });
      }
      notify('info', { key: 'matrix.undo.done' });
    }
  };

  const onKey = (event: KeyboardEvent<HTMLTableElement>) => {
    if (!active) return;
    const row = matrix.rows.findIndex((r) => r.id === active.rowId);
    const column = matrix.columns.findIndex((c) => c.id === active.columnId);
    const move = (r: number, c: number) => {
      const nextRow = matrix.rows[Math.max(0, Math.min(matrix.rows.length - 1, r))]!;
      const nextColumn = matrix.columns[Math.max(0, Math.min(matrix.columns.length - 1, c))]!;
      focus({ rowId: nextRow.id, columnId: nextColumn.id });
    };
    const set = (levelId: string | null) =>
      void rate({ matrixId: matrix.id, ...active, dimensionId: dimension.id, levelId });
    const key = event.key;
    if ((event.ctrlKey || event.metaKey) && !event.shiftKey && key.toLowerCase() === 'z') {
      event.preventDefault();
      void undoLastRating();
      return;
    }
    if (event.ctrlKey || event.metaKey || event.altKey) return;
    if (key === 'ArrowRight') move(row, column + 1);
    else if (key === 'ArrowLeft') move(row, column - 1);
    else if (key === 'ArrowDown') move(row + 1, column);
    else if (key === 'ArrowUp') move(row - 1, column);
    else if (key === 'Enter') onEnter();
    else if (key === 'Delete' || key === 'Backspace') set(null);
    else if (key === 'd' || key === 'D') {
      const index = matrix.dimensions.indexOf(dimension);
      setDimension(matrix.dimensions[(index + 1) % matrix.dimensions.length]!.id);
    } else if (key === 'n' || key === 'N') {
      const na = matrix.scale.find((level) => level.value === null);
      if (na) set(na.id);
      else {
        useAppStore
          .getState()
          .notify('info', { key: 'matrix.noNa' }, [
            { label: 'matrix.addNa', run: () => void useMatrixStore.getState().addNa(matrix.id) },
          ]);
      }
    } else if (/^\d$/.test(key)) {
      const level = matrix.scale.find((l) => l.value === Number(key));
      if (!level) return;
      set(level.id);
    } else return;
    event.preventDefault();
  };

  return (
    <div className="matrix-grid-wrap">
      <div className="field-row" role="radiogroup" aria-label={t('matrix.activeDimension')}>
        {matrix.dimensions.map((d) => (
          <button
            key={d.id}
            type="button"
            role="radio"
            className="chip"
            aria-checked={d.id === dimension.id}
            onClick={() => setDimension(d.id)}
          >
            {d.label[language]}
          </button>
        ))}
      </div>
      <table
        ref={table}
        className="data-table matrix-grid"
        role="grid"
        aria-label={matrix.title}
        onKeyDown={onKey}
      >
        <thead>
          <tr>
            <td role="presentation" />
            {matrix.columns.map((column) => (
              <th key={column.id} scope="col">
                {column.label}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {matrix.rows.map((row, r) => (
            <tr key={row.id}>
              <th scope="row">
                {row.label}
                {row.note && <span className="muted"> ({row.note})</span>}
              </th>
              {matrix.columns.map((column, c) => {
                const cell = cellAt(row.id, column.id);
                const isActive = active
                  ? active.rowId === row.id && active.columnId === column.id
                  : r === 0 && c === 0;
                return (
                  <td
                    key={column.id}
                    role="gridcell"
                    data-cell={`${row.id}|${column.id}`}
                    tabIndex={isActive ? 0 : -1}
                    aria-selected={Boolean(active) && isActive}
                    className={active && isActive ? 'active' : undefined}
                    onFocus={() => focus({ rowId: row.id, columnId: column.id })}
                  >
                    {/* The cell's name is what it shows, after where it is (not a separate label,
                        which would not contain the visible "Coord. Alto"). */}
                    <span className="visually-hidden">{`${row.label} × ${column.label}: `}</span>
                    {matrix.dimensions.map((d) => {
                      const level = levels.get(cell?.ratings[d.id] ?? '');
                      return (
                        <span key={d.id} className={levelClass(level)}>
                          {matrix.dimensions.length > 1 && `${short(d.label[language])} `}
                          {level?.label[language] ?? '–'}
                        </span>
                      );
                    })}
                    {(cell?.evidence.length ?? 0) > 0 && (
                      <span
                        className="evidence-mark"
                        title={t('matrix.evidenceCount', { n: cell!.evidence.length })}
                      >
                        <span aria-hidden="true">◆ </span>
                        {cell!.evidence.length}
                        <span className="visually-hidden">
                          {' '}
                          {t('matrix.evidenceWord', { n: cell!.evidence.length })}
                        </span>
                      </span>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      <p className="hint">
        {t('matrix.keys', {
          levels: matrix.scale
            .filter((level) => level.value !== null)
            .map((level) => `${level.value} (${level.label[language]})`)
            .join(', '),
          na: matrix.scale.some((level) => level.value === null) ? 'yes' : 'no',
        })}
      </p>
    </div>
  );
}
