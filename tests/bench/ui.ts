/**
 * Browser case: the long transcript in the real renderer, served by the browser host (as
 * `npm run start:browser` does) to headless Chromium. Times are taken inside the page with
 * performance.now() and requestAnimationFrame, so Playwright's own round trips are not in them.
 */
import { spawnSync, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { chromium, type Page } from '@playwright/test';
import type { LongProject } from './long-transcript';
import { LONG_PROJECT_TITLE } from './long-transcript';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBrowserHost } from '../helpers/browser-host';
import { group, record } from './measure';
import { applyQuickKey, scrollThrough, selectForQuickKey, timeToText } from './ui-page';

const ROOT = join(import.meta.dirname, '..', '..');
const CHROMIUM = process.env.CAMPO_BENCH_CHROMIUM ?? CHROMIUM_PATH;
/** Pixels scrolled per frame: about three mouse-wheel notches, a fast skim through the text. */
const SCROLL_STEP = 400;
const log = (message: string) => console.error(`[bench] ${message}`);

/** Builds the renderer when it is missing (or when asked with --build). */
function ensureRenderer(): void {
  const built = existsSync(join(ROOT, 'out', 'renderer', 'index.html'));
  if (built && !process.argv.includes('--build')) return;
  log('building the renderer (electron-vite build)…');
  const result = spawnSync('npx', ['electron-vite', 'build'], {
    cwd: ROOT,
    stdio: ['ignore', process.stderr, process.stderr],
  });
  if (result.status !== 0) throw new Error('electron-vite build failed');
}

/** Peak resident memory of a Linux process (VmHWM), or null elsewhere. */
async function peakRssMb(pid: number | undefined): Promise<number | null> {
  const status = await readFile(`/proc/${pid}/status`, 'utf8').catch(() => '');
  const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
  return kb ? Math.round(Number(kb) / 102.4) / 10 : null;
}

async function stopHost(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise((done) => child.once('exit', done));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
  await exited;
  clearTimeout(timer);
}

async function goTo(page: Page, screen: string): Promise<void> {
  await page.getByRole('navigation').getByRole('button', { name: screen, exact: true }).click();
  await page.getByRole('heading', { level: 1, name: screen }).waitFor();
}

/** Opens the long project in the browser and measures the coding view on it. */
export async function uiCase(
  root: string,
  long: LongProject,
): Promise<{ hostPeakMb: number | null }> {
  group('browser: coding view on the long transcript (Chromium, browser host)');
  ensureRenderer();
  const { child, url } = await startBrowserHost(join(root, 'config'), join(root, 'projects'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    // tsx compiles with keepNames: functions passed to page.evaluate call its __name helper.
    await page.addInitScript('window.__name = (fn) => fn');
    await page.goto(url);
    await page.getByRole('heading', { name: 'Campo', level: 1 }).waitFor();
    // The bench's cores share the host's settings, so the project is in the recent list.
    await page
      .locator('.recent-list')
      .getByRole('button', { name: new RegExp(LONG_PROJECT_TITLE) })
      .click();
    await page.getByRole('navigation').waitFor();

    log('browser: opening the coding view…');
    const cold: number[] = [];
    for (let run = 0; run < 5; run++) {
      if (run > 0) {
        // From the overview: a reload brings the window back to the screen it showed.
        await goTo(page, 'Panoramica');
        await page.reload();
        await page.getByRole('navigation').waitFor();
      }
      cold.push(await timeToText(page));
    }
    record('Codifica clicked → text shown, source not yet loaded (reload)', cold, {
      note: 'includes sourceGet over HTTP and the first render',
    });
    const warm: number[] = [];
    for (let run = 0; run < 10; run++) {
      await goTo(page, 'Panoramica');
      warm.push(await timeToText(page));
    }
    record('Codifica clicked → text shown, source already loaded', warm);

    log('browser: scrolling through the text…');
    const scroll = await scrollThrough(page, SCROLL_STEP);
    record(`scroll whole text, ${SCROLL_STEP} px per frame: frame time`, scroll.frames, {
      note:
        `${scroll.frames.length} frames, ≤ ${scroll.maxTurns} turns (${scroll.maxElements} ` +
        `elements) in the DOM of ${long.turns} turns, ${scroll.longTasks} long tasks`,
    });

    record('scroll: script work per frame (scroll event + render)', scroll.work, {
      note: 'from the frame start to its animation-frame callback',
    });

    log('browser: coding with quick keys…');
    const keyed: number[] = [];
    for (let run = 0; run < 11; run++) {
      const target = await selectForQuickKey(page, (run + 1) / 12, long.dvCodeNames);
      const elapsed = await applyQuickKey(page, target);
      // The first one warms the handlers up; the others are kept.
      if (run > 0) keyed.push(elapsed);
    }
    record('quick key on a selection → highlight shown', keyed, {
      note: 'keydown to the new coding painted: codingApply over HTTP, durable save, re-render',
    });
    return { hostPeakMb: await peakRssMb(child.pid) };
  } finally {
    await browser.close();
    await stopHost(child);
  }
}
