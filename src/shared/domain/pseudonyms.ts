import type { SessionKind } from '../model/constants';

const pad = (n: number) => String(n).padStart(2, '0');

function highest(codes: readonly string[], pattern: RegExp): number {
  let max = 0;
  for (const code of codes) {
    const match = pattern.exec(code.trim().toUpperCase());
    if (match) max = Math.max(max, Number(match[1]));
  }
  return max;
}

/** The next interview (INT-03) or focus-group (FG-02) code. */
export function nextSessionCode(
  sessions: readonly { kind: SessionKind; code: string }[],
  kind: SessionKind,
): string {
  const prefix = kind === 'interview' ? 'INT' : 'FG';
  const codes = sessions.filter((session) => session.kind === kind).map((session) => session.code);
  return `${prefix}-${pad(highest(codes, new RegExp(`^${prefix}-(\\d+)$`)) + 1)}`;
}

/**
 * The next free pseudonym: INT-04 for an interviewee, or FG-01-P3 for the third participant of
 * focus group FG-01. Codes already used by any participant are never reused.
 */
export function nextParticipantCode(
  participants: readonly { code: string }[],
  focusGroupCode?: string,
): string {
  const codes = participants.map((participant) => participant.code);
  if (focusGroupCode) {
    const prefix = focusGroupCode
      .trim()
      .toUpperCase()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `${focusGroupCode.trim().toUpperCase()}-P${highest(codes, new RegExp(`^${prefix}-P(\\d+)$`)) + 1}`;
  }
  return `INT-${pad(highest(codes, /^INT-(\d+)$/) + 1)}`;
}

/** True when another participant already uses `code` (compared without case or spaces). */
export function isCodeTaken(
  items: readonly { id: string; code: string }[],
  code: string,
  exceptId?: string,
): boolean {
  const wanted = code.trim().toUpperCase();
  return items.some((item) => item.id !== exceptId && item.code.trim().toUpperCase() === wanted);
}
