import { useEffect, useRef } from 'react';

/**
 * A form opened by a button ("Modifica", "Nuovo partecipante") far from where it appears: once
 * shown, it is scrolled into view and its first field takes the focus, so the user sees it open
 * and can type at once. Returns the ref to put on the form's container.
 */
export function useRevealOnOpen<T extends HTMLElement>(enabled = true) {
  const ref = useRef<T>(null);
  useEffect(() => {
    const element = ref.current;
    if (!enabled || !element) return;
    element.scrollIntoView({ block: 'start' });
    const field =
      element.querySelector<HTMLElement>('input:not([type=hidden]), textarea, select') ??
      element.querySelector<HTMLElement>('button');
    field?.focus({ preventScroll: true });
    // Only when it opens: later renders must not pull the view back.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);
  return ref;
}
