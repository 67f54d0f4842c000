import { fieldOfPath, shownField } from '../../../shared/domain/merge-values';
import type { TeamConflict } from '../../../shared/domain/team-merge';

/** The fields a conflict shows side by side: the paths both changed, else every differing field. */
export function conflictFields(
  conflict: TeamConflict,
): Array<{ field: string; ours: string; theirs: string }> {
  const ours = (conflict.ours ?? {}) as Record<string, unknown>;
  const theirs = (conflict.theirs ?? {}) as Record<string, unknown>;
  const fields =
    conflict.paths.length > 0
      ? [...new Set(conflict.paths.map(fieldOfPath))]
      : ['name', 'code', 'title', 'text', 'role']
          .filter((key) => key in ours || key in theirs)
          .slice(0, 2);
  // Shown whole: the lead compares the two versions side by side.
  const options = { maxChars: Number.POSITIVE_INFINITY };
  return fields.map((field) => ({
    field,
    ours: conflict.ours === null ? '' : shownField(conflict.kind, field, ours[field], options),
    theirs:
      conflict.theirs === null ? '' : shownField(conflict.kind, field, theirs[field], options),
  }));
}
