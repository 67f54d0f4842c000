// @vitest-environment happy-dom
import { cleanup, fireEvent, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { ParticipantsPicker } from '../../../src/renderer/features/sessions/ParticipantsPicker';
import { useProjectStore } from '../../../src/renderer/stores/project-store';

afterEach(() => {
  cleanup();
  useProjectStore.setState({ snapshot: null });
});

const people = ['P1', 'P2', 'P3'].map((n) => ({ id: `id-${n}`, code: `NGT-01-${n}`, role: '' }));

function renderPicker(added: string[][]) {
  useProjectStore.setState({
    snapshot: { project: { participants: people } },
  } as unknown as Parameters<typeof useProjectStore.setState>[0]);
  render(
    <ParticipantsPicker
      participantIds={[]}
      groupCode="NGT-01"
      onCommit={(ids) => added.push(ids)}
      onAddNew={() => undefined}
    />,
  );
  return screen.getByLabelText('Aggiungi un partecipante…') as HTMLSelectElement;
}

describe('the participants picker', () => {
  it('from the keyboard, picks with the arrows and letters and adds only on Enter', () => {
    // Found by a newcomer walk-through: typing «NGT-01-P3» added five people.
    const added: string[][] = [];
    const select = renderPicker(added);
    for (const id of ['id-P1', 'id-P2', 'id-P3']) {
      fireEvent.keyDown(select, { key: 'ArrowDown' });
      fireEvent.change(select, { target: { value: id } });
    }
    expect(added).toEqual([]);
    expect(screen.getByRole('button', { name: 'Aggiungi NGT-01-P3' })).toBeTruthy();
    fireEvent.keyDown(select, { key: 'Enter' });
    expect(added).toEqual([['id-P3']]);
  });

  it('with the mouse, adds the person chosen at once', () => {
    const added: string[][] = [];
    const select = renderPicker(added);
    fireEvent.mouseDown(select);
    fireEvent.change(select, { target: { value: 'id-P2' } });
    expect(added).toEqual([['id-P2']]);
  });
});
