import { create } from 'zustand';
import type { ParticipantLinks, SpreadsheetPreview } from '../../shared/ipc/types';
import type { Participant } from '../../shared/model/project';
import { api } from '../api/client';
import type { FileUpload } from '../api/files';
import { useAppStore } from './app-store';
import { useProjectStore } from './project-store';
import { attempt, deleteThenRefresh, refreshProject } from './core-calls';
import { baseRevOf } from './base-revision';

type ParticipantFields = Partial<Omit<Participant, 'id'>>;

interface ParticipantsState {
  add(fields: ParticipantFields & { sessionId?: string }): Promise<Participant | null>;
  /** Saves a change; resolves to false when it was refused (e.g. a pseudonym already used). */
  update(id: string, patch: ParticipantFields): Promise<boolean>;
  links(id: string): Promise<ParticipantLinks | null>;
  remove(participant: Participant): Promise<void>;
  readFile(upload: FileUpload): Promise<SpreadsheetPreview | null>;
  /** `leftOut`: the file's rows not imported (problems), said in the confirmation. */
  importMany(participants: Omit<Participant, 'id'>[], leftOut?: readonly number[]): Promise<number>;
}

const setParticipants = (change: (participants: Participant[]) => Participant[]) =>
  useProjectStore
    .getState()
    .patchProject((project) => ({ ...project, participants: change(project.participants) }));

/** Participants (cases): saved by the core, mirrored in the project. */
export const useParticipantsStore = create<ParticipantsState>(() => ({
  add: (fields) =>
    attempt(async () => {
      const participant = await api().participantAdd(fields);
      if (fields.sessionId) await refreshProject();
      else setParticipants((all) => [...all, participant]);
      return participant;
    }),
  async update(id, patch) {
    const baseRev = baseRevOf('participant', id);
    const participant = await attempt(() => api().participantUpdate({ id, patch, baseRev }));
    if (participant) setParticipants((all) => all.map((p) => (p.id === id ? participant : p)));
    return participant !== null;
  },
  links: (id) => attempt(() => api().participantLinks({ id })),
  async remove(participant) {
    await deleteThenRefresh(() => api().participantDelete({ id: participant.id }), {
      key: 'participants.deleted',
      params: { code: participant.code },
    });
  },
  readFile: (upload) => attempt(() => api().participantsReadFile(upload)),
  async importMany(participants, leftOut = []) {
    const added = await attempt(() => api().participantsImport({ participants }));
    if (!added) return 0;
    setParticipants((all) => [...all, ...added]);
    // Rows left out are said with the count, not only in the preview (walk-through 9: a person
    // whose consent read «forse» was missing and nothing said so).
    useAppStore.getState().notify(
      'success',
      leftOut.length === 0
        ? { key: 'participants.imported', params: { n: added.length } }
        : {
            key: 'participants.importedLeftOut',
            params: { n: added.length, left: leftOut.length, rows: leftOut.join(', ') },
          },
    );
    return added.length;
  },
}));
