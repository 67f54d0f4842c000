import { z } from 'zod';
import { patchSchema } from '../model/patch';
import { IndicatorSchema, STAMP_KEYS, type Indicator } from '../model/project';
import { BaseRevSchema, handler, returns } from './define';
import type { SpreadsheetPreview } from './types';

const Id = z.string().min(1).max(100);
const IndicatorFields = IndicatorSchema.omit({ id: true, ...STAMP_KEYS });
const IndicatorPatch = patchSchema(IndicatorFields);

/** Indicators of the programme's monitoring and performance framework. */
export const indicatorsContract = {
  indicatorAdd: handler(IndicatorPatch.required({ name: true }).strict(), returns<Indicator>()),
  indicatorUpdate: handler(
    z.object({ id: Id, patch: IndicatorPatch.strict(), baseRev: BaseRevSchema }).strict(),
    returns<Indicator>(),
  ),
  indicatorDelete: handler(z.object({ id: Id }).strict(), returns<null>()),
  /** Reads a monitoring extract (CSV or XLSX) for the column-mapping preview. */
  indicatorsReadFile: handler(
    z
      .object({ fileName: z.string().trim().min(1).max(500), data: z.string().max(72_000_000) })
      .strict(),
    returns<SpreadsheetPreview>(),
  ),
  /** Adds the previewed indicators all at once. */
  indicatorsImport: handler(
    z
      .object({
        indicators: z.array(IndicatorFields.strict()).min(1).max(5_000),
      })
      .strict(),
    returns<Indicator[]>(),
  ),
};
