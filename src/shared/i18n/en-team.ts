import type { itTeam } from './it-team';

/** English messages of teamwork (issue 18). */
export const enTeam: Record<keyof typeof itTeam, string> = {
  'cli.team.packaged':
    'Package written to {path}: {sources, plural, one {# source} other {# sources}}{blind, select, true { (blind: without the others’ codings)} other {}}, {size} kB.',
  'cli.team.merged': 'Merged the work of “{from}”{written, select, true {} other { (no change)}}:',
  'cli.team.kind': '{kind}: {added} added, {updated} changed, {deleted} deleted',
  'cli.team.coder': 'Codings by {coder}: {added} added, {updated} changed, {deleted} deleted',
  'cli.team.match': 'Matched by name ({kind}): {label}',
  'cli.team.conflict': 'Conflict ({kind} “{label}”, {type}; fields: {fields}): {decision}',
  'cli.team.replaced':
    'Coding {id} by {coder} changed on both sides: kept {kept}, the other is in the report',
  'team.kind.meta': 'Project details',
  'team.kind.report': 'Report settings',
  'team.kind.evaluator': 'Evaluators',
  'team.kind.question': 'Evaluation questions',
  'team.kind.participant': 'Participants',
  'team.kind.indicator': 'Indicators',
  'team.kind.code': 'Codes',
  'team.kind.frameworkSummary': 'Framework summaries',
  'team.kind.ngtSession': 'NGT sessions',
  'team.kind.matrix': 'Matrices',
  'team.kind.session': 'Interviews and focus groups',
  'team.kind.source': 'Sources',
  'team.conflict.edit': 'changed on both sides',
  'team.conflict.added-both': 'on both sides with different values',
  'team.conflict.deleted-here': 'deleted here, changed by the colleague',
  'team.conflict.deleted-there': 'deleted by the colleague, changed here',
  'team.decision.ours': 'the lead’s version',
  'team.decision.theirs': 'the colleague’s version',
  'team.notMerged.source-text':
    'The colleague’s correction of the text of “{label}” was not applied (the lead’s text stays, with its codings): redo it by hand if needed.',
  'team.notMerged.source-title': 'The colleague’s new title for “{label}” was not applied.',
  'team.notMerged.layer-text':
    'A colleague’s codings on “{label}” refer to a different text: not merged (they stay in the package).',
  'team.report.alreadyMerged': 'This package was merged before: nothing changed.',
  'team.report.nothing': 'Nothing new to merge.',
  'errors.MERGE_UNDECIDED':
    '{count, plural, one {# conflict is} other {# conflicts are}} still to be decided before merging.',
  'errors.MERGE_UNDO_REFUSED':
    'The merge can no longer be undone: the project changed since. You can restore the “before merge” backup from Open ▸ Backups.',
};
