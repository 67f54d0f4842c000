import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { APP_VERSION } from '../../../src/shared/version';

describe('version', () => {
  it('shown in the app and written into backups is the package version', () => {
    const pkg = JSON.parse(
      readFileSync(join(import.meta.dirname, '..', '..', '..', 'package.json'), 'utf8'),
    );
    expect(APP_VERSION).toBe(pkg.version);
  });
});
