import { useId, useMemo, useState } from 'react';
import { codeTreeOrder } from '../../../shared/domain/codebook';
import { foldAccents } from '../../../shared/domain/folding';
import type { Code } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';
import { pathOf } from './CodeOptions';

/**
 * A searchable list of codes: type to filter (accents and case ignored), arrows to move, Enter
 * to choose, Esc to leave. Each code shows its path so same-named sub-codes are told apart.
 * With `onCreate`, a name no code has yet is offered last as a new code, so a code is made
 * without leaving the keyboard. `onLeave` runs after a choice and on Esc (the coding screen puts
 * the focus back in the text).
 */
export function CodePicker({
  codes,
  label,
  onPick,
  onCreate,
  onLeave,
}: {
  codes: readonly Code[];
  label: string;
  onPick(code: Code): void;
  onCreate?(name: string): void;
  onLeave?(): void;
}) {
  const t = useT();
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const listId = useId();
  const inputId = useId();
  const rows = useMemo(() => {
    const wanted = foldAccents(query.trim());
    return codeTreeOrder(codes)
      .map(({ code }) => ({ code, path: pathOf(codes, code.id) }))
      .filter((row) => wanted === '' || foldAccents(row.path).includes(wanted));
  }, [codes, query]);
  const typed = query.trim().replace(/\s+/g, ' ');
  const creatable =
    onCreate !== undefined &&
    typed !== '' &&
    !codes.some((code) => foldAccents(code.name.trim()) === foldAccents(typed));
  // The new-code option comes after the codes: index rows.length.
  const last = rows.length - (creatable ? 0 : 1);
  const current = Math.min(active, last);
  const done = () => {
    setQuery('');
    onLeave?.();
  };
  const pick = (code: Code | undefined) => {
    if (!code) return;
    onPick(code);
    done();
  };
  const create = () => {
    if (!creatable) return;
    onCreate(typed.slice(0, 300));
    done();
  };
  const createId = `${listId}-new`;
  return (
    <div className="code-picker">
      <label htmlFor={inputId}>{label}</label>
      <input
        id={inputId}
        type="search"
        role="combobox"
        aria-expanded="true"
        aria-controls={listId}
        aria-activedescendant={
          rows[current]
            ? `${listId}-${rows[current].code.id}`
            : creatable && current === rows.length
              ? createId
              : undefined
        }
        placeholder={t('coding.pickerPlaceholder')}
        value={query}
        onChange={(event) => {
          setQuery(event.target.value);
          setActive(0);
        }}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown') setActive(Math.min(current + 1, last));
          else if (event.key === 'ArrowUp') setActive(Math.max(current - 1, 0));
          else if (event.key === 'Enter') {
            if (current === rows.length) create();
            else pick(rows[current]?.code);
          } else if (event.key === 'Escape' && onLeave) {
            setQuery('');
            onLeave();
          } else return;
          event.preventDefault();
        }}
      />
      <ul id={listId} role="listbox" aria-label={label} className="code-picker-list">
        {rows.map((row, index) => (
          <li
            key={row.code.id}
            id={`${listId}-${row.code.id}`}
            role="option"
            aria-selected={index === current}
            className={index === current ? 'active' : undefined}
            onMouseDown={(event) => event.preventDefault()}
            onClick={() => pick(row.code)}
          >
            <span className="swatch" style={{ background: row.code.colour }} />
            {row.code.quickKey !== null && <kbd>{row.code.quickKey}</kbd>}
            <span>{row.path}</span>
          </li>
        ))}
        {creatable && (
          <li
            id={createId}
            role="option"
            aria-selected={current === rows.length}
            className={current === rows.length ? 'active create' : 'create'}
            onMouseDown={(event) => event.preventDefault()}
            onClick={create}
          >
            <span>{t('coding.createCode', { name: typed })}</span>
          </li>
        )}
        {rows.length === 0 && !creatable && <li className="muted">{t('coding.noCodeFound')}</li>}
      </ul>
    </div>
  );
}
