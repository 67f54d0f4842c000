import { spawnSync } from 'node:child_process';
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runCli } from '../../../src/main/cli';
import { tempDir } from '../../helpers/temp-dir';

async function run(args: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const config = await tempDir();
  const code = await runCli(args, {
    out: (line) => out.push(line),
    err: (line) => err.push(line),
    env: { CAMPO_CONFIG_DIR: config },
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

describe('campo CLI', () => {
  it('writes the demo project and reports its counts with `info`', async () => {
    const dir = join(await tempDir(), 'Demo.campo');
    const demo = await run(['demo', dir]);
    expect(demo).toMatchObject({ code: 0, err: '' });
    expect(demo.out).toContain(dir);

    const info = await run(['info', dir]);
    expect(info.code).toBe(0);
    expect(info.out).toContain('Programma: POR FSE 2014-2020 Regione Lombardia');
    expect(info.out).toContain('Domande: 8 · Partecipanti: 15 · Indicatori: 9');
    expect(info.out).toContain('Interviste: 3 · Focus group: 1 · Sessioni NGT: 1');
    expect(info.out).toMatch(/Trascrizioni: 3 \(86 turni, 16\.\d{3} caratteri, 8 codifiche\)/);
    expect(info.out).toContain('Verifica: nessun problema');

    const english = await run(['info', dir, '--lang', 'en']);
    expect(english.out).toContain('Questions: 8 · Participants: 15 · Indicators: 9');
  });

  it('reports a damaged transcript and exits non-zero', async () => {
    const dir = join(await tempDir(), 'Demo.campo');
    await run(['demo', dir]);
    const { readdir } = await import('node:fs/promises');
    const [first] = await readdir(join(dir, 'sources'));
    await writeFile(join(dir, 'sources', first!), '{"schemaVersion": 1, "id":');
    const info = await run(['info', dir]);
    expect(info.code).toBe(1);
    expect(info.out).toContain('1 problema:');
    expect(info.out).toContain('non valida');
  });

  it('gives one clear line and a non-zero exit for bad input', async () => {
    const missing = await run(['info', '/nessuna/cartella/qui']);
    expect(missing).toMatchObject({
      code: 1,
      err: 'campo: Percorso non trovato: /nessuna/cartella/qui.',
    });
    const notProject = await run(['info', await tempDir()]);
    expect(notProject.code).toBe(1);
    expect(notProject.err).toMatch(/^campo: La cartella .* non contiene un progetto Campo\.$/);
    expect((await run(['frobnicate'])).err).toContain('comando sconosciuto «frobnicate»');
    expect((await run(['demo'])).code).toBe(2);
    const existing = await tempDir();
    await writeFile(join(existing, 'x.txt'), 'x');
    const clash = await run(['demo', existing]);
    expect(clash.code).toBe(0);
    expect((await run(['demo', existing])).err).toContain(
      'Esiste già una cartella con questo nome',
    );
  });

  it('imports transcripts file by file: one line each, a refused file changes nothing', async () => {
    const root = await tempDir();
    const dir = join(root, 'Demo.campo');
    await run(['demo', dir]);
    await writeFile(
      join(root, 'int03.vtt'),
      'WEBVTT\n\n1\n00:00:01.000 --> 00:00:02.000\n<v INT-03>Sì.</v>\n',
    );
    await writeFile(join(root, 'vuoto.txt'), '');
    const imported = await run([
      'import',
      'transcript',
      dir,
      join(root, 'int03.vtt'),
      join(root, 'vuoto.txt'),
      '--interview',
      'INT-03',
    ]);
    expect(imported.code).toBe(1);
    expect(imported.out.split('\n')).toEqual([
      'int03.vtt: importato, 1 turno (1 voce, 1 abbinata a partecipanti)',
      'vuoto.txt: rifiutato: Il file vuoto.txt è vuoto.',
    ]);
    const info = await run(['info', dir]);
    expect(info.out).toContain('Trascrizioni: 4');
    const wrongKind = await run([
      'import',
      'transcript',
      dir,
      join(root, 'int03.vtt'),
      '--focus-group',
      'INT-03',
    ]);
    expect(wrongKind.code).toBe(1);
    expect((await run(['info', dir])).out).toContain('Trascrizioni: 4');

    // The same file again is skipped, unless asked for with --again.
    const again = await run(['import', 'transcript', dir, join(root, 'int03.vtt')]);
    expect(again).toMatchObject({
      code: 0,
      out: 'int03.vtt: già importato come «int03»: saltato (aggiungi --again per importarlo di nuovo)',
    });
    expect((await run(['info', dir])).out).toContain('Trascrizioni: 4');
    const forced = await run(['import', 'transcript', dir, join(root, 'int03.vtt'), '--again']);
    expect(forced.out).toContain('int03.vtt: importato, 1 turno');
    expect((await run(['info', dir])).out).toContain('Trascrizioni: 5');
  });

  it('runs as a real command without printing a stack trace', async () => {
    const root = join(import.meta.dirname, '..', '..', '..');
    const result = spawnSync(
      process.execPath,
      [join(root, 'bin', 'campo.mjs'), 'info', '/nessuna/cartella'],
      {
        encoding: 'utf8',
        env: { ...process.env, CAMPO_CONFIG_DIR: await tempDir(), CAMPO_LANG: 'en' },
      },
    );
    expect(result.status).toBe(1);
    expect(result.stderr.trim()).toBe('campo: Path not found: /nessuna/cartella.');
    expect(result.stderr).not.toContain('    at ');
  });
});
