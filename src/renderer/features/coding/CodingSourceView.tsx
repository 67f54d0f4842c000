import { useVirtualizer } from '@tanstack/react-virtual';
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Code } from '../../../shared/model/project';
import type { Coding, SpeakerTurn } from '../../../shared/model/source';
import { useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { formatClock } from '../sources/SourceView';
import { selectionIn } from './dom-offsets';
import { assignLanes, codingsByTurn, runsIn, trimSpan } from './highlight-runs';
import { coderDisplay } from '../../../shared/domain/team';
import { useCoderLayers, visibleCodings } from '../../stores/coder-layers-store';
import { CoderLayersBar } from '../team/CoderLayersBar';
import { EditTextDialog } from './EditTextDialog';

const LANE_WIDTH = 6;
const SELECTION_ID = '\u0000selection';

function wholeText(length: number): SpeakerTurn {
  return {
    id: 'all',
    start: 0,
    end: length,
    speaker: '',
    participantId: null,
    time: null,
    guideQuestionId: null,
    questionIds: [],
  };
}

/**
 * The source being coded: turns with coloured highlights and margin bars, one per coding, drawn
 * only for the turns on screen. Selecting text sets the selection the side panel codes;
 * clicking a highlight or a bar shows its codings.
 */
export function CodingSourceView() {
  const t = useT();
  const { sourceId, selection, reveal, select, inspect, openSource, revealed } = useCodingStore();
  const source = useSourcesStore((state) => (sourceId ? state.loaded[sourceId] : undefined));
  const load = useSourcesStore((state) => state.load);
  const project = useProjectStore((state) => state.snapshot?.project);
  const [editing, setEditing] = useState(false);
  const scroller = useRef<HTMLDivElement>(null);

  useEffect(() => {
    if (sourceId && !source) void load(sourceId);
  }, [sourceId, source, load]);

  const codes = useMemo(() => new Map(project?.codes.map((c) => [c.id, c])), [project?.codes]);
  const pseudonyms = useMemo(
    () => new Map(project?.participants.map((p) => [p.id, p.code])),
    [project?.participants],
  );
  const turns = useMemo(
    () => (source ? (source.turns.length ? source.turns : [wholeText(source.text.length)]) : []),
    [source],
  );
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

  // eslint-disable-next-line react-hooks/incompatible-library
  const virtualizer = useVirtualizer({
    count: turns.length,
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

  if (!project) return null;
  const flagged = source?.codings.filter((coding) => coding.textChanged).length ?? 0;

  const readSelection = () => {
    if (!scroller.current || !source) return;
    const span = selectionIn(scroller.current);
    if (span) select(trimSpan(source.text, span.start, span.end));
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
      </div>
      {source && flagged > 0 && (
        <p className="notice-warning" role="status">
          {t('coding.flaggedCount', { n: flagged })}
        </p>
      )}
      {source && <CoderLayersBar codings={source.codings} team={project.evaluators} />}
      {!sourceId && <p className="muted">{t('coding.noSource')}</p>}
      {source && (
        <div
          ref={scroller}
          className="turns-scroller coding-text"
          data-testid="coding-text"
          tabIndex={0}
          aria-label={t('coding.textLabel', { title: source.title })}
          onMouseUp={readSelection}
          onKeyUp={(event) => event.shiftKey && readSelection()}
        >
          <ol className="turns" style={{ height: virtualizer.getTotalSize() }}>
            {virtualizer.getVirtualItems().map((item) => {
              const turn = turns[item.index]!;
              const here = byTurn[item.index] ?? [];
              const marked: Coding[] =
                selection && selection.start < turn.end && selection.end > turn.start
                  ? [...here, selectionMark(selection)]
                  : here;
              const speaker =
                (turn.participantId && pseudonyms.get(turn.participantId)) || turn.speaker;
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
                  {(speaker || turn.time !== null) && (
                    <p className="turn-meta">
                      {speaker && (
                        <button
                          type="button"
                          className="turn-select"
                          title={t('coding.selectTurn', { speaker })}
                          aria-label={t('coding.selectTurn', { speaker })}
                          onClick={() => select(trimSpan(source.text, turn.start, turn.end))}
                        >
                          {speaker}
                        </button>
                      )}
                      {turn.time !== null && <time>{formatClock(turn.time)}</time>}
                    </p>
                  )}
                  <p className="turn-text" data-text-start={turn.start} data-text-end={turn.end}>
                    {runsIn(marked, turn.start, turn.end).map((run) => (
                      <RunSpan
                        key={run.start}
                        run={run}
                        text={source.text.slice(run.start, run.end)}
                        codes={codes}
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

function selectionMark(span: { start: number; end: number }): Coding {
  return {
    id: SELECTION_ID,
    codeId: SELECTION_ID,
    ...span,
    text: '',
    coderId: SELECTION_ID,
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '',
  };
}

function RunSpan({
  run,
  text,
  codes,
  onInspect,
}: {
  run: { start: number; end: number; codings: Coding[] };
  text: string;
  codes: Map<string, Code>;
  onInspect(): void;
}) {
  const selected = run.codings.some((coding) => coding.id === SELECTION_ID);
  const coded = run.codings.filter((coding) => coding.id !== SELECTION_ID);
  if (!selected && coded.length === 0) {
    return (
      <span data-start={run.start} data-end={run.end}>
        {text}
      </span>
    );
  }
  const colour = coded[0] ? codes.get(coded[0].codeId)?.colour : undefined;
  const classes = ['hl', selected && 'hl-selected', coded.length > 1 && 'hl-multi'];
  return (
    <span
      data-start={run.start}
      data-end={run.end}
      className={classes.filter(Boolean).join(' ')}
      style={colour ? { backgroundColor: `${colour}40`, borderBottomColor: colour } : undefined}
      title={coded.map((coding) => codes.get(coding.codeId)?.name).join(' · ')}
      onClick={() => {
        if (coded.length && window.getSelection()?.isCollapsed) onInspect();
      }}
    >
      {text}
    </span>
  );
}
