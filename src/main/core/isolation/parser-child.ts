/**
 * The parser process: reads files a user picked, one request at a time, and answers with plain
 * data (see parser-jobs.ts). Started by parser-pool.ts with Node's `fork` (CLI, browser mode,
 * tests) or Electron's `utilityProcess` (desktop app), with a heap limit; killed when a file
 * takes too long. It never touches a project.
 */
import { CampoError } from '../../../shared/ipc/errors';
import { PARSER_JOBS, type ParserMessage, type ParserRequest } from './parser-jobs';

interface ElectronParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

const electronPort = (process as { parentPort?: ElectronParentPort }).parentPort;
const post = (message: ParserMessage) =>
  electronPort ? electronPort.postMessage(message) : process.send?.(message);
const onRequest = (listener: (request: ParserRequest) => void) =>
  electronPort
    ? electronPort.on('message', (event) => listener(event.data as ParserRequest))
    : process.on('message', (message) => listener(message as ParserRequest));

let current: number | null = null;

function toWire(error: unknown) {
  if (error instanceof CampoError) return error.toWire();
  const message = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  return { code: 'INTERNAL', message: message.slice(0, 300) };
}

// A library failing outside any promise (JSZip throws from a timer) ends this process, after
// saying why; the app refuses the file and starts another parser next time.
const fatal = (error: unknown) => {
  if (current !== null) post({ id: current, ok: false, error: toWire(error) });
  process.exit(70);
};
process.on('uncaughtException', fatal);
process.on('unhandledRejection', fatal);
// The app went away: nothing is left to answer.
process.on('disconnect', () => process.exit(0));

onRequest((request) => {
  current = request.id;
  const run = PARSER_JOBS[request.job] as (input: unknown) => Promise<unknown> | unknown;
  void Promise.resolve()
    .then(() => run(request.input))
    .then(
      (value) =>
        post({
          id: request.id,
          ok: true,
          value,
          maxRssBytes: process.resourceUsage().maxRSS * 1024,
        }),
      (error: unknown) => post({ id: request.id, ok: false, error: toWire(error) }),
    )
    .finally(() => {
      current = null;
    });
});

post({ ready: true });
