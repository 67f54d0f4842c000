import { formatMessage } from '../i18n/format';
import { itSafety } from '../i18n/it-safety';
import { CampoError } from './errors';

/** A reason a hostile or broken file is refused (a `refusal.*` catalogue key). */
export type RefusalKey = Extract<keyof typeof itSafety, `refusal.${string}`>;

/**
 * FILE_DAMAGED for `file`, with a reason the UI shows in the user's language (`reasonKey`) and
 * in Italian in `reason` (logs, older callers). `params` fill the reason's placeholders.
 */
export function damagedFile(
  file: string,
  key: RefusalKey,
  params: Record<string, string | number> = {},
): CampoError {
  const reason = formatMessage(itSafety[key], params, 'it');
  return new CampoError('FILE_DAMAGED', `${file}: ${reason}`, {
    ...params,
    file,
    reason,
    reasonKey: key,
  });
}
