import { useCallback, useEffect, useState } from 'react';
import { formatUserDate } from '../../../shared/domain/dates';
import type { MessageKey } from '../../../shared/i18n';
import type { SessionKind } from '../../../shared/model/constants';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useSessionsStore } from '../../stores/sessions-store';
import { ImportTranscriptDialog } from '../sources/ImportTranscriptDialog';
import { SourceList } from '../sources/SourceList';
import { SourceView } from '../sources/SourceView';
import { SessionDetail } from './SessionDetail';

/**
 * Interviews or focus groups: the list, one record in full, or one of its sources. On the
 * interviews screen, transcripts that belong to no record are listed too.
 */
export function SessionsScreen({ kind }: { kind: SessionKind }) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot?.project);
  const add = useSessionsStore((state) => state.add);
  const open = useSessionsStore((state) => state.open);
  const { sessionId: selectedId, sourceId } = useSessionsStore((state) => state.opened[kind]);
  const setSelectedId = (id: string | null) => open(kind, id);
  const setSourceId = (id: string | null) => open(kind, selectedId, id);
  // The import asked for from the overview's first steps opens here, once.
  const [importing, setImporting] = useState(
    () => kind === 'interview' && useSessionsStore.getState().importRequested,
  );
  useEffect(() => {
    if (importing) useSessionsStore.getState().requestImport(false);
  }, [importing]);
  const closeSource = useCallback(
    () => open(kind, useSessionsStore.getState().opened[kind].sessionId),
    [open, kind],
  );
  if (!project) return null;
  const sessions = project.sessions.filter((s) => s.kind === kind);
  const selected = sessions.find((s) => s.id === selectedId);
  const isInterview = kind === 'interview';

  if (sourceId) {
    return (
      <div className="screen">
        <SourceView sourceId={sourceId} onBack={closeSource} />
      </div>
    );
  }
  if (selected)
    return (
      <SessionDetail
        session={selected}
        onBack={() => setSelectedId(null)}
        onOpenSource={setSourceId}
      />
    );

  const byId = new Map(project.participants.map((p) => [p.id, p.code]));
  const linkedSources = new Set(project.sessions.flatMap((s) => s.sourceIds));
  const unlinked = project.sources.filter((s) => !linkedSources.has(s.id));
  return (
    <div className="screen">
      <div className="screen-header">
        <h1>{t(isInterview ? 'nav.interviews' : 'nav.focusGroups')}</h1>
        <button
          type="button"
          className="primary"
          onClick={() => void add(kind).then((s) => s && setSelectedId(s.id))}
        >
          {t(isInterview ? 'sessions.newInterview' : 'sessions.newFocusGroup')}
        </button>
      </div>
      <p className="intro">
        {t(isInterview ? 'sessions.introInterviews' : 'sessions.introFocusGroups')}
      </p>
      {sessions.length === 0 ? (
        <p className="empty">
          {t(isInterview ? 'sessions.emptyInterviews' : 'sessions.emptyFocusGroups')}
        </p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('sessions.code')}</th>
              <th scope="col">{t('sessions.titleField')}</th>
              <th scope="col">{t('sessions.date')}</th>
              <th scope="col">{t('sessions.mode')}</th>
              <th scope="col">{t('sessions.participants')}</th>
              <th scope="col">{t('sessions.status')}</th>
              <th scope="col">{t('sessions.sources')}</th>
            </tr>
          </thead>
          <tbody>
            {sessions.map((session) => (
              <tr key={session.id}>
                <th scope="row">
                  <button
                    type="button"
                    className="link-button record-code"
                    onClick={() => setSelectedId(session.id)}
                  >
                    {session.code}
                  </button>
                </th>
                <td>{session.title || t('app.none')}</td>
                <td className="nowrap">
                  {[formatUserDate(session.date), session.time].filter(Boolean).join(' ') ||
                    t('app.none')}
                </td>
                <td>{t(`mode.${session.mode}` as MessageKey)}</td>
                <td>
                  {session.participantIds.map((id) => byId.get(id) ?? '?').join(', ') ||
                    t('app.none')}
                </td>
                <td>
                  <span className={`status status-${session.status}`}>
                    {t(`status.${session.status}` as MessageKey)}
                  </span>
                </td>
                <td>{session.sourceIds.length}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {isInterview && (
        <section aria-label={t('sessions.otherSources')}>
          <div className="screen-header">
            <h2>{t('sessions.otherSources')}</h2>
            <button type="button" onClick={() => setImporting(true)}>
              {t('sessions.importTranscript')}
            </button>
          </div>
          {project.sources.length === 0 ? (
            // "Every transcript is linked" would be true of none, and misleads a new project.
            <p className="muted">{t('sessions.noSourcesYet')}</p>
          ) : unlinked.length === 0 ? (
            <p className="muted">{t('sessions.noOtherSources')}</p>
          ) : (
            <SourceList sources={unlinked} onOpen={setSourceId} />
          )}
        </section>
      )}
      {importing && <ImportTranscriptDialog onClose={() => setImporting(false)} />}
    </div>
  );
}
