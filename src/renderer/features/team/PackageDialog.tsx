import { useState } from 'react';
import { isConsensus } from '../../../shared/domain/agreement-consensus';
import { Dialog } from '../../components/Dialog';
import { useT } from '../../i18n/use-t';
import { useProjectStore } from '../../stores/project-store';
import { useTeamStore } from '../../stores/team-store';

/**
 * "Prepara un pacchetto per un collega": the whole project or chosen interviews and sources,
 * optionally blind (the others' codings left out, for double coding).
 */
export function PackageDialog({ onClose }: { onClose(): void }) {
  const t = useT();
  const project = useProjectStore((state) => state.snapshot?.project);
  const makePackage = useTeamStore((state) => state.makePackage);
  const [all, setAll] = useState(true);
  const [chosen, setChosen] = useState<string[]>([]);
  const [blind, setBlind] = useState(false);
  const [forId, setForId] = useState<string>('');
  const [withNames, setWithNames] = useState(false);
  if (!project) return null;
  const sessionOf = (sourceId: string) =>
    project.sessions.find((session) => session.sourceIds.includes(sourceId))?.code;
  const toggle = (id: string, on: boolean) =>
    setChosen((list) => (on ? [...list, id] : list.filter((other) => other !== id)));
  return (
    <Dialog title={t('team.package.title')} onClose={onClose} wide>
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void makePackage({
            sourceIds: all ? null : chosen,
            blind,
            forEvaluatorId: forId || null,
            withNames,
          }).then((ok) => ok && onClose());
        }}
      >
        <fieldset className="radio-group">
          <legend>{t('team.package.what')}</legend>
          <label className="checkbox">
            <input type="radio" name="scope" checked={all} onChange={() => setAll(true)} />
            {t('team.package.all', { count: project.sources.length })}
          </label>
          <label className="checkbox">
            <input type="radio" name="scope" checked={!all} onChange={() => setAll(false)} />
            {t('team.package.chosen')}
          </label>
        </fieldset>
        {!all && (
          <ul className="package-sources" aria-label={t('team.package.sources')}>
            {project.sources.map((source) => (
              <li key={source.id}>
                <label className="checkbox">
                  <input
                    type="checkbox"
                    checked={chosen.includes(source.id)}
                    onChange={(event) => toggle(source.id, event.target.checked)}
                  />
                  {sessionOf(source.id) ? `${sessionOf(source.id)} – ` : ''}
                  {source.title}
                </label>
              </li>
            ))}
          </ul>
        )}
        <label className="checkbox">
          <input
            type="checkbox"
            checked={blind}
            onChange={(event) => setBlind(event.target.checked)}
          />
          {t('team.package.blind')}
        </label>
        <p className="hint">{t('team.package.blindHint')}</p>
        <label className="checkbox">
          <input
            type="checkbox"
            checked={withNames}
            aria-describedby="package-names-hint"
            onChange={(event) => setWithNames(event.target.checked)}
          />
          {t('team.package.names')}
        </label>
        <p className="hint" id="package-names-hint">
          {t(withNames ? 'team.package.namesOnHint' : 'team.package.namesOffHint')}
        </p>
        <label className="field">
          <span>{t('team.package.for')}</span>
          <select
            value={forId}
            aria-describedby="package-for-hint"
            onChange={(event) => setForId(event.target.value)}
          >
            <option value="">{t('team.package.forAnyone')}</option>
            {project.evaluators
              .filter((member) => !isConsensus(member.id))
              .map((member) => (
                <option key={member.id} value={member.id}>
                  {member.name || member.id.slice(0, 8)}
                </option>
              ))}
          </select>
        </label>
        <p className="hint" id="package-for-hint">
          {t('team.package.forHint')}
        </p>
        <div className="dialog-actions">
          <button type="button" onClick={onClose}>
            {t('app.cancel')}
          </button>
          <button type="submit" className="primary" disabled={!all && chosen.length === 0}>
            {t('team.package.make')}
          </button>
        </div>
      </form>
    </Dialog>
  );
}
