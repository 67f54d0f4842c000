import { useEffect, useState } from 'react';
import type { NgtSession } from '../../../shared/model/ngt';
import { useProjectStore } from '../../stores/project-store';

/** Seconds left of silent generation (null when the timer is not running); ticks every second. */
export function useTimeLeft(ngt: NgtSession): number | null {
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    if (!ngt.timerStartedAt) return;
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, [ngt.timerStartedAt]);
  if (!ngt.timerStartedAt) return null;
  const elapsed = (now - Date.parse(ngt.timerStartedAt)) / 1000;
  return Math.max(0, Math.round(ngt.generationMinutes * 60 - elapsed));
}

/** "04:59". */
export function formatMinutes(seconds: number): string {
  return `${String(Math.floor(seconds / 60)).padStart(2, '0')}:${String(seconds % 60).padStart(2, '0')}`;
}

/** Pseudonyms of the project's participants, by id. */
export function usePseudonyms(): Map<string, string> {
  const participants = useProjectStore((state) => state.snapshot?.project.participants ?? []);
  return new Map(participants.map((p) => [p.id, p.code]));
}

/** The ideas still on the list (not merged into another), in recording order. */
export function liveIdeas(ngt: NgtSession) {
  return ngt.ideas.filter((idea) => !idea.mergedInto);
}
