// A PouchDB 9 client (node, LevelDB in a temp dir) replicating to and from the patched server,
// through the same `_security` and validate_doc_update as production.
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';

import PouchDB from 'pouchdb';

import { contact } from './fixtures.mjs';
import { DB, http, passwordOf, startTestServer } from './helpers.mjs';

let srv;
let localDir;
const dbs = [];

before(async () => {
  srv = await startTestServer();
  localDir = mkdtempSync(path.join(tmpdir(), 'cartera-pouch-client-'));
});
after(async () => {
  await Promise.allSettled(dbs.map((d) => d.close()));
  await srv?.close();
  if (localDir) rmSync(localDir, { recursive: true, force: true });
});

function localDb(name) {
  const db = new PouchDB(path.join(localDir, name));
  dbs.push(db);
  return db;
}

function remoteDb(user) {
  const db = new PouchDB(`${srv.dbUrl}`, {
    auth: { username: user, password: passwordOf(user) },
    skip_setup: true,
  });
  dbs.push(db);
  return db;
}

/** `promise`, or a rejection after `ms` (the timer never outlives the test). */
async function within(promise, ms, message) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(message)), ms);
  });
  try {
    return await Promise.race([promise, timeout]);
  } finally {
    clearTimeout(timer);
  }
}

/** Revision ids of a document on the server, newest first. */
async function serverHistory(id) {
  const res = await http(srv.url, 'GET', `/${DB}/${id}?revs=true`, { as: 'ana' });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  const { start, ids } = res.body._revisions;
  return ids.map((rid, i) => `${start - i}-${rid}`);
}

describe('ana replicates with PouchDB', () => {
  let local;
  let remote;
  before(() => {
    local = localDb('ana');
    remote = remoteDb('ana');
  });

  test('pushes her new contacts, with their whole revision history', async () => {
    await local.bulkDocs([1, 2, 3].map((i) => ({ _id: `c${i}`, ...contact('ana', { notes: `n${i}` }) })));
    // three local edits of c1 before the first sync
    for (const notes of ['second', 'third']) {
      const doc = await local.get('c1');
      await local.put({ ...doc, notes });
    }
    const result = await local.replicate.to(remote);
    assert.equal(result.ok, true);
    assert.equal(result.docs_written, 3);
    assert.equal(result.doc_write_failures, 0);
    const c1 = await local.get('c1', { revs: true });
    assert.deepEqual(await serverHistory('c1'), c1._revisions.ids.map((id, i) => `${3 - i}-${id}`));
  });

  test('pushes an update of a document the server already has (not lost)', async () => {
    const doc = await local.get('c2');
    const { rev } = await local.put({ ...doc, notes: 'after the visit' });
    const result = await local.replicate.to(remote);
    assert.equal(result.docs_written, 1);
    const onServer = await http(srv.url, 'GET', `/${DB}/c2`, { as: 'bruno' });
    assert.equal(onServer.body._rev, rev);
    assert.equal(onServer.body.notes, 'after the visit');
    assert.equal((await serverHistory('c2')).length, 2);
  });

  test('a second push with nothing new writes nothing (checkpoints in _local docs work)', async () => {
    const result = await local.replicate.to(remote);
    assert.equal(result.docs_read, 0);
    assert.equal(result.docs_written, 0);
  });

  test('pulls what others wrote', async () => {
    const res = await http(srv.url, 'PUT', `/${DB}/from-marta`, { as: 'marta', body: contact('bruno', { updated_by: 'marta' }) });
    assert.equal(res.status, 201);
    const result = await local.replicate.from(remote);
    assert.equal(result.ok, true);
    assert.ok(result.docs_written >= 1);
    assert.equal((await local.get('from-marta')).owner, 'bruno');
  });

  test("a push that edits bruno's contact is refused per document, with the reason code", async () => {
    const doc = await local.get('from-marta');
    await local.put({ ...doc, notes: 'ana was here' });
    const denied = [];
    const result = await local.replicate.to(remote).on('denied', (err) => denied.push(err));
    assert.equal(result.doc_write_failures, 1);
    assert.equal(denied.length, 1);
    assert.match(denied[0].message || denied[0].reason, /^cartera:not_owner: /);
    const onServer = await http(srv.url, 'GET', `/${DB}/from-marta`, { as: 'ana' });
    assert.equal(onServer.body.notes, '', 'the server kept bruno\'s version');
  });

  test('continuous-style live sync delivers a remote change', async () => {
    const sync = local.sync(remote, { live: true, retry: false });
    try {
      const arrived = new Promise((resolve) => {
        sync.on('change', (info) => {
          if (info.direction === 'pull' && info.change.docs.some((d) => d._id === 'live-1')) resolve();
        });
      });
      const res = await http(srv.url, 'PUT', `/${DB}/live-1`, { as: 'bruno', body: contact('bruno') });
      assert.equal(res.status, 201);
      await within(arrived, 10000, 'no live change in 10 s');
      assert.equal((await local.get('live-1')).owner, 'bruno');
    } finally {
      sync.cancel();
    }
  });
});

describe('raw replicator writes (new_edits=false), as CouchDB stores them', () => {
  const push = (doc) => http(srv.url, 'POST', `/${DB}/_bulk_docs`, { as: 'ana', body: { new_edits: false, docs: [doc] } });

  test('an update of a stored document keeps the incoming revision and its history', async () => {
    const body = contact('ana');
    assert.deepEqual((await push({ ...body, _id: 'raw-1', _rev: '1-aaa', _revisions: { start: 1, ids: ['aaa'] } })).body, []);
    const res = await push({ ...body, notes: 'edited', _id: 'raw-1', _rev: '2-bbb', _revisions: { start: 2, ids: ['bbb', 'aaa'] } });
    assert.deepEqual(res.body, []);
    assert.deepEqual(await serverHistory('raw-1'), ['2-bbb', '1-aaa']);
    assert.equal((await http(srv.url, 'GET', `/${DB}/raw-1`, { as: 'ana' })).body.notes, 'edited');
  });

  test('a refused replicated write is reported per document and stores nothing', async () => {
    const res = await push({ ...contact('ana', { emails: 'nope' }), _id: 'raw-2', _rev: '3-ccc', _revisions: { start: 3, ids: ['ccc', 'bbb', 'aaa'] } });
    assert.equal(res.body[0].id, 'raw-2');
    assert.equal(res.body[0].error, 'forbidden');
    assert.equal((await http(srv.url, 'GET', `/${DB}/raw-2`, { as: 'ana' })).status, 404);
  });
});

describe('a user without a Cartera role', () => {
  test('cannot pull anything', async () => {
    const local = localDb('nora');
    await assert.rejects(local.replicate.from(remoteDb('nora')), (err) => err.status === 401);
    assert.equal((await local.allDocs()).rows.length, 0);
  });
});
