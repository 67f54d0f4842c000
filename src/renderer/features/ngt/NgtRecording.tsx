import { hasVotes } from '../../../shared/domain/ngt';
import { useState, type KeyboardEvent } from 'react';
import type { NgtSession } from '../../../shared/model/ngt';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useNgtStore } from '../../stores/ngt-store';
import { recallFromTab, rememberInTab } from '../../stores/tab-memory';
import { formatMinutes, usePseudonyms, useTimeLeft } from './use-ngt';

/** Silent generation (the timer) and the round robin: one idea per turn, or a pass. */
export function NgtRecording({ ngt }: { ngt: NgtSession }) {
  const t = useT();
  const { update, addIdea, pass, undoTurn } = useNgtStore();
  const recorded = useNgtStore((state) => state.turns[ngt.id]?.length ?? 0);
  // An idea typed and not yet recorded is kept by the window across a reload.
  const draftKey = `ngt-idea:${ngt.id}`;
  const [text, setTyped] = useState(() => recallFromTab(draftKey) ?? '');
  const setText = (value: string) => {
    rememberInTab(draftKey, value);
    setTyped(value);
  };
  const left = useTimeLeft(ngt);
  const pseudonyms = usePseudonyms();
  const seats = ngt.participantIds.length;
  const whose = seats ? pseudonyms.get(ngt.participantIds[ngt.turn] ?? '') : null;
  const everyonePassed = seats > 0 && ngt.passesInARow >= seats;
  // Ideas are voted on once ballots exist: the list is closed (the core refuses more).
  const voted = hasVotes(ngt);

  if (ngt.step === 'generation') {
    return (
      <section className="panel ngt-generation" aria-label={t('ngt.steps.generation')}>
        <p className="ngt-question">{ngt.question}</p>
        <p className="ngt-timer" role="timer" aria-live="off">
          {formatMinutes(left ?? ngt.generationMinutes * 60)}
        </p>
        <div className="button-row">
          <button
            type="button"
            className="primary"
            onClick={() => void update(ngt.id, { timerStartedAt: new Date().toISOString() })}
          >
            {ngt.timerStartedAt ? t('ngt.timerRestart') : t('ngt.timerStart')}
          </button>
          {ngt.timerStartedAt && (
            <button type="button" onClick={() => void update(ngt.id, { timerStartedAt: null })}>
              {t('ngt.timerStop')}
            </button>
          )}
          <button type="button" onClick={() => void update(ngt.id, { step: 'round-robin' })}>
            {t('ngt.toRoundRobin')}
          </button>
        </div>
      </section>
    );
  }

  /** Ctrl+Z or the button: the last turn recorded here goes back, idea or pass. */
  const undo = async () => {
    const outcome = await undoTurn(ngt.id);
    const notify = useAppStore.getState().notify;
    if (outcome === 'nothing') notify('info', { key: 'ngt.undoTurn.nothing' });
    else if (outcome === 'changed') notify('error', { key: 'ngt.undoTurn.changed' });
    else if (outcome === 'undone') notify('info', { key: 'ngt.undoTurn.done' });
  };
  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (!(event.ctrlKey || event.metaKey) || event.shiftKey || event.key.toLowerCase() !== 'z') {
      return;
    }
    // In the idea's field with text in it, Ctrl+Z undoes the typing, as everywhere.
    const typing = event.target instanceof HTMLInputElement && event.target.value !== '';
    if (typing) return;
    event.preventDefault();
    void undo();
  };

  return (
    <section className="panel" aria-label={t('ngt.steps.round-robin')} onKeyDown={onKeyDown}>
      {voted ? (
        <p className="notice-warning">{t('ngt.ideasClosed')}</p>
      ) : seats === 0 ? (
        <p className="notice-warning">{t('ngt.noParticipants')}</p>
      ) : (
        <p className="ngt-turn" role="status">
          {everyonePassed ? t('ngt.everyonePassed') : t('ngt.turnOf', { code: whose ?? '' })}
        </p>
      )}
      {!voted && (
        <form
          className="field-row"
          onSubmit={(event) => {
            event.preventDefault();
            if (text.trim()) void addIdea(ngt.id, text.trim()).then((ok) => ok && setText(''));
          }}
        >
          <div className="field grow">
            <label htmlFor="ngt-idea">{t('ngt.idea')}</label>
            <input id="ngt-idea" value={text} autoFocus onChange={(e) => setText(e.target.value)} />
          </div>
          <button type="submit" className="primary" disabled={!text.trim()}>
            {t('ngt.record')}
          </button>
          <button type="button" disabled={seats === 0} onClick={() => void pass(ngt.id)}>
            {t('ngt.pass')}
          </button>
          <button
            type="button"
            disabled={recorded === 0}
            aria-keyshortcuts="Control+Z"
            onClick={() => void undo()}
          >
            {t('ngt.undoTurn.button')}
          </button>
        </form>
      )}
      <ol className="ngt-ideas" aria-label={t('ngt.ideas')}>
        {ngt.ideas.map((idea) => (
          <li key={idea.id} className={idea.mergedInto ? 'merged' : undefined}>
            <strong>{idea.code}</strong> {idea.text}
            <span className="muted"> · {pseudonyms.get(idea.authorId ?? '') ?? ''}</span>
          </li>
        ))}
      </ol>
    </section>
  );
}
