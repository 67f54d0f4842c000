// @vitest-environment happy-dom
import { afterEach, describe, expect, it } from 'vitest';
import {
  enterProjectInTab,
  recallFromTab,
  recallJsonFromTab,
  rememberInTab,
} from '../../../src/renderer/stores/tab-memory';

const isDraft = (value: unknown): value is { text: string } =>
  typeof (value as { text?: unknown }).text === 'string';

afterEach(() => {
  sessionStorage.clear();
  enterProjectInTab(null);
});

describe('what a window remembers across a reload', () => {
  it('belongs to the project open: another project reads nothing of it', () => {
    enterProjectInTab('p-1');
    rememberInTab('coding-tab', 'memo');
    expect(recallFromTab('coding-tab')).toBe('memo');
    enterProjectInTab('p-2');
    expect(recallFromTab('coding-tab')).toBeNull();
    enterProjectInTab(null);
    rememberInTab('coding-tab', 'x');
    expect(sessionStorage.length).toBe(1);
  });

  it('gives back a JSON value only when it parses and has the shape asked for', () => {
    enterProjectInTab('p-1');
    rememberInTab('draft', JSON.stringify({ text: 'Il bando è arrivato tardi' }));
    expect(recallJsonFromTab('draft', isDraft)).toEqual({ text: 'Il bando è arrivato tardi' });
    // Damaged, or written by another version: forgotten, not a crash.
    rememberInTab('draft', '{"text": "tronc');
    expect(recallJsonFromTab('draft', isDraft)).toBeNull();
    rememberInTab('draft', JSON.stringify({ words: 'altro formato' }));
    expect(recallJsonFromTab('draft', isDraft)).toBeNull();
    rememberInTab('draft', 'null');
    expect(recallJsonFromTab('draft', isDraft)).toBeNull();
    rememberInTab('draft', null);
    expect(recallJsonFromTab('draft', isDraft)).toBeNull();
  });
});
