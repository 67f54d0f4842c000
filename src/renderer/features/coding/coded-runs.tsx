import type { Code } from '../../../shared/model/project';
import type { Coding, SpeakerTurn } from '../../../shared/model/source';

/** Marks that are not codings: the selection and the keyboard caret, drawn as runs too. */
export const SELECTION_ID = '\u0000selection';
export const CARET_ID = '\u0000caret';

/** The whole text as one turn, for a source without speaker turns. */
export function wholeText(length: number): SpeakerTurn {
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

/** A mark over [start, end) drawn like a coding (its id says what it is). */
export function markOf(id: string, span: { start: number; end: number }): Coding {
  return {
    id,
    codeId: id,
    ...span,
    text: '',
    coderId: id,
    memo: '',
    key: false,
    textChanged: false,
    createdAt: '',
  };
}

/**
 * The keyboard caret as a mark on one character of the turn: the one at the caret (a bar on its
 * left), or, at the end of the turn, the one before it (a bar on its right).
 */
export function caretMark(
  text: string,
  turn: { start: number; end: number },
  caret: number | null,
): { mark: Coding; after: boolean } | null {
  if (caret === null || caret < turn.start || caret > turn.end || turn.end === turn.start)
    return null;
  if (caret < turn.end) {
    const width = (text.codePointAt(caret) ?? 0) > 0xffff ? 2 : 1;
    return { mark: markOf(CARET_ID, { start: caret, end: caret + width }), after: false };
  }
  const width = caret >= 2 && /[\uDC00-\uDFFF]/.test(text[caret - 1]!) ? 2 : 1;
  return { mark: markOf(CARET_ID, { start: caret - width, end: caret }), after: true };
}

/** One run of text under the same codings (and maybe the selection or the caret). */
export function RunSpan({
  run,
  text,
  codes,
  caretAfter,
  onInspect,
}: {
  run: { start: number; end: number; codings: Coding[] };
  text: string;
  codes: Map<string, Code>;
  caretAfter: boolean;
  onInspect(): void;
}) {
  const selected = run.codings.some((coding) => coding.id === SELECTION_ID);
  const caret = run.codings.some((coding) => coding.id === CARET_ID);
  const coded = run.codings.filter(
    (coding) => coding.id !== SELECTION_ID && coding.id !== CARET_ID,
  );
  const caretClass = caret && (caretAfter ? 'kbd-caret kbd-caret-after' : 'kbd-caret');
  if (!selected && coded.length === 0) {
    return (
      <span data-start={run.start} data-end={run.end} className={caretClass || undefined}>
        {text}
      </span>
    );
  }
  const colour = coded[0] ? codes.get(coded[0].codeId)?.colour : undefined;
  const classes = ['hl', selected && 'hl-selected', coded.length > 1 && 'hl-multi', caretClass];
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
