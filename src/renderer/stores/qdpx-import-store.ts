import { create } from 'zustand';
import type { PositionUnit } from '../../shared/exchange/positions';
import type { QdpxInspection } from '../../shared/ipc/contract-exchange';
import { api } from '../api/client';
import { useAppStore } from './app-store';
import { useProjectStore } from './project-store';

/** The archive under review: bytes from a picked file, or a native dialog's path. */
export type QdpxUpload = { fileName: string; data: string } | { fileName: string; path: string };

interface QdpxImportState {
  upload: QdpxUpload | null;
  inspection: QdpxInspection | null;
  /** The unit the user chose for the sources whose evidence is weak (null: as detected). */
  unit: PositionUnit | null;
  reading: boolean;
  /** Reads the archive and opens the review; nothing is written. */
  review(upload: QdpxUpload): Promise<void>;
  /** Stops waiting for the archive being read: its answer, when it comes, is dropped. */
  stopReading(): void;
  chooseUnit(unit: PositionUnit): void;
  /** Imports the archive under review as a new project and opens it. */
  confirm(): Promise<boolean>;
  cancel(): void;
}

const EMPTY = { upload: null, inspection: null, unit: null, reading: false };
/** Bumped by each review and by stopReading: only the latest review's answer is used. */
let round = 0;

/**
 * A REFI-QDA archive from review to import: what it would bring in and how its positions would
 * be read are shown first (QdpxReviewDialog); the user may choose the position unit where the
 * evidence is weak, then imports. Reset when the review closes.
 */
export const useQdpxImportStore = create<QdpxImportState>((set, get) => ({
  ...EMPTY,
  async review(upload) {
    const app = useAppStore.getState();
    const mine = ++round;
    set({ ...EMPTY, reading: true });
    try {
      const inspection = await api().qdpxInspect(upload);
      if (mine !== round) return;
      set({ upload, inspection, reading: false });
      app.openDialog({ kind: 'qdpx-review' });
    } catch (error) {
      if (mine !== round) return;
      set(EMPTY);
      app.notifyError(error);
    }
  },
  stopReading() {
    round += 1;
    set(EMPTY);
  },
  chooseUnit: (unit) => set({ unit }),
  async confirm() {
    const { upload, unit } = get();
    if (!upload) return false;
    const imported = await useProjectStore
      .getState()
      .importQdpx({ ...upload, ...(unit ? { unit } : {}) });
    if (imported) set(EMPTY);
    return imported;
  },
  cancel() {
    set(EMPTY);
    useAppStore.getState().closeDialog();
  },
}));
