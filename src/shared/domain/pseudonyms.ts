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

/** Two pseudonyms or codes are the same when they differ only in case and outer spaces. */
export const sameCode = (a: string, b: string) => a.trim().toUpperCase() === b.trim().toUpperCase();

/**
 * The next free pseudonym: INT-04 for an interviewee, or FG-01-P3 for the third participant of
 * focus group FG-01. Codes already used by any participant are never reused.
 */
export function nextParticipantCode(
  participants: readonly { code: string }[],
  focusGroupCode?: string,
  /** Codes of interviews and focus groups, which a new interviewee's pseudonym skips. */
  sessionCodes: readonly string[] = [],
): string {
  const codes = participants.map((participant) => participant.code);
  if (focusGroupCode) {
    const prefix = focusGroupCode
      .trim()
      .toUpperCase()
      .replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return `${focusGroupCode.trim().toUpperCase()}-P${highest(codes, new RegExp(`^${prefix}-P(\\d+)$`)) + 1}`;
  }
  let n = highest(codes, /^INT-(\d+)$/) + 1;
  while (sessionCodes.some((code) => sameCode(code, `INT-${pad(n)}`))) n += 1;
  return `INT-${pad(n)}`;
}

/**
 * The pseudonym of a participant added to an interview: the interview's own code (INT-06 for
 * the interviewee of INT-06, as reports quote them), or INT-06-P2… when it is taken.
 */
export function intervieweeCode(
  participants: readonly { code: string }[],
  interviewCode: string,
): string {
  if (!participants.some((p) => sameCode(p.code, interviewCode))) return interviewCode.trim();
  return nextParticipantCode(participants, interviewCode).replace(/-P1$/, '-P2');
}

/**
 * True when `code`, as an interview or focus group's code, is the pseudonym of a participant who
 * is not in it: two different things under one name.
 */
export function sessionCodeClashes(
  participants: readonly { id: string; code: string }[],
  session: { code: string; participantIds: readonly string[] },
): boolean {
  return participants.some(
    (p) => sameCode(p.code, session.code) && !session.participantIds.includes(p.id),
  );
}

/** True when a participant's pseudonym is the code of an interview or focus group they are not in. */
export function participantCodeClashes(
  sessions: readonly { code: string; participantIds: readonly string[] }[],
  participant: { id: string; code: string },
): boolean {
  return sessions.some(
    (s) => sameCode(s.code, participant.code) && !s.participantIds.includes(participant.id),
  );
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
