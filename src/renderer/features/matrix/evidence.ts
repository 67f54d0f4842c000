import type { Evidence } from '../../../shared/model/matrix';
import { useCodingStore } from '../../stores/coding-store';
import { useNavigationStore } from '../../stores/navigation-store';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';

/** Opens what a piece of evidence points at: the coded passage in its text, a source, a session. */
export async function openEvidence(evidence: Evidence): Promise<void> {
  const go = useNavigationStore.getState().go;
  if (evidence.kind === 'segment' || evidence.kind === 'source') {
    const source = await useSourcesStore.getState().load(evidence.sourceId);
    if (!source) return;
    const coding =
      evidence.kind === 'segment'
        ? source.codings.find((c) => c.id === evidence.codingId)
        : undefined;
    useCodingStore.getState().openSource(evidence.sourceId, coding?.start ?? 0);
    go('coding');
  } else if (evidence.kind === 'session') {
    const session = useProjectStore
      .getState()
      .snapshot?.project.sessions.find((s) => s.id === evidence.sessionId);
    go(session?.kind === 'focusGroup' ? 'focusGroups' : 'interviews');
  }
}
