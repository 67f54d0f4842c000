/**
 * True when part of the selection's highlight is inside the visible part of the coding text. A
 * quick key codes only a selection the user can see: not one scrolled away, nor one left on a
 * tab or a screen that is not shown.
 */
export function selectionOnScreen(root: ParentNode = document): boolean {
  const scroller = root.querySelector<HTMLElement>('.coding-text');
  if (!scroller) return false;
  const view = scroller.getBoundingClientRect();
  for (const mark of scroller.querySelectorAll('.hl-selected')) {
    for (const rect of mark.getClientRects()) {
      if (rect.height > 0 && rect.bottom > view.top && rect.top < view.bottom) return true;
    }
  }
  return false;
}
