import { z } from 'zod';
import { patchSchema } from '../model/patch';
import { IndicatorSchema, type Indicator } from '../model/project';
import { handler, returns } from './define';

const Id = z.string().min(1).max(100);
const IndicatorPatch = patchSchema(IndicatorSchema.omit({ id: true }));

/** Indicators of the programme's monitoring and performance framework. */
export const indicatorsContract = {
  indicatorAdd: handler(IndicatorPatch.required({ name: true }).strict(), returns<Indicator>()),
  indicatorUpdate: handler(
    z.object({ id: Id, patch: IndicatorPatch.strict() }).strict(),
    returns<Indicator>(),
  ),
  indicatorDelete: handler(z.object({ id: Id }).strict(), returns<null>()),
};
