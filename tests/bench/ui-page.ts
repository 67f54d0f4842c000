/**
 * What the browser case runs inside the page. Each function times itself with the page's clock
 * and waits for the next animation frame after the change, so a figure ends when the browser
 * can paint the result, not when Playwright hears about it.
 */
import type { Page } from '@playwright/test';

const TEXT = '[data-testid="coding-text"]';

/** Clicks "Codifica" in the navigation; ms until the first turn of text is in the page. */
export function timeToText(page: Page): Promise<number> {
  return page.evaluate(
    (selector) =>
      new Promise<number>((resolve, reject) => {
        const button = [...document.querySelectorAll<HTMLButtonElement>('nav button')].find(
          (candidate) => candidate.textContent?.trim() === 'Codifica',
        );
        if (!button) return reject(new Error('no "Codifica" button'));
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!document.querySelector(`${selector} .turn-text`)) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(document.body, { childList: true, subtree: true });
        setTimeout(() => reject(new Error('text not shown within 60 s')), 60_000);
        button.click();
      }),
    TEXT,
  );
}

/** Frame times while the whole text is scrolled through, `step` pixels per frame. */
export function scrollThrough(
  page: Page,
  step: number,
): Promise<{
  frames: number[];
  work: number[];
  maxTurns: number;
  maxElements: number;
  longTasks: number;
}> {
  return page.evaluate(
    async ({ selector, step }) => {
      const scroller = document.querySelector<HTMLElement>(selector)!;
      const frame = () => new Promise<number>((done) => requestAnimationFrame(done));
      scroller.scrollTop = 0;
      await frame();
      let longTasks = 0;
      const observer = new PerformanceObserver((list) => (longTasks += list.getEntries().length));
      observer.observe({ type: 'longtask' });
      const frames: number[] = [];
      const work: number[] = [];
      let maxTurns = 0;
      let maxElements = 0;
      let last = await frame();
      // The virtualizer measures turns as they appear, so the height grows while scrolling.
      for (let i = 0; i < 100_000; i++) {
        if (scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1) break;
        scroller.scrollTop += step;
        const now = await frame();
        // The frame's timestamp is taken before its scroll event runs: what has elapsed since
        // is the scroll handling (the virtualizer's React render) of this frame.
        work.push(performance.now() - now);
        frames.push(now - last);
        last = now;
        maxTurns = Math.max(maxTurns, scroller.querySelectorAll('.turn').length);
        maxElements = Math.max(maxElements, scroller.getElementsByTagName('*').length);
      }
      observer.disconnect();
      return { frames, work, maxTurns, maxElements, longTasks };
    },
    { selector: TEXT, step },
  );
}

/** A selection made for a quick key: where it starts and which key/code to press. */
export interface QuickKeyTarget {
  start: number;
  key: number;
  codeName: string;
}

/**
 * Scrolls to `fraction` of the text, selects a few words of a visible turn as a drag would (a
 * DOM range, then mouseup, as tests/e2e/pages/coding-page.ts does), and picks a DV quick key
 * whose code is not on those words yet. Resolves once the workbench shows the selection.
 */
export async function selectForQuickKey(
  page: Page,
  fraction: number,
  dvCodeNames: readonly string[],
): Promise<QuickKeyTarget> {
  const target = await page.evaluate(
    async ({ selector, fraction, names }) => {
      const scroller = document.querySelector<HTMLElement>(selector)!;
      scroller.scrollTop = Math.floor(scroller.scrollHeight * fraction);
      for (let i = 0; i < 3; i++) await new Promise((done) => requestAnimationFrame(done));
      const view = scroller.getBoundingClientRect();
      const runs = [...scroller.querySelectorAll<HTMLElement>('.turn-text [data-start]')];
      for (const run of runs) {
        const box = run.getBoundingClientRect();
        const text = run.firstChild;
        if (box.top < view.top || box.bottom > view.bottom || !text?.textContent) continue;
        const words = /(^|\s)(\p{L}+ \p{L}+ \p{L}+)/u.exec(text.textContent);
        const free = names.findIndex((name) => !run.title.includes(name));
        if (!words || free < 0) continue;
        const from = words.index + words[1]!.length;
        const range = document.createRange();
        range.setStart(text, from);
        range.setEnd(text, from + words[2]!.length);
        window.getSelection()!.removeAllRanges();
        window.getSelection()!.addRange(range);
        scroller.dispatchEvent(new MouseEvent('mouseup', { bubbles: true }));
        return { start: Number(run.dataset.start) + from, key: free + 1, codeName: names[free]! };
      }
      throw new Error('no visible passage to select');
    },
    { selector: TEXT, fraction, names: [...dvCodeNames] },
  );
  await page.waitForFunction(
    ({ selector, start }) =>
      document.querySelector(`${selector} .hl-selected[data-start="${start}"]`) !== null,
    { selector: TEXT, start: target.start },
  );
  return target;
}

/** Presses the target's quick key; ms until the new coding's highlight is in the page. */
export function applyQuickKey(page: Page, target: QuickKeyTarget): Promise<number> {
  return page.evaluate(
    ({ selector, start, key, codeName }) =>
      new Promise<number>((resolve, reject) => {
        const scroller = document.querySelector<HTMLElement>(selector)!;
        const coded = () =>
          [...scroller.querySelectorAll<HTMLElement>('.turn-text [data-start]')].some(
            (run) =>
              Number(run.dataset.start) <= start &&
              Number(run.dataset.end) > start &&
              run.title.includes(codeName),
          );
        const started = performance.now();
        const observer = new MutationObserver(() => {
          if (!coded()) return;
          observer.disconnect();
          requestAnimationFrame(() => resolve(performance.now() - started));
        });
        observer.observe(scroller, { childList: true, subtree: true, attributes: true });
        setTimeout(() => reject(new Error(`quick key ${key} not applied within 30 s`)), 30_000);
        document.dispatchEvent(new KeyboardEvent('keydown', { key: String(key), bubbles: true }));
      }),
    { selector: TEXT, ...target },
  );
}
