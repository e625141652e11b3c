// A throwaway sync server for the end-to-end sync flows: the patched PouchDB Server of
// server/launch.mjs on a free port, prepared by server/setup.mjs (database, `_security` by role,
// validate_doc_update, the development users of server/dev-users.json), with CORS open to the
// static server's origin only, with credentials (cookie sessions). Start the static server first:
//
//   const app = await startStaticServer({ root: DIST, port: 0 });
//   const sync = await startSyncServer({ appOrigin: new URL(app.url).origin });
//   ... await sync.close();
//
// Plus what the flows need around it: signing in through the login screen as a person does,
// waiting for the sync status, and reading documents on the server as its admin.
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';

import { startServer } from '../../server/launch.mjs';
import { setup } from '../../server/setup.mjs';
import { ROOT, gotoApp } from './helpers.mjs';

export const DB = 'cartera';

/** ana, bruno (rep), sofia (support), marta (manager), admin (admin), with their passwords. */
export const USERS = JSON.parse(readFileSync(path.join(ROOT, 'server', 'dev-users.json'), 'utf8'));

export function passwordOf(name) {
  const u = USERS.find((x) => x.name === name);
  if (!u) throw new Error(`no dev user ${name} in server/dev-users.json`);
  return u.password;
}

const running = new Set();
// If the test process dies before its after() hook, no server outlives it.
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
 * Starts the server in a fresh temp dir and prepares it. Resolves to
 * { url, dbUrl, admin: {user, password}, request(), alive(), close() }. A failure to start
 * rejects with a message that says so and carries the end of the server's output.
 */
export async function startSyncServer({ appOrigin }) {
  const dataDir = await mkdtemp(path.join(tmpdir(), 'cartera-e2e-sync-'));
  const admin = { user: 'e2e-admin', password: randomBytes(12).toString('hex') };
  let server;
  const close = async () => {
    if (server) {
      running.delete(server);
      await server.stop();
      server = null;
    }
    await rm(dataDir, { recursive: true, force: true });
  };
  try {
    server = await startServer({
      dataDir,
      origins: [appOrigin],
      adminUser: admin.user,
      adminPassword: admin.password,
      // Crashes end the process instead of being logged: the tests then fail on a dead server.
      env: { CARTERA_SYNC_STRICT: '1' },
    });
    running.add(server);
    await setup({ url: server.url, adminUser: admin.user, adminPassword: admin.password, users: USERS, log: () => {} });
  } catch (e) {
    const out = await readFile(path.join(dataDir, 'server.out'), 'utf8').catch(() => '');
    await close();
    const tail = out.trim().split('\n').slice(-20).join('\n');
    throw new Error(
      `the sync server (patched PouchDB Server, server/launch.mjs) did not start for the e2e sync tests: ${e.message}`
        + (tail ? `\n--- its output (server.out) ---\n${tail}` : ''),
    );
  }
  const { url, child } = server;
  const auth = (user, password) => `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
  /**
   * One request as the server admin (or `as` a dev user); resolves to { status, body } and
   * never throws on an HTTP status.
   */
  const request = async (method, p, { body, as } = {}) => {
    const headers = {
      Accept: 'application/json',
      Authorization: as ? auth(as, passwordOf(as)) : auth(admin.user, admin.password),
    };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const res = await fetch(url + p, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(15_000),
    });
    const text = await res.text();
    let json = null;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    return { status: res.status, body: json };
  };
  const alive = () => child.exitCode === null && child.signalCode === null;
  return { url, dbUrl: `${url}/${DB}`, admin, request, alive, close };
}

/** The sync status in the header ("Estado de sincronización" / "Sync status"). */
export const syncStatus = (page) => page.getByRole('status', { name: /^(Estado de sincronización|Sync status)$/ });

/** Waits until the sync status is in `state` (its data-state: local, offline, syncing, up-to-date, error). */
export async function waitForSyncState(page, state, { timeout = 30_000 } = {}) {
  await page.locator(`.sync-status[data-state="${state}"]`).waitFor({ timeout });
}

/**
 * Signs in through the login screen as a person does (server address, user, password) and
 * waits for the first sync to finish. `appUrl` is the static server's URL. The screen is in the
 * browser's language; both are accepted.
 */
export async function signIn(page, appUrl, serverUrl, user, password = passwordOf(user)) {
  await gotoApp(page, new URL('/login', appUrl).href);
  await page.getByRole('heading', { level: 1, name: /^(Conectar con el servidor|Connect to the server)$/ }).waitFor();
  await page.getByLabel(/^(Servidor|Server)$/).fill(serverUrl);
  await page.getByLabel(/^(Usuario|User name)$/).fill(user);
  await page.getByLabel(/^(Contraseña|Password)$/).fill(password);
  await page.getByRole('button', { name: /^(Iniciar sesión|Sign in)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Contactos|Contacts)$/ }).waitFor();
  await waitForSyncState(page, 'up-to-date');
}

/** A document as the server has it, with its conflicts (`null` when it has none). */
export async function serverDoc(sync, id) {
  const res = await sync.request('GET', `/${DB}/${encodeURIComponent(id)}?conflicts=true`);
  return res.status === 200 ? res.body : null;
}
