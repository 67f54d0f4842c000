/**
 * True when a key press belongs to a field being typed in, which keeps its own keys (digits,
 * letters, its own undo): screen-wide shortcuts leave it alone.
 */
export function isTypingTarget(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}
