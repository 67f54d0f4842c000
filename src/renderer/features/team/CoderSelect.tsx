import { useId } from 'react';
import { coderDisplay } from '../../../shared/domain/team';
import type { Evaluator } from '../../../shared/model/project';
import { useT } from '../../i18n/use-t';

/** A coder filter: every coder, or one of the team (issue 18). Hidden with a team of one. */
export function CoderSelect({
  team,
  value,
  onChange,
}: {
  team: Evaluator[];
  value: string;
  onChange(coderId: string): void;
}) {
  const t = useT();
  const id = useId();
  if (team.length < 2) return null;
  return (
    <div className="field">
      <label htmlFor={id}>{t('team.filter.coder')}</label>
      <select id={id} value={value} onChange={(event) => onChange(event.target.value)}>
        <option value="">{t('team.filter.allCoders')}</option>
        {team.map((member) => {
          const shown = coderDisplay(team, member.id, t('agreement.consensus'));
          return (
            <option key={member.id} value={member.id}>
              {shown.initials} – {shown.name}
            </option>
          );
        })}
      </select>
    </div>
  );
}
