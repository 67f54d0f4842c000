import { EVALUATOR_ROLES } from '../../../shared/model/constants';
import type { Evaluator } from '../../../shared/model/project';
import { isConsensus } from '../../../shared/domain/agreement-consensus';
import { coderDisplay } from '../../../shared/domain/team';
import { useT } from '../../i18n/use-t';
import { useAppStore } from '../../stores/app-store';
import { useTeamStore } from '../../stores/team-store';

/** The project's team: each evaluator with initials, colour (their codings' margin) and role. */
export function TeamList({ team }: { team: Evaluator[] }) {
  const t = useT();
  const me = useAppStore((state) => state.info?.settings.evaluator.id);
  const updateMember = useTeamStore((state) => state.updateMember);
  return (
    <table className="team-list">
      <caption className="visually-hidden">{t('team.list.caption')}</caption>
      <thead>
        <tr>
          <th scope="col">{t('team.list.colour')}</th>
          <th scope="col">{t('team.identity.name')}</th>
          <th scope="col">{t('team.identity.initials')}</th>
          <th scope="col">{t('team.list.role')}</th>
        </tr>
      </thead>
      <tbody>
        {team.map((member) => {
          const shown = coderDisplay(team, member.id, t('agreement.consensus'));
          return (
            <tr key={member.id}>
              <td>
                <input
                  type="color"
                  aria-label={t('team.list.colourOf', { name: shown.name })}
                  value={shown.colour}
                  onChange={(event) => void updateMember(member, { colour: event.target.value })}
                />
              </td>
              <td>
                {shown.name}
                {member.id === me && <span className="badge">{t('team.list.you')}</span>}
              </td>
              <td>
                <span className="coder-chip" style={{ borderColor: shown.colour }}>
                  {shown.initials}
                </span>
              </td>
              <td>
                {isConsensus(member.id) ? (
                  // The agreed codings' layer: it has a colour, not a role.
                  <span className="muted">{t('team.list.consensusLayer')}</span>
                ) : (
                  <select
                    aria-label={t('team.list.roleOf', { name: shown.name })}
                    value={member.role}
                    onChange={(event) =>
                      void updateMember(member, { role: event.target.value as Evaluator['role'] })
                    }
                  >
                    {EVALUATOR_ROLES.map((role) => (
                      <option key={role} value={role}>
                        {t(`team.role.${role}`)}
                      </option>
                    ))}
                  </select>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
