import { useEffect, useState } from 'react';
import type { TeamMergeReport } from '../../../shared/domain/team-merge';
import { formatDateTime } from '../../../shared/i18n';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { useTeamStore } from '../../stores/team-store';
import { UndoMergeButton } from './UndoMergeButton';
import { MergeDialog } from './MergeDialog';
import { MergeReportView } from './MergeReportView';
import { PackageDialog } from './PackageDialog';
import { TeamList } from './TeamList';

/**
 * Gruppo di lavoro: who is in the team, work packages for colleagues, their work merged back,
 * and the reports of past merges (issue 18).
 */
export function TeamScreen() {
  const t = useT();
  const language = useAppStore((state) => state.language);
  const project = useProjectStore((state) => state.snapshot?.project);
  const team = useTeamStore();
  const [dialog, setDialog] = useState<'package' | 'merge' | null>(null);
  const [shown, setShown] = useState<string | null>(null);
  const projectId = project?.id;
  const { loadOrigin } = team;
  useEffect(() => {
    if (projectId) void loadOrigin();
  }, [projectId, loadOrigin]);
  // Asked again whenever the project changes: any save after a merge ends its undo.
  const [undoable, setUndoable] = useState<string | null>(null);
  useEffect(() => {
    let live = true;
    api()
      .teamMergeUndoable({})
      .then(
        (id) => live && setUndoable(id),
        () => live && setUndoable(null),
      );
    return () => {
      live = false;
    };
  }, [project]);
  if (!project) return null;
  const merges = [...project.merges].reverse();
  return (
    <section className="screen team-screen" aria-labelledby="team-title">
      <header className="screen-header">
        <h1 id="team-title">{t('team.title')}</h1>
      </header>
      <p className="hint">{t('team.intro')}</p>
      {team.origin && (
        <p className="team-origin">
          {t('team.return.from', {
            from: team.origin.from,
            at: formatDateTime(team.origin.at, language),
          })}
        </p>
      )}
      <TeamList team={project.evaluators} />
      <div className="team-actions">
        <button type="button" onClick={() => setDialog('package')}>
          {t('team.package.open')}
        </button>
        {/* Only a project opened from a coordinator's package has somebody to go back to. */}
        {/* The colleague's next step is giving the work back; the lead's is merging it. */}
        {team.origin && (
          <button type="button" className="primary" onClick={() => void team.makeReturn()}>
            {t('team.return.make')}
          </button>
        )}
        <button
          type="button"
          className={team.origin ? undefined : 'primary'}
          onClick={() => setDialog('merge')}
        >
          {t('team.merge.open')}
        </button>
      </div>
      <h2>{t('team.merges.title')}</h2>
      {merges.length === 0 ? (
        <p className="muted">{t('team.merges.none')}</p>
      ) : (
        <ul className="merge-list">
          {merges.map((merge, index) => {
            const report = merge.report as unknown as TeamMergeReport;
            return (
              <li key={merge.id}>
                <p>
                  {t('team.merges.line', {
                    who: report.fromEvaluator ?? report.from,
                    at: formatDateTime(merge.mergedAt, language),
                    conflicts: report.conflicts.length,
                  })}
                </p>
                <div className="row-actions">
                  <button
                    type="button"
                    aria-expanded={shown === merge.id}
                    onClick={() => setShown(shown === merge.id ? null : merge.id)}
                  >
                    {t('team.merges.show')}
                  </button>
                  <button type="button" onClick={() => void team.exportReport(merge.id)}>
                    {t('team.report.export')}
                  </button>
                  {undoable === merge.id && <UndoMergeButton mergeId={merge.id} />}
                </div>
                {index === 0 && undoable !== merge.id && merge.backupId && (
                  <p className="hint">{t('team.merge.undoGone')}</p>
                )}
                {shown === merge.id && <MergeReportView report={report} />}
              </li>
            );
          })}
        </ul>
      )}
      {dialog === 'package' && <PackageDialog onClose={() => setDialog(null)} />}
      {dialog === 'merge' && <MergeDialog onClose={() => setDialog(null)} />}
    </section>
  );
}
