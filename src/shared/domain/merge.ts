/**
 * Three-way merge of JSON records: what two sides did to a common base, combined field by field
 * and element by element, with the places where both changed the same value to different things
 * reported as conflicts. Used for a window's stale change (STORE-V2 §3) and for merging a
 * colleague's work (issue 18). Pure: no I/O, inputs never modified.
 */

/** A place where both sides changed the same value differently. */
export interface MergeConflict {
  /** Where, e.g. `place`, `cells[r1|c2].ratings.d1`, `participantIds`. */
  path: string;
  base: unknown;
  ours: unknown;
  theirs: unknown;
}

export interface MergeResult<T> {
  /** The merged value; at a conflict it holds `theirs`, so nothing of `ours` is applied there. */
  value: T;
  conflicts: MergeConflict[];
}

export interface MergeOptions {
  /** Keys compared and merged as if absent (e.g. the stamp: rev, updatedAt, updatedBy). */
  ignore?: readonly string[];
}

type Json = unknown;
type JsonObject = Record<string, unknown>;

const isObject = (value: unknown): value is JsonObject =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** Structural equality of JSON values (object key order does not matter). */
export function jsonEqual(a: Json, b: Json, ignore: ReadonlySet<string> = new Set()): boolean {
  if (a === b) return true;
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, index) => jsonEqual(item, b[index], ignore))
    );
  }
  if (isObject(a) && isObject(b)) {
    const keys = (value: JsonObject) =>
      Object.keys(value).filter((key) => !ignore.has(key) && value[key] !== undefined);
    const aKeys = keys(a);
    const bKeys = keys(b);
    return (
      aKeys.length === bKeys.length &&
      aKeys.every(
        (key) => Object.prototype.hasOwnProperty.call(b, key) && jsonEqual(a[key], b[key], ignore),
      )
    );
  }
  return false;
}

/**
 * The identity of an array element, so the same element is found on each side: its `id`; else
 * its natural key (`key` of a participant attribute, row × column of a matrix cell, participant
 * and question of a summary, the participant of a ballot); else the element itself as canonical
 * JSON (an evidence link, a string), so such arrays merge as sets.
 */
export function elementKey(element: unknown): string {
  if (isObject(element)) {
    if (typeof element.id === 'string') return `id:${element.id}`;
    if (typeof element.key === 'string') return `key:${element.key}`;
    if (typeof element.rowId === 'string' && typeof element.columnId === 'string') {
      return `cell:${element.rowId}|${element.columnId}`;
    }
    if (typeof element.participantId === 'string') {
      const question = typeof element.questionId === 'string' ? `|${element.questionId}` : '';
      return `participant:${element.participantId}${question}`;
    }
  }
  return `value:${canonical(element)}`;
}

/** JSON with object keys sorted, so equal values give equal strings. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (isObject(value)) {
    return `{${Object.keys(value)
      .filter((key) => value[key] !== undefined)
      .sort()
      .map((key) => `${JSON.stringify(key)}:${canonical(value[key])}`)
      .join(',')}}`;
  }
  return JSON.stringify(value) ?? 'undefined';
}

/** A readable name of an element for conflict paths: its id or natural key. */
function labelOf(key: string): string {
  const at = key.indexOf(':');
  const rest = key.slice(at + 1);
  return rest.length > 40 ? `${rest.slice(0, 40)}…` : rest;
}

/**
 * Merges what `ours` and `theirs` each changed relative to `base`:
 * - a value only one side changed takes that side's value; equal changes agree;
 * - objects merge key by key;
 * - arrays merge element by element by `elementKey`: additions of both sides are kept,
 *   removals apply, elements on both sides merge recursively; a side's reordering of the common
 *   elements is kept when the other side did not reorder; arrays of ids or strings thus merge as
 *   sets ("this window added X and removed Y" applied to the other side's array);
 * - a scalar both changed differently, or an element one side removed while the other changed
 *   it, is a conflict: the result keeps `theirs` there.
 * `base` may be undefined (a value both sides added).
 */
export function merge3<T>(
  base: T | undefined,
  ours: T,
  theirs: T,
  options: MergeOptions = {},
): MergeResult<T> {
  const ignore = new Set(options.ignore ?? []);
  const conflicts: MergeConflict[] = [];
  const value = mergeValue(base, ours, theirs, '', ignore, conflicts) as T;
  return { value, conflicts };
}

function mergeValue(
  base: Json,
  ours: Json,
  theirs: Json,
  path: string,
  ignore: ReadonlySet<string>,
  conflicts: MergeConflict[],
): Json {
  if (jsonEqual(ours, theirs, ignore)) return theirs;
  if (jsonEqual(base, ours, ignore)) return theirs;
  // Objects go key by key even when only one side changed, so ignored keys come from theirs.
  if (isObject(ours) && isObject(theirs) && (base === undefined || isObject(base))) {
    return mergeObjects(base as JsonObject | undefined, ours, theirs, path, ignore, conflicts);
  }
  if (jsonEqual(base, theirs, ignore)) return ours;
  if (Array.isArray(ours) && Array.isArray(theirs) && (base === undefined || Array.isArray(base))) {
    return mergeArrays((base as Json[] | undefined) ?? [], ours, theirs, path, ignore, conflicts);
  }
  conflicts.push({ path: path || '.', base, ours, theirs });
  return theirs;
}

function mergeObjects(
  base: JsonObject | undefined,
  ours: JsonObject,
  theirs: JsonObject,
  path: string,
  ignore: ReadonlySet<string>,
  conflicts: MergeConflict[],
): JsonObject {
  const result: JsonObject = {};
  const keys = new Set([...Object.keys(theirs), ...Object.keys(ours)]);
  for (const key of keys) {
    if (ignore.has(key)) {
      if (theirs[key] !== undefined) result[key] = theirs[key];
      continue;
    }
    const merged = mergeValue(
      base?.[key],
      ours[key],
      theirs[key],
      path ? `${path}.${key}` : key,
      ignore,
      conflicts,
    );
    if (merged !== undefined) result[key] = merged;
  }
  return result;
}

function mergeArrays(
  base: Json[],
  ours: Json[],
  theirs: Json[],
  path: string,
  ignore: ReadonlySet<string>,
  conflicts: MergeConflict[],
): Json[] {
  const index = (items: Json[]) => new Map(items.map((item) => [elementKey(item), item]));
  const b = index(base);
  const o = index(ours);
  const t = index(theirs);
  const merged = new Map<string, Json>();
  for (const key of new Set([...t.keys(), ...o.keys(), ...b.keys()])) {
    const inBase = b.has(key);
    const inOurs = o.has(key);
    const inTheirs = t.has(key);
    const at = `${path}[${labelOf(key)}]`;
    if (inOurs && inTheirs) {
      merged.set(key, mergeValue(b.get(key), o.get(key), t.get(key), at, ignore, conflicts));
    } else if (!inBase) {
      merged.set(key, inOurs ? o.get(key) : t.get(key));
    } else if (inOurs !== inTheirs) {
      // One side removed it: fine if the other left it as it was, a conflict if it changed it.
      const kept = inOurs ? o.get(key) : t.get(key);
      if (!jsonEqual(kept, b.get(key), ignore)) {
        conflicts.push({ path: at, base: b.get(key), ours: o.get(key), theirs: t.get(key) });
        if (inTheirs) merged.set(key, kept);
      }
    }
  }
  return orderOf(base, ours, theirs)
    .filter((key) => merged.has(key))
    .map((key) => merged.get(key));
}

/**
 * The order of the merged elements: the common elements in the order of the side that reordered
 * them (theirs when both or neither did), each side's additions placed next to the element they
 * followed (or preceded) on that side, else after theirs.
 */
function orderOf(base: Json[], ours: Json[], theirs: Json[]): string[] {
  const keys = (items: Json[]) => items.map(elementKey);
  const [b, o, t] = [keys(base), keys(ours), keys(theirs)];
  const common = (items: string[]) => {
    const inAll = new Set(b.filter((key) => o.includes(key) && t.includes(key)));
    return items.filter((key) => inAll.has(key));
  };
  const oursReordered = !sameSequence(common(b), common(o));
  const theirsReordered = !sameSequence(common(b), common(t));
  const takeOurs = oursReordered && !theirsReordered;
  const order = takeOurs ? [...o] : [...t];
  const other = takeOurs ? t : o;
  // Elements only the other side has: after their predecessor on that side, else before their
  // successor, else at the end.
  for (const [position, key] of other.entries()) {
    if (order.includes(key)) continue;
    const before = other
      .slice(0, position)
      .reverse()
      .find((candidate) => order.includes(candidate));
    const after = other.slice(position + 1).find((candidate) => order.includes(candidate));
    if (before !== undefined) order.splice(order.indexOf(before) + 1, 0, key);
    else if (after !== undefined) order.splice(order.indexOf(after), 0, key);
    else order.push(key);
  }
  // Removed ones are filtered by the caller; base-only keys never enter `order`.
  return order;
}

function sameSequence(a: string[], b: string[]): boolean {
  return a.length === b.length && a.every((key, index) => key === b[index]);
}
