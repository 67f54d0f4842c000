/**
 * Where a key moves the focus in a row of items that is one Tab stop (a tree, a tab strip):
 * `previous` and `next` step by one, Home and End go to the ends. Null for any other key.
 */
export function rovingStep(
  key: string,
  index: number,
  count: number,
  keys: { previous: string; next: string; wrap: boolean },
): number | null {
  const last = count - 1;
  if (key === keys.next) return index < last ? index + 1 : keys.wrap ? 0 : last;
  if (key === keys.previous) return index > 0 ? index - 1 : keys.wrap ? last : 0;
  if (key === 'Home') return 0;
  if (key === 'End') return last;
  return null;
}
