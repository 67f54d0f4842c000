/**
 * The user's own column choices in the indicator import, by header, kept on this computer: a
 * monitoring system exports the same layout every month, and a column matched by hand once
 * («Nome» → Indicatore) is matched so the next time. Headers only: no data of the project.
 */
import {
  indicatorHeaderKey,
  type IndicatorColumnTarget,
  type IndicatorField,
} from '../../../shared/domain/indicators-import';

const STORAGE_KEY = 'campo.indicator-columns';

type Remembered = Record<string, IndicatorField | 'ignore'>;

/** The choices made in earlier imports (nothing when storage is unavailable or damaged). */
export function rememberedColumns(): Remembered {
  try {
    const raw = localStorage.getItem(STORAGE_KEY);
    const value: unknown = raw ? JSON.parse(raw) : {};
    return value && typeof value === 'object' ? (value as Remembered) : {};
  } catch {
    return {};
  }
}

/** Keeps the choices of an import for the next one (a failure to keep them costs nothing). */
export function rememberColumns(
  headers: readonly string[],
  mapping: readonly IndicatorColumnTarget[],
): void {
  const kept = rememberedColumns();
  headers.forEach((header, index) => {
    const key = indicatorHeaderKey(header);
    const target = mapping[index];
    if (key && target) kept[key] = target.kind === 'field' ? target.field : 'ignore';
  });
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(kept));
  } catch {
    // Storage full or refused: the next import guesses again.
  }
}
