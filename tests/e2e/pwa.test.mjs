// The app as an installable, offline-capable PWA: service worker, manifest, offline start, updates.
import assert from 'node:assert/strict';
import { cp, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { test } from 'node:test';
import {
  DIST,
  ROOT,
  eventually,
  gotoApp,
  launchBrowser,
  openApp,
  pngSize,
  serveDist,
  serviceWorkerVersion,
  settledText,
  waitForAppStart,
  waitForServiceWorkerControl,
  waitForWaitingWorker,
} from './helpers.mjs';

const TEST_TIMEOUT = 120_000;

/** What the user sees: the text of the main landmark (the current screen), once loaded. */
const screenText = (page) => settledText(page.getByRole('main'));
/** Set only in the simulated next build of the update test. */
const buildMarker = (page) => page.evaluate(() => document.querySelector('meta[name="cartera-e2e-build"]')?.content ?? null);

test('the app starts with no network and with the server gone', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context, server, errors, failedRequests } = await openApp(t, { viewport: 'phone' });
  assert.match(await page.title(), /Cartera/);
  assert.match(await page.locator('html').getAttribute('lang'), /^(es|en)/);

  const sw = await waitForServiceWorkerControl(page);
  assert.equal(sw.scriptURL, `${server.url}sw.js`);
  const version = await serviceWorkerVersion(page);
  assert.match(version, /^[0-9a-f]{16}$/, 'sw.js carries the build version written by the post_build hook');

  // Everything the page loaded from our origin is precached in this build's cache.
  const missing = await page.evaluate(async (cacheName) => {
    const cache = await caches.open(cacheName);
    const loaded = performance
      .getEntriesByType('resource')
      .map((e) => new URL(e.name))
      .filter((u) => u.origin === location.origin && u.pathname !== '/sw.js')
      .map((u) => u.pathname);
    const wanted = ['/index.html', ...loaded];
    const absent = [];
    for (const p of wanted) if (!(await cache.match(p, { ignoreVary: true }))) absent.push(p);
    return { absent, wasm: loaded.filter((p) => p.endsWith('.wasm')) };
  }, `cartera-shell-${version}`);
  assert.equal(missing.wasm.length, 1, 'the page loaded one wasm module');
  assert.deepEqual(missing.absent, [], 'every file the page loaded is precached');

  assert.deepEqual(failedRequests, [], 'every file the page asked for was served');
  const online = await screenText(page);
  assert.ok(online.trim().length > 0, 'the first screen shows something');

  await t.test('offline (context.setOffline) + reload shows the same screen and says so', async () => {
    await context.setOffline(true);
    try {
      const response = await page.reload({ waitUntil: 'domcontentloaded' });
      assert.ok(response.fromServiceWorker(), 'the document came from the service worker');
      await waitForAppStart(page);
      assert.equal(await page.evaluate(() => navigator.onLine), false);
      assert.match(await page.title(), /Cartera/);
      await eventually(async () => assert.equal(await screenText(page), online));
      await page.getByRole('status').filter({ hasText: /sin conexión/i }).waitFor({ state: 'visible' });
    } finally {
      await context.setOffline(false);
    }
  });

  await t.test('with the HTTP server stopped, reload and a deep link still start the app', async () => {
    await server.close();
    const response = await page.reload({ waitUntil: 'domcontentloaded' });
    assert.ok(response.fromServiceWorker());
    await waitForAppStart(page);
    await eventually(async () => assert.equal(await screenText(page), online));

    const deep = await page.goto(new URL('/contactos/123', server.url).href, { waitUntil: 'domcontentloaded' });
    assert.ok(deep.fromServiceWorker(), 'a deep link is answered with the app shell');
    await waitForAppStart(page);
    assert.match(await page.title(), /Cartera/);
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('the manifest is linked, valid and its icons exist at the listed sizes', { timeout: TEST_TIMEOUT }, async (t) => {
  const { page, context, server } = await openApp(t, { viewport: 'desktop' });
  const href = await page.locator('link[rel="manifest"]').getAttribute('href');
  assert.equal(href, '/manifest.webmanifest');

  const res = await context.request.get(new URL(href, server.url).href);
  assert.equal(res.status(), 200);
  assert.match(res.headers()['content-type'], /^application\/manifest\+json/);
  const manifest = await res.json();
  assert.equal(manifest.name, 'Cartera');
  assert.ok(manifest.short_name);
  assert.equal(manifest.start_url, '/');
  assert.equal(manifest.scope, '/');
  assert.equal(manifest.display, 'standalone');
  const themeMeta = await page.locator('meta[name="theme-color"]').getAttribute('content');
  assert.equal(manifest.theme_color.toLowerCase(), themeMeta.toLowerCase());
  assert.match(manifest.background_color, /^#[0-9a-f]{6}$/i);

  for (const icon of manifest.icons) {
    const r = await context.request.get(new URL(icon.src, server.url).href);
    assert.equal(r.status(), 200, `${icon.src} is served`);
    assert.equal(r.headers()['content-type'], icon.type, `${icon.src} content type`);
    if (icon.type === 'image/png') {
      const { width, height } = pngSize(await r.body());
      assert.equal(`${width}x${height}`, icon.sizes, `${icon.src} has the size the manifest says`);
    }
  }
  const has = (sizes, purpose) =>
    manifest.icons.some((i) => i.sizes === sizes && i.type === 'image/png' && (i.purpose ?? 'any').split(' ').includes(purpose));
  assert.ok(has('192x192', 'any') && has('512x512', 'any'), '192 and 512 PNG icons');
  assert.ok(has('512x512', 'maskable'), 'a maskable 512 PNG icon');

  const touch = await page.locator('link[rel="apple-touch-icon"]').getAttribute('href');
  const touchRes = await context.request.get(new URL(touch, server.url).href);
  assert.deepEqual(pngSize(await touchRes.body()), { width: 180, height: 180 });

  // Chromium's own parser and installability check.
  await waitForServiceWorkerControl(page);
  const cdp = await context.newCDPSession(page);
  const parsed = await cdp.send('Page.getAppManifest');
  assert.deepEqual(parsed.errors, [], 'Chromium reports no manifest errors');
  const { installabilityErrors } = await cdp.send('Page.getInstallabilityErrors');
  assert.deepEqual(installabilityErrors, [], 'Chromium considers the app installable');
});

test('a new build waits until the user accepts the update prompt', { timeout: TEST_TIMEOUT }, async (t) => {
  // Serve a copy of dist/ that we can turn into "the next build" while the page is open.
  const root = await mkdtemp(path.join(tmpdir(), 'cartera-dist-'));
  t.after(() => rm(root, { recursive: true, force: true }));
  await cp(DIST, root, { recursive: true });
  const server = await serveDist(t, { root });
  const { page } = await launchBrowser(t, { viewport: 'desktop' });
  await gotoApp(page, server.url);
  await waitForServiceWorkerControl(page);
  const v1 = await serviceWorkerVersion(page);

  // The next build: a different index.html and therefore a different sw.js.
  const v2 = v1.split('').reverse().join('');
  const edit = async (file, from, to) => {
    const full = path.join(root, file);
    const text = await readFile(full, 'utf8');
    assert.ok(text.includes(from), `${file} contains ${from}`);
    await writeFile(full, text.replaceAll(from, to));
    await rm(`${full}.br`, { force: true });
    await rm(`${full}.gz`, { force: true });
  };
  await edit('index.html', '</head>', '<meta name="cartera-e2e-build" content="next"></head>');
  await edit('sw.js', v1, v2);

  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await waitForWaitingWorker(page);
  assert.equal(await serviceWorkerVersion(page, 'waiting'), v2);

  // Without the user's consent the old build keeps control, even across a reload.
  await gotoApp(page, null);
  assert.equal(await buildMarker(page), null, 'still the old index.html');
  assert.equal(await serviceWorkerVersion(page), v1);
  assert.equal(await serviceWorkerVersion(page, 'waiting'), v2, 'the new worker is still waiting');

  // The user sees the prompt and accepts it: the app posts SKIP_WAITING and reloads on
  // controllerchange (src/components/update_prompt.rs, src/state/service_worker.rs).
  const prompt = page.getByRole('status').filter({ hasText: /nueva versión/i });
  await prompt.waitFor({ state: 'visible' });
  await prompt.getByRole('button', { name: 'Recargar' }).click();
  await page.waitForFunction(() => document.querySelector('meta[name="cartera-e2e-build"]'), null, { timeout: 30_000 });
  await waitForAppStart(page);
  await waitForServiceWorkerControl(page);
  assert.equal(await serviceWorkerVersion(page), v2);
  const cacheNames = await page.evaluate(() => caches.keys());
  assert.deepEqual(cacheNames.filter((n) => n.startsWith('cartera-shell-')), [`cartera-shell-${v2}`], 'the old build cache is gone');
});

test('every style sheet in style/ is linked from index.html', async () => {
  // Trunk does not bundle CSS @import: a sheet missing here never reaches the user.
  const html = await readFile(path.join(ROOT, 'index.html'), 'utf8');
  const linked = [...html.matchAll(/<link data-trunk rel="css" href="style\/([^"]+)"/g)].map((m) => m[1]).sort();
  const sheets = (await readdir(path.join(ROOT, 'style'))).filter((f) => f.endsWith('.css')).sort();
  assert.deepEqual(linked, sheets);
});
