import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import type { NoteEntry } from '../../../shared/domain/live-notes';
import type { EvaluationQuestion, FieldSession } from '../../../shared/model/project';
import { SaveIndicator } from '../../app/SaveIndicator';
import { Chip } from '../../components/fields';
import { useDraft } from '../../components/use-draft';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useSessionsStore } from '../../stores/sessions-store';
import { formatClock } from '../sources/SourceView';
import { FREE_NOTES, useLiveNotes } from './use-live-notes';

/** The running clock since note-taking started. */
function Clock({ startedAt }: { startedAt: string | null }) {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const seconds = startedAt ? Math.max(0, Math.floor((now - Date.parse(startedAt)) / 1000)) : 0;
  return (
    <time className="clock" aria-live="off">
      {formatClock(seconds)}
    </time>
  );
}

/** A saved note: time, editable text, DV marks. */
function SavedNote(props: {
  entry: NoteEntry;
  questions: EvaluationQuestion[];
  onEdit(text: string): void;
  onMark(id: string): void;
  onDelete(): void;
}) {
  const t = useT();
  // An emptied note is not deleted while it is retyped (Delete is there for that).
  const { draft, change, commit } = useDraft({
    value: props.entry.text,
    onCommit: props.onEdit,
    accept: (text) => text.trim() !== '',
  });
  return (
    <li className="note">
      <time>{props.entry.time === null ? '' : formatClock(props.entry.time)}</time>
      <textarea
        aria-label={t('notes.savedNote')}
        rows={Math.min(6, 1 + Math.floor(draft.length / 90))}
        value={draft}
        onChange={(e) => change(e.target.value)}
        onBlur={commit}
        onKeyDown={(e) => {
          const question = e.altKey && /^[1-9]$/.test(e.key) && props.questions[Number(e.key) - 1];
          if (question) {
            e.preventDefault();
            props.onMark(question.id);
          }
        }}
      />
      <div className="chips">
        {props.questions.map((q) => (
          <Chip
            key={q.id}
            pressed={props.entry.questionIds.includes(q.id)}
            title={q.text}
            onToggle={() => props.onMark(q.id)}
          >
            {q.code}
          </Chip>
        ))}
        <button
          type="button"
          className="link-button"
          aria-label={
            props.entry.time === null
              ? t('notes.deleteNote')
              : t('notes.deleteNoteAt', { time: formatClock(props.entry.time) })
          }
          onClick={props.onDelete}
        >
          {t('app.delete')}
        </button>
      </div>
    </li>
  );
}

/**
 * Live note-taking during an interview, on a laptop with no network: the guide and a notes box
 * per guide question, each note timed from the start, quick keys to mark a note with a DV, and
 * an autosave within a few seconds. The notes become a source that can be coded.
 */
export function LiveNotes({ session }: { session: FieldSession }) {
  const t = useT();
  const questions = useProjectStore((state) => state.snapshot?.project.questions ?? []);
  const close = useSessionsStore((state) => state.openLiveNotes);
  const notes = useLiveNotes(session);
  const composers = useRef<Array<HTMLTextAreaElement | null>>([]);
  const sections = [
    ...session.guide.map((g) => ({ key: g.id, text: g.text, questionIds: g.questionIds })),
    { key: FREE_NOTES, text: t('notes.free'), questionIds: [] as string[] },
  ];

  useEffect(() => {
    const flush = () => void notes.flush();
    const onHide = () => document.visibilityState === 'hidden' && flush();
    window.addEventListener('pagehide', flush);
    document.addEventListener('visibilitychange', onHide);
    return () => {
      window.removeEventListener('pagehide', flush);
      document.removeEventListener('visibilitychange', onHide);
    };
  }, [notes]);

  // The interviewer types at once: the first note field has the focus when the notes are shown
  // and once the clock starts (the button that had it is gone then).
  const loaded = notes.entries !== null;
  useEffect(() => {
    if (loaded && !document.activeElement?.closest('.live-notes-body'))
      composers.current[0]?.focus();
  }, [loaded]);
  const start = () => {
    notes.start();
    composers.current[0]?.focus();
  };

  const onComposerKey = (event: KeyboardEvent<HTMLTextAreaElement>, key: string, index: number) => {
    if (event.key === 'Enter' && !event.shiftKey) {
      event.preventDefault();
      notes.commit(key);
    } else if (event.altKey && /^[1-9]$/.test(event.key)) {
      const question = questions[Number(event.key) - 1];
      if (question) {
        event.preventDefault();
        notes.markDraft(key, question.id);
      }
    } else if (event.ctrlKey && (event.key === 'ArrowDown' || event.key === 'ArrowUp')) {
      event.preventDefault();
      composers.current[index + (event.key === 'ArrowDown' ? 1 : -1)]?.focus();
    }
  };

  return (
    <div
      className="live-notes"
      role="dialog"
      aria-modal="true"
      aria-label={t('notes.title', { code: session.code })}
    >
      <header className="live-notes-header">
        <div>
          <h1>{t('notes.title', { code: session.code })}</h1>
          {session.title && <p className="muted">{session.title}</p>}
        </div>
        <div className="live-notes-controls">
          {notes.startedAt ? (
            <Clock startedAt={notes.startedAt} />
          ) : (
            <button type="button" className="primary" onClick={start}>
              {t('notes.start')}
            </button>
          )}
          <SaveIndicator />
          <button type="button" onClick={() => void notes.flush().then(() => close(null))}>
            {t('notes.close')}
          </button>
        </div>
      </header>
      {notes.restored && (
        <p className="notice-warning" role="status">
          {t('notes.restoredUnsaved')}
        </p>
      )}
      <p className="hint live-notes-keys">
        {t('notes.keys')}{' '}
        {questions
          .slice(0, 9)
          .map((q, i) => `Alt+${i + 1} ${q.code}`)
          .join(' · ')}
      </p>
      {notes.entries === null ? (
        <p className="muted">{t('app.loading')}</p>
      ) : (
        <div className="live-notes-body">
          {sections.map((section, index) => {
            const draft = notes.drafts[section.key];
            return (
              <section key={section.key} className="live-notes-section" aria-label={section.text}>
                <h2>
                  {section.key !== FREE_NOTES && <span className="guide-number">{index + 1}.</span>}{' '}
                  {section.text}
                  {section.questionIds.map((id) => (
                    <span key={id} className="badge">
                      {questions.find((q) => q.id === id)?.code}
                    </span>
                  ))}
                </h2>
                <ol className="notes">
                  {notes
                    .entries!.filter((e) => (e.guideQuestionId ?? FREE_NOTES) === section.key)
                    .map((entry) => (
                      <SavedNote
                        key={entry.id}
                        entry={entry}
                        questions={questions}
                        onEdit={(text) => notes.editEntry(entry.id, text)}
                        onMark={(id) => notes.markEntry(entry.id, id)}
                        onDelete={() => notes.deleteEntry(entry.id)}
                      />
                    ))}
                </ol>
                <textarea
                  ref={(element) => {
                    composers.current[index] = element;
                  }}
                  className="composer"
                  aria-label={t('notes.composer', {
                    n: section.key === FREE_NOTES ? t('notes.free') : String(index + 1),
                  })}
                  placeholder={t('notes.placeholder')}
                  rows={2}
                  value={draft?.text ?? ''}
                  onChange={(e) => notes.type(section.key, e.target.value)}
                  onKeyDown={(e) => onComposerKey(e, section.key, index)}
                />
                {draft && draft.questionIds.length > 0 && (
                  <p className="hint">
                    {t('notes.marked')}{' '}
                    {draft.questionIds.map((id) => (
                      <span key={id} className="badge">
                        {questions.find((q) => q.id === id)?.code}
                      </span>
                    ))}
                  </p>
                )}
              </section>
            );
          })}
        </div>
      )}
    </div>
  );
}
