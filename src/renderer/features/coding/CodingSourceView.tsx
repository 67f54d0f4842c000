import { useVirtualizer } from '@tanstack/react-virtual';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { pendingNoteMarks } from '../../../shared/domain/note-marks';
import type { Coding } from '../../../shared/model/source';
import { useTurnLabels } from '../../components/RevealNames';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { formatClock } from '../sources/SourceView';
import { caretIn, selectionIn, showSelection } from './dom-offsets';
import { assignLanes, codingsByTurn, runsIn, trimSpan } from './highlight-runs';
import { caretMark, markOf, RunSpan, SELECTION_ID, wholeText } from './coded-runs';
import { coderDisplay } from '../../../shared/domain/team';
import { useCoderLayers, visibleCodings } from '../../stores/coder-layers-store';
import { CoderLayersBar } from '../team/CoderLayersBar';
import { EditTextDialog, hasCorrectionDraft } from './EditTextDialog';
import { useTextCaret } from './use-text-caret';
import { selectionOnScreen } from './selection-visibility';

const LANE_WIDTH = 6;

/**
 * The source being coded: turns with coloured highlights and margin bars, one per coding, drawn
 * only for the turns on screen. Selecting text sets the selection the side panel codes;
 * clicking a highlight or a bar shows its codings.
 */
export function CodingSourceView() {
  const t = useT();
  const language = useLanguage();
  const { sourceId, selection, reveal, select, inspect, openSource, revealed, clearSelection } =
    useCodingStore();
  const codeNoteMarks = useCodingStore((state) => state.codeNoteMarks);
  const source = useSourcesStore((state) => (sourceId ? state.loaded[sourceId] : undefined));
  const load = useSourcesStore((state) => state.load);
  const project = useProjectStore((state) => state.snapshot?.project);
  const [editing, setEditing] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sourceId && !source) void load(sourceId);
  }, [sourceId, source, load]);
  // A correction this window was writing before a reload opens again, with what was typed.
  const loadedId = source?.id;
  useEffect(() => {
    if (loadedId && hasCorrectionDraft(loadedId)) setEditing(true);
  }, [loadedId]);

  const codes = useMemo(() => new Map(project?.codes.map((c) => [c.id, c])), [project?.codes]);
  /** DV marks of notes in the order of the DVs: "DV1 DV2" however they were marked. */
  const marksOf = useMemo(() => {
    const order = new Map(project?.questions.map((q, index) => [q.id, { index, code: q.code }]));
    return (ids: readonly string[]) =>
      ids
        .flatMap((id) => order.get(id) ?? [])
        .sort((a, b) => a.index - b.index)
        .map((q) => q.code);
  }, [project?.questions]);
  const pendingMarks = useMemo(
    () => (source && project ? pendingNoteMarks(source, project.codes).length : 0),
    [source, project],
  );
  const turns = useMemo(
    () => (source ? (source.turns.length ? source.turns : [wholeText(source.text.length)]) : []),
    [source],
  );
  const labelOf = useTurnLabels(turns);
  const hiddenCoders = useCoderLayers((state) => state.hidden);
  const shown = useMemo(
    () => visibleCodings(source?.codings ?? [], hiddenCoders),
    [source?.codings, hiddenCoders],
  );
  const manyCoders = useMemo(
    () => new Set(source?.codings.map((coding) => coding.coderId)).size > 1,
    [source?.codings],
  );
  const byTurn = useMemo(() => (source ? codingsByTurn(turns, shown) : []), [turns, source, shown]);
  const lanes = useMemo(() => assignLanes(shown), [shown]);
  const laneCount = Math.max(1, ...[...lanes.values()].map((lane) => lane + 1));

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

  useEffect(() => {
    if (reveal === null || !source) return;
    const index = turns.findIndex((turn) => turn.end > reveal);
    if (index >= 0) virtualizer.scrollToIndex(index, { align: 'center' });
    revealed();
  }, [reveal, source, turns, virtualizer, revealed]);

  const keyboard = useTextCaret({
    sourceId: source?.id ?? null,
    text: source?.text ?? '',
    turns,
    language,
    scroller,
    virtualizer,
  });

  // A selection scrolled out of sight ends: a quick key must not code what cannot be seen.
  const checkSelectionInView = () => {
    if (!useCodingStore.getState().selection) return;
    requestAnimationFrame(() => {
      if (useCodingStore.getState().selection && !selectionOnScreen()) clearSelection();
    });
  };

  if (!project) return null;
  const flaggedCodings = (source?.codings ?? [])
    .filter((coding) => coding.textChanged)
    .sort((a, b) => a.start - b.start);
  const flagged = flaggedCodings.length;
  /** Brings the next coding to check into view, with its details (after the one shown). */
  const showNextFlagged = () => {
    if (!source) return;
    const after = useCodingStore.getState().inspectedAt ?? -1;
    const next = flaggedCodings.find((coding) => coding.start > after) ?? flaggedCodings[0];
    if (next) openSource(source.id, next.start);
  };

  const readSelection = () => {
    if (!scroller.current || !source) return;
    const span = selectionIn(scroller.current);
    const trimmed = span && trimSpan(source.text, span.start, span.end);
    if (span) select(trimmed);
    if (trimmed) keyboard.followSelection(trimmed);
    if (span && trimmed && (trimmed.start !== span.start || trimmed.end !== span.end)) {
      // After the text is drawn again with the selection's own runs.
      const container = scroller.current;
      requestAnimationFrame(() => showSelection(container, trimmed));
    }
    const clicked = span ? null : caretIn(scroller.current);
    if (clicked !== null) keyboard.followClick(clicked);
  };

  return (
    <section className="coding-source" aria-label={t('coding.sourcePanel')}>
      <div className="coding-source-bar">
        <label htmlFor="coding-source">{t('coding.source')}</label>
        <select
          id="coding-source"
          value={sourceId ?? ''}
          onChange={(event) => openSource(event.target.value || null)}
        >
          <option value="">{t('coding.chooseSource')}</option>
          {project.sources.map((summary) => (
            <option key={summary.id} value={summary.id}>
              {summary.title}
            </option>
          ))}
        </select>
        {source && (
          <button type="button" onClick={() => setEditing(true)}>
            {t('coding.editText')}
          </button>
        )}
        {source && pendingMarks > 0 && (
          <button
            type="button"
            title={t('notes.codeMarksHint')}
            onClick={() => void codeNoteMarks([source.id])}
          >
            {t('notes.codeMarks', { n: pendingMarks })}
          </button>
        )}
      </div>
      {source && flagged > 0 && (
        <p className="notice-warning" role="status">
          {t('coding.flaggedCount', { n: flagged })}{' '}
          <button type="button" className="link-button" onClick={showNextFlagged}>
            {t('coding.showFlagged')}
          </button>
        </p>
      )}
      {source && <CoderLayersBar codings={source.codings} team={project.evaluators} />}
      {!sourceId && <p className="muted">{t('coding.noSource')}</p>}
      {source && (
        <p id="coding-keys-hint" className="hint coding-keys-hint">
          {t('coding.keysHint')}
        </p>
      )}
      <p className="visually-hidden" aria-live="polite">
        {source && selection
          ? t('coding.selectedAnnounce', {
              text: source.text.slice(
                selection.start,
                Math.min(selection.end, selection.start + 200),
              ),
            })
          : ''}
      </p>
      {source && (
        <div
          ref={scroller}
          className="turns-scroller coding-text"
          data-testid="coding-text"
          tabIndex={0}
          aria-label={t('coding.textLabel', { title: source.title })}
          aria-describedby="coding-keys-hint"
          onMouseUp={readSelection}
          onScroll={checkSelectionInView}
          onKeyDown={keyboard.onKeyDown}
          onFocus={keyboard.onFocus}
          onBlur={keyboard.onBlur}
        >
          <ol className="turns" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const turn = turns[item.index]!;
              const here = byTurn[item.index] ?? [];
              const caret = caretMark(source.text, turn, keyboard.caret);
              const marked: Coding[] = [
                ...here,
                ...(selection && selection.start < turn.end && selection.end > turn.start
                  ? [markOf(SELECTION_ID, selection)]
                  : []),
                ...(caret ? [caret.mark] : []),
              ];
              const speaker = labelOf(turn);
              return (
                <li
                  key={turn.id}
                  data-index={item.index}
                  data-turn-start={turn.start}
                  ref={virtualizer.measureElement}
                  className="turn coded-turn"
                  style={{
                    transform: `translateY(${item.start}px)`,
                    paddingLeft: laneCount * LANE_WIDTH + 10,
                  }}
                >
                  <span className="margin-bars" aria-hidden="true">
                    {here.map((coding) => (
                      <span
                        key={coding.id}
                        className="margin-bar"
                        title={
                          manyCoders
                            ? `${codes.get(coding.codeId)?.name} – ${coderDisplay(project.evaluators, coding.coderId).initials}`
                            : codes.get(coding.codeId)?.name
                        }
                        style={{
                          left: (lanes.get(coding.id) ?? 0) * LANE_WIDTH,
                          // Several coders: each coder's bars in their own colour (issue 18).
                          background: manyCoders
                            ? coderDisplay(project.evaluators, coding.coderId).colour
                            : codes.get(coding.codeId)?.colour,
                        }}
                        onClick={() => inspect(coding.start)}
                      />
                    ))}
                  </span>
                  {(speaker || turn.time !== null || turn.questionIds.length > 0) && (
                    <p className="turn-meta">
                      {speaker && (
                        <button
                          type="button"
                          className="turn-select"
                          // For the mouse: the keyboard selects a turn with the caret (Home,
                          // Shift+End), and a hundred turns would be a hundred Tab stops.
                          tabIndex={-1}
                          title={speaker.hint ?? t('coding.selectTurn', { speaker: speaker.text })}
                          aria-label={t('coding.selectTurn', { speaker: speaker.text })}
                          onClick={() => select(trimSpan(source.text, turn.start, turn.end))}
                        >
                          {speaker.text}
                        </button>
                      )}
                      {turn.time !== null && <time>{formatClock(turn.time)}</time>}
                      {marksOf(turn.questionIds).map((code) => (
                        <span key={code} className="badge" title={t('notes.markedWith')}>
                          {code}
                        </span>
                      ))}
                    </p>
                  )}
                  <p className="turn-text" data-text-start={turn.start} data-text-end={turn.end}>
                    {runsIn(marked, turn.start, turn.end).map((run) => (
                      <RunSpan
                        key={run.start}
                        run={run}
                        text={source.text.slice(run.start, run.end)}
                        codes={codes}
                        caretAfter={caret?.after ?? false}
                        onInspect={() => inspect(run.start)}
                      />
                    ))}
                  </p>
                </li>
              );
            })}
          </ol>
        </div>
      )}
      {editing && source && <EditTextDialog source={source} onClose={() => setEditing(false)} />}
    </section>
  );
}
