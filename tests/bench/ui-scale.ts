/**
 * Browser case at scale (issue 17): a scale project opened from the start screen's recent list
 * in the real renderer (browser host, Chromium), timed in the page until the coding screen shows
 * its code counts. Target at L: under 1 s.
 */
import { join } from 'node:path';
import { chromium } from '@playwright/test';
import { CHROMIUM_ARGS, CHROMIUM_PATH, startBrowserHost } from '../helpers/browser-host';
import { group, record, target } from './measure';

const CHROMIUM = process.env.CAMPO_BENCH_CHROMIUM ?? CHROMIUM_PATH;

/** Clicks the recent project `title`, then Codifica; ms until a code shows a non-zero count. */
const OPEN_TO_COUNTS = (title: string) =>
  new Promise<number>((resolve, reject) => {
    const started = performance.now();
    const button = [...document.querySelectorAll<HTMLButtonElement>('.recent-list button')].find(
      (candidate) => candidate.textContent?.includes(title),
    );
    if (!button) return reject(new Error(`no recent project ${title}`));
    let codingClicked = false;
    const observer = new MutationObserver(() => {
      if (!codingClicked) {
        const coding = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find(
          (candidate) => candidate.textContent?.trim() === 'Codifica',
        );
        if (!coding) return;
        codingClicked = true;
        coding.click();
        return;
      }
      const counts = [...document.querySelectorAll('.code-tree .count, [role="tree"] .count')];
      if (!counts.some((count) => count.textContent !== '0')) return;
      observer.disconnect();
      requestAnimationFrame(() => resolve(performance.now() - started));
    });
    observer.observe(document.body, { childList: true, subtree: true, characterData: true });
    setTimeout(() => reject(new Error('counts not shown within 60 s')), 60_000);
    button.click();
  });

/** Measures opening `title` (a project the bench's cores opened, so in the recent list). */
export async function uiOpenCase(root: string, title: string, runs: number, targetMs?: number) {
  group(`browser: ${title} opened from the start screen (Chromium, browser host)`);
  const { child, url } = await startBrowserHost(join(root, 'config'), join(root, 'projects'));
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: CHROMIUM_ARGS });
  try {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await page.addInitScript('window.__name = (fn) => fn');
    await page.goto(url);
    const samples: number[] = [];
    for (let run = 0; run <= runs; run++) {
      await page.getByRole('heading', { name: 'Campo', level: 1 }).waitFor();
      const elapsed = await page.evaluate(
        `(${OPEN_TO_COUNTS.toString()})(${JSON.stringify(title)})`,
      );
      // The first run warms the host (its disk cache); the others are kept.
      if (run > 0) samples.push(elapsed as number);
      await page.getByRole('button', { name: 'Chiudi progetto' }).click();
    }
    record('open from the recent list → coding screen with its code counts', samples, {
      ...(targetMs ? { target: target('median', targetMs, `< ${targetMs} ms`) } : {}),
      note: 'projectOpen and codeCounts over HTTP, the first render of the codebook',
    });
  } finally {
    await browser.close();
    child.kill('SIGTERM');
    await new Promise((done) => child.once('exit', done));
  }
}
