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
  /**
   * Applies a previewed import at once (indicators-match.ts): `indicators` are added, `updates`
   * change indicators already there (each refused if changed since `baseRev` by another window).
   * Undoable with `indicatorsImportUndo` while those indicators stay as the import left them.
   */
  indicatorsImport: handler(
    z
      .object({
        indicators: z.array(IndicatorFields.strict()).max(5_000),
        updates: z
          .array(
            z.object({ id: Id, patch: IndicatorPatch.strict(), baseRev: BaseRevSchema }).strict(),
          )
          .max(5_000)
          .default([]),
      })
      .strict()
      .refine((args) => args.indicators.length + args.updates.length > 0, 'Nothing to import'),
    returns<IndicatorImportResult>(),
  ),
  /**
   * Takes back the last import of this project (added indicators removed, updated ones as they
   * were); refused with IMPORT_UNDO_REFUSED when one of them was changed or deleted after it,
   * with IMPORT_UNDO_GONE when it is not this project's last import of this session.
   */
  indicatorsImportUndo: handler(z.object({ importId: Id }).strict(), returns<Indicator[]>()),
};

/** What an import did: the indicators it added and updated, and its id for the undo. */
export interface IndicatorImportResult {
  importId: string;
  added: Indicator[];
  updated: Indicator[];
}
