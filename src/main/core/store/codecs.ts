import type { z } from 'zod';
import { CampoError, type ErrorCode } from '../../../shared/ipc/errors';
import { describeIssues } from '../../../shared/model/issues';
import {
  CURRENT_SCHEMA_VERSION,
  ProjectFileSchema,
  type ProjectFile,
} from '../../../shared/model/project';
import {
  LayerFileSchema,
  SourceDocSchema,
  type LayerFile,
  type SourceDoc,
} from '../../../shared/model/source';
import type { DocumentCodec } from './json-document';
import { schemaVersionOf } from './migrations';

/**
 * A codec for one kind of file at the current schema version: refuses files from a newer Campo
 * (PROJECT_TOO_NEW) and reports anything else it cannot accept with `corrupt`.
 */
function schemaCodec<T>(
  schema: z.ZodType<T>,
  corrupt: Extract<ErrorCode, 'PROJECT_CORRUPT' | 'SOURCE_CORRUPT'>,
): DocumentCodec<T> {
  return {
    parse(raw, path) {
      const version = schemaVersionOf(raw);
      if (version > CURRENT_SCHEMA_VERSION) {
        throw new CampoError('PROJECT_TOO_NEW', `${path} was written by a newer Campo`, {
          file: path,
          fileVersion: version,
          supportedVersion: CURRENT_SCHEMA_VERSION,
        });
      }
      const result = schema.safeParse(raw);
      if (!result.success) {
        throw new CampoError(corrupt, `${path} does not match its schema`, {
          file: path,
          reason: describeIssues(result.error),
        });
      }
      return result.data;
    },
    unparsable: (path, reason) =>
      new CampoError(corrupt, `${path} is not valid JSON`, { file: path, reason }),
  };
}

/** project.json at the current schema version. */
export const projectCodec: DocumentCodec<ProjectFile> = schemaCodec(
  ProjectFileSchema,
  'PROJECT_CORRUPT',
);

/** sources/<id>.json at the current schema version: text and turns. */
export const sourceCodec: DocumentCodec<SourceDoc> = schemaCodec(SourceDocSchema, 'SOURCE_CORRUPT');

/** codings/<source>/<evaluator>.json at the current schema version. */
export const layerCodec: DocumentCodec<LayerFile> = schemaCodec(LayerFileSchema, 'SOURCE_CORRUPT');
