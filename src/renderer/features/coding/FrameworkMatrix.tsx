import { useCallback, useEffect, useMemo, useState } from 'react';
import { CoderSelect } from '../team/CoderSelect';
import type { FrameworkCell } from '../../../shared/ipc/types';
import type { EvaluationQuestion, Participant } from '../../../shared/model/project';
import { api } from '../../api/client';
import { Dialog } from '../../components/Dialog';
import { TextField } from '../../components/fields';
import { useT } from '../../i18n/use-t';
import { useCodingStore } from '../../stores/coding-store';
import { attempt } from '../../stores/core-calls';
import { useProjectStore } from '../../stores/project-store';
import { SegmentList } from './SegmentList';

const cellKey = (participantId: string, questionId: string) => `${participantId}|${questionId}`;

/**
 * Participants × evaluation questions: each cell lists what that participant said on that
 * question (segments coded with the DV's codes) and holds the evaluator's written summary.
 */
export function FrameworkMatrix() {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot!.project);
  const version = useCodingStore((state) => state.version);
  const saveSummary = useCodingStore((state) => state.saveFrameworkSummary);
  const [cells, setCells] = useState<Map<string, FrameworkCell> | null>(null);
  const [open, setOpen] = useState<{ participant: Participant; question: EvaluationQuestion }>();

  const [coderId, setCoderId] = useState('');
  const [reloads, setReloads] = useState(0);
  const reload = useCallback(() => setReloads((n) => n + 1), []);
  useEffect(() => {
    let current = true;
    void attempt(() => api().frameworkMatrix(coderId ? { coderIds: [coderId] } : {})).then(
      (found) => {
        if (current && found) {
          setCells(new Map(found.map((c) => [cellKey(c.participantId, c.questionId), c])));
        }
      },
    );
    return () => {
      current = false;
    };
  }, [version, reloads, coderId]);

  const codes = useMemo(() => new Map(project.codes.map((c) => [c.id, c])), [project.codes]);
  if (!cells) return <p className="muted">{t('app.loading')}</p>;
  if (project.questions.length === 0 || project.participants.length === 0) {
    return <p className="muted">{t('matrices.frameworkEmpty')}</p>;
  }
  const openCell = open ? cells.get(cellKey(open.participant.id, open.question.id)) : undefined;
  return (
    <div className="table-scroll">
      <CoderSelect team={project.evaluators} value={coderId} onChange={setCoderId} />
      <table className="data-table framework-table">
        <caption>{t('matrices.frameworkCaption')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('matrices.participant')}</th>
            {project.questions.map((q) => (
              <th key={q.id} scope="col" title={q.text}>
                {q.code}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {project.participants.map((participant) => (
            <tr key={participant.id}>
              <th scope="row" title={participant.organisation}>
                {participant.code}
              </th>
              {project.questions.map((question) => {
                const cell = cells.get(cellKey(participant.id, question.id));
                const n = cell?.segments.length ?? 0;
                return (
                  <td key={question.id} className={n || cell?.summary ? 'filled' : undefined}>
                    <button
                      type="button"
                      className="cell-button"
                      aria-label={t('matrices.cellLabel', {
                        participant: participant.code,
                        question: question.code,
                        n,
                      })}
                      onClick={() => setOpen({ participant, question })}
                    >
                      {n > 0 && <span className="cell-count">{n}</span>}
                      {cell?.summary && <span className="cell-summary">{cell.summary}</span>}
                    </button>
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {open && (
        <Dialog
          wide
          title={`${open.participant.code} × ${open.question.code}`}
          onClose={() => setOpen(undefined)}
        >
          <p className="muted">{open.question.text}</p>
          <TextField
            label={t('matrices.summary')}
            value={openCell?.summary ?? ''}
            multiline
            rows={4}
            onCommit={(text) =>
              saveSummary(open.participant.id, open.question.id, text).then((saved) => {
                reload();
                return saved;
              })
            }
          />
          {openCell && openCell.segments.length > 0 ? (
            <SegmentList segments={openCell.segments} codes={codes} onChanged={reload} />
          ) : (
            <p className="muted">{t('matrices.noSegments')}</p>
          )}
        </Dialog>
      )}
    </div>
  );
}
