import { useMemo } from 'react';
import { coderDisplay } from '../../../shared/domain/team';
import type { Evaluator } from '../../../shared/model/project';
import type { Coding } from '../../../shared/model/source';
import { useT } from '../../i18n/use-t';
import { useCoderLayers } from '../../stores/coder-layers-store';

/**
 * Above the text being coded: one switch per coder who coded it, in their colour with their
 * initials and number of codings, to show or hide their layer.
 */
export function CoderLayersBar({
  codings,
  team,
}: {
  codings: readonly Coding[];
  team: Evaluator[];
}) {
  const t = useT();
  const { hidden, toggle } = useCoderLayers();
  const coders = useMemo(() => {
    const counts = new Map<string, number>();
    for (const coding of codings) counts.set(coding.coderId, (counts.get(coding.coderId) ?? 0) + 1);
    return [...counts].map(([id, count]) => ({
      id,
      count,
      ...coderDisplay(team, id, t('agreement.consensus')),
    }));
  }, [codings, team, t]);
  if (coders.length < 2) return null;
  return (
    <fieldset className="coder-layers">
      <legend>{t('team.layers.legend')}</legend>
      {coders.map((coder) => (
        <label key={coder.id} title={coder.name}>
          <input
            type="checkbox"
            checked={!hidden.includes(coder.id)}
            onChange={() => toggle(coder.id)}
          />
          <span className="coder-chip" style={{ borderColor: coder.colour }}>
            {coder.initials}
          </span>
          {t('team.layers.coder', { name: coder.name, count: coder.count })}
        </label>
      ))}
    </fieldset>
  );
}
