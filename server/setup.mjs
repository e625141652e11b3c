#!/usr/bin/env node
// Prepares any CouchDB-compatible server for Cartera (Apache CouchDB 3 single node or cluster,
// Cloudant, PouchDB Server), with documented CouchDB HTTP APIs only. Idempotent: run it after
// every deploy; it changes only what differs.
//
//   node server/setup.mjs --url URL [--admin-user U --admin-password P] [--db cartera]
//                         [--users FILE.json] [--user NAME:PASSWORD:ROLE[,ROLE]]...
//
// Environment fallbacks: SYNC_URL, SYNC_ADMIN_USER, SYNC_ADMIN_PASSWORD, SYNC_DB (prefer these over
// flags for real passwords: flags show in `ps`).
//
// 1. creates `_users` (CouchDB 3 does not create it by itself) and the database when missing;
// 2. sets the database's `_security`: members by role rep, support, manager, admin; admins by
//    role admin (so nobody without a Cartera role reads anything);
// 3. installs `_design/cartera` with validate_doc_update (server/design/validate_doc_update.cjs);
// 4. creates or updates users (`_users` docs with roles) from a JSON file
//    ([{"name": "ana", "password": "...", "roles": ["rep"]}, ...]) and/or --user flags: roles are
//    set as given, the password only when it no longer logs in.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const require = createRequire(import.meta.url);
const validateDocUpdate = require('./design/validate_doc_update.cjs');

export const DEFAULT_DB = 'cartera';
export const CARTERA_ROLES = ['rep', 'support', 'manager', 'admin'];
export const SECURITY = {
  admins: { names: [], roles: ['admin'] },
  members: { names: [], roles: [...CARTERA_ROLES] },
};
/** The design document as stored: the VDU is the source text of the module's function. */
export const DESIGN_DOC = {
  _id: '_design/cartera',
  language: 'javascript',
  validate_doc_update: String(validateDocUpdate),
};

class HttpError extends Error {
  constructor(method, url, status, body) {
    super(`${method} ${url} -> ${status} ${JSON.stringify(body)}`);
    this.status = status;
    this.body = body;
  }
}

function basic(user, password) {
  return `Basic ${Buffer.from(`${user}:${password}`).toString('base64')}`;
}

/** A small JSON client for one server. */
export function client(baseUrl, { user, password } = {}) {
  const base = baseUrl.replace(/\/+$/, '');
  const auth = user ? basic(user, password) : undefined;
  return async function request(method, p, { body, ok = [200, 201, 202], as } = {}) {
    const headers = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    const authHeader = as ? basic(as.user, as.password) : auth;
    if (authHeader) headers.Authorization = authHeader;
    const res = await fetch(base + p, {
      method,
      headers,
      body: body === undefined ? undefined : JSON.stringify(body),
      signal: AbortSignal.timeout(30000),
    });
    const text = await res.text();
    let json;
    try {
      json = text ? JSON.parse(text) : null;
    } catch {
      json = text;
    }
    if (!ok.includes(res.status)) throw new HttpError(method, base + p, res.status, json);
    return { status: res.status, body: json };
  };
}

const enc = encodeURIComponent;
const sameJson = (a, b) => JSON.stringify(a) === JSON.stringify(b);
const sortedRoles = (roles) => [...new Set(roles)].sort();

async function ensureDb(request, name, log) {
  const res = await request('PUT', `/${enc(name)}`, { ok: [201, 202, 412] });
  log(res.status === 412 ? `database ${name}: exists` : `database ${name}: created`);
}

async function ensureSecurity(request, db, log) {
  const current = (await request('GET', `/${enc(db)}/_security`)).body || {};
  const normal = (s) => ({
    admins: { names: s.admins?.names ?? [], roles: s.admins?.roles ?? [] },
    members: { names: s.members?.names ?? [], roles: s.members?.roles ?? [] },
  });
  if (sameJson(normal(current), SECURITY)) return log(`${db}/_security: unchanged`);
  await request('PUT', `/${enc(db)}/_security`, { body: SECURITY });
  return log(`${db}/_security: members roles ${SECURITY.members.roles.join(', ')}; admins role admin`);
}

async function ensureDesignDoc(request, db, log) {
  const url = `/${enc(db)}/_design/cartera`;
  const current = await request('GET', url, { ok: [200, 404] });
  const existing = current.status === 200 ? current.body : null;
  if (existing && existing.language === DESIGN_DOC.language
    && existing.validate_doc_update === DESIGN_DOC.validate_doc_update) {
    return log(`${db}/_design/cartera: unchanged`);
  }
  const doc = existing ? { ...DESIGN_DOC, _rev: existing._rev } : DESIGN_DOC;
  const res = await request('PUT', url, { body: doc });
  return log(`${db}/_design/cartera: ${existing ? 'updated' : 'installed'} (${res.body.rev})`);
}

async function passwordWorks(request, name, password) {
  const res = await request('GET', '/_session', { as: { user: name, password }, ok: [200, 401] });
  return res.status === 200 && res.body?.userCtx?.name === name;
}

async function ensureUser(request, { name, password, roles }, log) {
  const url = `/_users/${enc(`org.couchdb.user:${name}`)}`;
  const current = await request('GET', url, { ok: [200, 404] });
  if (current.status === 404) {
    if (!password) throw new Error(`user ${name}: a new user needs a password`);
    await request('PUT', url, { body: { _id: `org.couchdb.user:${name}`, name, type: 'user', roles, password } });
    return log(`user ${name}: created (${roles.join(', ') || 'no roles'})`);
  }
  const doc = current.body;
  const rolesDiffer = !sameJson(sortedRoles(doc.roles || []), sortedRoles(roles));
  const passwordDiffers = Boolean(password) && !(await passwordWorks(request, name, password));
  if (!rolesDiffer && !passwordDiffers) return log(`user ${name}: unchanged`);
  const next = { ...doc, roles };
  if (passwordDiffers) next.password = password;
  await request('PUT', url, { body: next });
  const what = [rolesDiffer && `roles ${roles.join(', ') || 'none'}`, passwordDiffers && 'password'];
  return log(`user ${name}: updated ${what.filter(Boolean).join(' and ')}`);
}

/** Checks one user entry from a file or a flag. */
export function checkUser(u) {
  if (!u || typeof u.name !== 'string' || !/^[^:\s][^:]*$/.test(u.name)) {
    throw new Error(`bad user entry ${JSON.stringify(u)}: needs a "name" without ':'`);
  }
  if (u.password !== undefined && typeof u.password !== 'string') throw new Error(`user ${u.name}: password must be a string`);
  if (!Array.isArray(u.roles) || u.roles.some((r) => typeof r !== 'string')) {
    throw new Error(`user ${u.name}: "roles" must be an array of strings`);
  }
  return { name: u.name, password: u.password, roles: u.roles };
}

/**
 * Prepares the server. `users`: [{name, password, roles}]. `log` gets one line per step.
 * Resolves to the database URL.
 */
export async function setup({ url, adminUser, adminPassword, db = DEFAULT_DB, users = [], log = console.log }) {
  if (!url) throw new Error('the server URL is required (--url or SYNC_URL)');
  if (!adminUser || !adminPassword) {
    throw new Error('server admin credentials are required (--admin-user/--admin-password or SYNC_ADMIN_USER/SYNC_ADMIN_PASSWORD)');
  }
  const request = client(url, { user: adminUser, password: adminPassword });
  const session = (await request('GET', '/_session')).body;
  if (!session?.userCtx?.roles?.includes('_admin')) {
    throw new Error(`${adminUser} is not a server admin of ${url} (wrong password?)`);
  }
  await ensureDb(request, '_users', log);
  await ensureDb(request, db, log);
  await ensureSecurity(request, db, log);
  await ensureDesignDoc(request, db, log);
  for (const u of users.map(checkUser)) {
    if (u.name === adminUser) throw new Error(`user ${u.name} has the server admin's name: pick another`);
    const unknown = u.roles.filter((r) => !CARTERA_ROLES.includes(r));
    if (unknown.length) log(`user ${u.name}: warning, roles ${unknown.join(', ')} are not Cartera roles`);
    await ensureUser(request, u, log);
  }
  return `${url.replace(/\/+$/, '')}/${enc(db)}`;
}

function parseArgs(argv, env) {
  const opts = {
    url: env.SYNC_URL,
    adminUser: env.SYNC_ADMIN_USER,
    adminPassword: env.SYNC_ADMIN_PASSWORD,
    db: env.SYNC_DB || DEFAULT_DB,
    users: [],
  };
  for (let i = 0; i < argv.length; i++) {
    const flag = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${flag} needs a value`);
      return argv[++i];
    };
    if (flag === '--url') opts.url = value();
    else if (flag === '--admin-user') opts.adminUser = value();
    else if (flag === '--admin-password') opts.adminPassword = value();
    else if (flag === '--db') opts.db = value();
    else if (flag === '--users') {
      const file = value();
      const list = JSON.parse(readFileSync(file, 'utf8'));
      if (!Array.isArray(list)) throw new Error(`${file}: expected a JSON array of users`);
      opts.users.push(...list);
    } else if (flag === '--user') {
      const spec = value();
      const first = spec.indexOf(':');
      const last = spec.lastIndexOf(':');
      if (first < 1 || last === first) throw new Error(`--user ${spec}: expected NAME:PASSWORD:ROLE[,ROLE]`);
      const roles = spec.slice(last + 1).split(',').map((r) => r.trim()).filter(Boolean);
      opts.users.push({ name: spec.slice(0, first), password: spec.slice(first + 1, last), roles });
    } else if (flag === '--help' || flag === '-h') {
      opts.help = true;
    } else {
      throw new Error(`unknown argument ${flag}`);
    }
  }
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  try {
    const opts = parseArgs(process.argv.slice(2), process.env);
    if (opts.help) {
      console.log(readFileSync(fileURLToPath(import.meta.url), 'utf8').split('\n').slice(1, 21).join('\n'));
    } else {
      const dbUrl = await setup({ ...opts, log: (line) => console.log(`[setup] ${line}`) });
      console.log(`[setup] ready: ${dbUrl}`);
    }
  } catch (e) {
    console.error(`[setup] error: ${e.message}`);
    process.exit(1);
  }
}
