// @vitest-environment happy-dom
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { TextField } from '../../../src/renderer/components/fields';
import { TYPING_PAUSE_MS } from '../../../src/renderer/components/use-draft';
import { createApi } from '../../../src/renderer/api/client';
import type { Transport } from '../../../src/renderer/api/transport';
import { attempt } from '../../../src/renderer/stores/core-calls';
import { flushPendingEdits, usePendingEdits } from '../../../src/renderer/stores/pending-edits';
import { metaRev } from '../../../src/renderer/stores/base-revision';
import { useProjectStore } from '../../../src/renderer/stores/project-store';
import type { WireError } from '../../../src/shared/ipc/errors';

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

/** An api whose every call fails with `error` (as the transport reports a host gone, a refusal). */
function failingApi(error: () => WireError | null) {
  const transport = {
    call: async () => {
      const wire = error();
      return wire ? { ok: false as const, error: wire } : { ok: true as const, value: {} };
    },
    on: () => () => undefined,
  } as unknown as Transport;
  return createApi(transport);
}

const field = () => screen.getByLabelText('Risposta') as HTMLInputElement;
const type = (value: string) => fireEvent.change(field(), { target: { value } });

const DISK_FULL: WireError = { code: 'DISK_FULL', message: 'full' };

/**
 * A field over a record the core holds outside it (the field comes and goes), whose saves fail
 * with `failure` (a full disk unless said) until `core.reachable`.
 */
function diskBackedField(failure: WireError = DISK_FULL) {
  const core = { reachable: false, saved: 'Prima', saves: [] as string[] };
  function Field() {
    const [saved, setSaved] = useState(core.saved);
    return (
      <TextField
        label="Risposta"
        value={saved}
        onCommit={async (value) => {
          const api = failingApi(() => (core.reachable ? null : failure));
          if ((await attempt(() => api.projectCurrent())) === null) return false;
          core.saves.push(value);
          core.saved = value;
          setSaved(value);
          return true;
        }}
      />
    );
  }
  return { core, Field };
}

/** Lets the answered saves and their React updates run. */
const settle = () =>
  act(async () => {
    for (let tick = 0; tick < 20; tick++) await Promise.resolve();
  });

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

  it('keeps what was typed, unsaved, when the save fails without a verdict (host gone), and saves it later', async () => {
    const { core, Field } = diskBackedField({ code: 'HOST_UNREACHABLE', message: 'no answer' });
    render(<Field />);
    type('Scritto a server spento');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    expect(field().value).toBe('Scritto a server spento');
    expect(usePendingEdits.getState().unsaved).toBe(1);
    // Back again: leaving the field sends it.
    core.reachable = true;
    fireEvent.blur(field());
    await act(async () => {
      for (let tick = 0; tick < 10; tick++) await Promise.resolve();
    });
    expect(core.saves).toEqual(['Scritto a server spento']);
    expect(usePendingEdits.getState().unsaved).toBe(0);
  });

  it('still puts the saved value back when the core refuses the value itself', async () => {
    function Refused() {
      return (
        <TextField
          label="Risposta"
          value="Prima"
          onCommit={async () => {
            const api = failingApi(() => ({ code: 'VALIDATION', message: 'bad value' }));
            return (await attempt(() => api.projectCurrent())) !== null;
          }}
        />
      );
    }
    render(<Refused />);
    type('Valore rifiutato');
    fireEvent.blur(field());
    await act(async () => vi.advanceTimersByTime(0));
    expect(field().value).toBe('Prima');
    expect(usePendingEdits.getState().unsaved).toBe(0);
  });

  it('sends text a gone field could not save before anything typed later, so the later text wins', async () => {
    const { core, Field } = diskBackedField();
    const first = render(<Field />);
    type('Scritto a disco pieno');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    await settle();
    expect(usePendingEdits.getState().unsaved).toBe(1);
    first.unmount(); // another screen: nobody sees that text any more
    core.reachable = true;
    render(<Field />);
    expect(field().value).toBe('Prima');
    type('Scritto dopo');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    await settle();
    // The unseen text went first; what the user typed last is what stays.
    expect(core.saves).toEqual(['Scritto a disco pieno', 'Scritto dopo']);
    await act(async () => flushPendingEdits());
    expect(core.saves).toEqual(['Scritto a disco pieno', 'Scritto dopo']);
    expect(core.saved).toBe('Scritto dopo');
    expect(usePendingEdits.getState().unsaved).toBe(0);
  });

  it('still sends a gone field’s text first at close when the later text could not be saved either', async () => {
    const { core, Field } = diskBackedField();
    const first = render(<Field />);
    type('Prima stesura');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    await settle();
    first.unmount();
    render(<Field />);
    type('Seconda stesura'); // the disk is still full: both wait
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    await settle();
    expect(core.saves).toEqual([]);
    core.reachable = true;
    await act(async () => flushPendingEdits());
    await settle();
    expect(core.saved).toBe('Seconda stesura');
  });

  it('keeps a gone field’s unsaved text until the page closes, when nothing was typed after', async () => {
    const core = { reachable: false, saves: [] as string[] };
    const view = render(
      <TextField
        label="Risposta"
        value="Prima"
        onCommit={async (value) => {
          const api = failingApi(() =>
            core.reachable ? null : { code: 'HOST_UNREACHABLE', message: 'no answer' },
          );
          if ((await attempt(() => api.projectCurrent())) === null) return false;
          core.saves.push(value);
          return true;
        }}
      />,
    );
    type('Unico testo');
    view.unmount(); // left before the pause: sent at once, and it fails
    await settle();
    expect(usePendingEdits.getState().unsaved).toBe(1);
    core.reachable = true;
    await act(async () => flushPendingEdits());
    expect(core.saves).toEqual(['Unico testo']);
  });

  it('bases a change on what the window showed when the typing began, not on a later save from elsewhere', async () => {
    const setRev = (rev: number) =>
      useProjectStore.setState({
        snapshot: { project: { meta: { rev } } },
      } as unknown as Parameters<typeof useProjectStore.setState>[0]);
    setRev(3);
    const sent: Array<number | undefined> = [];
    render(
      <TextField
        label="Risposta"
        value="Prima"
        onCommit={async () => {
          sent.push(metaRev());
          setRev((metaRev() ?? 0) + 1);
          return true;
        }}
      />,
    );
    type('Prima, scritto qui');
    // Another window saves the same record while this one is still typing.
    setRev(4);
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    expect(sent).toEqual([3]);
    // The next draft starts from what the window shows after that save.
    const shown = metaRev();
    type('Prima, scritto qui e poi ancora');
    await act(async () => vi.advanceTimersByTime(TYPING_PAUSE_MS + 10));
    expect(sent).toEqual([3, shown]);
    useProjectStore.setState({ snapshot: null } as unknown as Parameters<
      typeof useProjectStore.setState
    >[0]);
  });
});
