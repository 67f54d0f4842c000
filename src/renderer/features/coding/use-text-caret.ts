import type { Virtualizer } from '@tanstack/react-virtual';
import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import {
  moveCaret,
  turnBounds,
  turnIndexAt,
  type TextUnit,
  type TurnSpan,
} from '../../../shared/domain/text-units';
import type { Language } from '../../../shared/model/project';
import { useCodingStore, type Span } from '../../stores/coding-store';
import { trimSpan } from './highlight-runs';

const MOVES: Record<string, { unit: TextUnit; direction: 1 | -1 }> = {
  ArrowRight: { unit: 'word', direction: 1 },
  ArrowLeft: { unit: 'word', direction: -1 },
  ArrowDown: { unit: 'sentence', direction: 1 },
  ArrowUp: { unit: 'sentence', direction: -1 },
};

/**
 * A caret the keyboard moves through the text being coded, and the selection Shift makes with
 * it: ←/→ by word, ↑/↓ by sentence, Ctrl+↑/↓ by speaker turn, Home/End to the turn's edges;
 * with Shift the selection grows from where it started. Esc ends the selection; Enter, while a
 * coding's boundaries are being set, makes the selection its new extent. A mouse selection moves
 * the caret to its end, and a click to where it was clicked, so the keyboard goes on from there.
 */
export function useTextCaret(options: {
  sourceId: string | null;
  text: string;
  turns: readonly TurnSpan[];
  language: Language;
  scroller: RefObject<HTMLDivElement | null>;
  virtualizer: Virtualizer<HTMLDivElement, Element>;
}) {
  const { sourceId, text, turns, language, scroller, virtualizer } = options;
  const [state, setState] = useState<{ sourceId: string | null; at: number } | null>(null);
  const [focused, setFocused] = useState(false);
  const anchor = useRef<number | null>(null);
  const caret = state && state.sourceId === sourceId ? Math.min(state.at, text.length) : null;

  /** Where the caret starts: at the first turn on screen. */
  const firstVisible = (): number => {
    const top = scroller.current?.scrollTop ?? 0;
    const item = virtualizer.getVirtualItems().find((i) => i.end > top);
    const turn = turns[item?.index ?? 0];
    return turn ? turnBounds(text, turns, turn.start).start : 0;
  };

  const place = (at: number) => setState({ sourceId, at });

  /** The selection's new span from the anchor to `to` (null when only blanks lie between). */
  const spanTo = (from: number, to: number): Span | null =>
    from === to ? null : trimSpan(text, Math.min(from, to), Math.max(from, to));

  const onKeyDown = (event: KeyboardEvent<HTMLElement>) => {
    if (event.altKey || event.metaKey || turns.length === 0) return;
    const store = useCodingStore.getState();
    if (event.key === 'Escape') {
      if (store.selection || store.adjusting) event.preventDefault();
      store.clearSelection();
      anchor.current = caret;
      return;
    }
    if (event.key === 'Enter' && store.adjusting && store.selection) {
      event.preventDefault();
      store.select(store.selection);
      return;
    }
    // Enter on a selection goes to the code picker: codes without a quick key (10th and on)
    // are then a name and Enter away, without hunting for the field with Tab.
    // Not when Enter activates a control inside the text (a turn's "select this turn" label).
    const onControl = event.target !== event.currentTarget;
    if (event.key === 'Enter' && store.selection && !onControl) {
      const picker = document.querySelector<HTMLInputElement>('.code-picker input');
      if (picker) {
        event.preventDefault();
        picker.focus();
      }
      return;
    }
    const from = caret ?? firstVisible();
    let to: number;
    const move = MOVES[event.key];
    if (move) {
      const unit = event.ctrlKey && move.unit === 'sentence' ? 'turn' : move.unit;
      // A selection growing forwards stops at word ends, so it takes no comma or space after.
      const start = event.shiftKey ? (anchor.current ?? from) : from;
      const growing = from > start || (from === start && move.direction === 1);
      const edge = event.shiftKey && growing ? 'end' : 'start';
      to = moveCaret(text, turns, from, unit, move.direction, language, edge);
      // A selection grown by word or sentence stays in its speaker's turn: a passage credited to
      // one voice must not take in the next question (walk-through 8). Ctrl+Shift+↑/↓ takes
      // whole turns, for a passage meant to span them.
      if (event.shiftKey && unit !== 'turn') {
        const own = turnBounds(text, turns, start);
        to = Math.min(Math.max(to, own.start), own.end);
      }
    } else if (event.key === 'Home' || event.key === 'End') {
      const bounds = turnBounds(text, turns, from);
      to = event.key === 'Home' ? bounds.start : bounds.end;
    } else return;
    event.preventDefault();
    if (event.shiftKey) {
      anchor.current ??= from;
      store.markSelection(spanTo(anchor.current, to));
    } else {
      anchor.current = null;
      if (store.selection) store.markSelection(null);
    }
    place(to);
  };

  // A corrected text: a selection's start from before points at other words now; the caret
  // stays inside the text (walk-through 11).
  useEffect(() => {
    anchor.current = null;
  }, [text]);

  // The caret stays in sight: its turn is drawn (it may be far), then scrolled to.
  useEffect(() => {
    if (caret === null || !focused) return;
    const mark = scroller.current?.querySelector('.kbd-caret');
    if (mark) mark.scrollIntoView({ block: 'nearest' });
    else virtualizer.scrollToIndex(turnIndexAt(turns, caret), { align: 'center' });
  }, [caret, focused, scroller, virtualizer, turns]);

  return {
    /** The caret's offset while the text has the focus, else null (nothing is drawn). */
    caret: focused ? caret : null,
    onKeyDown,
    onFocus: () => {
      setFocused(true);
      if (caret === null) place(firstVisible());
    },
    onBlur: () => setFocused(false),
    /** A selection made with the mouse: the caret goes to its end, the anchor to its start. */
    followSelection(span: Span) {
      anchor.current = span.start;
      place(span.end);
    },
    /**
     * A click in the text: the caret goes where it was clicked, as in any editor, so Home,
     * Shift+End and a key code the clicked turn (walk-through 10: they coded another one).
     */
    followClick(at: number) {
      anchor.current = null;
      if (useCodingStore.getState().selection) useCodingStore.getState().markSelection(null);
      place(at);
    },
  };
}
