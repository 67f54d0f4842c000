import { useId, type ReactNode } from 'react';
import { useDraft } from './use-draft';

interface TextFieldProps {
  label: string;
  value: string;
  hint?: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Id of a <datalist> of suggestions (one-line fields). */
  list?: string;
  /** Refuse to save this value (e.g. an empty required field); the draft goes back. */
  required?: boolean;
  /** Saves the value; a promise resolving to false (refused) puts the saved value back. */
  onCommit(value: string): unknown;
  /** Takes the focus when it appears (a field the user just asked for, e.g. a new memo). */
  autoFocus?: boolean;
}

/**
 * A text field that saves as the user types: after a short pause, at once when it loses focus
 * (or on Enter for one line), and when the page is hidden or closed (see useDraft). Only a
 * changed value is saved.
 */
export function TextField({
  label,
  value,
  hint,
  multiline,
  rows = 3,
  placeholder,
  list,
  required,
  onCommit,
  autoFocus,
}: TextFieldProps) {
  const hintId = useId();
  const controlId = useId();
  const { draft, change, commit } = useDraft({
    value,
    onCommit,
    accept: required ? (text) => text.trim() !== '' : undefined,
  });
  const common = {
    id: controlId,
    value: draft,
    placeholder,
    'aria-describedby': hint ? hintId : undefined,
    autoFocus,
    onBlur: commit,
  };
  return (
    <div className="field">
      {/* A sibling label (not a wrapping one): the field's name stays its label, not its content. */}
      <label htmlFor={controlId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => change(e.target.value)} />
      ) : (
        <input
          {...common}
          list={list}
          onChange={(e) => change(e.target.value)}
          onKeyDown={(e) => e.key === 'Enter' && commit()}
        />
      )}
      {hint && (
        <p id={hintId} className="hint">
          {hint}
        </p>
      )}
    </div>
  );
}

/** A labelled select whose change saves at once. */
export function SelectField<T extends string>(props: {
  label: string;
  value: T;
  options: ReadonlyArray<{ value: T; label: string }>;
  onCommit(value: T): void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{props.label}</label>
      <select id={id} value={props.value} onChange={(e) => props.onCommit(e.target.value as T)}>
        {props.options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** A toggle button showing whether an item (a DV, a method) is chosen. */
export function Chip(props: {
  pressed: boolean;
  onToggle(): void;
  children: ReactNode;
  title?: string;
}) {
  return (
    <button
      type="button"
      className="chip"
      aria-pressed={props.pressed}
      title={props.title}
      onClick={props.onToggle}
    >
      {props.children}
    </button>
  );
}
