import type { CampoError, WireError } from '../ipc/errors';
import type { ValidationIssue } from '../model/issues';
import type { Language } from '../model/project';
import { en } from './en';
import { formatMessage, type MessageParams } from './format';
import { it, type MessageKey } from './it';

export type { MessageKey } from './it';
export {
  formatDateTime,
  formatFixed,
  formatIndicatorValue,
  formatNumber,
  formatTime,
  LOCALES,
} from './format';

/** The message catalogues, by language. */
export const CATALOGUES: Record<Language, Record<MessageKey, string>> = { it, en };

/** A translator bound to one language. */
export type Translate = (key: MessageKey, params?: MessageParams) => string;

/** Returns the translator for `language`. */
export function translator(language: Language): Translate {
  const catalogue = CATALOGUES[language];
  return (key, params = {}) => formatMessage(catalogue[key], params, language);
}

/** True when `key` names a message (for keys built at run time, such as error codes). */
export function isMessageKey(key: string): key is MessageKey {
  return Object.prototype.hasOwnProperty.call(it, key);
}

/**
 * What a refused value's problems say in `language`: "scrivi una data come 15/06/2021 (data)"
 * (the field by its name, never a schema path nor zod's English words).
 */
function validationReason(issues: readonly ValidationIssue[], language: Language): string {
  const t = translator(language);
  return issues
    .map((issue) => {
      const fieldKey = `validation.field.${issue.field}`;
      const field = isMessageKey(fieldKey) ? t(fieldKey) : t('validation.field.other');
      const problem = t(`validation.problem.${issue.problem}`, { limit: issue.limit ?? 0 });
      return t('validation.issue', { field, problem });
    })
    .join('; ');
}

/** The user-facing text of an error, in `language`: from its code, with its details as parameters. */
export function errorMessage(
  error: Pick<CampoError | WireError, 'code' | 'message' | 'details'>,
  language: Language,
): string {
  const key = `errors.${error.code}`;
  if (!isMessageKey(key)) return error.message;
  const t = translator(language);
  const params: MessageParams = { message: error.message, ...(error.details as MessageParams) };
  // A reason given by key (refusals of hostile files) is shown in the user's language.
  const reasonKey = error.details?.reasonKey;
  if (typeof reasonKey === 'string' && isMessageKey(reasonKey))
    params.reason = t(reasonKey, params);
  // So is a kind of file named by key ("testo" / "text").
  const expectedKey = error.details?.expectedKey;
  if (typeof expectedKey === 'string' && isMessageKey(expectedKey))
    params.expected = t(expectedKey, params);
  // A refused value says which field and what is wrong, never a schema path.
  const issues = error.details?.issues;
  if (error.code === 'VALIDATION' && Array.isArray(issues) && issues.length > 0)
    params.reason = validationReason(issues as ValidationIssue[], language);
  return t(key, params);
}
