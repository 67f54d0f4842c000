import { useId, useState } from 'react';
import {
  formatUserDate,
  isDateShaped,
  parseUserDate,
  parseUserTime,
} from '../../shared/domain/dates';
import type { MessageKey } from '../../shared/i18n';
import { useT } from '../i18n/use-t';
import { useDraft } from './use-draft';

/** How a field reads what is typed (null: empty, 'invalid': not a value) and shows a value. */
export interface Reading<V extends string | number> {
  parse(typed: string): V | null | 'invalid';
  format(value: V | null): string;
  placeholder?: MessageKey;
  invalid: MessageKey;
  /** The message for what is written the right way but names nothing (31/02/2024). */
  impossible?(typed: string): MessageKey | null;
  /**
   * A word on a value that reads, but maybe not as meant ("12.500" in English is 12.5), shown
   * once the field is left; null when there is nothing to say.
   */
  note?(typed: string): { key: MessageKey; params: Record<string, string> } | null;
  size: number;
  inputMode: 'numeric' | 'decimal' | 'text';
}

const DATE: Reading<string> = {
  parse: parseUserDate,
  format: formatUserDate,
  placeholder: 'date.placeholder',
  invalid: 'date.invalid',
  impossible: (typed) => (isDateShaped(typed) ? 'date.notInCalendar' : null),
  size: 11,
  inputMode: 'numeric',
};

const TIME: Reading<string> = {
  parse: parseUserTime,
  format: (value) => value ?? '',
  placeholder: 'time.placeholder',
  invalid: 'time.invalid',
  size: 6,
  inputMode: 'numeric',
};

/**
 * A field typed and shown the way Italian (and British) users write it, whatever the system's
 * locale: saved as it is typed once it reads as a value. What does not stays in the field,
 * marked, with a message in the user's language saying how to write it, and is never saved.
 */
export function ReadingField<V extends string | number>({
  reading,
  label,
  value,
  onCommit,
}: {
  reading: Reading<V>;
  label: string;
  value: V | null;
  onCommit(value: V | null): unknown;
}) {
  const t = useT();
  const id = useId();
  const errorId = useId();
  const [touched, setTouched] = useState(false);
  const [note, setNote] = useState<{ key: MessageKey; params: Record<string, string> } | null>(
    null,
  );
  const { draft, change, commit, respell } = useDraft({
    value: reading.format(value),
    onCommit: (typed: string) => onCommit(reading.parse(typed) as V | null),
    accept: (typed) => reading.parse(typed) !== 'invalid',
    equals: (a, b) => reading.parse(a) === reading.parse(b),
    revertInvalid: false,
  });
  const invalid = touched && reading.parse(draft) === 'invalid';
  const leave = () => {
    setTouched(true);
    commit();
    // "5/6/21" or "2021-06-05" then reads "05/06/2021"; "9" reads "09:00".
    const parsed = reading.parse(draft);
    setNote(parsed === 'invalid' ? null : (reading.note?.(draft) ?? null));
    if (parsed !== 'invalid') respell(reading.format(parsed));
  };
  return (
    <div className="field date-field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        value={draft}
        inputMode={reading.inputMode}
        autoComplete="off"
        placeholder={reading.placeholder ? t(reading.placeholder) : undefined}
        size={reading.size}
        aria-invalid={invalid || undefined}
        aria-describedby={invalid || note ? errorId : undefined}
        onChange={(event) => {
          setNote(null);
          change(event.target.value);
        }}
        onBlur={leave}
        onKeyDown={(event) => event.key === 'Enter' && leave()}
      />
      {invalid && (
        <p id={errorId} className="field-error" role="alert">
          {t(reading.impossible?.(draft) ?? reading.invalid, { typed: draft.trim() })}
        </p>
      )}
      {!invalid && note && (
        <p id={errorId} className="field-note" role="status">
          {t(note.key, note.params)}
        </p>
      )}
    </div>
  );
}

/** The one date field of Campo: dd/mm/yyyy on screen, an ISO date in the project. */
export function DateField(props: {
  label: string;
  value: string | null;
  onCommit(value: string | null): unknown;
}) {
  return <ReadingField reading={DATE} {...props} />;
}

/** A time of day, hh:mm on 24 hours. */
export function TimeField(props: {
  label: string;
  value: string | null;
  onCommit(value: string | null): unknown;
}) {
  return <ReadingField reading={TIME} {...props} />;
}
