// Shared harness for the Playwright end-to-end tests (run with `node --test tests/e2e/`, after
// `bash scripts/build.sh`; or `bash scripts/test.sh e2e`).
//
// A test asks for an app with `await openApp(t, { viewport: 'phone' })` and gets a static server
// on a free port serving dist/, a fresh Chromium profile and a page. Everything is torn down in
// `t.after`, also when the test fails. Write user-flow tests against accessible names:
//
//   test('adds a contact', async (t) => {
//     const { page } = await openApp(t);
//     await page.getByRole('button', { name: /new contact|nuevo contacto/i }).click();
//     ...
//   });
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../../scripts/static-server.mjs';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const DIST = path.join(ROOT, 'dist');
export const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

/** Viewports the flows are checked on: a field rep's phone and an office desktop. */
export const VIEWPORTS = {
  phone: { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true },
  desktop: { viewport: { width: 1280, height: 800 }, deviceScaleFactor: 1 },
};

/** How long to wait for the wasm app to start (cold Chromium on a busy 2-core machine). */
export const BOOT_TIMEOUT_MS = 30_000;

/** Starts the static server on a free port; stopped in `t.after`. */
export async function serveDist(t, { root = DIST } = {}) {
  const server = await startStaticServer({ root, port: 0 });
  t.after(() => server.close());
  return server;
}

/**
 * Launches Chromium with a throwaway profile (so IndexedDB, caches and the service worker start
 * empty). `locale` sets navigator.language and Accept-Language; default Spanish.
 */
export async function launchBrowser(t, { viewport = 'desktop', locale = 'es-ES' } = {}) {
  const preset = VIEWPORTS[viewport];
  if (!preset) throw new Error(`unknown viewport ${viewport} (${Object.keys(VIEWPORTS).join(', ')})`);
  const profile = await mkdtemp(path.join(tmpdir(), 'cartera-e2e-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
    locale,
    ...preset,
  });
  t.after(async () => {
    await context.close().catch(() => {});
    await rm(profile, { recursive: true, force: true });
  });
  // Trunk's loader fires `TrunkApplicationStarted` once the wasm module has been instantiated and
  // its start function ran: a signal that works whatever the UI renders.
  await context.addInitScript(() => {
    window.__carteraStarted = false;
    window.addEventListener('TrunkApplicationStarted', () => {
      window.__carteraStarted = true;
    });
  });
  // Uncaught page errors and failed requests (HTTP >= 400) for tests to assert on.
  const errors = [];
  const failedRequests = [];
  context.on('weberror', (e) => errors.push(String(e.error())));
  context.on('response', (r) => {
    if (r.status() >= 400) failedRequests.push(`${r.status()} ${r.url()}`);
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.on('pageerror', (e) => errors.push(String(e)));
  // E2E_CONSOLE=1 prints the page's console (a wasm panic's message is logged there).
  if (process.env.E2E_CONSOLE) page.on('console', (m) => console.error(`[console.${m.type()}]`, m.text()));
  return { context, page, profile, errors, failedRequests };
}

/** Server + browser + the app loaded and started. */
export async function openApp(t, { viewport = 'desktop', locale, path: route = '/' } = {}) {
  const server = await serveDist(t);
  const browser = await launchBrowser(t, { viewport, locale });
  await gotoApp(browser.page, new URL(route, server.url).href);
  return { server, ...browser };
}

/** Navigates (or reloads, with `url` omitted) and waits until the wasm app has started. */
export async function gotoApp(page, url) {
  if (url) await page.goto(url, { waitUntil: 'domcontentloaded' });
  else await page.reload({ waitUntil: 'domcontentloaded' });
  await waitForAppStart(page);
}

export async function waitForAppStart(page) {
  await page.waitForFunction(() => window.__carteraStarted === true, null, { timeout: BOOT_TIMEOUT_MS });
}

/** Waits until a service worker controls the page; resolves to its script URL and state. */
export async function waitForServiceWorkerControl(page, timeout = 30_000) {
  await page.waitForFunction(
    () => navigator.serviceWorker.controller?.state === 'activated',
    null,
    { timeout },
  );
  return page.evaluate(() => ({
    scriptURL: navigator.serviceWorker.controller.scriptURL,
    state: navigator.serviceWorker.controller.state,
  }));
}

/** Waits until a new service worker has installed and is waiting to take over. */
export async function waitForWaitingWorker(page, timeout = 30_000) {
  await page.evaluate(async (ms) => {
    const deadline = Date.now() + ms;
    const reg = await navigator.serviceWorker.getRegistration();
    while (reg?.waiting?.state !== 'installed') {
      if (Date.now() > deadline) throw new Error('no service worker is waiting');
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }, timeout);
}

/** Asks the controlling service worker for its build version (see public/sw.js). */
export async function serviceWorkerVersion(page, worker = 'controller') {
  return page.evaluate(async (which) => {
    const reg = await navigator.serviceWorker.getRegistration();
    const sw = which === 'controller' ? navigator.serviceWorker.controller : reg?.[which];
    if (!sw) return null;
    const channel = new MessageChannel();
    const reply = new Promise((resolve) => {
      channel.port1.onmessage = (e) => resolve(e.data.version);
    });
    sw.postMessage({ type: 'GET_VERSION' }, [channel.port2]);
    return reply;
  }, worker);
}

/**
 * Retries `check` (an async function that throws, e.g. with node:assert) until it passes or
 * `timeout` ms have gone by; then throws its last error. For screens that fill in asynchronously.
 */
export async function eventually(check, { timeout = 10_000, interval = 100 } = {}) {
  const deadline = Date.now() + timeout;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((resolve) => setTimeout(resolve, interval));
    }
  }
}

/** The text of `locator` once it has stopped changing for `quietMs` (data loads asynchronously). */
export async function settledText(locator, { quietMs = 400, timeout = 10_000 } = {}) {
  const deadline = Date.now() + timeout;
  let previous = await locator.innerText();
  for (;;) {
    await new Promise((resolve) => setTimeout(resolve, quietMs));
    const current = await locator.innerText();
    if (current === previous || Date.now() > deadline) return current;
    previous = current;
  }
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(bytes) {
  const signature = '89504e470d0a1a0a';
  if (bytes.subarray(0, 8).toString('hex') !== signature) throw new Error('not a PNG');
  return { width: bytes.readUInt32BE(16), height: bytes.readUInt32BE(20) };
}
