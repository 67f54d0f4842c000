/**
 * A merge report (issue 18) as workbook sheets: what came in by kind and by coder, the conflicts
 * with the value kept and the value that lost, the records changed without a conflict, codings both sides changed, what was not applied,
 * the name matches. Participants' real names never appear (a conflict on a name shows a mark).
 */
import type { TeamMergeReport } from '../domain/team-merge';
import { fieldOfPath, shownField, shownRecord } from '../domain/merge-values';
import { conflictFieldLabel } from '../domain/team-labels';
import type { Translate } from '../i18n';
import type { WorkbookSheet } from './workbook';

/** The value at a conflict path's first field ("name", "cells[r1|c2].x" → "cells"). */
function fieldOf(record: unknown, path: string): unknown {
  if (!record || typeof record !== 'object') return null;
  return (record as Record<string, unknown>)[fieldOfPath(path)];
}

/** Longest text a workbook cell holds (a spreadsheet's own limit is 32,767). */
const CELL_CHARS = 32_000;

/** The report's sheets, headers in the language of `t`. */
export function mergeReportSheets(report: TeamMergeReport, t: Translate): WorkbookSheet[] {
  const options = { maxChars: CELL_CHARS, hidden: t('team.xlsx.personal') };
  const conflictRows = report.conflicts.flatMap((conflict) => {
    const paths = conflict.paths.length > 0 ? conflict.paths : [''];
    return paths.map((path) => {
      const kept = conflict.decision === 'ours' ? conflict.ours : conflict.theirs;
      const lost = conflict.decision === 'ours' ? conflict.theirs : conflict.ours;
      return [
        t(`team.kind.${conflict.kind}`),
        conflict.label,
        t(`team.conflict.${conflict.type}`),
        conflictFieldLabel(path, t, conflict.kind),
        t(`team.decision.${conflict.decision}`),
        path
          ? shownField(conflict.kind, path, fieldOf(kept, path), options)
          : kept
            ? t('team.xlsx.kept')
            : t('team.xlsx.deleted'),
        // A record deleted on one side: the version that lost is kept whole, names hidden.
        path
          ? shownField(conflict.kind, path, fieldOf(lost, path), options)
          : lost
            ? shownRecord(conflict.kind, lost, options)
            : t('team.xlsx.deleted'),
      ];
    });
  });
  return [
    {
      name: t('team.xlsx.summary'),
      header: [
        t('team.xlsx.kind'),
        t('team.xlsx.added'),
        t('team.xlsx.updated'),
        t('team.xlsx.deletedCount'),
      ],
      rows: [
        [t('team.xlsx.from'), report.from, null, null],
        [t('team.xlsx.mergedAt'), { date: report.mergedAt }, null, null],
        ...report.records.map((entry) => [
          t(`team.kind.${entry.kind}`),
          entry.added,
          entry.updated,
          entry.deleted,
        ]),
      ],
      widths: [34, 14, 14, 14],
    },
    {
      name: t('team.xlsx.coders'),
      header: [
        t('team.xlsx.coder'),
        t('team.xlsx.added'),
        t('team.xlsx.updated'),
        t('team.xlsx.deletedCount'),
      ],
      rows: report.coders.map((entry) => [
        entry.name || entry.coderId,
        entry.added,
        entry.updated,
        entry.deleted,
      ]),
      widths: [30, 14, 14, 14],
    },
    {
      name: t('team.xlsx.conflicts'),
      header: [
        t('team.xlsx.kind'),
        t('team.xlsx.record'),
        t('team.xlsx.type'),
        t('team.xlsx.field'),
        t('team.xlsx.decision'),
        t('team.xlsx.keptValue'),
        t('team.xlsx.lostValue'),
      ],
      rows: conflictRows,
      widths: [22, 30, 30, 18, 26, 40, 40],
    },
    {
      name: t('team.xlsx.updates'),
      header: [
        t('team.xlsx.kind'),
        t('team.xlsx.record'),
        t('team.xlsx.field'),
        t('team.xlsx.before'),
        t('team.xlsx.after'),
      ],
      rows: (report.updates ?? []).flatMap((update) =>
        update.fields.map((field) => [
          t(`team.kind.${update.kind}`),
          update.label,
          conflictFieldLabel(field.field, t, update.kind),
          field.before,
          field.after,
        ]),
      ),
      widths: [22, 30, 22, 45, 45],
    },
    {
      name: t('team.xlsx.replaced'),
      header: [
        t('team.xlsx.source'),
        t('team.xlsx.coder'),
        t('team.xlsx.record'),
        t('team.xlsx.decision'),
        t('team.xlsx.lostValue'),
      ],
      rows: report.replaced.map((item) => [
        item.sourceId,
        item.coderId,
        item.id,
        t(`team.decision.${item.kept}`),
        shownRecord(item.kind, item.lost, options),
      ]),
      widths: [38, 38, 38, 26, 50],
    },
    {
      name: t('team.xlsx.notMerged'),
      header: [t('team.xlsx.record'), t('team.xlsx.note')],
      rows: report.notMerged.map((item) => [
        item.label,
        t(`team.notMerged.${item.kind}`, { label: item.label }),
      ]),
      widths: [30, 90],
    },
    {
      name: t('team.xlsx.textsTaken'),
      header: [t('team.xlsx.record'), t('team.xlsx.carried'), t('team.xlsx.toCheck')],
      rows: (report.textsTaken ?? []).map((item) => [item.label, item.codings, item.flagged]),
      widths: [40, 30, 16],
    },
    {
      name: t('team.xlsx.matches'),
      header: [t('team.xlsx.kind'), t('team.xlsx.record')],
      rows: report.matches.map((match) => [t(`team.kind.${match.kind}`), match.label]),
      widths: [26, 50],
    },
  ];
}
