/**
 * What this window remembers of a project across a reload: the screen it showed, the NGT
 * session open, a line typed and not yet recorded. Kept in sessionStorage, so it belongs to this
 * tab or window only, stays on this machine and goes when the window closes; each entry is under
 * the project's id, so nothing of one project shows in another.
 */
const PREFIX = 'campo.tab.';
let projectId: string | null = null;

/** Names the project now open in this window (null: none); entries are read and written under it. */
export function enterProjectInTab(id: string | null): void {
  projectId = id;
}

const keyOf = (key: string) => (projectId === null ? null : `${PREFIX}${projectId}.${key}`);

/** Remembers `value` under `key` for the open project; null or '' forgets it. */
export function rememberInTab(key: string, value: string | null): void {
  const full = keyOf(key);
  if (full === null) return;
  try {
    if (value === null || value === '') sessionStorage.removeItem(full);
    else sessionStorage.setItem(full, value);
  } catch {
    // Storage full or turned off: remembering across a reload is a convenience, not a save.
  }
}

/** What was remembered under `key` for the open project, or null. */
export function recallFromTab(key: string): string | null {
  const full = keyOf(key);
  if (full === null) return null;
  try {
    return sessionStorage.getItem(full);
  } catch {
    return null;
  }
}

/**
 * A JSON value remembered under `key` (see `rememberInTab`), or null when there is none, it does
 * not parse, or `isValid` refuses its shape (written by another version, or damaged).
 */
export function recallJsonFromTab<T>(
  key: string,
  isValid: (value: unknown) => value is T,
): T | null {
  try {
    const value = JSON.parse(recallFromTab(key) ?? 'null') as unknown;
    return value !== null && isValid(value) ? value : null;
  } catch {
    return null;
  }
}
