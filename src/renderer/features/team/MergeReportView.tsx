import type { TeamMergeReport } from '../../../shared/domain/team-merge';
import { conflictFieldLabel } from '../../../shared/domain/team-labels';
import { useT } from '../../i18n/use-t';
import { conflictFields } from './conflict-values';

/** What a merge brought, by kind and by coder, and how each conflict was decided. */
export function MergeReportView({
  report,
  planned = false,
}: {
  report: TeamMergeReport;
  /** A preview: what the merge would bring, not yet done. */
  planned?: boolean;
}) {
  const t = useT();
  if (report.alreadyMerged) return <p>{t('team.report.alreadyMerged')}</p>;
  const nothing =
    report.records.length === 0 && report.coders.length === 0 && report.conflicts.length === 0;
  return (
    <div className="merge-report">
      {nothing && <p>{t('team.report.nothing')}</p>}
      {report.records.length > 0 && (
        <CountsTable
          caption={t(planned ? 'team.report.recordsPlanned' : 'team.report.records')}
          firstColumn={t('team.xlsx.kind')}
          rows={report.records.map((entry) => ({
            key: entry.kind,
            label: t(`team.kind.${entry.kind}`),
            ...entry,
          }))}
        />
      )}
      {(report.updates ?? []).length > 0 && (
        <>
          <h4>{t(planned ? 'team.report.updatesPlanned' : 'team.report.updates')}</h4>
          <ul className="merge-updates">
            {report.updates!.map((update) => (
              <li key={`${update.kind}:${update.id}`}>
                <strong>
                  {t(`team.kind.${update.kind}`)}: «{update.label}»
                </strong>
                <dl>
                  {update.fields.map((field) => (
                    <div key={field.field}>
                      <dt>{conflictFieldLabel(field.field, t, update.kind)}</dt>
                      <dd>
                        {t('team.report.updateValues', {
                          before: field.before,
                          after: field.after,
                        })}
                      </dd>
                    </div>
                  ))}
                </dl>
              </li>
            ))}
          </ul>
        </>
      )}
      {report.coders.length > 0 && (
        <CountsTable
          caption={t('team.report.coders')}
          firstColumn={t('team.xlsx.coder')}
          rows={report.coders.map((entry) => ({
            key: entry.coderId,
            label: entry.name || entry.coderId.slice(0, 8),
            ...entry,
          }))}
        />
      )}
      {report.conflicts.length > 0 && (
        <>
          <h4>{t('team.report.conflicts')}</h4>
          <ul>
            {report.conflicts.map((conflict) => (
              <li key={conflict.key}>
                {t('team.report.conflictLine', {
                  kind: t(`team.kind.${conflict.kind}`),
                  label: conflict.label,
                  type: t(`team.conflict.${conflict.type}`),
                  decision: t(`team.decision.${conflict.decision}`),
                })}
                {conflict.paths.length > 0 && (
                  <span className="muted">
                    {' '}
                    {t('team.report.setAside', {
                      kept: conflictFields(conflict)
                        .map((field) => (conflict.decision === 'ours' ? field.ours : field.theirs))
                        .join(' · '),
                      values: conflictFields(conflict)
                        .map((field) => (conflict.decision === 'ours' ? field.theirs : field.ours))
                        .join(' · '),
                    })}
                  </span>
                )}
              </li>
            ))}
          </ul>
        </>
      )}
      {report.matches.length > 0 && (
        <p>{t('team.report.matches', { count: report.matches.length })}</p>
      )}
      {report.replaced.length > 0 && (
        <p>{t('team.report.replaced', { count: report.replaced.length })}</p>
      )}
      {(report.textsTaken ?? []).map((item) => (
        <p key={`taken:${item.sourceId}`}>
          {t(planned ? 'team.report.textTakenPlanned' : 'team.report.textTaken', {
            label: item.label,
            count: item.codings,
            flagged: item.flagged,
          })}
        </p>
      ))}
      {(report.reanchored ?? []).map((item) => (
        <p key={`reanchored:${item.sourceId}:${item.coder}`}>
          {t('team.report.reanchored', {
            label: item.label,
            who: item.coder,
            count: item.codings,
            flagged: item.flagged,
          })}
        </p>
      ))}
      {report.notMerged.map((item) => (
        <p key={`${item.kind}:${item.id}`} className="warning">
          {t(`team.notMerged.${item.kind}`, { label: item.label })}
        </p>
      ))}
    </div>
  );
}

interface CountsRow {
  key: string;
  label: string;
  added: number;
  updated: number;
  deleted: number;
}

/** Added / changed / deleted counts per row (a kind of record, or a coder). */
function CountsTable({
  caption,
  firstColumn,
  rows,
}: {
  caption: string;
  firstColumn: string;
  rows: CountsRow[];
}) {
  const t = useT();
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{firstColumn}</th>
          <th scope="col">{t('team.xlsx.added')}</th>
          <th scope="col">{t('team.xlsx.updated')}</th>
          <th scope="col">{t('team.xlsx.deletedCount')}</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.label}</th>
            <td>{row.added}</td>
            <td>{row.updated}</td>
            <td>{row.deleted}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
