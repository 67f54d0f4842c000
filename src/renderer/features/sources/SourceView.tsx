import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { formatNumber } from '../../../shared/i18n';
import type { SpeakerTurn } from '../../../shared/model/source';
import { ConfirmDialog } from '../../components/ConfirmDialog';
import { TextField } from '../../components/fields';
import { RevealNamesToggle, useTurnLabels } from '../../components/RevealNames';
import { useLanguage, useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';

/** "01:02:03" from seconds. */
export function formatClock(seconds: number): string {
  const h = Math.floor(seconds / 3600);
  const m = Math.floor((seconds % 3600) / 60);
  const s = Math.floor(seconds % 60);
  return [h, m, s].map((n) => String(n).padStart(2, '0')).join(':');
}

const WHOLE_TEXT: SpeakerTurn = {
  id: 'all',
  start: 0,
  end: 0,
  speaker: '',
  participantId: null,
  time: null,
  guideQuestionId: null,
  questionIds: [],
};

/**
 * A transcript or notes source, turn by turn: speaker by pseudonym, time, guide question and DV
 * marks for notes. Only the turns on screen are rendered, so a 3-hour focus group (300,000
 * characters and more) scrolls without freezing.
 */
export function SourceView({ sourceId, onBack }: { sourceId: string; onBack(): void }) {
  const t = useT();
  const language = useLanguage();
  const { load, rename, remove } = useSourcesStore();
  const source = useSourcesStore((state) => state.loaded[sourceId]);
  const project = useProjectStore((state) => state.snapshot?.project);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    void load(sourceId).then((found) => found ?? onBack());
  }, [sourceId, load, onBack]);

  const labels = useMemo(() => {
    const questions = new Map(project?.questions.map((q) => [q.id, q.code]));
    const guide = new Map(
      project?.sessions.flatMap((s) => s.guide.map((g) => [g.id, g.text] as const)),
    );
    return { questions, guide };
  }, [project]);
  const turns = useMemo(
    () =>
      source
        ? source.turns.length
          ? source.turns
          : [{ ...WHOLE_TEXT, end: source.text.length }]
        : [],
    [source],
  );

  const labelOf = useTurnLabels(turns);

  // TanStack Virtual manages its own measurements; the React Compiler cannot memoise around it.
  // Sizes kept by row, as React keeps the rows (by position they go stale when rows move).
  const itemKey = useCallback((index: number) => turns[index]!.id, [turns]);
  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: turns.length,
    getItemKey: itemKey,
    getScrollElement: () => scroller.current,
    estimateSize: () => 96,
    overscan: 6,
  });

  if (!source) return <p className="muted">{t('app.loading')}</p>;
  return (
    <article className="source-view" aria-label={source.title}>
      <button type="button" className="link-button" onClick={onBack}>
        ← {t('sources.back')}
      </button>
      <div className="screen-header">
        <TextField
          label={t('sources.title')}
          value={source.title}
          required
          onCommit={(title) => rename(sourceId, title)}
        />
        <button type="button" onClick={() => setConfirmDelete(true)}>
          {t('sources.delete')}
        </button>
      </div>
      <RevealNamesToggle />
      <p className="muted">
        {t(source.kind === 'notes' ? 'sources.kindNotes' : 'sources.kindTranscript')} ·{' '}
        {t('interviews.turns', { n: source.turns.length })} ·{' '}
        {t('interviews.characters', { n: source.text.length })}
        {source.turns.length > 0 &&
          ` · ${formatNumber(source.turns.filter((turn) => turn.participantId).length, language)} ${t('sources.attributedTurns')}`}
      </p>
      {source.fictional && <p className="notice-fictional">{t('interviews.fictionalNote')}</p>}
      <div
        ref={scroller}
        className="turns-scroller"
        data-testid="turns-scroller"
        tabIndex={0}
        aria-label={t('sources.turnsLabel')}
      >
        <ol className="turns" style={{ height: virtualizer.getTotalSize() }}>
          {virtualizer.getVirtualItems().map((item) => {
            const turn = turns[item.index]!;
            const speaker = labelOf(turn);
            return (
              <li
                key={turn.id}
                data-index={item.index}
                ref={virtualizer.measureElement}
                className="turn"
                style={{ transform: `translateY(${item.start}px)` }}
              >
                <p className="turn-meta">
                  {speaker && <strong title={speaker.hint}>{speaker.text}</strong>}
                  {turn.time !== null && <time>{formatClock(turn.time)}</time>}
                  {turn.guideQuestionId && (
                    <span className="muted">{labels.guide.get(turn.guideQuestionId)}</span>
                  )}
                  {turn.questionIds.map((id) => (
                    <span key={id} className="badge">
                      {labels.questions.get(id)}
                    </span>
                  ))}
                </p>
                <p className="turn-text">{source.text.slice(turn.start, turn.end)}</p>
              </li>
            );
          })}
        </ol>
      </div>
      {confirmDelete && (
        <ConfirmDialog
          title={t('sources.deleteTitle', { title: source.title })}
          confirmLabel={t('app.delete')}
          danger
          onCancel={() => setConfirmDelete(false)}
          onConfirm={() => void remove(sourceId).then((ok) => ok && onBack())}
        >
          <p>{t('sources.deleteExplain')}</p>
        </ConfirmDialog>
      )}
    </article>
  );
}
