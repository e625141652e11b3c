// Starting the patched PouchDB Server: its config.json, its command line, waiting until it answers.
// Used by scripts/sync-server.sh (through the CLI below) and by the tests (startServer()).
//
//   node server/launch.mjs free-port
//   node server/launch.mjs port-is-free PORT        (exit 1 when taken)
//   node server/launch.mjs write-config --data DIR --origin URL[,URL] --admin-user U --admin-password P
//   node server/launch.mjs wait URL [--pid PID] [--log FILE] [--timeout-ms 20000]
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, openSync, readFileSync, renameSync, writeFileSync, closeSync } from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(HERE, '..');
export const PATCH = path.join(HERE, 'patch.cjs');
export const SERVER_MAIN = path.join(ROOT, 'node_modules', 'pouchdb-server', 'lib', 'index.js');
export const HOST = '127.0.0.1';

/** True when nothing listens on `port` of 127.0.0.1. */
export function portIsFree(port) {
  return new Promise((resolve) => {
    const srv = net.createServer();
    srv.once('error', () => resolve(false));
    srv.listen(port, HOST, () => srv.close(() => resolve(true)));
  });
}

/** A TCP port that was free a moment ago on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, HOST, () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

function readJson(file) {
  try {
    return JSON.parse(readFileSync(file, 'utf8'));
  } catch (e) {
    if (e.code === 'ENOENT') return {};
    throw new Error(`${file}: ${e.message}`);
  }
}

/**
 * Creates or updates DATA/config.json, the file behind PouchDB Server's /_config:
 * CORS limited to `origins` with credentials, the log file in DATA, a cookie secret that survives
 * restarts, and the server admin when `adminUser` is not one yet (PouchDB Server hashes the
 * plain password when it loads the file, so there is never an "admin party"). An existing admin's
 * password is left alone (change it with PUT /_config/admins/NAME). Returns { file, createdAdmin }.
 */
export function writeConfig({ dataDir, origins, adminUser, adminPassword, sessionTimeout = 600 }) {
  if (!origins || origins.length === 0) throw new Error('writeConfig: at least one CORS origin');
  if (!adminUser || !adminPassword) throw new Error('writeConfig: admin user and password');
  mkdirSync(dataDir, { recursive: true });
  const file = path.join(dataDir, 'config.json');
  const cfg = readJson(file);
  const section = (name) => (cfg[name] = cfg[name] || {});

  section('httpd').enable_cors = true;
  // pouchdb-server splits origins on ", " exactly, and wants a real boolean for credentials.
  Object.assign(section('cors'), {
    origins: origins.join(', '),
    credentials: true,
    methods: 'GET, HEAD, POST, PUT, DELETE, COPY',
    headers: 'accept, accept-language, content-language, content-type, authorization, origin, referer',
  });
  section('log').file = path.join(path.resolve(dataDir), 'log.txt');
  const auth = section('couch_httpd_auth');
  auth.secret = auth.secret || randomBytes(32).toString('hex');
  auth.timeout = auth.timeout || sessionTimeout;
  const admins = section('admins');
  const createdAdmin = !(adminUser in admins);
  if (createdAdmin) admins[adminUser] = adminPassword;

  const tmp = `${file}.tmp`;
  writeFileSync(tmp, `${JSON.stringify(cfg, null, 2)}\n`, { mode: 0o600 });
  renameSync(tmp, file);
  return { file, createdAdmin };
}

/** The command line that runs the patched server: [node, ...args]. */
export function serverCommand({ port, dataDir, stdoutLogs = false }) {
  const dir = path.resolve(dataDir);
  const args = ['-r', PATCH, SERVER_MAIN, '--host', HOST, '--port', String(port), '--dir', dir,
    '--config', path.join(dir, 'config.json')];
  if (!stdoutLogs) args.push('-n'); // --no-stdout-logs (nomnom would read the long form as a negation)
  return [process.execPath, ...args];
}

function alive(pid) {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

function portTakenIn(logFile) {
  try {
    return readFileSync(logFile, 'utf8').includes('is already in use');
  } catch {
    return false;
  }
}

/**
 * Resolves once GET `url` answers 200; rejects when `pid` (if given) exits, when `logFile` (the
 * server's stderr) says the port is taken (pouchdb-server then stays up without listening), or on
 * timeout.
 */
export async function waitUntilUp(url, { pid, logFile, timeoutMs = 20000 } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    if (pid && !alive(pid)) throw new Error(`the sync server (pid ${pid}) exited while starting`);
    if (logFile && portTakenIn(logFile)) throw new Error(`the port of ${url} is already in use`);
    try {
      const res = await fetch(url, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`no answer from ${url} after ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Starts a patched server in `dataDir` on a free port (for tests). Resolves to
 * { url, port, pid, child, stop() }; stop() kills it and waits for the exit. Output goes to
 * DATA/server.out. `env` adds variables (e.g. CARTERA_SYNC_STRICT).
 */
export async function startServer({ dataDir, origins = ['http://127.0.0.1:8080'], adminUser, adminPassword,
  patched = true, env = {} }) {
  writeConfig({ dataDir, origins, adminUser, adminPassword });
  for (let attempt = 1; ; attempt++) {
    const port = await freePort();
    const [cmd, ...args] = serverCommand({ port, dataDir });
    if (!patched) args.splice(0, 2); // drop `-r patch.cjs`: the upstream server, for control tests
    const outFile = path.join(dataDir, 'server.out');
    const out = openSync(outFile, 'w');
    const child = spawn(cmd, args, { stdio: ['ignore', out, out], env: { ...process.env, ...env } });
    closeSync(out);
    const exited = new Promise((resolve) => child.once('exit', (code, signal) => resolve({ code, signal })));
    const url = `http://${HOST}:${port}`;
    const stop = async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
      return exited;
    };
    try {
      await waitUntilUp(`${url}/`, { pid: child.pid, logFile: outFile, timeoutMs: 20000 });
      return { url, port, pid: child.pid, child, exited, stop };
    } catch (e) {
      await stop();
      if (attempt >= 3) throw e; // the free port was taken in between: try another
    }
  }
}

function parseFlags(argv) {
  const flags = { _: [] };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    if (a.startsWith('--')) flags[a.slice(2)] = argv[++i];
    else flags._.push(a);
  }
  return flags;
}

async function main(argv) {
  const [command, ...rest] = argv;
  const flags = parseFlags(rest);
  if (command === 'free-port') {
    console.log(await freePort());
  } else if (command === 'port-is-free') {
    if (!(await portIsFree(Number(flags._[0])))) process.exitCode = 1;
  } else if (command === 'write-config') {
    const origins = String(flags.origin || '').split(',').map((s) => s.trim()).filter(Boolean);
    const { file, createdAdmin } = writeConfig({
      dataDir: flags.data, origins, adminUser: flags['admin-user'], adminPassword: flags['admin-password'],
    });
    console.log(createdAdmin ? `created-admin ${file}` : `kept-admins ${file}`);
  } else if (command === 'wait') {
    await waitUntilUp(flags._[0], {
      pid: flags.pid ? Number(flags.pid) : undefined,
      logFile: flags.log,
      timeoutMs: Number(flags['timeout-ms'] || 20000),
    });
  } else {
    throw new Error(`unknown command ${JSON.stringify(command)} (free-port | port-is-free | write-config | wait)`);
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main(process.argv.slice(2)).catch((e) => {
    console.error(`launch.mjs: ${e.message}`);
    process.exit(1);
  });
}
