import type { HandlerName } from './contract';
import type { CampoEventName } from './types';

// Kept apart from contract.ts so the preload bundle carries channel names, not zod.

/** The Electron IPC channel of a handler. */
export function channelOf(name: HandlerName): string {
  return `campo:${name}`;
}

/** The Electron IPC channel of a push event. */
export function eventChannelOf(name: CampoEventName): string {
  return `campo-event:${name}`;
}
