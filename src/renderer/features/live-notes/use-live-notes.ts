import { useCallback, useEffect, useRef, useState } from 'react';
import {
  noteKeys,
  reopenedNotes,
  sourceToNotes,
  type HeldNotes,
  type NoteDraft,
  type NoteEntry,
} from '../../../shared/domain/live-notes';
import type { FieldSession } from '../../../shared/model/project';
import { api } from '../../api/client';
import { useAppStore } from '../../stores/app-store';
import { refreshProject } from '../../stores/core-calls';
import { markSaved, markUnsaved } from '../../stores/pending-edits';
import { recallJsonFromTab, rememberInTab } from '../../stores/tab-memory';

/** Notes not under a guide question. */
export const FREE_NOTES = 'free';
/** Save at least this often while the user keeps typing… */
const MAX_UNSAVED_MS = 4000;
/** …and this soon after they pause. */
const PAUSE_MS = 1200;
const RETRY_MS = 10_000;

type Draft = NoteDraft;

/**
 * Where this window keeps notes not yet saved (a failed save: Campo not answering), so a reload
 * (after Campo is started again) brings them back instead of the older list on disk.
 */
export const unsavedNotesKey = (sessionId: string) => `live-notes-unsaved.${sessionId}`;

const isHeldNotes = (value: unknown): value is HeldNotes =>
  Array.isArray((value as HeldNotes).entries) &&
  typeof (value as HeldNotes).drafts === 'object' &&
  ((value as HeldNotes).base === undefined || Array.isArray((value as HeldNotes).base));

const recalledUnsaved = (sessionId: string) =>
  recallJsonFromTab(unsavedNotesKey(sessionId), isHeldNotes);

const newDraft = (): Draft => ({ id: crypto.randomUUID(), text: '', time: null, questionIds: [] });
const toggled = (ids: string[], id: string) =>
  ids.includes(id) ? ids.filter((q) => q !== id) : [...ids, id];

/**
 * The state of live note-taking for one session: saved notes, the note being typed under each
 * guide question (saved too, so nothing typed is lost), the clock, and an autosave that writes
 * within a few seconds of any change and once more on close.
 */
export function useLiveNotes(session: FieldSession) {
  const [entries, setEntries] = useState<NoteEntry[] | null>(null);
  const [drafts, setDrafts] = useState<Record<string, Draft>>({});
  const [startedAt, setStartedAt] = useState<string | null>(session.notesStartedAt);
  /** When the last change was made, and since when changes have been waiting to be saved. */
  const changedAt = useRef(0);
  const dirtySince = useRef<number | null>(null);
  /** After a failed save, wait before trying again (no stream of identical errors). */
  const retryAt = useRef(0);
  const saving = useRef<Promise<void> | null>(null);
  const latest = useRef<{ entries: NoteEntry[]; drafts: Record<string, Draft> }>({
    entries: [],
    drafts: {},
  });
  const hadSource = useRef(session.notesSourceId !== null);
  /** The project's notes as this window last loaded or saved them (see HeldNotes.base). */
  const base = useRef<string[]>([]);
  useEffect(() => {
    latest.current = { entries: entries ?? [], drafts };
    // Kept by the window while not saved: what is typed or committed survives a reload.
    if (entries !== null && dirtySince.current !== null) {
      const held: HeldNotes = { ...latest.current, base: base.current };
      rememberInTab(unsavedNotesKey(session.id), JSON.stringify(held));
    }
  }, [entries, drafts, session.id]);
  /** Notes this window had not saved when it was reloaded (see unsavedNotesKey). */
  const [restored, setRestored] = useState(false);

  const elapsed = useCallback(
    () => (startedAt ? Math.max(0, Math.round((Date.now() - Date.parse(startedAt)) / 1000)) : 0),
    [startedAt],
  );

  /** Starts the clock (at the first note, or by hand). */
  const start = useCallback(() => {
    if (startedAt) return;
    setStartedAt(new Date().toISOString());
    void api()
      .notesStart({ sessionId: session.id })
      .then((updated) => setStartedAt(updated.notesStartedAt), useAppStore.getState().notifyError);
  }, [session.id, startedAt]);

  /** This view's place in the list of unsaved edits (the save badge, the flush on hide). */
  const owner = useRef({});
  /** The save below, for the flush of a failed save (which cannot name it while it runs). */
  const saveAgain = useRef<() => Promise<void>>(async () => undefined);

  const save = useCallback(async () => {
    if (saving.current) await saving.current;
    if (dirtySince.current === null) return;
    dirtySince.current = null;
    markSaved(owner.current);
    const { entries: saved, drafts: typing } = latest.current;
    const all: NoteEntry[] = [
      ...saved,
      ...Object.entries(typing).map(([key, draft]) => ({
        ...draft,
        guideQuestionId: key === FREE_NOTES ? null : key,
      })),
    ];
    saving.current = api()
      .notesSave({ sessionId: session.id, entries: all })
      .then(
        async () => {
          base.current = noteKeys(all);
          if (dirtySince.current === null) rememberInTab(unsavedNotesKey(session.id), null);
          if (!hadSource.current) {
            hadSource.current = true;
            await refreshProject();
          }
        },
        (error: unknown) => {
          // Not saved: keep it pending, so the next tick tries again.
          dirtySince.current ??= Date.now();
          markUnsaved(owner.current, () => saveAgain.current());
          retryAt.current = Date.now() + RETRY_MS;
          useAppStore.getState().notifyError(error);
        },
      )
      .finally(() => {
        saving.current = null;
      });
    await saving.current;
  }, [session.id]);

  useEffect(() => {
    saveAgain.current = save;
  }, [save]);

  const touch = () => {
    changedAt.current = Date.now();
    dirtySince.current ??= changedAt.current;
    markUnsaved(owner.current, () => save());
  };

  useEffect(() => {
    let live = true;
    const id = session.notesSourceId;
    const load = id ? api().sourceGet({ id }).then(sourceToNotes) : Promise.resolve([]);
    load.then(
      (loaded) => {
        if (!live) return;
        base.current = noteKeys(loaded);
        // Notes the window holds and could not save (Campo was not answering): see reopenedNotes.
        const reopened = reopenedNotes(loaded, recalledUnsaved(session.id));
        if (!reopened) {
          rememberInTab(unsavedNotesKey(session.id), null);
          setEntries(loaded);
          return;
        }
        setRestored(true);
        setEntries(reopened.entries);
        setDrafts(reopened.drafts);
        touch();
      },
      (error: unknown) => {
        useAppStore.getState().notifyError(error);
        if (live) setEntries([]);
      },
    );
    return () => {
      live = false;
    };
    // Loaded once per opening: later saves come from this view.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [session.id]);

  useEffect(() => {
    const timer = setInterval(() => {
      const now = Date.now();
      const since = dirtySince.current;
      if (since === null || now < retryAt.current) return;
      if (now - changedAt.current >= PAUSE_MS || now - since >= MAX_UNSAVED_MS) void save();
    }, 500);
    return () => clearInterval(timer);
  }, [save]);

  const type = (key: string, text: string) => {
    if (!startedAt && text.trim()) start();
    setDrafts((all) => {
      const draft = all[key] ?? newDraft();
      const time = draft.text.trim() === '' && text.trim() !== '' ? elapsed() : draft.time;
      return { ...all, [key]: { ...draft, text, time } };
    });
    touch();
  };

  /** Turns the note being typed into a saved note of the list. */
  const commit = (key: string) => {
    const draft = drafts[key];
    if (!draft || draft.text.trim() === '') return;
    setEntries((all) => [
      ...(all ?? []),
      { ...draft, text: draft.text.trim(), guideQuestionId: key === FREE_NOTES ? null : key },
    ]);
    setDrafts(({ [key]: _done, ...rest }) => rest);
    touch();
  };

  const markDraft = (key: string, questionId: string) => {
    setDrafts((all) => {
      const draft = all[key] ?? newDraft();
      return { ...all, [key]: { ...draft, questionIds: toggled(draft.questionIds, questionId) } };
    });
    touch();
  };

  const changeEntry = (id: string, change: (entry: NoteEntry) => NoteEntry | null) => {
    setEntries((all) =>
      (all ?? []).flatMap((entry) => (entry.id === id ? (change(entry) ?? []) : [entry])),
    );
    touch();
  };

  return {
    entries,
    drafts,
    /** Whether this window's unsaved notes came back (after a reload, or Campo started again). */
    restored,
    startedAt,
    elapsed,
    start,
    type,
    commit,
    markDraft,
    markEntry: (id: string, questionId: string) =>
      changeEntry(id, (e) => ({ ...e, questionIds: toggled(e.questionIds, questionId) })),
    editEntry: (id: string, text: string) =>
      changeEntry(id, (e) => (text.trim() ? { ...e, text } : null)),
    deleteEntry: (id: string) => changeEntry(id, () => null),
    /** Saves what is pending now (on close, or when the page is hidden). */
    flush: () => {
      touch();
      return save();
    },
  };
}
