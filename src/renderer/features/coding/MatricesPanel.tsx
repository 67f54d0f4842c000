import { useEffect, useMemo, useState } from 'react';
import { CoderSelect } from '../team/CoderSelect';
import { codeTreeOrder } from '../../../shared/domain/codebook';
import { formatNumber } from '../../../shared/i18n';
import { api } from '../../api/client';
import { Chip } from '../../components/fields';
import { TabStrip } from '../../components/TabStrip';
import { useLanguage, useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { FrameworkMatrix } from './FrameworkMatrix';

const VIEWS = ['frequency', 'cooccurrence', 'framework'] as const;
type View = (typeof VIEWS)[number];

/** Code frequency, code co-occurrence and the framework matrix (participants × DVs). */
export function MatricesPanel() {
  const t = useT();
  const [view, setView] = useState<View>('framework');
  return (
    <section className="matrices" aria-label={t('coding.tab.matrices')}>
      <TabStrip
        items={VIEWS}
        selected={view}
        onSelect={setView}
        labelOf={(name) => t(`matrices.${name}`)}
        label={t('matrices.views')}
        className="tabs tabs-small"
      />
      {view === 'frequency' && <FrequencyTable />}
      {view === 'cooccurrence' && <CooccurrenceTable />}
      {view === 'framework' && <FrameworkMatrix />}
    </section>
  );
}

function FrequencyTable() {
  const t = useT();
  const language = useLanguage();
  const codes = useProjectStore((state) => state.snapshot!.project.codes);
  const team = useProjectStore((state) => state.snapshot!.project.evaluators);
  const allCounts = useCodingStore((state) => state.counts);
  const version = useCodingStore((state) => state.version);
  const [coderId, setCoderId] = useState('');
  const [coderCounts, setCoderCounts] = useState<typeof allCounts | null>(null);
  useEffect(() => {
    if (!coderId) return;
    void attempt(() => api().codeCounts({ coderIds: [coderId] })).then(
      (rows) => rows && setCoderCounts(Object.fromEntries(rows.map((row) => [row.codeId, row]))),
    );
  }, [coderId, version]);
  const counts = coderId && coderCounts ? coderCounts : allCounts;
  return (
    <>
      <CoderSelect team={team} value={coderId} onChange={setCoderId} />
      <table className="data-table">
        <caption>{t('matrices.frequencyCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrices.code')}</th>
            <th scope="col">{t('matrices.codings')}</th>
            <th scope="col">{t('matrices.sources')}</th>
            <th scope="col">{t('matrices.codingsWithChildren')}</th>
            <th scope="col">{t('matrices.sourcesWithChildren')}</th>
          </tr>
        </thead>
        <tbody>
          {codeTreeOrder(codes).map(({ code, depth }) => {
            const row = counts[code.id];
            return (
              <tr key={code.id}>
                <th scope="row" style={{ paddingLeft: 8 + depth * 16 }}>
                  <span className="swatch" style={{ background: code.colour }} />
                  {code.name}
                </th>
                <td>{formatNumber(row?.codings ?? 0, language)}</td>
                <td>{formatNumber(row?.sources ?? 0, language)}</td>
                <td>{formatNumber(row?.codingsWithChildren ?? 0, language)}</td>
                <td>{formatNumber(row?.sourcesWithChildren ?? 0, language)}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}

function CooccurrenceTable() {
  const t = useT();
  const language = useLanguage();
  const codes = useProjectStore((state) => state.snapshot!.project.codes);
  const counts = useCodingStore((state) => state.counts);
  const version = useCodingStore((state) => state.version);
  const used = useMemo(
    () => codeTreeOrder(codes).filter(({ code }) => (counts[code.id]?.codings ?? 0) > 0),
    [codes, counts],
  );
  const [picked, setPicked] = useState<Set<string> | null>(null);
  const chosen = used
    .map(({ code }) => code)
    .filter((code) => (picked ? picked.has(code.id) : true))
    .slice(0, 30);
  const chosenKey = chosen.map((code) => code.id).join(',');
  const [matrix, setMatrix] = useState<{ codeIds: string[]; counts: number[][] } | null>(null);
  const team = useProjectStore((state) => state.snapshot!.project.evaluators);
  const [coderId, setCoderId] = useState('');

  useEffect(() => {
    const codeIds = chosenKey ? chosenKey.split(',') : [];
    if (codeIds.length === 0) return;
    const coders = coderId ? { coderIds: [coderId] } : {};
    void attempt(() => api().matrixCooccurrence({ codeIds, ...coders })).then(setMatrix);
  }, [chosenKey, version, coderId]);

  const byId = new Map(codes.map((code) => [code.id, code]));
  // A DV's code is named after its long question: its DV code is label enough in a table.
  const label = (id: string) => {
    const code = byId.get(id);
    return code?.followsQuestion ? code.name.split(' – ')[0] : code?.name;
  };
  const toggle = (id: string) => {
    const next = new Set(picked ?? used.map(({ code }) => code.id));
    if (next.has(id)) next.delete(id);
    else next.add(id);
    setPicked(next);
  };
  return (
    <div>
      <p className="hint">{t('matrices.cooccurrenceHint')}</p>
      <CoderSelect team={team} value={coderId} onChange={setCoderId} />
      <div className="chips">
        {used.map(({ code }) => (
          <Chip
            key={code.id}
            pressed={picked ? picked.has(code.id) : true}
            title={code.name}
            onToggle={() => toggle(code.id)}
          >
            {label(code.id)}
          </Chip>
        ))}
      </div>
      {chosen.length === 0 ? (
        <p className="muted">{t('matrices.nothingCoded')}</p>
      ) : (
        matrix && (
          <div className="table-scroll">
            <table className="data-table matrix-table">
              <caption>{t('matrices.cooccurrenceCaption')}</caption>
              <thead>
                <tr>
                  <td />
                  {matrix.codeIds.map((id) => (
                    <th key={id} scope="col" title={byId.get(id)?.name}>
                      {label(id)}
                    </th>
                  ))}
                </tr>
              </thead>
              <tbody>
                {matrix.codeIds.map((row, i) => (
                  <tr key={row}>
                    <th scope="row" title={byId.get(row)?.name}>
                      {label(row)}
                    </th>
                    {matrix.codeIds.map((column, j) => {
                      const value = matrix.counts[i]![j]!;
                      return (
                        <td
                          key={column}
                          className={i === j ? 'diagonal' : value > 0 ? 'hot' : undefined}
                        >
                          {formatNumber(value, language)}
                        </td>
                      );
                    })}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )
      )}
    </div>
  );
}
