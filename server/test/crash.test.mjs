// The requests that kill an unpatched PouchDB Server 4.2.0, sent to the patched one: each gets an
// answer and the server keeps serving. A control test shows upstream still dies on them, so these
// tests would notice if the patch stopped being applied (and tell us when upstream fixes them).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { contact } from './fixtures.mjs';
import { answers, DB, http, startTestServer } from './helpers.mjs';

/** Requests that crashed the server, each with what a caller should get instead. */
const CRASHERS = {
  'GET doc?rev=unknown&latest=true': async (url) => {
    const r = await http(url, 'GET', `/${DB}/c1?rev=1-0000&latest=true`, { as: 'ana' });
    assert.equal(r.status, 404);
    assert.equal(r.body.error, 'not_found');
  },
  'GET doc?open_revs=[unknown]&latest=true': async (url) => {
    const revs = encodeURIComponent(JSON.stringify(['1-0000']));
    const r = await http(url, 'GET', `/${DB}/c1?open_revs=${revs}&latest=true`, { as: 'ana' });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body, [{ missing: '1-0000' }]);
  },
  'POST _bulk_get?latest=true with an unknown rev': async (url) => {
    const r = await http(url, 'POST', `/${DB}/_bulk_get?latest=true`, {
      as: 'ana',
      body: { docs: [{ id: 'c1', rev: '1-0000' }] },
    });
    assert.equal(r.status, 200);
    assert.deepEqual(r.body.results[0].docs, [{ missing: '1-0000' }]);
  },
  'refused non-admin DELETE /db, then a request that opens a db': async (url) => {
    const r = await http(url, 'DELETE', `/${DB}`, { as: 'ana' });
    // CouchDB answers 401 {"error":"unauthorized","reason":"You are not a server admin."}.
    assert.equal(r.status, 401);
    const again = await http(url, 'GET', `/${DB}/c1`, { as: 'ana' });
    assert.equal(again.status, 200, 'the database is still there and opens');
  },
  'non-admin PUT /newdb': async (url) => {
    const r = await http(url, 'PUT', '/newdb', { as: 'ana' });
    assert.deepEqual([r.status, r.body.reason], [401, 'You are not a server admin.']);
    const listed = await http(url, 'GET', '/_all_dbs', { as: 'couchadmin' });
    assert.ok(!listed.body.includes('newdb'), 'no database was created');
  },
};

describe('patched server', () => {
  let srv;
  before(async () => {
    srv = await startTestServer();
    const r = await http(srv.url, 'PUT', `/${DB}/c1`, { as: 'ana', body: contact('ana') });
    assert.equal(r.status, 201);
  });
  after(() => srv?.close());

  for (const [name, send] of Object.entries(CRASHERS)) {
    test(`survives ${name}`, async () => {
      await send(srv.url);
      assert.ok(await answers(srv.url), 'the server still answers');
      assert.equal(srv.child.exitCode, null);
    });
  }

  test('a refused DELETE of a database not opened yet leaves later requests working', async () => {
    const created = await http(srv.url, 'PUT', '/scratch', { as: 'couchadmin' });
    assert.equal(created.status, 201);
    assert.equal((await http(srv.url, 'DELETE', '/scratch', { as: 'bruno' })).status, 401);
    assert.equal((await http(srv.url, 'GET', `/${DB}`, { as: 'bruno' })).status, 200);
    // an admin still deletes databases
    assert.equal((await http(srv.url, 'DELETE', '/scratch', { as: 'couchadmin' })).status, 200);
    assert.equal((await http(srv.url, 'GET', '/scratch', { as: 'couchadmin' })).status, 404);
  });

  test('an admin still creates databases', async () => {
    assert.equal((await http(srv.url, 'PUT', '/another', { as: 'couchadmin' })).status, 201);
    assert.equal((await http(srv.url, 'PUT', '/another', { as: 'couchadmin' })).status, 412);
  });
});

// Upstream behaviour, asserted on purpose: if one of these starts failing, upstream fixed the bug
// and the matching part of server/patch.cjs can go.
describe('unpatched upstream server (control)', () => {
  test('loses a replicated update when the database has a validate_doc_update (fix 4)', async () => {
    const srv = await startTestServer({ patched: false });
    try {
      const push = (doc) => http(srv.url, 'POST', `/${DB}/_bulk_docs`, { as: 'ana', body: { new_edits: false, docs: [doc] } });
      const body = contact('ana');
      await push({ ...body, _id: 'x', _rev: '1-aaa', _revisions: { start: 1, ids: ['aaa'] } });
      const res = await push({ ...body, notes: 'edited', _id: 'x', _rev: '2-bbb', _revisions: { start: 2, ids: ['bbb', 'aaa'] } });
      assert.deepEqual(res.body, [], 'reported as written');
      const stored = await http(srv.url, 'GET', `/${DB}/x`, { as: 'ana' });
      assert.equal(stored.body._rev, '1-aaa', 'but revision 2-bbb is not on the server');
    } finally {
      await srv.close();
    }
  });

  test('lets a user give herself roles (fix 5)', async () => {
    const srv = await startTestServer({ patched: false });
    try {
      const url = `/_users/${encodeURIComponent('org.couchdb.user:ana')}`;
      const own = await http(srv.url, 'GET', url, { as: 'ana' });
      const res = await http(srv.url, 'PUT', url, { as: 'ana', body: { ...own.body, roles: ['admin'] } });
      assert.equal(res.status, 201);
      const session = await http(srv.url, 'GET', '/_session', { as: 'ana' });
      assert.deepEqual(session.body.userCtx.roles, ['admin']);
    } finally {
      await srv.close();
    }
  });

  const killers = {
    'latest=true with an unknown rev': (url) => http(url, 'GET', `/${DB}/c1?rev=1-0000&latest=true`, { as: 'ana' }),
    'refused DELETE /db then GET': async (url) => {
      await http(url, 'DELETE', `/${DB}`, { as: 'ana' });
      return http(url, 'GET', `/${DB}/c1`, { as: 'ana' });
    },
    'non-admin PUT /newdb': (url) => http(url, 'PUT', '/newdb', { as: 'ana' }),
  };
  for (const [name, send] of Object.entries(killers)) {
    test(`dies on ${name}`, async () => {
      const srv = await startTestServer({ patched: false });
      try {
        await http(srv.url, 'PUT', `/${DB}/c1`, { as: 'ana', body: contact('ana') });
        await send(srv.url).catch(() => {}); // the connection may just drop
        let timer;
        const { code } = await Promise.race([
          srv.exited,
          new Promise((resolve) => {
            timer = setTimeout(() => resolve({ code: 'still running' }), 5000);
          }),
        ]);
        clearTimeout(timer);
        assert.notEqual(code, 'still running');
        assert.equal(await answers(srv.url), false);
      } finally {
        await srv.close();
      }
    });
  }
});
