import { useEffect, useMemo, useState } from 'react';
import type { SegmentView } from '../../../shared/ipc/types';
import type { Evidence, RatingMatrix } from '../../../shared/model/matrix';
import { api } from '../../api/client';
import { SelectField, TextField } from '../../components/fields';
import { useLanguage, useT } from '../../i18n/use-t';
import { attempt } from '../../stores/core-calls';
import { useMatrixStore } from '../../stores/matrix-store';
import { useProjectStore } from '../../stores/project-store';
import { citationOf } from '../coding/SegmentList';
import { openEvidence } from './evidence';
import { anonymiser } from '../../../shared/report/anonymise';
import { usePrivacyStore } from '../../stores/privacy-store';
import { useSourcesStore } from '../../stores/sources-store';

/** The active cell: its ratings, the rationale, and the evidence it rests on. */
export function MatrixCellPanel({ matrix }: { matrix: RatingMatrix }) {
  const t = useT();
  const language = useLanguage();
  const project = useProjectStore((state) => state.snapshot!.project);
  const { active, rate, updateCell } = useMatrixStore();
  const loaded = useSourcesStore((state) => state.loaded);
  const revealNames = usePrivacyStore((state) => state.revealNames);
  const cell = active
    ? matrix.cells.find((c) => c.rowId === active.rowId && c.columnId === active.columnId)
    : undefined;
  const anonymise = useMemo(
    () => (revealNames ? null : anonymiser(project.participants)),
    [revealNames, project.participants],
  );
  // The sources of the active cell's linked passages, read to show the passages' words.
  const wanted = [
    ...new Set(
      (cell?.evidence ?? []).flatMap((item) => (item.kind === 'segment' ? [item.sourceId] : [])),
    ),
  ]
    .filter((id) => !loaded[id])
    .join(' ');
  useEffect(() => {
    for (const id of wanted.split(' ').filter(Boolean)) void useSourcesStore.getState().load(id);
  }, [wanted]);
  // A search belongs to the cell it was made for: another cell starts without it, so a passage
  // found for one cell is not linked to the next by mistake (walk-through 9).
  const cellKey = active ? `${matrix.id}|${active.rowId}|${active.columnId}` : '';
  const [search, setSearch] = useState<{
    cell: string;
    query: string;
    found: SegmentView[] | null;
  }>({ cell: '', query: '', found: null });
  const query = search.cell === cellKey ? search.query : '';
  const found = search.cell === cellKey ? search.found : null;
  const setQuery = (text: string) => setSearch({ cell: cellKey, query: text, found });
  const setFound = (segments: SegmentView[] | null) =>
    setSearch((held) => ({
      cell: cellKey,
      query: held.cell === cellKey ? held.query : '',
      found: segments,
    }));
  if (!active) return <aside className="matrix-side muted">{t('matrix.pickCell')}</aside>;
  const row = matrix.rows.find((r) => r.id === active.rowId);
  const column = matrix.columns.find((c) => c.id === active.columnId);
  if (!row || !column) return null;
  const evidence = cell?.evidence ?? [];
  const at = { matrixId: matrix.id, rowId: row.id, columnId: column.id };
  const setEvidence = (next: Evidence[]) => void updateCell({ ...at, patch: { evidence: next } });
  const sources = new Map(project.sources.map((s) => [s.id, s.title]));

  const describe = (item: Evidence): string => {
    if (item.kind === 'document')
      return `${item.title}${item.reference ? `, ${item.reference}` : ''}`;
    if (item.kind === 'session')
      return project.sessions.find((s) => s.id === item.sessionId)?.code ?? '?';
    const title = sources.get(item.sourceId) ?? '?';
    if (item.kind !== 'segment') return title;
    // The passage's own words (walk-through 9: only «Passaggio fg01»), names hidden unless shown.
    const coding = loaded[item.sourceId]?.codings.find((c) => c.id === item.codingId);
    if (!coding) return title;
    const words = anonymise ? anonymise(coding.text) : coding.text;
    return `${title}: «${words.length > 90 ? `${words.slice(0, 90)}…` : words}»`;
  };

  return (
    <aside className="matrix-side" aria-label={t('matrix.cellPanel')}>
      <h2>
        {row.label} × {column.label}
      </h2>
      {matrix.dimensions.map((d) => (
        <SelectField
          key={d.id}
          label={d.label[language]}
          value={cell?.ratings[d.id] ?? ''}
          options={[
            { value: '', label: '–' },
            ...matrix.scale.map((level) => ({ value: level.id, label: level.label[language] })),
          ]}
          onCommit={(levelId) => void rate({ ...at, dimensionId: d.id, levelId: levelId || null })}
        />
      ))}
      <TextField
        label={t('matrix.rationale')}
        value={cell?.rationale ?? ''}
        multiline
        rows={4}
        onCommit={(rationale) => updateCell({ ...at, patch: { rationale } })}
      />
      <section aria-label={t('matrix.evidence')}>
        <h3>{t('matrix.evidence')}</h3>
        {evidence.length === 0 && <p className="muted">{t('matrix.noEvidence')}</p>}
        <ul className="evidence-list">
          {evidence.map((item, index) => (
            <li key={index}>
              <span className="badge">{t(`matrix.evidenceKind.${item.kind}`)}</span>{' '}
              {item.kind === 'document' ? (
                describe(item)
              ) : (
                <button
                  type="button"
                  className="link-button"
                  onClick={() => void openEvidence(item)}
                >
                  {describe(item)}
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                aria-label={t('matrix.removeEvidence')}
                onClick={() => setEvidence(evidence.filter((_, i) => i !== index))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
        <form
          className="field-row"
          onSubmit={(event) => {
            event.preventDefault();
            void attempt(() => api().segmentsRetrieve({ text: query.trim() })).then(setFound);
          }}
        >
          <div className="field grow">
            <label htmlFor="evidence-search">{t('matrix.findSegment')}</label>
            <input
              id="evidence-search"
              type="search"
              value={query}
              onChange={(e) => setQuery(e.target.value)}
            />
          </div>
          <button type="submit">{t('search.run')}</button>
        </form>
        {found && (
          <ul className="evidence-found">
            {found.slice(0, 20).map((segment) => (
              <li key={segment.codingId}>
                <button
                  type="button"
                  onClick={() =>
                    setEvidence([
                      ...evidence,
                      { kind: 'segment', sourceId: segment.sourceId, codingId: segment.codingId },
                    ])
                  }
                >
                  {t('matrix.attach')}
                </button>{' '}
                <strong>{citationOf(segment)}</strong> «{segment.text.slice(0, 140)}»
              </li>
            ))}
            {found.length === 0 && <li className="muted">{t('matrix.noSegmentFound')}</li>}
          </ul>
        )}
        <select
          aria-label={t('matrix.addSource')}
          value=""
          onChange={(event) => {
            const [kind, id] = event.target.value.split(':') as ['source' | 'session', string];
            if (!id) return;
            setEvidence([
              ...evidence,
              kind === 'source' ? { kind, sourceId: id } : { kind, sessionId: id },
            ]);
          }}
        >
          <option value="">{t('matrix.addSource')}</option>
          {project.sessions.map((session) => (
            <option key={session.id} value={`session:${session.id}`}>
              {session.code} {session.title}
            </option>
          ))}
          {project.sources.map((source) => (
            <option key={source.id} value={`source:${source.id}`}>
              {source.title}
            </option>
          ))}
        </select>
        <DocumentEvidence
          onAdd={(title) => setEvidence([...evidence, { kind: 'document', title, reference: '' }])}
        />
      </section>
    </aside>
  );
}

function DocumentEvidence({ onAdd }: { onAdd(title: string): void }) {
  const t = useT();
  const [title, setTitle] = useState('');
  return (
    <form
      className="field-row"
      onSubmit={(event) => {
        event.preventDefault();
        if (title.trim()) {
          onAdd(title.trim());
          setTitle('');
        }
      }}
    >
      <div className="field grow">
        <label htmlFor="evidence-document">{t('matrix.document')}</label>
        <input id="evidence-document" value={title} onChange={(e) => setTitle(e.target.value)} />
      </div>
      <button type="submit" disabled={!title.trim()}>
        {t('app.add')}
      </button>
    </form>
  );
}
