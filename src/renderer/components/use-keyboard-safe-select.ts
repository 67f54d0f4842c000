import { useRef, useState, type KeyboardEvent } from 'react';

/**
 * A drop-down whose choice acts at once (adds a participant, merges an idea). A closed list
 * changes with the arrow keys and typed letters, firing a change per key in Chromium: from the
 * keyboard the choice is therefore only picked, and acts on Enter (or the caller's button). A
 * mouse choice acts at once. Spread `props` on the <select>.
 */
export function useKeyboardSafeSelect(onChoose: (value: string) => void) {
  const [picked, setPicked] = useState('');
  const byKeyboard = useRef(false);
  const choose = (value: string) => {
    setPicked('');
    if (value) onChoose(value);
  };
  const props = {
    value: picked,
    onKeyDown: (event: KeyboardEvent<HTMLSelectElement>) => {
      if (event.key === 'Enter' && picked) {
        event.preventDefault();
        choose(picked);
      } else if (event.key !== 'Tab') byKeyboard.current = true;
    },
    onMouseDown: () => {
      byKeyboard.current = false;
    },
    onBlur: () => {
      byKeyboard.current = false;
    },
    onChange: (event: { target: { value: string } }) => {
      if (byKeyboard.current) setPicked(event.target.value);
      else choose(event.target.value);
    },
  };
  /** The value picked from the keyboard, waiting for Enter ('' when none). */
  return { props, picked, choose };
}
