import { z } from 'zod';
import { LANGUAGES, ProjectMetaSchema } from '../model/project';
import { patchSchema } from '../model/patch';
import { agreementContract } from './contract-agreement';
import { codingContract } from './contract-coding';
import { exchangeContract } from './contract-exchange';
import { exportContract } from './contract-export';
import { fieldworkContract } from './contract-fieldwork';
import { indicatorsContract } from './contract-indicators';
import { matrixContract } from './contract-matrix';
import { ngtContract } from './contract-ngt';
import { teamContract } from './contract-team';
import { BaseRevSchema, handler, returns, type Returns } from './define';
import type { Envelope } from './errors';
import type {
  AppInfo,
  AppSettings,
  BackupInfo,
  CampoEventName,
  CampoEvents,
  FolderListing,
  ProjectSnapshot,
  RecentProject,
} from './types';

const PathSchema = z.string().trim().min(1).max(4_096);
const Empty = z.object({}).strict();

/**
 * THE contract between UI and core: every handler's name, argument schema and result type
 * (fieldwork entries live in contract-fieldwork.ts and are spread in below).
 * Add a handler here and the compiler points at every place that must follow: the core
 * implementation (`Handlers`), the preload (`PreloadApi`), and nothing else — the Electron
 * registration, the browser host and the renderer client are derived from this object.
 */
export const contract = {
  appInfo: handler(Empty, returns<AppInfo>()),
  settingsUpdate: handler(
    z.object({ language: z.enum(LANGUAGES).optional() }).strict(),
    returns<AppSettings>(),
  ),

  recentList: handler(Empty, returns<RecentProject[]>()),
  recentForget: handler(z.object({ path: PathSchema }).strict(), returns<RecentProject[]>()),

  projectCreate: handler(
    z
      .object({
        name: z.string().trim().min(1).max(120),
        parentDir: PathSchema,
        programme: z.string().max(300).optional(),
      })
      .strict(),
    returns<ProjectSnapshot>(),
  ),
  projectOpen: handler(z.object({ path: PathSchema }).strict(), returns<ProjectSnapshot>()),
  projectOpenDemo: handler(Empty, returns<ProjectSnapshot>()),
  projectCurrent: handler(Empty, returns<ProjectSnapshot | null>()),
  projectClose: handler(Empty, returns<null>()),
  projectUpdateMeta: handler(
    z.object({ patch: patchSchema(ProjectMetaSchema), baseRev: BaseRevSchema }).strict(),
    returns<ProjectSnapshot>(),
  ),

  backupList: handler(z.object({ path: PathSchema }).strict(), returns<BackupInfo[]>()),
  backupRestore: handler(
    z.object({ path: PathSchema, backupId: z.string().min(1).max(200) }).strict(),
    returns<ProjectSnapshot>(),
  ),

  dialogPickFolder: handler(
    z.object({ title: z.string().max(200).optional() }).strict(),
    returns<string | null>(),
  ),
  foldersList: handler(
    z.object({ path: PathSchema.optional() }).strict(),
    returns<FolderListing>(),
  ),

  /** Saves an export through the native save dialog; browser mode downloads instead. */
  dialogSaveFile: handler(
    z
      .object({ fileName: z.string().trim().min(1).max(300), data: z.string().max(200_000_000) })
      .strict(),
    returns<string | null>(),
  ),

  ...fieldworkContract,
  ...codingContract,
  ...ngtContract,
  ...matrixContract,
  ...indicatorsContract,
  ...exportContract,
  ...exchangeContract,
  ...agreementContract,
  ...teamContract,
};

export type Contract = typeof contract;
export type HandlerName = keyof Contract;
/** What a caller passes (before zod fills in defaults). */
export type HandlerArgs<K extends HandlerName> = z.input<Contract[K]['args']>;
/** What an implementation receives (validated, defaults applied). */
export type HandlerParsedArgs<K extends HandlerName> = z.output<Contract[K]['args']>;
export type HandlerResult<K extends HandlerName> =
  Contract[K]['returns'] extends Returns<infer R> ? R : never;

/** The core's implementation of the contract. */
export type Handlers = {
  [K in HandlerName]: (args: HandlerParsedArgs<K>) => Promise<HandlerResult<K>>;
};

/** Handlers whose arguments are all optional can be called without any. */
type CallArgs<K extends HandlerName> =
  Record<never, never> extends HandlerArgs<K> ? [args?: HandlerArgs<K>] : [args: HandlerArgs<K>];

/** What screens call: results, or a thrown CampoError. */
export type CampoApi = {
  [K in HandlerName]: (...args: CallArgs<K>) => Promise<HandlerResult<K>>;
} & {
  on<E extends CampoEventName>(event: E, listener: (payload: CampoEvents[E]) => void): () => void;
};

/** What the preload exposes as `window.campo`: envelopes, never ipcRenderer. */
export type PreloadApi = {
  [K in HandlerName]: (args: HandlerArgs<K>) => Promise<Envelope<HandlerResult<K>>>;
} & {
  on<E extends CampoEventName>(event: E, listener: (payload: CampoEvents[E]) => void): () => void;
};

export const HANDLER_NAMES = Object.keys(contract) as HandlerName[];

/** True when `name` is a handler of the contract (guards dispatch of untrusted names). */
export function isHandlerName(name: string): name is HandlerName {
  return Object.prototype.hasOwnProperty.call(contract, name);
}
