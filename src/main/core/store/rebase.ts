/**
 * A window's change to one record, made on the revision it showed (STORE-V2 §3). When the record
 * has not changed since, or only this window changed it, the change applies as it is. When
 * another window changed it meanwhile, the same edit is applied to the version this window saw
 * and merged three-way with the current one: what does not collide is kept from both; a value
 * both changed differently refuses the change (STALE_CHANGE) instead of overwriting it.
 */
import { merge3 } from '../../../shared/domain/merge';
import { CampoError } from '../../../shared/ipc/errors';
import { STAMP_FIELDS, type Stamp } from '../../../shared/model/project';

export interface RebaseInput<T extends object> {
  /** What the user calls the record in messages (INT-01, a code's name …). */
  label: string;
  /** The revision the window's change was based on; undefined: not said (trusted callers). */
  baseRev: number | undefined;
  current: T;
  /** The record's content (no stamp) at `baseRev`, when the store still has it. */
  base: Record<string, unknown> | undefined;
  /** True when every revision after `baseRev` was saved by the same window. */
  ownRevisions: boolean;
  edit(draft: T): void;
}

/** The STALE_CHANGE refusal for `label`, naming the values in conflict. */
export function staleChange(label: string, paths: string[]): CampoError {
  return new CampoError('STALE_CHANGE', `${label} was changed elsewhere`, {
    field: label,
    paths: [...new Set(paths.map((path) => path.split(/[.[]/)[0] || path))],
  });
}

/** The record after the window's edit, merged with what others saved since (see the module). */
export function rebase<T extends object>(input: RebaseInput<T>): T {
  const rev = (input.current as Stamp).rev ?? 0;
  if (input.baseRev === undefined || input.baseRev >= rev || input.ownRevisions) {
    const draft = structuredClone(input.current);
    input.edit(draft);
    return draft;
  }
  if (!input.base) throw staleChange(input.label, []);
  const ours = structuredClone(input.base) as T;
  input.edit(ours);
  const { value, conflicts } = merge3(input.base as T, ours, input.current, {
    ignore: STAMP_FIELDS,
  });
  if (conflicts.length > 0) {
    throw staleChange(
      input.label,
      conflicts.map((conflict) => conflict.path),
    );
  }
  return value;
}

/** Puts `value`'s content into `target` (same object, for records held in arrays). */
export function replaceContent<T extends object>(target: T, value: T): T {
  for (const key of Object.keys(target)) {
    if (!(key in value)) delete (target as Record<string, unknown>)[key];
  }
  return Object.assign(target, value);
}
