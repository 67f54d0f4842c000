// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { initApi } from '../../../src/renderer/api/client';
import { RetrievalPanel } from '../../../src/renderer/features/coding/RetrievalPanel';
import { useCodingStore } from '../../../src/renderer/stores/coding-store';
import { useProjectStore } from '../../../src/renderer/stores/project-store';

afterEach(() => {
  cleanup();
  useProjectStore.setState({ snapshot: null });
  useCodingStore.setState({ counts: {} });
});

/** The panel over a project of `codings` codings; returns the retrieval calls it made. */
function renderPanel(codings: number) {
  const calls: unknown[] = [];
  (window as unknown as { campo: unknown }).campo = {
    segmentsRetrieve: async (args: unknown) => {
      calls.push(args);
      return { ok: true, value: [] };
    },
    on: () => () => undefined,
  };
  initApi();
  useProjectStore.setState({
    snapshot: {
      project: { codes: [], questions: [], participants: [], evaluators: [], sources: [] },
    },
  } as unknown as Parameters<typeof useProjectStore.setState>[0]);
  useCodingStore.setState({
    counts: {
      k1: {
        codeId: 'k1',
        codings,
        sources: 1,
        codingsWithChildren: codings,
        sourcesWithChildren: 1,
      },
    },
  });
  render(<RetrievalPanel onOpen={() => undefined} />);
  return calls;
}

describe('Recupero on a large project', () => {
  it('waits for a filter before listing 30,200 passages, and lists them when asked', async () => {
    // Walk-through 11: «Tutti» read every passage of the project, 3 s and 260 MB.
    const calls = renderPanel(30_200);
    expect(screen.getByText(/^30\.200 passaggi in tutto: scegli un codice, una DV/)).toBeTruthy();
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toEqual([]);
    fireEvent.click(screen.getByRole('button', { name: 'Mostrali tutti' }));
    await waitFor(() => expect(calls).toEqual([{}]));
  });

  it('lists a small project’s passages at once', async () => {
    const calls = renderPanel(300);
    await waitFor(() => expect(calls).toEqual([{}]));
    expect(screen.queryByRole('button', { name: 'Mostrali tutti' })).toBeNull();
  });
});
