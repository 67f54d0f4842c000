/**
 * Maps a DOM selection boundary in the coding view to a UTF-16 offset of the source text. Runs
 * of text carry `data-start`/`data-end`; each turn carries `data-turn-start`/`data-turn-end`, so
 * a boundary on a speaker label or between elements falls on the nearest edge of the turn text.
 */
export function offsetOfBoundary(node: Node | null, offset: number): number | null {
  if (!node) return null;
  const element = node.nodeType === Node.TEXT_NODE ? node.parentElement : (node as Element);
  if (!element) return null;
  const run = element.closest<HTMLElement>('[data-start]');
  if (run) {
    if (node.nodeType === Node.TEXT_NODE) return Number(run.dataset.start) + offset;
    return offset === 0 ? Number(run.dataset.start) : Number(run.dataset.end);
  }
  const text = element.closest<HTMLElement>('[data-text-start]');
  if (text) {
    return offset === 0 ? Number(text.dataset.textStart) : Number(text.dataset.textEnd);
  }
  const turn = element.closest<HTMLElement>('[data-turn-start]');
  return turn ? Number(turn.dataset.turnStart) : null;
}

/** The current selection inside `container` as source offsets (start < end), or null. */
export function selectionIn(container: HTMLElement): { start: number; end: number } | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || selection.isCollapsed) return null;
  const range = selection.getRangeAt(0);
  if (!container.contains(range.commonAncestorContainer)) return null;
  const start = offsetOfBoundary(range.startContainer, range.startOffset);
  const end = offsetOfBoundary(range.endContainer, range.endOffset);
  if (start === null || end === null) return null;
  return start < end ? { start, end } : end < start ? { start: end, end: start } : null;
}

/** Where a click left the caret inside `container` (a collapsed selection), as an offset. */
export function caretIn(container: HTMLElement): number | null {
  const selection = window.getSelection();
  if (!selection || selection.rangeCount === 0 || !selection.isCollapsed) return null;
  if (!selection.anchorNode || !container.contains(selection.anchorNode)) return null;
  return offsetOfBoundary(selection.anchorNode, selection.anchorOffset);
}

/** The text node and offset inside `container` where source offset `at` is drawn, if it is. */
function boundaryAt(container: HTMLElement, at: number, end: boolean): [Node, number] | null {
  for (const run of container.querySelectorAll<HTMLElement>('[data-start]')) {
    const start = Number(run.dataset.start);
    const stop = Number(run.dataset.end);
    // An end falls at the end of the run before, a start at the start of the run after.
    const inside = end ? start < at && at <= stop : start <= at && at < stop;
    const text = run.firstChild;
    if (inside && text?.nodeType === Node.TEXT_NODE) return [text, at - start];
  }
  return null;
}

/**
 * Makes the browser's selection the span Campo will code (a drag begun on a speaker's label,
 * trimmed of spaces), so that one selection shows, not two (walk-through 11).
 */
export function showSelection(container: HTMLElement, span: { start: number; end: number }) {
  const from = boundaryAt(container, span.start, false);
  const to = boundaryAt(container, span.end, true);
  const selection = window.getSelection();
  if (!from || !to || !selection) return;
  const range = document.createRange();
  range.setStart(from[0], from[1]);
  range.setEnd(to[0], to[1]);
  selection.removeAllRanges();
  selection.addRange(range);
}
