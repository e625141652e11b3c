// scripts/sync-server.sh as the README's run command uses it: background start, the printed URL,
// the admin it creates, CORS for APP_ORIGIN, the dev users, an idempotent second start, --stop.
import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { promisify } from 'node:util';

import { ROOT } from '../launch.mjs';

const run = promisify(execFile);
const SCRIPT = path.join(ROOT, 'scripts', 'sync-server.sh');
const ORIGIN = 'http://127.0.0.1:8123';

describe('scripts/sync-server.sh', () => {
  let dataDir;
  let env;
  let url;

  const script = (...args) => run('bash', [SCRIPT, ...args], { env, cwd: ROOT, timeout: 60000 });
  const pidOf = () => Number(readFileSync(path.join(dataDir, 'server.pid'), 'utf8'));
  const basic = (u, p) => ({ Authorization: `Basic ${Buffer.from(`${u}:${p}`).toString('base64')}` });

  before(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'cartera-sync-script-'));
    env = {
      ...process.env,
      SYNC_DATA: dataDir,
      APP_ORIGIN: ORIGIN,
      SYNC_ADMIN_USER: 'root',
      SYNC_ADMIN_PASSWORD: 'root-test-pw',
      NO_COLOR: '1',
    };
    delete env.SYNC_PORT;
    delete env.SYNC_DEV_USERS;
    delete env.SYNC_DB;
  });
  after(async () => {
    let pid = null;
    try {
      pid = pidOf();
    } catch {
      // never started, or already stopped
    }
    await script('--stop').catch(() => {});
    if (pid) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // gone, as it should be
      }
    }
    rmSync(dataDir, { recursive: true, force: true });
  });

  test('starts in the background, waits until it answers and prints the URL last', async () => {
    const { stdout } = await script();
    const lines = stdout.trim().split('\n');
    const m = /^SYNC_URL=(http:\/\/127\.0\.0\.1:\d+)$/.exec(lines.at(-1));
    assert.ok(m, `last line: ${lines.at(-1)}`);
    url = m[1];
    assert.equal(readFileSync(path.join(dataDir, 'url'), 'utf8').trim(), url);
    assert.match(stdout, /created the server admin 'root'/);
    assert.doesNotMatch(stdout, /DEV DEFAULT/, 'the admin came from the environment');
    assert.match(stdout, /ana \/ ana-dev \/ rep/, 'the dev users are printed');
    const res = await fetch(`${url}/`);
    assert.equal(res.status, 200);
  });

  test('there is no admin party: only the configured admin is server admin', async () => {
    assert.equal((await fetch(`${url}/_config`)).status, 401);
    assert.equal((await fetch(`${url}/_config`, { headers: basic('root', 'root-test-pw') })).status, 200);
    const config = JSON.parse(readFileSync(path.join(dataDir, 'config.json'), 'utf8'));
    assert.match(config.admins.root, /^-pbkdf2-/, 'the password is stored hashed');
  });

  test('the database is prepared and a dev user logs in with a cookie from APP_ORIGIN', async () => {
    const res = await fetch(`${url}/_session`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', Origin: ORIGIN },
      body: JSON.stringify({ name: 'ana', password: 'ana-dev' }),
    });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('access-control-allow-origin'), ORIGIN);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    const cookie = res.headers.getSetCookie()[0].split(';')[0];
    const db = await fetch(`${url}/cartera`, { headers: { Cookie: cookie } });
    assert.equal(db.status, 200);
    const security = await fetch(`${url}/cartera/_security`, { headers: basic('root', 'root-test-pw') });
    assert.deepEqual((await security.json()).members.roles, ['rep', 'support', 'manager', 'admin']);
  });

  test('a second start finds it running and prints the same URL', async () => {
    const { stdout } = await script();
    assert.match(stdout, /already running/);
    assert.equal(stdout.trim().split('\n').at(-1), `SYNC_URL=${url}`);
  });

  test('--stop stops it', async () => {
    const pid = pidOf();
    await script('--stop');
    assert.throws(() => process.kill(pid, 0), { code: 'ESRCH' });
    assert.equal(existsSync(path.join(dataDir, 'server.pid')), false);
    await assert.rejects(fetch(`${url}/`, { signal: AbortSignal.timeout(3000) }));
  });

  test('a restart keeps the data and the admin, and changes nothing', async () => {
    const { stdout } = await script();
    assert.doesNotMatch(stdout, /created the server admin/);
    assert.match(stdout, /_design\/cartera: unchanged/);
    assert.match(stdout, /user ana: unchanged/);
    await script('--stop');
  });
});
