// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextField } from '../../../src/renderer/components/fields';
import { TYPING_PAUSE_MS } from '../../../src/renderer/components/use-draft';
import { flushPendingEdits, usePendingEdits } from '../../../src/renderer/stores/pending-edits';

beforeEach(() => vi.useFakeTimers());
afterEach(() => {
  cleanup();
  vi.useRealTimers();
});

/** A field over a saved value that a fake core updates after `latency` ms. */
function Harness(props: {
  saves: string[];
  latency?: number;
  refuse?: (value: string) => boolean;
  required?: boolean;
}) {
  const [saved, setSaved] = useState('Prima');
  return (
    <TextField
      label="Risposta"
      value={saved}
      required={props.required}
      onCommit={(value) =>
        new Promise<boolean>((resolve) =>
          setTimeout(() => {
            props.saves.push(value);
            if (props.refuse?.(value)) return resolve(false);
            setSaved(value);
            resolve(true);
          }, props.latency ?? 0),
        )
      }
    />
  );
}

const field = () => screen.getByLabelText('Risposta') as HTMLInputElement;
const type = (value: string) => fireEvent.change(field(), { target: { value } });

describe('TextField saves as the user types', () => {
  it('saves after a pause, and says it is unsaved until then', async () => {
    const saves: string[] = [];
    render(<Harness saves={saves} />);
    type('Prima bozza');
    expect(usePendingEdits.getState().unsaved).toBe(1);
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS - 100));
    expect(saves).toEqual([]);
    type('Prima bozza rivista');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    expect(saves).toEqual(['Prima bozza rivista']);
    expect(usePendingEdits.getState().unsaved).toBe(0);
  });

  it('keeps what is typed while an earlier save comes back', async () => {
    const saves: string[] = [];
    render(<Harness saves={saves} latency={500} />);
    type('Uno');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    type('Uno due');
    // The save of "Uno" lands while "Uno due" is on screen: the field keeps "Uno due".
    await act(async () => vi.advanceTimersByTime(500));
    expect(saves).toEqual(['Uno']);
    expect(field().value).toBe('Uno due');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 510));
    expect(saves).toEqual(['Uno', 'Uno due']);
    expect(field().value).toBe('Uno due');
  });

  it('saves everything waiting at once when asked (page hidden or closed)', async () => {
    const saves: string[] = [];
    render(<Harness saves={saves} />);
    type('Scritto di fretta');
    const flushed = flushPendingEdits();
    await act(async () => {
      vi.advanceTimersByTime(0);
      await flushed;
    });
    expect(saves).toEqual(['Scritto di fretta']);
  });

  it('puts the saved value back when a change is refused, or a required field is left empty', async () => {
    const saves: string[] = [];
    render(<Harness saves={saves} refuse={(v) => v === 'INT-01'} required />);
    type('INT-01');
    fireEvent.blur(field());
    await act(async () => vi.advanceTimersByTime(0));
    expect(saves).toEqual(['INT-01']);
    expect(field().value).toBe('Prima');

    type('');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    expect(saves).toEqual(['INT-01']);
    fireEvent.blur(field());
    expect(field().value).toBe('Prima');
    expect(usePendingEdits.getState().unsaved).toBe(0);
  });

  it('saves what a field held when it goes away mid-typing', async () => {
    const saves: string[] = [];
    const view = render(<Harness saves={saves} />);
    type('Lasciato a metà');
    view.unmount();
    await act(async () => vi.advanceTimersByTime(0));
    expect(saves).toEqual(['Lasciato a metà']);
  });
});
