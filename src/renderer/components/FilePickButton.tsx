import { useRef, type ReactNode } from 'react';

/**
 * A button that opens the system's file chooser and hands over the picked file. The hidden
 * input carries the accessible name, so tests (and screen readers) find it by its label.
 */
export function FilePickButton({
  label,
  accept,
  disabled,
  className,
  onFile,
  children,
}: {
  label: string;
  accept: string;
  disabled?: boolean;
  className?: string;
  onFile(file: File): void;
  children?: ReactNode;
}) {
  const input = useRef<HTMLInputElement>(null);
  return (
    <>
      <button
        type="button"
        className={className}
        disabled={disabled}
        onClick={() => input.current?.click()}
      >
        {children ?? label}
      </button>
      <input
        ref={input}
        type="file"
        accept={accept}
        hidden
        aria-label={label}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) onFile(file);
        }}
      />
    </>
  );
}
