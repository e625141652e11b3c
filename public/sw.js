// Cartera service worker: makes the app start with no network.
//
// * install:  precaches every file of this build (Trunk's hashed wasm/js/css, index.html,
//             manifest, icons) into a cache named after the build version.
// * fetch:    navigations get the precached index.html of THIS build (the app shell), so a page
//             always runs the build that matches the worker controlling it; precached files are
//             served cache-first (their names are content hashes, they never change); everything
//             else (other origins, such as the sync server, and non-GET requests) is not touched.
// * activate: deletes the caches of older builds and claims open pages.
// * updates:  a new build installs in the background and then WAITS. It does not call
//             skipWaiting() on its own: the app shows "new version available: reload" and posts
//             {type: "SKIP_WAITING"} when the user agrees, then reloads on `controllerchange`.
//             It also answers {type: "GET_VERSION"} on a MessageChannel port with
//             {type: "VERSION", version}.
// * notificationclick: a reminder (src/state/reminders.rs) carries the activity's app path in
//             `data.url`: focus an open window of the app and post {type: "OPEN", url} (the app
//             routes there), or open a new window on that path.
//
// The three placeholders below are filled in by scripts/sw-precache.mjs, a Trunk post_build hook;
// the file in dist/ names the real files. Kept dependency-free on purpose (no Workbox).

const BUILD_VERSION = "__CARTERA_BUILD_VERSION__";
const PRECACHE_URLS = [/* __CARTERA_PRECACHE_URLS__ */];
const APP_SHELL_URL = "/index.html"; // rewritten with Trunk's public_url by the hook

const CACHE_PREFIX = "cartera-shell-";
const CACHE_NAME = CACHE_PREFIX + BUILD_VERSION;
const PRECACHED_PATHS = new Set(PRECACHE_URLS.map((url) => new URL(url, self.location.href).pathname));

self.addEventListener("install", (event) => {
  event.waitUntil(precache());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(
        names
          .filter((name) => name.startsWith(CACHE_PREFIX) && name !== CACHE_NAME)
          .map((name) => caches.delete(name)),
      );
      // Take control of pages opened before the first install (no effect on the update path:
      // a waiting worker only gets here after SKIP_WAITING or when every old page is gone).
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("message", (event) => {
  const type = event.data && event.data.type;
  if (type === "SKIP_WAITING") {
    self.skipWaiting();
  } else if (type === "GET_VERSION" && event.ports && event.ports[0]) {
    event.ports[0].postMessage({ type: "VERSION", version: BUILD_VERSION });
  }
});

self.addEventListener("notificationclick", (event) => {
  event.notification.close();
  const data = event.notification.data || {};
  const ok = typeof data.url === "string" && data.url.startsWith("/") && !data.url.startsWith("//");
  const url = ok ? data.url : "/";
  event.waitUntil(
    (async () => {
      const windows = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
      const client = windows.find((c) => c.focused) || windows[0];
      if (client) {
        await client.focus();
        client.postMessage({ type: "OPEN", url });
      } else {
        await self.clients.openWindow(url);
      }
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const request = event.request;
  if (request.method !== "GET") return;
  const url = new URL(request.url);
  if (url.origin !== self.location.origin) return;
  if (request.mode === "navigate") {
    event.respondWith(appShell(request));
  } else if (PRECACHED_PATHS.has(url.pathname)) {
    event.respondWith(cacheFirst(request));
  }
});

async function precache() {
  const cache = await caches.open(CACHE_NAME);
  // `reload` skips the HTTP cache, so a stale index.html can never be precached.
  await cache.addAll(PRECACHE_URLS.map((url) => new Request(url, { cache: "reload" })));
}

async function appShell(request) {
  const cache = await caches.open(CACHE_NAME);
  const shell = await cache.match(APP_SHELL_URL, { ignoreVary: true });
  if (shell) return shell;
  // Not precached (install failed or storage was evicted): go to the network.
  try {
    return await fetch(request);
  } catch (error) {
    return new Response(
      "<!doctype html><meta charset=utf-8><title>Cartera</title>" +
        "<p>Cartera no está disponible sin conexión todavía. / Cartera is not available offline yet.</p>",
      { status: 503, headers: { "Content-Type": "text/html; charset=utf-8" } },
    );
  }
}

async function cacheFirst(request) {
  const cache = await caches.open(CACHE_NAME);
  const hit = await cache.match(request, { ignoreSearch: true, ignoreVary: true });
  return hit || fetch(request);
}
