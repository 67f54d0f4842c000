import { useId, useState } from 'react';
import { formatUserDate, parseUserDate } from '../../shared/domain/dates';
import { useT } from '../i18n/use-t';
import { useDraft } from './use-draft';

/**
 * The one date field of Campo: typed and shown day first ("15/06/2021") whatever the system's
 * locale, saved as an ISO date as it is typed. A date that does not exist is not saved: it stays
 * in the field, marked, with a message in the user's language saying how to write it.
 */
export function DateField({
  label,
  value,
  onCommit,
  hideLabel = false,
}: {
  label: string;
  /** The saved ISO date, or null. */
  value: string | null;
  onCommit(value: string | null): unknown;
  /** The label is for assistive technology only (the field sits in a row that names it). */
  hideLabel?: boolean;
}) {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const [touched, setTouched] = useState(false);

  const { draft, change, commit, respell } = useDraft({
    value: formatUserDate(value),
    onCommit: (typed: string) => onCommit(parseUserDate(typed) as string | null),
    accept: (typed) => parseUserDate(typed) !== 'invalid',
    equals: (a, b) => parseUserDate(a) === parseUserDate(b),
    revertInvalid: false,
  });
  const invalid = touched && parseUserDate(draft) === 'invalid';
  return (
    <div className="field date-field">
      <label htmlFor={id} className={hideLabel ? 'visually-hidden' : undefined}>
        {label}
      </label>
      <input
        id={id}
        value={draft}
        inputMode="numeric"
        autoComplete="off"
        placeholder={t('date.placeholder')}
        size={11}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid ? errorId : undefined}
        onChange={(event) => change(event.target.value)}
        onBlur={() => {
          setTouched(true);
          commit();
          // A date typed "5/6/21" or "2021-06-05" then reads "05/06/2021".
          const parsed = parseUserDate(draft);
          if (parsed !== 'invalid') respell(formatUserDate(parsed));
        }}
        onKeyDown={(event) => {
          if (event.key === 'Enter') {
            setTouched(true);
            commit();
          }
        }}
      />
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t('date.invalid', { typed: draft.trim() })}
        </p>
      )}
    </div>
  );
}
