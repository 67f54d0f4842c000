import { isMessageKey, type Translate } from '../i18n';
import type { RecordKind } from '../model/project';

/**
 * A short name a person recognises a record by, for conflicts and reports: a code's name, a
 * participant's pseudonym (never their real name), a question's or session's code, a title.
 */
export function recordLabel(kind: RecordKind, record: Record<string, unknown> | null): string {
  if (!record) return kind;
  const text = (key: string) => (typeof record[key] === 'string' ? (record[key] as string) : '');
  switch (kind) {
    case 'participant':
      return text('code') || String(record.id);
    case 'question':
    case 'session':
      return [text('code'), text('title') || text('text')]
        .filter(Boolean)
        .join(' – ')
        .slice(0, 120);
    case 'ngtSession':
      return text('code') || text('question').slice(0, 120);
    case 'meta':
    case 'report':
      return text('title') || kind;
    default:
      return (text('name') || text('title') || text('code') || String(record.id)).slice(0, 120);
  }
}

/** Where a record kind's own form names its fields (the question editor's «Criterio»…). */
const FORM_LABELS: Partial<Record<RecordKind, string>> = {
  question: 'questions',
  indicator: 'indicators',
  meta: 'meta',
  ngtSession: 'ngt',
  session: 'sessions',
  participant: 'participantField',
  matrix: 'matrix',
  code: 'codebook',
  report: 'report.composer',
};

/**
 * A conflict's field as the user reads it: as the record's own form names it («Criterio» for a
 * question's criterion), else as the team screens do ("name" is «Nome»), never the file's key.
 */
export function conflictFieldLabel(field: string, t: Translate, kind?: RecordKind): string {
  const form = kind && FORM_LABELS[kind] ? `${FORM_LABELS[kind]}.${field}` : null;
  if (form && isMessageKey(form)) return t(form);
  const key = `team.field.${field}`;
  return isMessageKey(key) ? t(key) : t('team.field.other', { field });
}
