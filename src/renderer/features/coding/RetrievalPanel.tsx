import { useEffect, useId, useMemo, useState } from 'react';
import { CoderSelect } from '../team/CoderSelect';
import { PARTICIPANT_FIELDS } from '../../../shared/domain/coding-analysis';
import { pendingNoteMarks } from '../../../shared/domain/note-marks';
import type { HandlerArgs } from '../../../shared/ipc/contract';
import type { SegmentView } from '../../../shared/ipc/types';
import { api } from '../../api/client';
import { useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { useSourcesStore } from '../../stores/sources-store';
import { CodeOptions } from './CodeOptions';
import { SegmentList } from './SegmentList';

type Filter = HandlerArgs<'segmentsRetrieve'>;

/** Beyond this many codings, Recupero waits for a filter before listing every passage. */
const UNFILTERED_MAX = 2_000;

const FIELD_LABELS = {
  organisation: 'participants.organisation',
  role: 'participants.role',
  territory: 'participants.territory',
  partnershipType: 'participants.partnership',
} as const satisfies Record<(typeof PARTICIPANT_FIELDS)[number], string>;

/**
 * How many DV marks of live notes are not coded yet, over every notes source (loaded for it:
 * notes are short), and those sources.
 */
function useNoteMarks(): { pending: number; sourceIds: string[] } {
  const project = useProjectStore((state) => state.snapshot!.project);
  const loaded = useSourcesStore((state) => state.loaded);
  const load = useSourcesStore((state) => state.load);
  const notesIds = useMemo(
    () => project.sources.filter((s) => s.kind === 'notes').map((s) => s.id),
    [project.sources],
  );
  useEffect(() => {
    for (const id of notesIds) if (!useSourcesStore.getState().loaded[id]) void load(id);
  }, [notesIds, load]);
  return useMemo(() => {
    let pending = 0;
    const sourceIds: string[] = [];
    for (const id of notesIds) {
      const source = loaded[id];
      const n = source ? pendingNoteMarks(source, project.codes).length : 0;
      if (n > 0) sourceIds.push(id);
      pending += n;
    }
    return { pending, sourceIds };
  }, [notesIds, loaded, project.codes]);
}

/**
 * Coded segments by code, evaluation question, participant or participant attribute (e.g.
 * every "criticità" said by a municipality), with their context.
 */
export function RetrievalPanel({ onOpen }: { onOpen(sourceId: string, at: number): void }) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot!.project);
  const version = useCodingStore((state) => state.version);
  const [codeId, setCodeId] = useState('');
  const [questionId, setQuestionId] = useState('');
  const [participantId, setParticipantId] = useState('');
  const [attributeKey, setAttributeKey] = useState('organisation');
  const [attributeValue, setAttributeValue] = useState('');
  const [keyOnly, setKeyOnly] = useState(false);
  const [coderId, setCoderId] = useState('');
  const [segments, setSegments] = useState<SegmentView[] | null>(null);
  const [showAll, setShowAll] = useState(false);
  const total = useCodingStore((state) =>
    Object.values(state.counts).reduce((sum, row) => sum + row.codings, 0),
  );
  const ids = {
    code: useId(),
    question: useId(),
    participant: useId(),
    key: useId(),
    value: useId(),
  };

  const filter = useMemo<Filter>(() => {
    const value = attributeValue.trim();
    return {
      ...(codeId ? { codeIds: [codeId] } : {}),
      ...(questionId ? { questionId } : {}),
      ...(participantId ? { participantIds: [participantId] } : {}),
      ...(value ? { attribute: { key: attributeKey, value } } : {}),
      ...(keyOnly ? { keyOnly } : {}),
      ...(coderId ? { coderIds: [coderId] } : {}),
    };
  }, [codeId, questionId, participantId, attributeKey, attributeValue, keyOnly, coderId]);

  // Every passage of a large project is seconds of reading and hundreds of MB (walk-through 11:
  // 30,200 passages, 3 s): unfiltered, it waits for a filter or for «Mostrali tutti».
  const held = !showAll && total > UNFILTERED_MAX && Object.keys(filter).length === 0;

  useEffect(() => {
    if (held) return;
    let current = true;
    void attempt(() => api().segmentsRetrieve(filter)).then((found) => {
      if (current && found) setSegments(found);
    });
    return () => {
      current = false;
    };
  }, [filter, version, held]);

  const codes = useMemo(() => new Map(project.codes.map((c) => [c.id, c])), [project.codes]);
  const marks = useNoteMarks();
  const codeNoteMarks = useCodingStore((state) => state.codeNoteMarks);
  // Free attributes apart from the built-in fields: an imported «Tipo di partenariato» column is
  // not the field «Partenariato».
  const attributeKeys = useMemo(() => {
    const builtIn = new Set<string>(PARTICIPANT_FIELDS);
    const custom = new Set(project.participants.flatMap((p) => p.attributes.map((a) => a.key)));
    return [...custom].filter((key) => !builtIn.has(key)).sort((a, b) => a.localeCompare(b));
  }, [project.participants]);

  return (
    <section className="retrieval" aria-label={t('coding.tab.retrieve')}>
      <div className="filters">
        <CoderSelect team={project.evaluators} value={coderId} onChange={setCoderId} />
        <div className="field">
          <label htmlFor={ids.code}>{t('retrieval.code')}</label>
          <select id={ids.code} value={codeId} onChange={(e) => setCodeId(e.target.value)}>
            <option value="">{t('retrieval.any')}</option>
            <CodeOptions codes={project.codes} />
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.question}>{t('retrieval.question')}</label>
          <select
            id={ids.question}
            value={questionId}
            onChange={(e) => setQuestionId(e.target.value)}
          >
            <option value="">{t('retrieval.any')}</option>
            {project.questions.map((q) => (
              <option key={q.id} value={q.id}>
                {q.code} – {q.text.slice(0, 60)}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.participant}>{t('retrieval.participant')}</label>
          <select
            id={ids.participant}
            value={participantId}
            onChange={(e) => setParticipantId(e.target.value)}
          >
            <option value="">{t('retrieval.any')}</option>
            {project.participants.map((p) => (
              <option key={p.id} value={p.id}>
                {p.code}
                {p.organisation && ` – ${p.organisation}`}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.key}>{t('retrieval.attribute')}</label>
          <select
            id={ids.key}
            value={attributeKey}
            onChange={(e) => setAttributeKey(e.target.value)}
          >
            <optgroup label={t('retrieval.fieldsGroup')}>
              {PARTICIPANT_FIELDS.map((key) => (
                <option key={key} value={key}>
                  {t(FIELD_LABELS[key])}
                </option>
              ))}
            </optgroup>
            {attributeKeys.length > 0 && (
              <optgroup label={t('retrieval.attributesGroup')}>
                {attributeKeys.map((key) => (
                  <option key={key} value={key}>
                    {key}
                  </option>
                ))}
              </optgroup>
            )}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.value}>{t('retrieval.attributeValue')}</label>
          <input
            id={ids.value}
            type="search"
            value={attributeValue}
            placeholder={t('retrieval.attributeHint')}
            onChange={(e) => setAttributeValue(e.target.value)}
          />
        </div>
        <label className="checkbox">
          <input type="checkbox" checked={keyOnly} onChange={(e) => setKeyOnly(e.target.checked)} />
          {t('retrieval.keyOnly')}
        </label>
      </div>
      {marks.pending > 0 && (
        <div className="notice-warning" role="note">
          <p>{t('retrieval.pendingMarks', { n: marks.pending })}</p>
          <button type="button" onClick={() => void codeNoteMarks(marks.sourceIds)}>
            {t('notes.codeMarks', { n: marks.pending })}
          </button>
        </div>
      )}
      {held && (
        <div className="notice" role="note">
          <p>{t('retrieval.manyHeld', { n: total })}</p>
          <button type="button" onClick={() => setShowAll(true)}>
            {t('retrieval.showAll')}
          </button>
        </div>
      )}
      <p role="status" className="muted" hidden={held}>
        {segments
          ? t('retrieval.count', {
              n: segments.length,
              sources: new Set(segments.map((s) => s.sourceId)).size,
            })
          : t('app.loading')}
      </p>
      {segments && !held && <SegmentList segments={segments} codes={codes} onOpen={onOpen} />}
    </section>
  );
}
