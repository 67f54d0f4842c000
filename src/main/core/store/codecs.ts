import { CampoError } from '../../../shared/ipc/errors';
import {
  CURRENT_SCHEMA_VERSION,
  ProjectFileSchema,
  type ProjectFile,
} from '../../../shared/model/project';
import { SourceFileSchema, type SourceFile } from '../../../shared/model/source';
import { describeIssues } from '../../../shared/model/issues';
import type { DocumentCodec } from './json-document';
import { schemaVersionOf } from './migrations';

function tooNew(path: string, version: number): CampoError {
  return new CampoError('PROJECT_TOO_NEW', `${path} was written by a newer Campo`, {
    file: path,
    fileVersion: version,
    supportedVersion: CURRENT_SCHEMA_VERSION,
  });
}

/** project.json at the current schema version. */
export const projectCodec: DocumentCodec<ProjectFile> = {
  parse(raw, path) {
    const version = schemaVersionOf(raw);
    if (version > CURRENT_SCHEMA_VERSION) throw tooNew(path, version);
    const result = ProjectFileSchema.safeParse(raw);
    if (!result.success) {
      throw new CampoError('PROJECT_CORRUPT', `${path} is not a valid project`, {
        file: path,
        reason: describeIssues(result.error),
      });
    }
    return result.data;
  },
  unparsable: (path, reason) =>
    new CampoError('PROJECT_CORRUPT', `${path} is not valid JSON`, { file: path, reason }),
};

/** sources/<id>.json at the current schema version. */
export const sourceCodec: DocumentCodec<SourceFile> = {
  parse(raw, path) {
    const version = schemaVersionOf(raw);
    if (version > CURRENT_SCHEMA_VERSION) throw tooNew(path, version);
    const result = SourceFileSchema.safeParse(raw);
    if (!result.success) {
      throw new CampoError('SOURCE_CORRUPT', `${path} is not a valid source`, {
        file: path,
        reason: describeIssues(result.error),
      });
    }
    return result.data;
  },
  unparsable: (path, reason) =>
    new CampoError('SOURCE_CORRUPT', `${path} is not valid JSON`, { file: path, reason }),
};
