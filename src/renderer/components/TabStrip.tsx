/**
 * A row of tabs (role="tablist"), one button per item, the selected one marked with
 * aria-selected: the coding screen's tabs, its sub-views, the integration matrices.
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
  return (
    <div role="tablist" aria-label={label} className={className}>
      {items.map((item) => (
        <button
          key={item}
          type="button"
          role="tab"
          aria-selected={item === selected}
          onClick={() => onSelect(item)}
        >
          {labelOf(item)}
        </button>
      ))}
    </div>
  );
}
