'use strict';
// Preloaded into PouchDB Server 4.2.0 (`node -r ./server/patch.cjs .../pouchdb-server/lib/index.js`).
// Fixes five upstream bugs (each has a test in server/test/, and a control test showing upstream
// still has it):
//
//   1. `latest=true` with a revision the server does not have (GET doc?rev=X&latest=true,
//      open_revs=[X]&latest=true, _bulk_get?latest=true): pouchdb-merge's latest() throws inside
//      a LevelDB callback -> uncaught exception -> exit. Fixed: an unknown rev resolves to itself,
//      so the adapter answers "missing" (404 / {"missing": rev}) as CouchDB does.
//   2. A refused non-admin `DELETE /db`: express-pouchdb's create-or-delete-dbs keeps ONE global
//      promise chain; the refusal leaves it rejected, and the next request that opens a database
//      gets that rejection in a .then() with no catch -> unhandled rejection -> exit. It also
//      dropped the db from its cache before the refused destroy. Fixed: the chain survives
//      failures, and a db leaves the cache only once it is really destroyed.
//   3. A non-admin `PUT /newdb`: the security plugin makes PouchDB.new() return a rejected promise
//      instead of a db, and the route calls db.info() on it -> TypeError -> exit. Fixed: non-admin
//      `PUT /:db` is answered 401 "You are not a server admin." before that route (as CouchDB).
//   4. Replicated writes (new_edits=false) into a database with a validate_doc_update lost data
//      (see section 4 below).
//   5. Any user could give themselves any role through their own `_users` document (section 5).
//
// Also: a db that fails to open answers an error instead of rejecting into the void, and (unless
// CARTERA_SYNC_STRICT=1, which the tests set to prove the fixes above) an unhandled promise
// rejection is logged instead of ending the process. Uncaught exceptions still end it: after one,
// LevelDB locks may be held and the server is not trustworthy.
//
// The patch targets exact files of express-pouchdb / pouchdb-merge; when one is missing it stops
// the start with a clear message rather than run unpatched.

const path = require('node:path');

const EXPECTED_VERSION = '4.2.0';

function fail(msg) {
  process.stderr.write(`[cartera patch] ${msg}\n`);
  process.exit(70);
}

function resolveFrom(dir, request) {
  try {
    return require.resolve(request, { paths: [dir] });
  } catch (e) {
    return fail(`cannot find ${request} from ${dir}: ${e.message}`);
  }
}

const dirOf = (dir, pkg) => path.dirname(resolveFrom(dir, `${pkg}/package.json`));

const serverDir = dirOf(__dirname, 'pouchdb-server');
const expressDir = dirOf(serverDir, 'express-pouchdb');
const version = require(path.join(expressDir, 'package.json')).version;
if (version !== EXPECTED_VERSION) {
  process.stderr.write(
    `[cartera patch] warning: written for express-pouchdb ${EXPECTED_VERSION}, found ${version}\n`,
  );
}

// --- 1. latest=true with an unknown revision ------------------------------------------------
function patchLatest(mergeFile) {
  const merge = require(mergeFile);
  if (typeof merge.latest !== 'function') fail(`${mergeFile} has no latest()`);
  if (merge.latest.__cartera) return;
  const original = merge.latest;
  // The adapters call `pouchdbMerge.latest(rev, metadata)` through the module object, so
  // replacing the property is enough.
  merge.latest = function latest(rev, metadata) {
    try {
      return original(rev, metadata);
    } catch (e) {
      return rev; // not in the tree: the adapter then reports the revision as missing
    }
  };
  merge.latest.__cartera = true;
}

for (const adapter of ['pouchdb-adapter-leveldb', 'pouchdb-adapter-memory']) {
  const core = dirOf(dirOf(serverDir, adapter), 'pouchdb-adapter-leveldb-core');
  patchLatest(resolveFrom(core, 'pouchdb-merge'));
}

// --- 2. the global create/delete promise chain -----------------------------------------------
// Must run before express-pouchdb loads: lib/utils.js and lib/routes/db.js copy these two
// functions out of the module when they are first required.
const dbsFile = path.join(expressDir, 'lib', 'create-or-delete-dbs.js');
const dbs = require(dbsFile);
if (typeof dbs.getOrCreateDB !== 'function' || typeof dbs.deleteDB !== 'function') {
  fail(`${dbsFile} does not export getOrCreateDB/deleteDB`);
}

let chain = Promise.resolve();
// One creation/deletion at a time, as upstream; a failure is returned to its caller and does not
// poison the requests after it.
function doSequentially(fn) {
  const result = chain.then(fn);
  chain = result.then(
    () => undefined,
    () => undefined,
  );
  return result;
}

function cacheOf(PouchDB) {
  if (!PouchDB.__dbCacheMap) PouchDB.__dbCacheMap = new Map();
  return PouchDB.__dbCacheMap;
}

dbs.getOrCreateDB = function getOrCreateDB(PouchDB, dbName) {
  return doSequentially(() => {
    const cache = cacheOf(PouchDB);
    let db = cache.get(dbName);
    if (!db) {
      db = new PouchDB(dbName);
      cache.set(dbName, db);
    }
    return db;
  });
};

dbs.deleteDB = function deleteDB(PouchDB, dbName, opts) {
  return doSequentially(() => {
    const cache = cacheOf(PouchDB);
    const db = cache.get(dbName);
    if (!db) return PouchDB.destroy(dbName, opts);
    return db.destroy(opts).then((res) => {
      if (cache.get(dbName) === db) cache.delete(dbName);
      return res;
    });
  });
};

// --- 3. non-admin PUT /:db, and db opening errors -----------------------------------------------
const utils = require(path.join(expressDir, 'lib', 'utils.js'));

function isServerAdmin(req) {
  const roles = (req.couchSession && req.couchSession.userCtx && req.couchSession.userCtx.roles) || [];
  return roles.indexOf('_admin') !== -1;
}

const dbRouteFile = path.join(expressDir, 'lib', 'routes', 'db.js');
const installDbRoutes = require(dbRouteFile);
if (typeof installDbRoutes !== 'function') fail(`${dbRouteFile} is not a route installer`);
require.cache[dbRouteFile].exports = function installPatchedDbRoutes(app) {
  // Registered right before upstream's `app.put('/:db')`, so it runs first.
  app.put('/:db', (req, res, next) => {
    // No session means no authentication module: nothing to refuse.
    if (!req.couchSession || isServerAdmin(req)) return next();
    return utils.sendJSON(res, 401, { error: 'unauthorized', reason: 'You are not a server admin.' });
  });
  return installDbRoutes(app);
};

if (typeof utils.setDBOnReq !== 'function') fail('express-pouchdb utils has no setDBOnReq');
const cleanFilename = require(path.join(expressDir, 'lib', 'clean-filename.js'));
const mkdirp = require(resolveFrom(expressDir, 'mkdirp'));
// Upstream's version chains .then() without a catch: a db that failed to open or wrap was an
// unhandled rejection and the request never got an answer. Same steps, with the error answered.
utils.setDBOnReq = function setDBOnReq(dbName, dbWrapper, req, res, next) {
  const name = cleanFilename(dbName);
  req.PouchDB.allDbs((err, names) => {
    if (err) return utils.sendError(res, err);
    if (names.indexOf(name) === -1) {
      return utils.sendJSON(res, 404, { error: 'not_found', reason: 'no_db_file' });
    }
    return dbs
      .getOrCreateDB(req.PouchDB, name)
      .then((db) => {
        // upstream's workaround for pouchdb/pouchdb#5668 (db names with '/')
        if (/\//.test(name)) {
          mkdirp.sync(path.resolve(db.__opts.prefix ? db.__opts.prefix + name : name));
        }
        return dbWrapper.wrap(name, db);
      })
      .then(
        (db) => {
          req.db = db;
          next();
        },
        (e) => utils.sendError(res, e),
      );
  });
};

// --- 4. replicated writes into a database with a validate_doc_update ---------------------------
// pouchdb-validation does `newDoc._revisions = oldDoc._revisions` on the very doc it then stores.
// With new_edits=false (every replicator push) that replaces the incoming revision history: an
// update 2-b (history [b, a]) of a stored 1-a is stored as 1-a again and 2-b is silently lost;
// a new doc keeps only its leaf revision. Fixed: before validation runs, each new_edits=false
// doc's `_revisions` becomes read-only (writes to it are ignored), so the history written is the
// one the client sent, and the VDU sees that history (as on CouchDB).
const validation = require(resolveFrom(expressDir, 'pouchdb-validation'));
const pouchWrappers = require(resolveFrom(expressDir, 'pouchdb-wrappers'));
if (typeof validation.installValidationMethods !== 'function') {
  fail('pouchdb-validation has no installValidationMethods');
}

function keepRevisions(doc) {
  if (doc === null || typeof doc !== 'object') return;
  const value = doc._revisions;
  Object.defineProperty(doc, '_revisions', {
    get: () => value,
    set: () => {},
    enumerable: value !== undefined,
    configurable: true,
  });
}

const keepRevisionHandlers = {
  bulkDocs(orig, args) {
    if (args.options && args.options.new_edits === false) (args.docs || []).forEach(keepRevisions);
    return orig();
  },
  put(orig, args) {
    if (args.options && args.options.new_edits === false) keepRevisions(args.doc);
    return orig();
  },
};

const installValidationMethods = validation.installValidationMethods;
// PouchDB.plugin() copies this export when express-pouchdb's daemon starts (after this preload).
validation.installValidationMethods = function installPatchedValidationMethods() {
  // Installed first, so it runs before the validation handler in each method's handler chain.
  pouchWrappers.installWrapperMethods(this, keepRevisionHandlers);
  return installValidationMethods.apply(this, arguments);
};

// --- 5. users granting themselves roles ------------------------------------------------------
// express-pouchdb's routes/documents.js makes any user a server admin (`_admin`) for requests on
// their own `_users` document, so the `_users` validate_doc_update lets them write ANY roles:
// PUT /_users/org.couchdb.user:ana {"roles": ["admin"]} by ana succeeded. Fixed: the grant stays
// for reading and deleting one's own document, and for a PUT only when it keeps the stored roles
// (changing one's password); anything else goes through the `_users` VDU as a plain user, which
// answers 403 "Only _admin may edit roles".
const documentsFile = path.join(expressDir, 'lib', 'routes', 'documents.js');
const installDocumentRoutes = require(documentsFile);
if (typeof installDocumentRoutes !== 'function') fail(`${documentsFile} is not a route installer`);

function sameRoles(a, b) {
  if (!Array.isArray(a) || !Array.isArray(b) || a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((role, i) => role === y[i]);
}

function ownUserDocMiddleware(req, res, next) {
  const userCtx = req.couchSession && req.couchSession.userCtx;
  if (!userCtx || !userCtx.name || userCtx.roles.indexOf('_admin') !== -1) return next();
  return req.db.get(req.params.id, (err, stored) => {
    if (err || stored.name !== userCtx.name) return next();
    const grant = () => userCtx.roles.push('_admin');
    if (req.method === 'GET' || req.method === 'HEAD' || req.method === 'DELETE') {
      grant();
      return next();
    }
    if (req.method !== 'PUT' || !/^application\/json/.test(req.headers['content-type'] || '')) return next();
    // body-parser marks the request as parsed, so the route's own parser does not run again.
    return utils.jsonParser(req, res, () => {
      if (req.body && sameRoles(req.body.roles, stored.roles)) grant();
      next();
    });
  });
}

require.cache[documentsFile].exports = function installPatchedDocumentRoutes(app) {
  const usersPath = `/${app.couchConfig ? app.couchConfig.get('couch_httpd_auth', 'authentication_db') : ''}/:id`;
  const use = app.use;
  let replaced = !app.couchConfig; // without auth there is no such middleware
  app.use = function patchedUse(first, ...rest) {
    if (first === usersPath && rest.length === 1 && !replaced) {
      replaced = true;
      return use.call(this, first, ownUserDocMiddleware);
    }
    return use.call(this, first, ...rest);
  };
  try {
    return installDocumentRoutes(app);
  } finally {
    app.use = use;
    if (!replaced) fail(`${documentsFile} no longer registers ${usersPath}: review fix 5`);
  }
};

// --- safety net ------------------------------------------------------------------------------
if (process.env.CARTERA_SYNC_STRICT !== '1') {
  process.on('unhandledRejection', (reason) => {
    const detail = reason && reason.stack ? reason.stack : JSON.stringify(reason);
    process.stderr.write(`[cartera patch] unhandled rejection (server kept running): ${detail}\n`);
  });
}
