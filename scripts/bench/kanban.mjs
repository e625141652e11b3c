#!/usr/bin/env node
// The pipeline board with thousands of open deals, in headless Chromium against the release build
// (dist/), desktop viewport. Not a test: it prints JSON and asserts nothing about time.
//
// Sample deals are loaded through Settings › "Load sample deals" as a user would (core's
// `sample_deals`: about 58 % of them are open) into two browser profiles: the baseline board
// with at least BASE open deals, and the big one with at least BIG. The runs alternate between
// the two (baseline, big, baseline, …) so both see the same machine load. For each board:
//
//   load   navigation to /pipeline → the first card in the DOM (a MutationObserver installed
//          before any page script records the instant; the app comes from its service
//          worker cache, the deals from IndexedDB), median of RUNS loads; and the
//          longest main-thread task (PerformanceObserver 'longtask', ≥ 50 ms) that started
//          before the board showed
//   drag   a card dragged with the mouse (real HTML5 drag and drop) to the next column: drop
//          → the card in the DOM of the target column, median of RUNS drags; the longest long
//          task and the longest gap between animation frames from dragstart until SETTLE_MS
//          after the board showed the move (the save, the cache reload and the redraw)
//
//   node scripts/bench/kanban.mjs > bench-out/kanban.json
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../static-server.mjs';

const BASE = Number(process.env.KANBAN_BASE || 500);
const BIG = Number(process.env.KANBAN_BIG || 5000);
const RUNS = 7;
const SETTLE_MS = 1500;
const CARD = '.kanban .kanban-card';
const log = (msg) => process.stderr.write(`[kanban-bench] ${msg}\n`);
const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

const server = await startStaticServer({ root: 'dist', port: 0 });
const url = (p) => new URL(p, server.url).href;
const cleanup = [];

/** Before any page script: the instant the first card appears, every long task, and a frame
 * loop that keeps the longest gap between frames since `__frameReset()`. */
function instrument(selector) {
  window.__boardShown = null;
  window.__longTasks = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) window.__longTasks.push({ start: e.startTime, ms: e.duration });
  }).observe({ type: 'longtask', buffered: true });
  const observer = new MutationObserver(() => {
    if (window.__boardShown === null && document.querySelector(selector)) {
      window.__boardShown = performance.now();
      observer.disconnect();
    }
  });
  observer.observe(document, { childList: true, subtree: true });
  let last = null;
  window.__maxFrame = 0;
  window.__frameReset = () => {
    window.__maxFrame = 0;
    last = null;
  };
  const frame = (t) => {
    if (last !== null) window.__maxFrame = Math.max(window.__maxFrame, t - last);
    last = t;
    requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
}

/** A fresh Chromium profile on the desktop viewport, instrumented; closed at the end. */
async function browser() {
  const profile = await mkdtemp(path.join(tmpdir(), 'cartera-bench-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale: 'es-ES',
    viewport: { width: 1280, height: 800 },
  });
  cleanup.push(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  await context.addInitScript(instrument, CARD);
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(120_000);
  return page;
}

/** Open deals on the board: the sum of the columns' counts (0 for an empty board). */
async function openDeals(page) {
  await page.goto(url('/pipeline'));
  const shown = await page.locator(CARD).first().waitFor({ timeout: 20_000 }).then(() => true, () => false);
  if (!shown) return 0;
  await page.waitForTimeout(500);
  return page.evaluate(() => [...document.querySelectorAll('.kanban-totals > div:first-child dd')]
    .reduce((n, dd) => n + Number(dd.textContent.replace(/\D/g, '')), 0));
}

/** Loads sample deals through Settings until at least `target` open deals are stored. */
async function seed(page, target) {
  let open = await openDeals(page);
  while (open < target) {
    const size = target - open > 2000 ? 5000 : target - open > 400 ? 1000 : 200;
    await page.goto(url('/settings')); // a page load: no toast left from the last round
    await page.getByLabel('Número de oportunidades').selectOption(String(size));
    await page.getByRole('button', { name: 'Cargar oportunidades de ejemplo' }).click();
    await page.getByText(/oportunidades de ejemplo cargadas/).waitFor({ timeout: 300_000 });
    open = await openDeals(page);
    log(`+${size} sample deals: ${open} open`);
  }
  return open;
}

/** One load of /pipeline: board visible, and the longest task that started before it. */
async function loadOnce(page) {
  await page.goto(url('/pipeline'));
  await page.waitForFunction(() => window.__boardShown !== null, null, { timeout: 120_000 });
  await page.waitForTimeout(300); // long tasks are reported after they end
  return page.evaluate(() => ({
    ms: window.__boardShown,
    long_ms: Math.max(0, ...window.__longTasks.filter((t) => t.start < window.__boardShown).map((t) => t.ms)),
  }));
}

/** Drags the first card of column `from` (0-based) onto column `to`, timed in the page. */
async function dragOnce(page, from, to) {
  const cols = page.locator('.kanban-column');
  const card = cols.nth(from).locator('.kanban-card').first();
  const href = await card.locator('a').first().getAttribute('href');
  const targetId = await cols.nth(to).getAttribute('id');
  await page.evaluate(({ href, targetId }) => {
    const target = document.getElementById(targetId);
    window.__drag = { start: null, drop: null, shown: null };
    document.addEventListener('dragstart', () => { window.__drag.start = performance.now(); }, { capture: true, once: true });
    document.addEventListener('drop', () => { window.__drag.drop = performance.now(); }, { capture: true, once: true });
    const observer = new MutationObserver(() => {
      if (target.querySelector(`a[href="${href}"]`)) {
        window.__drag.shown = performance.now();
        observer.disconnect();
      }
    });
    observer.observe(target, { childList: true, subtree: true });
    window.__frameReset();
  }, { href, targetId });
  await card.hover();
  await page.mouse.down();
  const box = await cols.nth(to).boundingBox();
  await page.mouse.move(box.x + box.width / 2, box.y + 120, { steps: 6 });
  await page.mouse.up();
  await page.waitForFunction(() => window.__drag.shown !== null, null, { timeout: 60_000 });
  await page.waitForTimeout(SETTLE_MS);
  const run = await page.evaluate(() => {
    const d = window.__drag;
    const during = window.__longTasks.filter((t) => t.start + t.ms >= d.start);
    return { ms: d.shown - d.drop, long_ms: Math.max(0, ...during.map((t) => t.ms)), frame_ms: window.__maxFrame };
  });
  if (!(await cols.nth(to).locator(`a[href="${href}"]`).count())) throw new Error('the dragged card is not in its new column');
  return run;
}

const summary = (runs) => ({
  median_ms: median(runs.map((r) => r.ms)),
  runs: runs.map((r) => Math.round(r.ms)),
  long_ms: runs.map((r) => Math.round(r.long_ms)),
  max_long_ms: Math.max(...runs.map((r) => r.long_ms)),
  ...(runs[0].frame_ms !== undefined ? { max_frame_ms: Math.max(...runs.map((r) => r.frame_ms)) } : {}),
});

try {
  const boards = [{ name: 'base', target: BASE }, { name: 'big', target: BIG }];
  for (const b of boards) {
    b.page = await browser();
    b.open = await seed(b.page, b.target);
    b.loads = [];
    b.drags = [];
  }
  for (let i = 0; i < RUNS; i += 1) for (const b of boards) b.loads.push(await loadOnce(b.page));
  for (const b of boards) {
    await loadOnce(b.page);
    await b.page.waitForTimeout(SETTLE_MS);
  }
  // Back and forth between the first two columns (both on screen at 1280 px).
  for (let i = 0; i < RUNS; i += 1) for (const b of boards) b.drags.push(await dragOnce(b.page, i % 2, (i + 1) % 2));
  const out = { runs: RUNS, settle_ms: SETTLE_MS };
  for (const b of boards) {
    out[b.name] = {
      open: b.open,
      cards_rendered: await b.page.locator(CARD).count(),
      load: summary(b.loads),
      drag: summary(b.drags),
    };
    log(`${b.name}: ${JSON.stringify(out[b.name])}`);
  }
  console.log(JSON.stringify(out));
} finally {
  for (const f of cleanup) await f();
  await server.close();
}
