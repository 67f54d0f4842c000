import { useState } from 'react';
import type { MessageKey } from '../../../shared/i18n';
import { SESSION_MODES, SESSION_STATUSES } from '../../../shared/model/constants';
import type { FieldSession } from '../../../shared/model/project';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { DateField, TimeField } from '../../components/DateField';
import { SelectField, TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useParticipantsStore } from '../../stores/participants-store';
import { useProjectStore } from '../../stores/project-store';
import { useSessionsStore } from '../../stores/sessions-store';
import { ImportTranscriptDialog } from '../sources/ImportTranscriptDialog';
import { SourceList } from '../sources/SourceList';
import { GuideEditor } from './GuideEditor';
import { ParticipantsPicker } from './ParticipantsPicker';

interface SessionDetailProps {
  session: FieldSession;
  onBack(): void;
  onOpenSource(id: string): void;
}

/** One interview or focus group: when and how, who, the guide, its transcripts and notes. */
export function SessionDetail({ session, onBack, onOpenSource }: SessionDetailProps) {
  const t = useT();
  const sources = useProjectStore((state) => state.snapshot?.project.sources ?? []);
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  // A participant with this record's code who is not in it: quoted "INT-06", which is it?
  const namesake = participants.find(
    (p) =>
      p.code.trim().toUpperCase() === session.code.trim().toUpperCase() &&
      !session.participantIds.includes(p.id),
  );
  const { update, remove, openLiveNotes } = useSessionsStore();
  const addParticipant = useParticipantsStore((state) => state.add);
  const [importing, setImporting] = useState(false);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const save = (patch: Parameters<typeof update>[1]) => update(session.id, patch);
  const linked = sources.filter((source) => session.sourceIds.includes(source.id));
  const isInterview = session.kind === 'interview';

  return (
    <div className="screen">
      <button type="button" className="link-button" onClick={onBack}>
        ← {t(isInterview ? 'sessions.backInterviews' : 'sessions.backFocusGroups')}
      </button>
      <div className="screen-header">
        <h1>
          {session.code}
          {session.title && <span className="muted"> · {session.title}</span>}
        </h1>
        <div className="toolbar">
          <button type="button" className="primary" onClick={() => openLiveNotes(session.id)}>
            {t('notes.open')}
          </button>
          <button type="button" onClick={() => setImporting(true)}>
            {t('sessions.importTranscript')}
          </button>
          <button type="button" onClick={() => setConfirmDelete(true)}>
            {t('app.delete')}
          </button>
        </div>
      </div>
      {namesake && (
        <div className="notice-warning" role="note">
          <p>{t('sessions.codeClash', { code: session.code })}</p>
          <button
            type="button"
            onClick={() => void save({ participantIds: [...session.participantIds, namesake.id] })}
          >
            {t('sessions.codeClashAdd', { code: namesake.code })}
          </button>
        </div>
      )}
      <section className="card">
        <div className="editor-grid">
          <TextField
            label={t('sessions.code')}
            value={session.code}
            required
            onCommit={(code) => save({ code })}
          />
          <TextField
            label={t('sessions.titleField')}
            value={session.title}
            onCommit={(title) => save({ title })}
          />
          <DateField
            label={t('sessions.date')}
            value={session.date}
            onCommit={(date) => save({ date })}
          />
          <TimeField
            label={t('sessions.time')}
            value={session.time}
            onCommit={(time) => save({ time })}
          />
          <SelectField
            label={t('sessions.mode')}
            value={session.mode}
            options={SESSION_MODES.map((mode) => ({
              value: mode,
              label: t(`mode.${mode}` as MessageKey),
            }))}
            onCommit={(mode) => save({ mode })}
          />
          <TextField
            label={t('sessions.place')}
            value={session.place}
            onCommit={(place) => save({ place })}
          />
          <TextField
            label={t(isInterview ? 'sessions.interviewer' : 'sessions.facilitator')}
            value={session.interviewer}
            onCommit={(interviewer) => save({ interviewer })}
          />
          <SelectField
            label={t('sessions.status')}
            value={session.status}
            options={SESSION_STATUSES.map((status) => ({
              value: status,
              label: t(`status.${status}` as MessageKey),
            }))}
            onCommit={(status) => save({ status })}
          />
        </div>
        <ParticipantsPicker
          participantIds={session.participantIds}
          groupCode={session.kind === 'focusGroup' ? session.code : undefined}
          interviewCode={session.kind === 'interview' ? session.code : undefined}
          hint={
            session.kind === 'focusGroup' &&
            session.participantIds.length < 2 && (
              <p className="hint">{t('sessions.focusGroupMinimum')}</p>
            )
          }
          onCommit={(participantIds) => save({ participantIds })}
          onAddNew={() => void addParticipant({ sessionId: session.id })}
        />
        <TextField
          label={t('sessions.memo')}
          value={session.memo}
          multiline
          onCommit={(memo) => save({ memo })}
        />
      </section>
      <GuideEditor guide={session.guide} onCommit={(guide) => save({ guide })} />
      <section className="card" aria-label={t('sessions.sources')}>
        <h2>{t('sessions.sources')}</h2>
        {linked.length === 0 ? (
          <p className="muted">{t('sessions.noSources')}</p>
        ) : (
          <SourceList sources={linked} onOpen={onOpenSource} />
        )}
      </section>
      {importing && (
        <ImportTranscriptDialog sessionId={session.id} onClose={() => setImporting(false)} />
      )}
      {confirmDelete && (
        <ConfirmDialog
          title={t('sessions.deleteTitle', { code: session.code })}
          confirmLabel={t('app.delete')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove(session).then(onBack)}
        >
          <p>{t('sessions.deleteExplain', { n: linked.length })}</p>
        </ConfirmDialog>
      )}
    </div>
  );
}
