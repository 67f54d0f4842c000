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
