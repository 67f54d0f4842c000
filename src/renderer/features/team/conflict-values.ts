import type { TeamConflict } from '../../../shared/domain/team-merge';

/** The fields a conflict shows side by side: the paths both changed, else every differing field. */
export function conflictFields(
  conflict: TeamConflict,
): Array<{ field: string; ours: string; theirs: string }> {
  const ours = (conflict.ours ?? {}) as Record<string, unknown>;
  const theirs = (conflict.theirs ?? {}) as Record<string, unknown>;
  const fields =
    conflict.paths.length > 0
      ? [...new Set(conflict.paths.map((path) => path.split(/[.[]/)[0] ?? path))]
      : ['name', 'code', 'title', 'text', 'role']
          .filter((key) => key in ours || key in theirs)
          .slice(0, 2);
  const shown = (value: unknown) =>
    value === undefined || value === null
      ? ''
      : typeof value === 'string'
        ? value
        : JSON.stringify(value);
  const hidden = (field: string) => conflict.kind === 'participant' && field === 'name';
  return fields.map((field) => ({
    field,
    ours: conflict.ours === null ? '' : hidden(field) ? '•••' : shown(ours[field]),
    theirs: conflict.theirs === null ? '' : hidden(field) ? '•••' : shown(theirs[field]),
  }));
}
