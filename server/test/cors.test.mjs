// Cookie sessions from the app's page: CORS with credentials for the app's origin only.
// Node does not enforce CORS, so these tests check the headers a browser decides on: without
// Access-Control-Allow-Origin (and -Credentials) for its origin, a page can neither read the
// answer nor keep the cookie.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';

import { contact } from './fixtures.mjs';
import { APP_ORIGIN, DB, http, startTestServer } from './helpers.mjs';

const OTHER_ORIGIN = 'http://127.0.0.1:9999';

let srv;
before(async () => {
  srv = await startTestServer();
  assert.equal((await http(srv.url, 'PUT', `/${DB}/c1`, { as: 'ana', body: contact('ana') })).status, 201);
});
after(() => srv?.close());

function preflight(origin, method, requestHeaders) {
  return http(srv.url, 'OPTIONS', '/_session', {
    headers: { Origin: origin, 'Access-Control-Request-Method': method, 'Access-Control-Request-Headers': requestHeaders },
  });
}

function login(origin, name, password) {
  return http(srv.url, 'POST', '/_session', { headers: { Origin: origin }, body: { name, password } });
}

/** The AuthSession cookie ("AuthSession=...") from a response, or null. */
function sessionCookie(res) {
  const cookies = res.headers.getSetCookie();
  const c = cookies.find((x) => x.startsWith('AuthSession='));
  return c ? c.split(';')[0] : null;
}

describe('from the app origin', () => {
  let cookie;

  test('the preflight for a JSON login is allowed with credentials', async () => {
    const res = await preflight(APP_ORIGIN, 'POST', 'content-type');
    assert.equal(res.status, 204);
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    assert.match(res.headers.get('access-control-allow-methods'), /\bPOST\b/);
    assert.match(res.headers.get('access-control-allow-headers'), /\bcontent-type\b/);
  });

  test('POST /_session logs in and sets an HttpOnly session cookie the page may keep', async () => {
    const res = await login(APP_ORIGIN, 'ana', 'ana-pw');
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.deepEqual(res.body, { ok: true, name: 'ana', roles: ['rep'] });
    assert.equal(res.headers.get('access-control-allow-origin'), APP_ORIGIN);
    assert.equal(res.headers.get('access-control-allow-credentials'), 'true');
    const setCookie = res.headers.getSetCookie().join('\n');
    assert.match(setCookie, /AuthSession=[^;]+;.*HttpOnly/i);
    cookie = sessionCookie(res);
  });

  test('the cookie alone reads the database and names the user', async () => {
    const headers = { Origin: APP_ORIGIN, Cookie: cookie };
    const session = await http(srv.url, 'GET', '/_session', { headers });
    assert.equal(session.body.userCtx.name, 'ana');
    assert.equal(session.body.info.authenticated, 'cookie');
    const doc = await http(srv.url, 'GET', `/${DB}/c1`, { headers });
    assert.equal(doc.status, 200);
    assert.equal(doc.headers.get('access-control-allow-origin'), APP_ORIGIN);
  });

  test('the cookie writes as its user (the VDU sees ana)', async () => {
    const headers = { Origin: APP_ORIGIN, Cookie: cookie };
    const mine = await http(srv.url, 'PUT', `/${DB}/c2`, { headers, body: contact('ana') });
    assert.equal(mine.status, 201);
    const current = await http(srv.url, 'GET', `/${DB}/c1`, { headers });
    const theirs = await http(srv.url, 'PUT', `/${DB}/c1`, { headers, body: { ...contact('bruno'), _rev: current.body._rev } });
    assert.equal(theirs.status, 403);
  });

  test('a wrong password is refused with 401 and no cookie', async () => {
    const res = await login(APP_ORIGIN, 'ana', 'nope');
    assert.equal(res.status, 401);
    assert.equal(sessionCookie(res), null);
  });

  test('DELETE /_session logs out (clears the cookie)', async () => {
    const res = await http(srv.url, 'DELETE', '/_session', { headers: { Origin: APP_ORIGIN, Cookie: cookie } });
    assert.equal(res.status, 200);
    assert.match(res.headers.getSetCookie().join('\n'), /AuthSession=;/);
  });
});

describe('from another origin', () => {
  test('the preflight gets no CORS headers, so the browser refuses the request', async () => {
    const res = await preflight(OTHER_ORIGIN, 'POST', 'content-type');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  test('a login answer carries no CORS headers, so the page cannot use it', async () => {
    // The server itself does not refuse (neither does CouchDB): the browser drops the answer and,
    // for a fetch with credentials, the cookie. The VDU still guards every write.
    const res = await login(OTHER_ORIGIN, 'ana', 'ana-pw');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
    assert.equal(res.headers.get('access-control-allow-credentials'), null);
  });

  test('data reads carry no CORS headers either', async () => {
    const res = await http(srv.url, 'GET', `/${DB}/c1`, { as: 'ana', headers: { Origin: OTHER_ORIGIN } });
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });

  test('localhost is another origin than 127.0.0.1', async () => {
    const res = await preflight('http://localhost:8080', 'POST', 'content-type');
    assert.equal(res.headers.get('access-control-allow-origin'), null);
  });
});
