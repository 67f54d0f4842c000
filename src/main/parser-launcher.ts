import { utilityProcess } from 'electron';
import type { ParserLauncher } from './core/isolation/parser-pool';

/**
 * Parser processes in the desktop app: Electron's utility processes, which run a Node script
 * without the RunAsNode fuse that `child_process.fork` would need (it is off in packaged apps).
 */
export function utilityProcessLauncher(script: string): ParserLauncher {
  return ({ memoryMb }) => {
    const child = utilityProcess.fork(script, [], {
      execArgv: [`--max-old-space-size=${memoryMb}`],
      serviceName: 'Campo parser',
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    return {
      send: (message) => child.postMessage(message),
      onMessage: (listener) => child.on('message', listener),
      onExit: (listener) => child.once('exit', (code) => listener(code, null)),
      onStderr: (listener) => child.stderr?.on('data', (chunk: Buffer) => listener(String(chunk))),
      kill: () => void child.kill(),
      // Utility processes never keep the app alive: it quits when its windows close.
      setBusy: () => undefined,
    };
  };
}
