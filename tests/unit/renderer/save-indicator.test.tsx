// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { coreFailures, noteCoreAnswer, noteCoreFailure } from '../../../src/renderer/api/failures';
import { SaveIndicator } from '../../../src/renderer/app/SaveIndicator';
import { useAppStore } from '../../../src/renderer/stores/app-store';
import { usePendingEdits } from '../../../src/renderer/stores/pending-edits';
import { useProjectStore } from '../../../src/renderer/stores/project-store';

afterEach(cleanup);

describe('SaveIndicator', () => {
  it('says when the last save reached the disk, and why one failed, in the user’s language', () => {
    useAppStore.setState({ language: 'it' });
    useProjectStore.setState({ saveState: null });
    render(<SaveIndicator />);
    const indicator = screen.getByRole('status');
    expect(indicator.textContent).toBe('Tutte le modifiche sono salvate');

    act(() => useProjectStore.setState({ saveState: { state: 'saving' } }));
    expect(indicator.textContent).toBe('Salvataggio…');

    const at = new Date(2026, 10, 24, 10, 42).toISOString();
    act(() => useProjectStore.setState({ saveState: { state: 'saved', at } }));
    expect(indicator.textContent).toBe('Salvato alle 10:42');

    // Typing that waits for its pause, then its save on the way: never "Salvato" meanwhile.
    act(() => usePendingEdits.setState({ unsaved: 1 }));
    expect(indicator.textContent).toBe('Modifiche non salvate');
    act(() => usePendingEdits.setState({ unsaved: 0, inFlight: 1 }));
    expect(indicator.textContent).toBe('Salvataggio…');
    act(() => usePendingEdits.setState({ inFlight: 0 }));
    expect(indicator.textContent).toBe('Salvato alle 10:42');

    act(() =>
      useProjectStore.setState({
        saveState: {
          state: 'failed',
          code: 'PERMISSION_DENIED',
          message: 'x',
          details: { path: '/p' },
        },
      }),
    );
    expect(indicator.textContent).toBe('Non salvato: Permesso negato: non si può scrivere in /p.');

    act(() => useAppStore.setState({ language: 'en' }));
    expect(indicator.textContent).toBe('Not saved: Permission denied: cannot write to /p.');
  });

  it('says the host does not answer from a failed call until one gets through again', () => {
    useAppStore.setState({ language: 'it' });
    useProjectStore.setState({ saveState: null });
    render(<SaveIndicator />);
    const indicator = screen.getByRole('status');
    act(() => noteCoreFailure('HOST_UNREACHABLE'));
    expect(indicator.textContent).toBe('Campo non risponde: ciò che scrivi non è salvato');
    // A refusal is an answer: the host is there.
    act(() => noteCoreFailure('VALIDATION'));
    expect(indicator.textContent).toBe('Tutte le modifiche sono salvate');
    act(() => noteCoreFailure(null));
    expect(indicator.textContent).toBe('Campo non risponde: ciò che scrivi non è salvato');
    act(() => noteCoreAnswer());
    expect(indicator.textContent).toBe('Tutte le modifiche sono salvate');
    // Campo started again on the same address refuses the old token: nothing is saved either,
    // and what was typed stays (walk-through 8: the badge said only «Modifiche non salvate»).
    act(() => noteCoreFailure('UNAUTHORIZED'));
    expect(indicator.textContent).toBe(
      'Campo è stato riavviato: apri il suo nuovo indirizzo; ciò che scrivi non è salvato',
    );
    expect(coreFailures().keepsInput).toBe(true);
    act(() => noteCoreAnswer());
    expect(indicator.textContent).toBe('Tutte le modifiche sono salvate');
  });
});
