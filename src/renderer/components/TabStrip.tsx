import { useRef, type KeyboardEvent } from 'react';
import { rovingStep } from './roving-step';

/** Tabs run left to right, and the last leads round to the first. */
const TAB_KEYS = { previous: 'ArrowLeft', next: 'ArrowRight', wrap: true };

/**
 * A row of tabs (role="tablist"), one button per item, the selected one marked with
 * aria-selected: the coding screen's tabs, its sub-views, the integration matrices. As the ARIA
 * tabs pattern has it, the strip is one Tab stop (the selected tab) and ←/→, Home and End move
 * to another tab and show it.
 */
export function TabStrip<T extends string>({
  items,
  selected,
  onSelect,
  labelOf,
  label,
  className = 'tabs',
}: {
  items: readonly T[];
  selected: T | null;
  onSelect: (item: T) => void;
  labelOf: (item: T) => string;
  /** The strip's accessible name. */
  label: string;
  className?: string;
}) {
  const buttons = useRef<Array<HTMLButtonElement | null>>([]);
  const current = selected === null ? -1 : items.indexOf(selected);
  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>, index: number) => {
    const next = rovingStep(event.key, index, items.length, TAB_KEYS);
    if (next === null || event.altKey || event.ctrlKey || event.metaKey) return;
    event.preventDefault();
    onSelect(items[next]!);
    buttons.current[next]?.focus();
  };
  return (
    <div role="tablist" aria-label={label} className={className}>
      {items.map((item, index) => (
        <button
          key={item}
          ref={(element) => {
            buttons.current[index] = element;
          }}
          type="button"
          role="tab"
          aria-selected={item === selected}
          // One Tab stop: the selected tab (the first while none is).
          tabIndex={index === (current < 0 ? 0 : current) ? 0 : -1}
          onClick={() => onSelect(item)}
          onKeyDown={(event) => onKeyDown(event, index)}
        >
          {labelOf(item)}
        </button>
      ))}
    </div>
  );
}
