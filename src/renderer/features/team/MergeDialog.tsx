import { conflictFieldLabel } from '../../../shared/domain/team-labels';
import { Dialog } from '../../components/Dialog';
import { FilePickButton } from '../../components/FilePickButton';
import { readFileForUpload } from '../../api/files';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useProjectStore } from '../../stores/project-store';
import { useTeamStore } from '../../stores/team-store';
import { UndoMergeButton } from './UndoMergeButton';
import { conflictFields } from './conflict-values';
import { MergeReportView } from './MergeReportView';

/**
 * "Unisci il lavoro di un collega": pick the return package, confirm the name matches (two
 * projects started apart), decide each conflict side by side, merge, read the report.
 */
export function MergeDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const native = useAppStore((state) => Boolean(state.info?.nativeDialogs));
  const team = useTeamStore();
  const merges = useProjectStore((state) => state.snapshot?.project.merges ?? []);
  const { preview, busy } = team;
  const close = () => {
    team.cancelMerge();
    onClose();
  };
  const merged = team.mergedId ? merges.find((merge) => merge.id === team.mergedId) : null;
  const undecided = preview
    ? preview.conflicts.filter((conflict) => !team.decisions[conflict.key]).length
    : 0;
  return (
    <Dialog title={t('team.merge.title')} onClose={close} wide>
      {!preview && !merged && (
        <div className="merge-pick">
          <p>{t('team.merge.intro')}</p>
          {native ? (
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() =>
                void api()
                  .dialogOpenFile({ extensions: ['campopkg'] })
                  .then((path) => (path ? team.previewMerge({ fileName: path, path }) : null))
              }
            >
              {t('team.merge.pick')}
            </button>
          ) : (
            <FilePickButton
              label={t('team.merge.pick')}
              accept=".campopkg,.zip"
              className="primary"
              disabled={busy}
              onFile={(file) =>
                void readFileForUpload(file).then((upload) => team.previewMerge(upload))
              }
            />
          )}
          {busy && <p role="status">{t('team.merge.reading')}</p>}
        </div>
      )}

      {preview && !team.matchesConfirmed && (
        <section aria-labelledby="merge-matches">
          <h3 id="merge-matches">{t('team.merge.matchesTitle')}</h3>
          <p className="hint">{t('team.merge.matchesHint', { from: preview.from })}</p>
          <ul className="merge-matches">
            {preview.proposals.map((match) => (
              <li key={match.theirId}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={team.matches.some((entry) => entry.theirId === match.theirId)}
                    onChange={(event) => team.toggleMatch(match, event.target.checked)}
                  />
                  {t('team.merge.matchLine', {
                    kind: t(`team.kind.${match.kind}`),
                    label: match.label,
                  })}
                </label>
                {match.sides && (
                  <p className="hint">
                    {t('team.merge.matchSides', {
                      ours: match.sides.ours || '—',
                      theirs: match.sides.theirs || '—',
                    })}
                  </p>
                )}
              </li>
            ))}
          </ul>
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy}
              onClick={() => void team.confirmMatches()}
            >
              {t('team.merge.confirmMatches')}
            </button>
          </div>
        </section>
      )}

      {preview && team.matchesConfirmed && (
        <section aria-labelledby="merge-preview">
          <h3 id="merge-preview">
            {t('team.merge.previewTitle', {
              from: preview.from,
              who: preview.fromEvaluator || '–',
            })}
          </h3>
          {!preview.hasBase && <p className="hint">{t('team.merge.noBase')}</p>}
          {preview.ownWork && preview.empty ? (
            <p className="notice-warning" role="status">
              {t('team.merge.ownPackage')}
            </p>
          ) : preview.empty ? (
            <p>
              {preview.report.alreadyMerged
                ? t('team.report.alreadyMerged')
                : t('team.report.nothing')}
            </p>
          ) : (
            <MergeReportView report={{ ...preview.report, conflicts: [] }} planned />
          )}
          {preview.conflicts.length > 0 && (
            <>
              <h4>{t('team.merge.conflictsTitle', { count: preview.conflicts.length })}</h4>
              <ol className="merge-conflicts">
                {preview.conflicts.map((conflict) => (
                  <li key={conflict.key} className="merge-conflict">
                    <p className="merge-conflict-title">
                      <strong>{t(`team.kind.${conflict.kind}`)}</strong> «{conflict.label}» –{' '}
                      {t(`team.conflict.${conflict.type}`)}
                    </p>
                    {preview.remembered[conflict.key] && (
                      <p className="hint">{t('team.merge.remembered')}</p>
                    )}
                    <div className="merge-sides" role="radiogroup" aria-label={conflict.label}>
                      {(['ours', 'theirs'] as const).map((side) => (
                        <label
                          key={side}
                          className={`merge-side${team.decisions[conflict.key] === side ? ' chosen' : ''}`}
                        >
                          <input
                            type="radio"
                            name={conflict.key}
                            checked={team.decisions[conflict.key] === side}
                            onChange={() => team.decide(conflict.key, side)}
                          />
                          <span className="merge-side-title">
                            {t(side === 'ours' ? 'team.merge.keepOurs' : 'team.merge.takeTheirs')}
                          </span>
                          {conflict[side] === null ? (
                            <em>{t('team.merge.deleted')}</em>
                          ) : (
                            <dl>
                              {conflictFields(conflict).map((field) => (
                                <div key={field.field}>
                                  <dt>{conflictFieldLabel(field.field, t, conflict.kind)}</dt>
                                  <dd>{field[side] || '—'}</dd>
                                </div>
                              ))}
                            </dl>
                          )}
                        </label>
                      ))}
                    </div>
                  </li>
                ))}
              </ol>
            </>
          )}
          <div className="dialog-actions">
            <button type="button" onClick={close}>
              {t('app.cancel')}
            </button>
            <button
              type="button"
              className="primary"
              disabled={busy || undecided > 0 || preview.empty}
              onClick={() => void team.applyMerge()}
            >
              {undecided > 0
                ? t('team.merge.undecided', { count: undecided })
                : t('team.merge.apply')}
            </button>
          </div>
        </section>
      )}

      {merged && (
        <section aria-labelledby="merge-done">
          <h3 id="merge-done">{t('team.merge.doneTitle')}</h3>
          <MergeReportView report={merged.report as never} />
          <div className="dialog-actions">
            <UndoMergeButton mergeId={merged.id} onUndone={close} />
            <button type="button" onClick={() => void team.exportReport(merged.id)}>
              {t('team.report.export')}
            </button>
            <button type="button" className="primary" onClick={close}>
              {t('app.close')}
            </button>
          </div>
        </section>
      )}
    </Dialog>
  );
}
