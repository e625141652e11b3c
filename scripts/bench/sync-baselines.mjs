#!/usr/bin/env node
// Baselines for the sync benchmark (tests/sync_bench.rs), against the same PouchDB Server and
// the same 10k contact-like documents (~300 B, the generator of src/remote/bench.rs):
//
//   node      PouchDB 9 client in node (LevelDB in a temp dir): the server's own limit
//   browser   PouchDB 9 in headless Chromium (pouchdb.min.js + pouchdb.indexeddb.min.js, adapter
//             'indexeddb'), from a page served here on 127.0.0.1 (scripts/bench/sync-baselines.html)
//
// Each run: a fresh server database (seeded by _bulk_docs, 1000 a time, for a pull; empty for a
// push) and a fresh client database, both deleted afterwards. Only PouchDB.replicate() is timed,
// with PouchDB's defaults (batch_size 100; Cartera asks 500 a batch, CouchDB's replicator default). Median of 3 runs per measure.
// Prints ONE JSON object to stdout (progress to stderr):
//   {"node_pull_ms","node_push_ms","browser_pull_ms","browser_push_ms","n":10000,"runs":{...},...}
//
//   SYNC_URL=http://127.0.0.1:PORT SYNC_ADMIN=name:password node scripts/bench/sync-baselines.mjs
//
// The page's origin http://127.0.0.1:PAGE_PORT must be in the server's CORS origins (APP_ORIGIN
// of scripts/sync-server.sh). PAGE_PORT: $SYNC_BASELINE_PAGE_PORT, else the port of
// $WASM_BINDGEN_TEST_ADDRESS (so it can run inside env.sh's wasm_tests_with_sync_server after the
// wasm tests, whose page origin the server already allows), else a free port (then checked).
// Falls back to CARTERA_TEST_SYNC_URL / CARTERA_TEST_SYNC_ADMIN when SYNC_URL / SYNC_ADMIN are unset.
import { execFileSync } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { readFile, mkdtemp, rm } from 'node:fs/promises';
import http from 'node:http';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const N = Number(process.env.SYNC_BASELINE_DOCS || 10_000);
const RUNS = Number(process.env.SYNC_BASELINE_RUNS || 3);
const SEED_CHUNK = 1000;
const HERE = path.dirname(fileURLToPath(import.meta.url));
const ROOT = path.resolve(HERE, '..', '..');
const POUCH_DIST = path.join(ROOT, 'node_modules', 'pouchdb', 'dist');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';

const log = (msg) => process.stderr.write(`[sync-baselines] ${msg}\n`);
const die = (msg) => {
  log(`error: ${msg}`);
  process.exit(1);
};

const SYNC_URL = (process.env.SYNC_URL || process.env.CARTERA_TEST_SYNC_URL || '').replace(/\/+$/, '');
const SYNC_ADMIN = process.env.SYNC_ADMIN || process.env.CARTERA_TEST_SYNC_ADMIN || '';
if (!SYNC_URL || !SYNC_ADMIN.includes(':')) die('set SYNC_URL and SYNC_ADMIN (name:password)');
const USER = SYNC_ADMIN.slice(0, SYNC_ADMIN.indexOf(':'));
const PASSWORD = SYNC_ADMIN.slice(SYNC_ADMIN.indexOf(':') + 1);
const AUTH = `Basic ${Buffer.from(`${USER}:${PASSWORD}`).toString('base64')}`;

const pad = (x, w) => String(x).padStart(w, '0');
/** The document of src/remote/bench.rs `doc(i)`, keys in serde_json's (sorted) order. */
function makeDoc(i) {
  return {
    _id: `bench-contact-${pad(i, 6)}`,
    account_id: `account-${pad(i % 700, 4)}`,
    emails: [`maria.fernandez${i}@ferreteria-ejemplo.es`],
    family_name: `Fernández ${i}`,
    given_name: 'María José',
    job_title: 'Jefa de compras',
    owner: `rep-${i % 12}`,
    phones: [`+34 91 ${pad(i % 1000, 3)} ${pad(i % 97, 2)} ${pad(i % 89, 2)}`],
    type: 'contact',
    updated_at: `2026-11-${pad(1 + (i % 28), 2)}T${pad(i % 24, 2)}:${pad(i % 60, 2)}:00Z`,
  };
}
const DOCS = Array.from({ length: N }, (_, i) => makeDoc(i));

// ---- server databases (admin requests from node, untimed) ----

async function admin(method, url, body) {
  const res = await fetch(url, {
    method,
    headers: { authorization: AUTH, 'content-type': 'application/json', accept: 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
    signal: AbortSignal.timeout(120_000),
  });
  const text = await res.text();
  return { status: res.status, body: text ? JSON.parse(text) : null };
}

/** A fresh server database, seeded with the N documents when `seed`. Returns its URL. */
async function scratchDb(seed) {
  const url = `${SYNC_URL}/bench-baseline-${randomUUID()}`;
  const created = await admin('PUT', url);
  if (created.status !== 201 && created.status !== 202) {
    throw new Error(`creating ${url}: HTTP ${created.status} ${JSON.stringify(created.body)}`);
  }
  if (seed) {
    for (let i = 0; i < N; i += SEED_CHUNK) {
      const r = await admin('POST', `${url}/_bulk_docs`, { docs: DOCS.slice(i, i + SEED_CHUNK) });
      if (r.status !== 201 || !Array.isArray(r.body) || r.body.some((row) => row.error)) {
        throw new Error(`seeding ${url}: HTTP ${r.status}`);
      }
    }
  }
  return url;
}

async function dropDb(url) {
  await admin('DELETE', url).catch(() => {});
}

async function withServerDb(seed, fn) {
  const url = await scratchDb(seed);
  try {
    return await fn(url);
  } finally {
    await dropDb(url);
  }
}

// ---- node client ----

const require = createRequire(import.meta.url);
const PouchDB = require('pouchdb');
const nodeTmp = await mkdtemp(path.join(tmpdir(), 'cartera-sync-baseline-'));
const nodeRemote = (url) => new PouchDB(url, { auth: { username: USER, password: PASSWORD }, skip_setup: true });

async function withNodeLocal(fn) {
  const local = new PouchDB(path.join(nodeTmp, `db-${randomUUID()}`));
  try {
    return await fn(local);
  } finally {
    await local.destroy().catch(() => {});
  }
}

function checkWritten(result, what) {
  if (result.docs_written !== N) throw new Error(`${what}: ${result.docs_written} of ${N} documents replicated`);
}

const nodePull = () => withServerDb(true, (url) => withNodeLocal(async (local) => {
  const start = performance.now();
  const result = await PouchDB.replicate(nodeRemote(url), local);
  const ms = performance.now() - start;
  checkWritten(result, 'node pull');
  return ms;
}));

const nodePush = () => withServerDb(false, (url) => withNodeLocal(async (local) => {
  for (let i = 0; i < N; i += SEED_CHUNK) await local.bulkDocs(DOCS.slice(i, i + SEED_CHUNK));
  const start = performance.now();
  const result = await PouchDB.replicate(local, nodeRemote(url));
  const ms = performance.now() - start;
  checkWritten(result, 'node push');
  return ms;
}));

// ---- browser page ----

const FILES = {
  '/': [path.join(HERE, 'sync-baselines.html'), 'text/html; charset=utf-8'],
  '/pouchdb.min.js': [path.join(POUCH_DIST, 'pouchdb.min.js'), 'text/javascript'],
  '/pouchdb.indexeddb.min.js': [path.join(POUCH_DIST, 'pouchdb.indexeddb.min.js'), 'text/javascript'],
};

function pagePort() {
  if (process.env.SYNC_BASELINE_PAGE_PORT) return Number(process.env.SYNC_BASELINE_PAGE_PORT);
  const m = (process.env.WASM_BINDGEN_TEST_ADDRESS || '').match(/:(\d+)$/);
  return m ? Number(m[1]) : 0;
}

function startPageServer(port) {
  const srv = http.createServer(async (req, res) => {
    const file = FILES[new URL(req.url, 'http://x').pathname];
    if (!file) {
      res.writeHead(404).end();
      return;
    }
    try {
      const body = await readFile(file[0]);
      res.writeHead(200, { 'content-type': file[1], 'cache-control': 'no-store' }).end(body);
    } catch (e) {
      res.writeHead(500).end(String(e));
    }
  });
  return new Promise((resolve, reject) => {
    srv.once('error', reject);
    srv.listen(port, '127.0.0.1', () => resolve(srv));
  });
}

/** Fails early, with a clear message, when the server's CORS does not allow `origin`. */
async function checkCors(origin) {
  const res = await fetch(`${SYNC_URL}/`, {
    method: 'OPTIONS',
    headers: { origin, 'access-control-request-method': 'POST', 'access-control-request-headers': 'authorization, content-type' },
  });
  await res.arrayBuffer();
  const allowed = res.headers.get('access-control-allow-origin');
  if (allowed !== origin && allowed !== '*') {
    throw new Error(`the sync server's CORS does not allow ${origin} (start it with APP_ORIGIN=${origin}, ` +
      'or set SYNC_BASELINE_PAGE_PORT to the port of an origin it allows)');
  }
}

// ---- run ----

const pageServer = await startPageServer(pagePort());
const origin = `http://127.0.0.1:${pageServer.address().port}`;
const profile = await mkdtemp(path.join(tmpdir(), 'cartera-sync-baseline-chromium-'));
let context;
try {
  await checkCors(origin);
  context = await chromium.launchPersistentContext(profile, {
    executablePath: CHROMIUM,
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  });
  const page = context.pages()[0] ?? (await context.newPage());
  page.setDefaultTimeout(600_000);
  await page.goto(`${origin}/`);
  const pouchVersion = await page.evaluate(() => window.pouchReady);
  if (!pouchVersion) throw new Error('PouchDB did not load in the page');

  const browserPull = () => withServerDb(true, (url) =>
    page.evaluate(([u, user, pw, n]) => window.benchPull(u, user, pw, n), [url, USER, PASSWORD, N]));
  const browserPush = () => withServerDb(false, (url) =>
    page.evaluate(([u, user, pw, docs]) => window.benchPush(u, user, pw, docs), [url, USER, PASSWORD, DOCS]));

  const runs = { node_pull: [], node_push: [], browser_pull: [], browser_push: [] };
  const measures = { node_pull: nodePull, node_push: nodePush, browser_pull: browserPull, browser_push: browserPush };
  // Interleaved rounds, so a noisy moment of the machine does not land on one measure only.
  for (let round = 1; round <= RUNS; round += 1) {
    for (const [name, fn] of Object.entries(measures)) {
      const ms = await fn();
      runs[name].push(Math.round(ms));
      log(`round ${round}/${RUNS} ${name}: ${ms.toFixed(0)} ms (${((N / ms) * 1000).toFixed(0)} docs/s)`);
    }
  }
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const chromiumVersion = execFileSync(CHROMIUM, ['--version']).toString().trim()
    .replace(/^Chromium\s+/, '').split(' ')[0];
  console.log(JSON.stringify({
    node_pull_ms: median(runs.node_pull),
    node_push_ms: median(runs.node_push),
    browser_pull_ms: median(runs.browser_pull),
    browser_push_ms: median(runs.browser_push),
    n: N,
    runs,
    pouchdb: { node: PouchDB.version, browser: pouchVersion, node_adapter: 'leveldb', browser_adapter: 'indexeddb' },
    chromium: chromiumVersion,
  }));
} catch (e) {
  log(`error: ${e.stack || e.message}`);
  process.exitCode = 1;
} finally {
  if (context) await context.close().catch(() => {});
  await new Promise((r) => pageServer.close(r));
  await rm(profile, { recursive: true, force: true });
  await rm(nodeTmp, { recursive: true, force: true });
}
