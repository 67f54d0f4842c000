/**
 * How a merge shows a record's values to the lead: in the preview's conflicts, in the merge
 * report's list of changed fields and in the report's workbook. One rule for all three: a
 * participant's real name is personal data and never shows; a pseudonym or a mark does.
 */
import type { RecordKind } from '../model/project';

/** The kinds of item a merge shows: project.json's records, and a layer's codings and memos. */
export type ShownKind = RecordKind | 'coding' | 'memo';

/** What shows in place of a participant's real name. */
export const HIDDEN_VALUE = '•••';

/** The field a conflict path starts with ("name", "cells[r1|c2].x" → "cells"). */
export function fieldOfPath(path: string): string {
  return path.split(/[.[]/)[0] ?? path;
}

/** Whether a field (or a conflict path) of a record of this kind is personal data. */
export function isPrivateField(kind: ShownKind, path: string): boolean {
  return kind === 'participant' && fieldOfPath(path) === 'name';
}

/** How values are written: where to cut them, and the mark for a hidden one. */
export interface ShownOptions {
  /** Longest text shown; longer text is cut and ends with «…». */
  maxChars: number;
  /** What shows for personal data (HIDDEN_VALUE unless the caller has its own words). */
  hidden?: string;
}

function cut(text: string, maxChars: number): string {
  return text.length > maxChars ? `${text.slice(0, maxChars)}…` : text;
}

/** One field's value as text: '' when absent, the hidden mark for personal data. */
export function shownField(
  kind: ShownKind,
  path: string,
  value: unknown,
  options: ShownOptions,
): string {
  if (value === undefined || value === null) return '';
  if (isPrivateField(kind, path)) return options.hidden ?? HIDDEN_VALUE;
  return cut(typeof value === 'string' ? value : JSON.stringify(value), options.maxChars);
}

/**
 * A whole record as text (a record deleted on one side and kept on the other), its personal
 * fields replaced by the hidden mark.
 */
export function shownRecord(kind: ShownKind, record: unknown, options: ShownOptions): string {
  if (record === undefined || record === null) return '';
  if (typeof record !== 'object') return cut(String(record), options.maxChars);
  const entries = Object.entries(record as Record<string, unknown>).map(([field, value]) => [
    field,
    isPrivateField(kind, field) && value ? (options.hidden ?? HIDDEN_VALUE) : value,
  ]);
  return cut(JSON.stringify(Object.fromEntries(entries)), options.maxChars);
}
