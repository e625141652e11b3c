// Starting a throwaway patched PouchDB Server for a test file, and talking to it.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from '../launch.mjs';
import { setup } from '../setup.mjs';
import { USERS } from './fixtures.mjs';

export const ADMIN = { user: 'couchadmin', password: 'couchadmin-test-pw' };
export const APP_ORIGIN = 'http://127.0.0.1:8080';
export const DB = 'cartera';

const running = new Set();
// If the runner dies before an after() hook, no server outlives it.
process.once('exit', () => {
  for (const s of running) {
    try {
      s.child.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
});

/**
 * Starts a server in a fresh temp dir; `prepared` also runs setup.mjs with the test users.
 * Resolves to { url, dbUrl, child, exited, close() }: close() kills it and removes the dir, and
 * is safe to call twice. CARTERA_SYNC_STRICT=1 turns the patch's safety net off, so a crash fix
 * that stopped working shows up as a dead server.
 */
export async function startTestServer({ prepared = true, patched = true } = {}) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'cartera-sync-test-'));
  let server;
  const close = async () => {
    if (server) {
      running.delete(server);
      await server.stop();
    }
    rmSync(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({
      dataDir,
      origins: [APP_ORIGIN],
      adminUser: ADMIN.user,
      adminPassword: ADMIN.password,
      patched,
      env: { CARTERA_SYNC_STRICT: '1' },
    });
    running.add(server);
    if (prepared) {
      await setup({ url: server.url, adminUser: ADMIN.user, adminPassword: ADMIN.password, users: USERS, log: () => {} });
    }
  } catch (e) {
    await close();
    throw e;
  }
  return { ...server, dataDir, dbUrl: `${server.url}/${DB}`, close };
}

export function passwordOf(name) {
  if (name === ADMIN.user) return ADMIN.password;
  const u = USERS.find((x) => x.name === name);
  if (!u) throw new Error(`no test user ${name}`);
  return u.password;
}

/**
 * One HTTP request as `as` (a user name, or null for anonymous). Resolves to
 * { status, body, headers } and never throws on an HTTP status.
 */
export async function http(baseUrl, method, p, { as = null, body, headers = {} } = {}) {
  const h = { Accept: 'application/json', ...headers };
  if (as) h.Authorization = `Basic ${Buffer.from(`${as}:${passwordOf(as)}`).toString('base64')}`;
  if (body !== undefined) h['Content-Type'] = 'application/json';
  const res = await fetch(baseUrl + p, {
    method,
    headers: h,
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    signal: AbortSignal.timeout(15000),
  });
  const text = await res.text();
  let json = null;
  try {
    json = text ? JSON.parse(text) : null;
  } catch {
    json = text;
  }
  return { status: res.status, body: json, headers: res.headers };
}

/** True when the server still answers GET / (the liveness check after each crash request). */
export async function answers(baseUrl) {
  try {
    const res = await fetch(`${baseUrl}/`, { signal: AbortSignal.timeout(5000) });
    await res.arrayBuffer();
    return res.status === 200;
  } catch {
    return false;
  }
}

/** The refusal code of a VDU error reason ("cartera:not_owner: ..." -> "not_owner"). */
export function reasonCode(body) {
  const m = /^cartera:([a-z_]+):/.exec((body && body.reason) || '');
  return m ? m[1] : null;
}
