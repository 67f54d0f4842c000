import { ipcMain, type IpcMainInvokeEvent } from 'electron';
import { channelOf } from '../shared/ipc/channels';
import { HANDLER_NAMES, type HandlerName, type Handlers } from '../shared/ipc/contract';
import type { Envelope } from '../shared/ipc/errors';
import { dispatch } from './core/dispatch';
import type { Logger } from './core/logger';

/**
 * Registers every contract handler on its IPC channel. Each call is checked twice: the sender
 * frame must be the app's own page, and the arguments must pass the handler's zod schema.
 */
export function registerHandlers(
  handlers: Handlers,
  logger: Logger,
  isTrustedSender: (event: IpcMainInvokeEvent) => boolean,
  afterCall: (name: HandlerName) => void,
): void {
  for (const name of HANDLER_NAMES) {
    ipcMain.handle(channelOf(name), async (event, args: unknown): Promise<Envelope<unknown>> => {
      if (!isTrustedSender(event)) {
        await logger.error(
          `refused ${name}`,
          new Error(`untrusted sender ${event.senderFrame?.url}`),
        );
        return { ok: false, error: { code: 'UNAUTHORIZED', message: 'Untrusted sender' } };
      }
      // Each window is its own client: its own undo history, and it is told of others' changes.
      const result = await dispatch(handlers, name, args, logger, {
        clientId: `w${event.sender?.id ?? 0}`,
      });
      afterCall(name);
      return result;
    });
  }
}
