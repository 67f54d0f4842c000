import { contract, isHandlerName, type Handlers } from '../../shared/ipc/contract';
import { CampoError, type Envelope } from '../../shared/ipc/errors';
import { describeIssues, issuesForUser } from '../../shared/model/issues';
import { LOCAL_CLIENT, runAsCaller, type Caller } from './caller';
import type { Logger } from './logger';

/**
 * Runs one contract call from an untrusted caller (IPC or HTTP): checks the name, validates the
 * arguments with the handler's zod schema, and answers with an envelope. User errors keep their
 * code; anything else is a bug: logged with its stack, answered as INTERNAL. `caller` names the
 * window the call came from.
 */
export async function dispatch(
  handlers: Handlers,
  name: string,
  rawArgs: unknown,
  logger: Logger,
  caller: Caller = { clientId: LOCAL_CLIENT },
): Promise<Envelope<unknown>> {
  if (!isHandlerName(name)) {
    return { ok: false, error: { code: 'NOT_FOUND', message: `Unknown handler ${name}` } };
  }
  const parsed = contract[name].args.safeParse(rawArgs ?? {});
  if (!parsed.success) {
    return {
      ok: false,
      error: {
        code: 'VALIDATION',
        message: `Invalid arguments for ${name}`,
        details: { reason: describeIssues(parsed.error), issues: issuesForUser(parsed.error) },
      },
    };
  }
  try {
    const run = handlers[name] as (args: unknown) => Promise<unknown>;
    // The window the call came from: its own undo history, and the events others get.
    const value = await runAsCaller(caller, () => run(parsed.data));
    return { ok: true, value: value ?? null };
  } catch (error) {
    if (error instanceof CampoError) return { ok: false, error: error.toWire() };
    await logger.error(`handler ${name} failed`, error);
    const message = error instanceof Error ? error.message : String(error);
    return { ok: false, error: { code: 'INTERNAL', message } };
  }
}
