import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..', '..');

/**
 * The packaging configuration cannot be run on this machine (no Electron binary), so its
 * security choices are read and checked here: electron-builder flips these fuses in the packaged
 * binary (https://www.electronjs.org/docs/latest/tutorial/fuses).
 */
describe('packaging (electron-builder.json)', () => {
  const config = JSON.parse(readFileSync(join(root, 'electron-builder.json'), 'utf8')) as {
    asar: boolean;
    files: string[];
    extraResources: Array<{ from: string; to: string }>;
    electronFuses: Record<string, boolean>;
  };

  it('flips every fuse the Electron security checklist asks for', () => {
    expect(config.electronFuses).toEqual({
      // No `ELECTRON_RUN_AS_NODE`: the binary cannot be used as a plain Node to run any script.
      runAsNode: false,
      // Cookies and local storage encrypted at rest with the OS keychain.
      enableCookieEncryption: true,
      // NODE_OPTIONS and --inspect are ignored: no code injected from the environment or a debugger.
      enableNodeOptionsEnvironmentVariable: false,
      enableNodeCliInspectArguments: false,
      // The app's code is only loaded from its asar archive, checked against its hash.
      enableEmbeddedAsarIntegrityValidation: true,
      onlyLoadAppFromAsar: true,
      loadBrowserProcessSpecificV8Snapshot: false,
      // The page is served from campo://app/, so file:// needs no extra privilege.
      grantFileProtocolExtraPrivileges: false,
    });
    expect(config.asar).toBe(true);
  });

  it('packs the built app, the parser process and the demo resources', () => {
    expect(config.files).toContain('out/**');
    // Parsers run in a utility process (RunAsNode is off): its entry is built beside main.
    const vite = readFileSync(join(root, 'electron.vite.config.ts'), 'utf8');
    expect(vite).toContain("'parser-child': resolve('src/main/core/isolation/parser-child.ts')");
    const main = readFileSync(join(root, 'src', 'main', 'index.ts'), 'utf8');
    expect(main).toContain("new URL('./parser-child.js', import.meta.url)");
    expect(main).toContain('setParserLauncher(utilityProcessLauncher(parserScript))');
    // process.resourcesPath/demo is where the packaged app finds the demo project.
    expect(config.extraResources).toContainEqual({ from: 'resources', to: '.' });
  });
});
