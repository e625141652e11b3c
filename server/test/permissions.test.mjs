// Who may read and write what, through the HTTP API of a server prepared by setup.mjs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { setup } from '../setup.mjs';
import { account, activity, contact, supportCase, USERS } from './fixtures.mjs';
import { ADMIN, DB, http, reasonCode, startTestServer } from './helpers.mjs';

let srv;
before(async () => {
  srv = await startTestServer();
});
after(() => srv?.close());

const put = (as, id, body) => http(srv.url, 'PUT', `/${DB}/${id}`, { as, body });
const get = (as, id) => http(srv.url, 'GET', `/${DB}/${id}`, { as });
const del = (as, id, rev) => http(srv.url, 'DELETE', `/${DB}/${id}?rev=${rev}`, { as });

/** Asserts a VDU refusal: 403 forbidden with the given cartera code. */
function assertRefused(res, code) {
  assert.equal(res.status, 403, JSON.stringify(res.body));
  assert.equal(res.body.error, 'forbidden');
  assert.equal(reasonCode(res.body), code, res.body.reason);
}

describe('a rep and her contact', () => {
  let rev;
  test('ana (rep) creates a contact', async () => {
    const res = await put('ana', 'contact-ana-1', contact('ana'));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    rev = res.body.rev;
    assert.equal((await get('bruno', 'contact-ana-1')).body.given_name, 'Lucía', 'every member reads it');
  });

  test('bruno (another rep) cannot update it', async () => {
    assertRefused(await put('bruno', 'contact-ana-1', { ...contact('ana', { notes: 'mine now' }), _rev: rev }), 'not_owner');
    assertRefused(await put('bruno', 'contact-ana-1', { ...contact('bruno'), _rev: rev }), 'not_owner');
  });

  test('bruno cannot delete it', async () => {
    assertRefused(await del('bruno', 'contact-ana-1', rev), 'not_owner');
    // nor through _bulk_docs, the way replication writes
    const bulk = await http(srv.url, 'POST', `/${DB}/_bulk_docs`, {
      as: 'bruno',
      body: { docs: [{ _id: 'contact-ana-1', _rev: rev, _deleted: true }] },
    });
    assert.equal(bulk.status, 201);
    assert.equal(bulk.body[0].error, 'forbidden');
    assert.match(bulk.body[0].reason, /^cartera:not_owner: /);
    assert.equal((await get('ana', 'contact-ana-1')).body._rev, rev, 'unchanged');
  });

  test('ana cannot reassign it, and updates it herself', async () => {
    assertRefused(await put('ana', 'contact-ana-1', { ...contact('bruno'), _rev: rev }), 'owner_change');
    const res = await put('ana', 'contact-ana-1', { ...contact('ana', { notes: 'met at the fair' }), _rev: rev });
    assert.equal(res.status, 201);
    rev = res.body.rev;
  });

  test('marta (manager) updates and reassigns it', async () => {
    const res = await put('marta', 'contact-ana-1', { ...contact('bruno', { updated_by: 'marta' }), _rev: rev });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    rev = res.body.rev;
    // now bruno owns it, so he may change it and ana may not
    assertRefused(await put('ana', 'contact-ana-1', { ...contact('bruno'), _rev: rev }), 'not_owner');
    const mine = await put('bruno', 'contact-ana-1', { ...contact('bruno', { notes: 'x' }), _rev: rev });
    assert.equal(mine.status, 201);
    rev = mine.body.rev;
  });

  test('the owner deletes it', async () => {
    const res = await del('bruno', 'contact-ana-1', rev);
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal((await get('bruno', 'contact-ana-1')).status, 404);
  });

  test('a manager deletes a rep\'s account', async () => {
    const created = await put('ana', 'account-ana-1', account('ana'));
    assert.equal(created.status, 201);
    assert.equal((await del('marta', 'account-ana-1', created.body.rev)).status, 200);
  });
});

describe('support', () => {
  test('sofia (support) cannot create or edit contacts', async () => {
    assertRefused(await put('sofia', 'contact-sofia', contact('sofia')), 'forbidden_type');
    const c = await put('ana', 'contact-ana-2', contact('ana'));
    assertRefused(await put('sofia', 'contact-ana-2', { ...contact('ana', { notes: 'x' }), _rev: c.body.rev }), 'forbidden_type');
  });

  test('sofia creates and edits cases, including ones she does not own', async () => {
    const created = await put('marta', 'case-1', supportCase('marta')).then(async (r) => {
      // managers do not write cases: an admin opens this one
      assertRefused(r, 'forbidden_type');
      return put('admin', 'case-1', supportCase('admin'));
    });
    assert.equal(created.status, 201);
    const edited = await put('sofia', 'case-1', { ...supportCase('admin', { status: 'closed' }), _rev: created.body.rev });
    assert.equal(edited.status, 201, JSON.stringify(edited.body));
    assert.equal((await put('sofia', 'case-2', supportCase('sofia'))).status, 201);
  });

  test('sofia logs activities; a rep cannot write cases', async () => {
    assert.equal((await put('sofia', 'activity-1', activity('sofia'))).status, 201);
    assertRefused(await put('ana', 'case-ana', supportCase('ana')), 'forbidden_type');
  });
});

describe('shape of documents', () => {
  test('a contact missing required fields is refused', async () => {
    const { emails, ...noEmails } = contact('ana');
    assert.ok(emails);
    assertRefused(await put('ana', 'bad-1', noEmails), 'missing_field');
    assertRefused(await put('ana', 'bad-2', contact('ana', { given_name: '', family_name: '' })), 'missing_field');
    assertRefused(await put('ana', 'bad-3', contact('ana', { phones: [612345678] })), 'invalid_field');
    assertRefused(await put('ana', 'bad-4', { type: 'contact' }), 'missing_field');
    assertRefused(await put('ana', 'bad-5', { hello: 'world' }), 'unknown_type');
    assert.equal((await get('ana', 'bad-1')).status, 404, 'nothing was stored');
  });

  test('even the server admin cannot store a malformed account', async () => {
    const res = await http(srv.url, 'PUT', `/${DB}/bad-6`, { as: ADMIN.user, body: account('ana', { name: '' }) });
    assertRefused(res, 'missing_field');
  });

  test('in _bulk_docs only the bad documents are refused (results matched by id)', async () => {
    const res = await http(srv.url, 'POST', `/${DB}/_bulk_docs`, {
      as: 'ana',
      body: { docs: [{ _id: 'bulk-bad', ...contact('ana', { emails: 'x' }) }, { _id: 'bulk-good', ...contact('ana') }] },
    });
    assert.equal(res.status, 201);
    const byId = Object.fromEntries(res.body.map((r) => [r.id, r]));
    assert.equal(byId['bulk-good'].ok, true);
    assert.equal(byId['bulk-bad'].error, 'forbidden');
    assert.match(byId['bulk-bad'].reason, /^cartera:invalid_field: contact\.emails/);
  });

  test('settings are for admins', async () => {
    const settings = { type: 'settings', owner: 'admin', created_at: '2026-11-26T10:00:00Z', created_by: 'admin', updated_at: '2026-11-26T10:00:00Z', updated_by: 'admin' };
    assertRefused(await put('marta', 'settings', settings), 'forbidden_type');
    assert.equal((await put('admin', 'settings', settings)).status, 201);
  });

  test('_local documents are not validated (replication checkpoints)', async () => {
    const res = await put('ana', '_local/checkpoint-x', { last_seq: 12 });
    assert.equal(res.status, 201, JSON.stringify(res.body));
  });
});

describe('user documents (_users)', () => {
  const userUrl = (name) => `/_users/${encodeURIComponent(`org.couchdb.user:${name}`)}`;

  test('a user cannot give herself roles (PouchDB Server allowed it; patched)', async () => {
    const own = await http(srv.url, 'GET', userUrl('bruno'), { as: 'bruno' });
    assert.equal(own.status, 200, 'she reads her own user document');
    const res = await http(srv.url, 'PUT', userUrl('bruno'), { as: 'bruno', body: { ...own.body, roles: ['admin', 'rep'] } });
    assert.deepEqual([res.status, res.body.reason], [403, 'Only _admin may edit roles']);
    const session = await http(srv.url, 'GET', '/_session', { as: 'bruno' });
    assert.deepEqual(session.body.userCtx.roles, ['rep']);
  });

  test('a user cannot edit another user, nor sign up with roles', async () => {
    const other = await http(srv.url, 'PUT', userUrl('ana'), { as: 'bruno', body: { name: 'ana', type: 'user', roles: [] } });
    assert.equal(other.status, 403);
    const signup = await http(srv.url, 'PUT', userUrl('mallory'), { body: { name: 'mallory', type: 'user', roles: ['manager'], password: 'x' } });
    assert.equal(signup.status, 403);
  });

  test('a user still changes her own password', async () => {
    const own = await http(srv.url, 'GET', userUrl('marta'), { as: 'marta' });
    const res = await http(srv.url, 'PUT', userUrl('marta'), { as: 'marta', body: { ...own.body, password: 'marta-pw' } });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    assert.equal((await http(srv.url, 'GET', `/${DB}`, { as: 'marta' })).status, 200, 'the (same) password still works');
  });
});

describe('non-members and anonymous users', () => {
  let id;
  before(async () => {
    id = 'contact-visible-to-members';
    assert.equal((await put('ana', id, contact('ana'))).status, 201);
  });

  // PouchDB Server answers 401 to an authenticated non-member; CouchDB answers 403 there and 401
  // only to anonymous requests. A client must treat both as "no access".
  for (const [who, as] of [['nora (no Cartera role)', 'nora'], ['anonymous', null]]) {
    test(`${who} reads nothing`, async () => {
      for (const p of [`/${DB}/${id}`, `/${DB}/_all_docs?include_docs=true`, `/${DB}/_changes?include_docs=true`, `/${DB}`]) {
        const res = await http(srv.url, 'GET', p, { as });
        assert.equal(res.status, 401, `${p}: ${JSON.stringify(res.body)}`);
        assert.ok(!JSON.stringify(res.body).includes('Lucía'), `${p} leaked data`);
      }
      const longpoll = await http(srv.url, 'GET', `/${DB}/_changes?feed=longpoll&since=0`, { as });
      assert.equal(longpoll.status, 401);
    });

    test(`${who} writes nothing`, async () => {
      const res = await put(as, `by-${as}`, contact(as || 'x'));
      assert.equal(res.status, 401);
    });
  }

  test('nora can read once given a role (setup.mjs updates users)', async () => {
    const users = USERS.map((u) => (u.name === 'nora' ? { ...u, roles: ['support'] } : u));
    const lines = [];
    await setup({ url: srv.url, adminUser: ADMIN.user, adminPassword: ADMIN.password, users, log: (l) => lines.push(l) });
    assert.ok(lines.includes('user nora: updated roles support'), lines.join('\n'));
    assert.ok(lines.includes('user ana: unchanged'));
    assert.ok(lines.includes(`${DB}/_design/cartera: unchanged`));
    assert.equal((await get('nora', id)).status, 200);
  });

  test('a rep cannot change the design document or the security object', async () => {
    const ddoc = await get('ana', '_design/cartera');
    assert.equal(ddoc.status, 200);
    const res = await put('ana', '_design/cartera', { ...ddoc.body, validate_doc_update: 'function () {}' });
    assert.equal(res.status, 401); // CouchDB: 403 "You are not a db or server admin."
    const sec = await http(srv.url, 'PUT', `/${DB}/_security`, { as: 'ana', body: { members: {} } });
    assert.equal(sec.status, 401);
  });
});
