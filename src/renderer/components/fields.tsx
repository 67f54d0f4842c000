import { useId, useState, type ReactNode } from 'react';

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
  onCommit(value: string): void;
}

/**
 * A text field that saves when it loses focus (or on Enter for one line), only if the value
 * changed: every keystroke is not a save, but nothing typed is left unsaved by leaving the field.
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
}: TextFieldProps) {
  const [draft, setDraft] = useState(value);
  const [seen, setSeen] = useState(value);
  const hintId = useId();
  const controlId = useId();
  if (value !== seen) {
    // The saved value changed elsewhere (another field, an undo): show it.
    setSeen(value);
    setDraft(value);
  }
  const commit = () => {
    if (draft === value) return;
    if (required && draft.trim() === '') setDraft(value);
    else onCommit(draft);
  };
  const common = {
    id: controlId,
    value: draft,
    placeholder,
    'aria-describedby': hint ? hintId : undefined,
    onBlur: commit,
  };
  return (
    <div className="field">
      {/* A sibling label (not a wrapping one): the field's name stays its label, not its content. */}
      <label htmlFor={controlId}>{label}</label>
      {multiline ? (
        <textarea {...common} rows={rows} onChange={(e) => setDraft(e.target.value)} />
      ) : (
        <input
          {...common}
          list={list}
          onChange={(e) => setDraft(e.target.value)}
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
