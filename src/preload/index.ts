/**
 * The only bridge between the page and the app: one function per contract entry, each a single
 * ipcRenderer.invoke on its own channel, plus `on` for the known push events. ipcRenderer itself
 * is never exposed. Built as CommonJS: sandboxed preloads cannot load ES modules.
 */
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, eventChannelOf } from '../shared/ipc/channels';
import type { HandlerName, PreloadApi } from '../shared/ipc/contract';
import { EVENT_NAMES, type CampoEventName, type CampoEvents } from '../shared/ipc/types';

function call<K extends HandlerName>(name: K): PreloadApi[K] {
  return ((args: unknown) => ipcRenderer.invoke(channelOf(name), args)) as PreloadApi[K];
}

const api = {
  appInfo: call('appInfo'),
  settingsUpdate: call('settingsUpdate'),
  recentList: call('recentList'),
  recentForget: call('recentForget'),
  projectCreate: call('projectCreate'),
  projectOpen: call('projectOpen'),
  projectOpenDemo: call('projectOpenDemo'),
  projectCurrent: call('projectCurrent'),
  projectClose: call('projectClose'),
  projectUpdateMeta: call('projectUpdateMeta'),
  backupList: call('backupList'),
  backupRestore: call('backupRestore'),
  questionAdd: call('questionAdd'),
  questionUpdate: call('questionUpdate'),
  questionMove: call('questionMove'),
  questionDuplicate: call('questionDuplicate'),
  questionsRenumber: call('questionsRenumber'),
  questionLinks: call('questionLinks'),
  questionDelete: call('questionDelete'),
  participantAdd: call('participantAdd'),
  participantUpdate: call('participantUpdate'),
  participantLinks: call('participantLinks'),
  participantDelete: call('participantDelete'),
  participantsReadFile: call('participantsReadFile'),
  participantsImport: call('participantsImport'),
  sessionAdd: call('sessionAdd'),
  sessionUpdate: call('sessionUpdate'),
  sessionDelete: call('sessionDelete'),
  sourceGet: call('sourceGet'),
  sourceRename: call('sourceRename'),
  sourceDelete: call('sourceDelete'),
  transcriptRead: call('transcriptRead'),
  transcriptImport: call('transcriptImport'),
  notesStart: call('notesStart'),
  notesSave: call('notesSave'),
  dialogPickFolder: call('dialogPickFolder'),
  dialogSaveFile: call('dialogSaveFile'),
  dialogSavePath: call('dialogSavePath'),
  reportSettingsSave: call('reportSettingsSave'),
  reportOutline: call('reportOutline'),
  reportExport: call('reportExport'),
  workbookExport: call('workbookExport'),
  qdpxExport: call('qdpxExport'),
  qdcExport: call('qdcExport'),
  qdpxInspect: call('qdpxInspect'),
  qdpxImport: call('qdpxImport'),
  qdcImport: call('qdcImport'),
  dialogOpenFile: call('dialogOpenFile'),
  codeAdd: call('codeAdd'),
  codeUpdate: call('codeUpdate'),
  codeMove: call('codeMove'),
  codeLinks: call('codeLinks'),
  codeMerge: call('codeMerge'),
  codeDelete: call('codeDelete'),
  codebookExport: call('codebookExport'),
  codebookImport: call('codebookImport'),
  codeCounts: call('codeCounts'),
  codingApply: call('codingApply'),
  codingInVivo: call('codingInVivo'),
  codingApplyNoteMarks: call('codingApplyNoteMarks'),
  codingUpdate: call('codingUpdate'),
  codingRemove: call('codingRemove'),
  codingUndo: call('codingUndo'),
  codingRedo: call('codingRedo'),
  codingHistory: call('codingHistory'),
  sourceMemoSave: call('sourceMemoSave'),
  sourceTextUpdate: call('sourceTextUpdate'),
  segmentsRetrieve: call('segmentsRetrieve'),
  textSearch: call('textSearch'),
  searchCodeAll: call('searchCodeAll'),
  matrixCooccurrence: call('matrixCooccurrence'),
  frameworkMatrix: call('frameworkMatrix'),
  frameworkSummarySave: call('frameworkSummarySave'),
  ngtAdd: call('ngtAdd'),
  ngtUpdate: call('ngtUpdate'),
  ngtDelete: call('ngtDelete'),
  ngtParticipantAdd: call('ngtParticipantAdd'),
  ngtIdeaAdd: call('ngtIdeaAdd'),
  ngtPass: call('ngtPass'),
  ngtIdeaUpdate: call('ngtIdeaUpdate'),
  ngtIdeasMerge: call('ngtIdeasMerge'),
  ngtRoundStart: call('ngtRoundStart'),
  ngtBallotSave: call('ngtBallotSave'),
  ngtRatingSave: call('ngtRatingSave'),
  ngtBallotDelete: call('ngtBallotDelete'),
  ratingMatrixAdd: call('ratingMatrixAdd'),
  ratingMatrixUpdate: call('ratingMatrixUpdate'),
  ratingMatrixDelete: call('ratingMatrixDelete'),
  ratingCellSet: call('ratingCellSet'),
  ratingCellUpdate: call('ratingCellUpdate'),
  agreementCompute: call('agreementCompute'),
  agreementDisagreements: call('agreementDisagreements'),
  agreementResolve: call('agreementResolve'),
  ratingAgreementCompute: call('ratingAgreementCompute'),
  indicatorAdd: call('indicatorAdd'),
  indicatorUpdate: call('indicatorUpdate'),
  indicatorDelete: call('indicatorDelete'),
  indicatorsReadFile: call('indicatorsReadFile'),
  indicatorsImport: call('indicatorsImport'),
  foldersList: call('foldersList'),
  on<E extends CampoEventName>(event: E, listener: (payload: CampoEvents[E]) => void) {
    if (!EVENT_NAMES.includes(event)) throw new Error(`Unknown event ${event}`);
    const forward = (_event: IpcRendererEvent, payload: CampoEvents[E]) => listener(payload);
    ipcRenderer.on(eventChannelOf(event), forward);
    return () => {
      ipcRenderer.removeListener(eventChannelOf(event), forward);
    };
  },
} satisfies PreloadApi;

contextBridge.exposeInMainWorld('campo', api);
