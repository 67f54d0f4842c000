import type { Handlers } from '../../../shared/ipc/contract';
import { agreementHandlers } from './agreement-handlers';
import { analysisHandlers } from './analysis-handlers';
import { appHandlers } from './app-handlers';
import { codebookHandlers } from './codebook-handlers';
import { codingHandlers } from './coding-handlers';
import { CoreState, type HostContext } from './context';
import { exchangeHandlers } from './exchange-handlers';
import { exportHandlers } from './export-handlers';
import { projectHandlers } from './project-handlers';
import { indicatorHandlers } from './indicator-handlers';
import { matrixHandlers } from './matrix-handlers';
import { ngtHandlers } from './ngt-handlers';
import { participantHandlers } from './participant-handlers';
import { questionHandlers } from './question-handlers';
import { sessionHandlers } from './session-handlers';
import { sourceHandlers } from './source-handlers';
import { teamHandlers } from './team-handlers';

export type { HostContext } from './context';

/**
 * The core: every contract handler, implemented once for both hosts. The compiler checks that
 * the union of the groups is exactly the contract (a missing handler is a type error here).
 */
export function createCore(host: HostContext): {
  handlers: Handlers;
  /** Re-checks the open project's lock (e.g. after the computer wakes up). */
  checkLock(): Promise<void>;
  /** Closes the open project, waiting for pending saves. */
  shutdown(): Promise<void>;
} {
  const state = new CoreState(host);
  const handlers = {
    ...appHandlers(state),
    ...projectHandlers(state),
    ...questionHandlers(state),
    ...participantHandlers(state),
    ...sessionHandlers(state),
    ...sourceHandlers(state),
    ...codebookHandlers(state),
    ...codingHandlers(state),
    ...analysisHandlers(state),
    ...ngtHandlers(state),
    ...matrixHandlers(state),
    ...indicatorHandlers(state),
    ...exportHandlers(state),
    ...exchangeHandlers(state),
    ...agreementHandlers(state),
    ...teamHandlers(state),
  } satisfies Handlers;
  return {
    handlers,
    checkLock: async () => state.session?.checkLock(),
    shutdown: () => state.closeCurrent(),
  };
}
