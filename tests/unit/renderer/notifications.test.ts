import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  dropNotificationsBefore,
  notificationMark,
  useAppStore,
} from '../../../src/renderer/stores/app-store';

beforeEach(() => {
  vi.useFakeTimers();
  useAppStore.setState({ notifications: [] });
});
afterEach(() => vi.useRealTimers());

const refusal = { error: { code: 'VALIDATION' as const, message: 'x', details: { reason: 'r' } } };

describe('error toasts', () => {
  it('leave by themselves when they report a refused value, and do not pile up', () => {
    const app = useAppStore.getState();
    app.notify('error', refusal);
    app.notify('error', refusal);
    expect(useAppStore.getState().notifications).toHaveLength(1);
    vi.advanceTimersByTime(16_000);
    expect(useAppStore.getState().notifications).toHaveLength(0);
  });

  it('stay until dismissed when something was not saved or is broken', () => {
    const app = useAppStore.getState();
    app.notify('error', { error: { code: 'DISK_FULL', message: 'x' } });
    app.notify('error', { error: { code: 'INTERNAL', message: 'boom' } });
    vi.advanceTimersByTime(60_000);
    const left = useAppStore.getState().notifications;
    expect(left.map((n) => ('error' in n.message ? n.message.error.code : ''))).toEqual([
      'DISK_FULL',
      'INTERNAL',
    ]);
    app.dismiss(left[0]!.id);
    expect(useAppStore.getState().notifications).toHaveLength(1);
  });
});

describe('confirmations', () => {
  it('replace the one before them, so they do not stack over a form; offers and errors stay', () => {
    const app = useAppStore.getState();
    app.notify('error', { error: { code: 'DISK_FULL', message: 'x' } });
    app.notify('success', { key: 'questions.added', params: { code: 'DV1' } });
    app.notify('success', { key: 'coding.undone', params: { label: 'x' } }, [
      { label: 'coding.redo', run: () => {} },
    ]);
    app.notify('success', { key: 'questions.added', params: { code: 'DV2' } });
    app.notify('success', { key: 'questions.added', params: { code: 'DV3' } });
    const shown = useAppStore
      .getState()
      .notifications.map((n) =>
        'error' in n.message
          ? n.message.error.code
          : `${n.message.key} ${JSON.stringify(n.message.params ?? {})}`,
      );
    expect(shown).toEqual([
      'DISK_FULL',
      'coding.undone {"label":"x"}',
      'questions.added {"code":"DV3"}',
    ]);
  });
});

describe('a project change', () => {
  it('drops what was said about the old project, and keeps what the change itself said', () => {
    const app = useAppStore.getState();
    app.notify('error', { error: { code: 'SOURCE_CORRUPT', message: 'INT-05' } });
    app.notify('error', { error: { code: 'DISK_FULL', message: 'x' } });
    const mark = notificationMark();
    // The last saves, sent as the project closes, fail: the user must still see it.
    app.notify('error', { error: { code: 'HOST_UNREACHABLE', message: 'y' } });
    dropNotificationsBefore(mark);
    const left = useAppStore.getState().notifications;
    expect(left.map((n) => ('error' in n.message ? n.message.error.code : ''))).toEqual([
      'HOST_UNREACHABLE',
    ]);
  });
});
