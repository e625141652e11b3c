// Sync end to end (issue #3): the release build in Chromium against a real, throwaway PouchDB
// Server (patched, with the production _security and validate_doc_update), one per file. Users
// sign in through the login screen. Each browser context is a separate profile: a device.
//
// 1. Two devices edit the same contact offline, the job title on both and one more field each;
//    back online the phone and the notes merge without asking, and only the job title is asked
//    about (with its earlier value); one device chooses; both end with the same values.
// 1b. Two devices edit different fields of the same contact offline: back online the edits merge
//    by themselves; no conflict badge ever shows, and both devices and the server hold both.
// 2. A node PouchDB client and Cartera see each other's contacts through the server, Cartera
//    within one live sync period and without a reload.
// 3. A rep's edit of another rep's contact is refused (403): the record is flagged, the edit
//    stays on the device, the server keeps the owner's version, and it is not sent again. A
//    user without a Cartera role reads nothing.
//
// The live loop looks for the server's changes every 60 s (src/state/sync/browser.rs, TICK).
// Where a test waits for that period it installs Playwright's clock (time flows as usual) and
// fast-forwards it by one period instead of sleeping a real minute. Like a laptop lid closed for
// a minute, that also expires the timeouts of requests still in flight; the loop retries them.
//
// Needs dist/ (`bash scripts/build.sh`); about 25 s. The server's users are server/dev-users.json.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';

import PouchDB from 'pouchdb';

import { startStaticServer } from '../../scripts/static-server.mjs';
import { listLinks, navTo, waitForToast } from './flows.mjs';
import { DIST, eventually, gotoApp, launchBrowser } from './helpers.mjs';
import { DB, passwordOf, serverDoc, signIn, startSyncServer, waitForSyncState } from './sync-server.mjs';

/** One live sync period (TICK in src/state/sync/browser.rs). */
const LIVE_SYNC_PERIOD = '01:00';

let app;
let sync;

before(async () => {
  assert.ok(existsSync(path.join(DIST, 'index.html')), 'dist/index.html is missing: run `bash scripts/build.sh` first');
  app = await startStaticServer({ root: DIST, port: 0 });
  // CORS with credentials for exactly the page's origin, so the server starts second.
  sync = await startSyncServer({ appOrigin: new URL(app.url).origin });
});

after(async () => {
  const crashed = sync && !sync.alive();
  await sync?.close();
  await app?.close();
  assert.ok(!crashed, 'the sync server died during the tests (see the failures above)');
});

const now = () => new Date().toISOString();

/** A contact body as core/src/domain/contact.rs writes it. */
function contactBody(owner, fields) {
  const at = now();
  return {
    type: 'contact',
    owner,
    created_at: at,
    created_by: owner,
    updated_at: at,
    updated_by: owner,
    given_name: '',
    family_name: '',
    emails: [],
    phones: [],
    job_title: '',
    address: { street: '', city: '', region: '', postal_code: '', country: '' },
    tags: [],
    notes: '',
    ...fields,
  };
}

/** Fills the new-contact form (Spanish) and saves; resolves to the new contact's id. */
async function createContact(page, { given, family, email, phone, job }) {
  await navTo(page, 'Contactos', 'Contactos');
  await page.getByRole('link', { name: 'Nuevo contacto', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuevo contacto' }).waitFor();
  await page.getByLabel('Nombre', { exact: true }).fill(given);
  await page.getByLabel('Apellidos').fill(family);
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
  await page.getByLabel('Teléfono', { exact: true }).fill(phone);
  if (job) await page.getByLabel('Cargo').fill(job);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
  await waitForToast(page, 'Contacto creado');
  return decodeURIComponent(new URL(page.url()).pathname.split('/').pop());
}

/** Opens a contact's page by deep link (a full load) and waits for its heading. */
async function openContact(page, id, name) {
  await gotoApp(page, new URL(`/contacts/${encodeURIComponent(id)}`, app.url).href);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** From a contact's page: Edit, `fill` the form, Save; waits for the toast and the page. */
async function editContact(page, name, fill, saved = 'Contacto guardado') {
  await page.getByRole('link', { name: /^(Editar|Edit)$/ }).click();
  await page.getByRole('heading', { level: 1, name: /^(Editar contacto|Edit contact)$/ }).waitFor();
  await fill();
  await page.getByRole('button', { name: /^(Guardar|Save)$/ }).click();
  await waitForToast(page, saved);
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

/** The details list of a contact's page ("Datos" / "Details"). */
const details = (page) => page.getByRole('region', { name: /^(Datos|Details)$/ });

/**
 * Remembers any conflict badge rendered in the context's pages at any moment (also across page
 * loads of a tab, in sessionStorage); read it with `sawConflictBadge(page)`.
 */
async function watchConflictBadges(context) {
  await context.addInitScript(() => {
    new MutationObserver(() => {
      if (document.querySelector('.conflict-badge')) sessionStorage.setItem('saw-conflict-badge', '1');
    }).observe(document, { childList: true, subtree: true });
  });
}
const sawConflictBadge = (page) => page.evaluate(() => sessionStorage.getItem('saw-conflict-badge') === '1');

/** Waits until the server's copy of `id` passes `check` (it throws until then). */
function onServer(id, check, timeout = 20_000) {
  return eventually(async () => {
    const doc = await serverDoc(sync, id);
    assert.ok(doc, `the server has ${id}`);
    check(doc);
    return doc;
  }, { timeout, interval: 200 });
}

test('two devices edit the same contact offline: only the job title both changed is asked about; the rest merges', { timeout: 150_000 }, async (t) => {
  const NAME = 'Lucía Ferrer';
  // Two devices of the same rep: a laptop and a phone, each its own browser profile.
  const laptop = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  const phone = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  await watchConflictBadges(phone.context);
  await laptop.context.clock.install();
  await phone.context.clock.install();

  await signIn(laptop.page, app.url, sync.url, 'ana');
  const id = await createContact(laptop.page, {
    given: 'Lucía', family: 'Ferrer', email: 'lucia@ferrer.es', phone: '+34 611 222 333', job: 'Compras',
  });
  await onServer(id, (doc) => assert.equal(doc.job_title, 'Compras'));

  await signIn(phone.page, app.url, sync.url, 'ana');
  await openContact(phone.page, id, NAME);
  await details(phone.page).getByText('Compras', { exact: true }).waitFor();
  await openContact(laptop.page, id, NAME);

  /** The open record page shows the chosen values and no badge, and the device has no conflict left. */
  async function assertResolved(page) {
    const shown = details(page);
    await shown.getByText('Directora comercial', { exact: true }).waitFor();
    await shown.getByRole('link', { name: '+34 600 11 12 22' }).waitFor();
    await page.getByText('Prefiere WhatsApp', { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Conflicto: revisar' }).waitFor({ state: 'detached' });
    // The badge's absence could be a check not yet run: the conflict screen says it in words.
    await gotoApp(page, new URL(`/conflicts/${encodeURIComponent(id)}`, app.url).href);
    await page.getByText('Este registro ya no tiene conflictos.').waitFor();
  }

  await t.test('offline, each device edits it: the job title differently, and one more field each', async () => {
    await laptop.context.setOffline(true);
    await phone.context.setOffline(true);
    await waitForSyncState(laptop.page, 'offline');
    await waitForSyncState(phone.page, 'offline');
    await editContact(laptop.page, NAME, async () => {
      await laptop.page.getByLabel('Cargo').fill('Jefa de compras');
      await laptop.page.getByLabel('Teléfono', { exact: true }).fill('+34 600 111 222');
    });
    await editContact(phone.page, NAME, async () => {
      await phone.page.getByLabel('Cargo').fill('Directora comercial');
      await phone.page.getByLabel('Notas').fill('Prefiere WhatsApp');
    });
    // Nothing left either device.
    const doc = await serverDoc(sync, id);
    assert.equal(doc.job_title, 'Compras');
    assert.equal(doc._conflicts, undefined);
  });

  await t.test('back online, the server and both devices hold both versions; the badge says so', async () => {
    await laptop.context.setOffline(false);
    await onServer(id, (doc) => assert.equal(doc.job_title, 'Jefa de compras'));
    await waitForSyncState(laptop.page, 'up-to-date');
    await phone.context.setOffline(false);
    await onServer(id, (doc) => assert.equal(doc._conflicts?.length, 1, 'the server holds the two versions'));
    // The phone pulled the laptop's version right after pushing its own; the job title needs
    // the user, so it is not merged by itself.
    await phone.page.getByRole('link', { name: 'Conflicto: revisar' }).waitFor();
    assert.equal(await sawConflictBadge(phone.page), true, 'the badge watcher sees a badge (flow 1b relies on it)');
    // The laptop sees it at its next look for changes (at the latest).
    await laptop.page.clock.fastForward(LIVE_SYNC_PERIOD);
    await laptop.page.getByRole('link', { name: 'Conflicto: revisar' }).waitFor();
  });

  await t.test('on the phone, the resolution screen asks only about the job title; the choice is saved', async () => {
    const { page } = phone;
    // The record's page shows the winning version, the same one the server picked (CouchDB's
    // rule: the greater revision hash); the resolution screen calls it the current version.
    const shownJob = (await serverDoc(sync, id)).job_title;
    assert.ok(['Jefa de compras', 'Directora comercial'].includes(shownJob), shownJob);
    await details(page).getByText(shownJob, { exact: true }).waitFor();
    await page.getByRole('link', { name: 'Conflicto: revisar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Resolver conflicto' }).waitFor();
    const fieldset = (legend) => page.getByRole('group', { name: legend, exact: true });
    await fieldset('Cargo').waitFor();
    const legends = await page.locator('fieldset legend').allInnerTexts();
    assert.deepEqual(legends.map((s) => s.trim()), ['Cargo'],
      'only the field both devices changed is asked about (not the phone or the notes, changed on one side)');
    // Each device kept the version its edit started from: the common ancestor. The screen says
    // why the job title is asked, shows its earlier value, and names what merged by itself.
    await page.getByText('Las dos versiones cambiaron estos campos de forma distinta: elige qué valor conservar.').waitFor();
    await fieldset('Cargo').getByText('Antes: Compras', { exact: true }).waitFor();
    await page.getByText('Combinados sin preguntar: Notas, Teléfono', { exact: true }).waitFor();
    assert.equal(await fieldset('Cargo').getByRole('radio').count(), 2, 'one choice per version');
    await fieldset('Cargo').getByRole('radio', { name: `Versión actual ${shownJob}` }).waitFor();
    assert.ok(await fieldset('Cargo').getByRole('radio', { name: /^Versión actual/ }).isChecked(), 'prefilled');
    // One radio per version, named by its value: pick the phone's job title.
    await fieldset('Cargo').getByRole('radio', { name: /Directora comercial/ }).check();
    await page.getByRole('button', { name: 'Guardar selección' }).click();
    await waitForToast(page, 'Conflicto resuelto');
    await page.getByRole('heading', { level: 1, name: NAME }).waitFor();
    await assertResolved(page);
  });

  await t.test('the server has one version with the chosen job title and both merged changes, and the laptop gets it', async () => {
    await onServer(id, (doc) => {
      assert.equal(doc._conflicts, undefined, 'no _conflicts left on the server');
      assert.equal(doc.job_title, 'Directora comercial', 'the choice');
      assert.deepEqual(doc.phones, ['+34600111222'], "the laptop's phone, merged");
      assert.equal(doc.notes, 'Prefiere WhatsApp', "the phone's notes, merged");
      assert.equal(doc.given_name, 'Lucía');
      assert.deepEqual(doc.emails, ['lucia@ferrer.es']);
    });
    await waitForSyncState(phone.page, 'up-to-date');
    await laptop.page.clock.fastForward(LIVE_SYNC_PERIOD);
    await assertResolved(laptop.page);
  });

  assert.deepEqual([...laptop.errors, ...phone.errors], [], 'no uncaught errors in either page');
});

test('two devices edit different fields of the same contact offline: the edits merge by themselves, no badge ever', { timeout: 150_000 }, async (t) => {
  const NAME = 'Tomás Rivas';
  const laptop = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  const phone = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  for (const { context } of [laptop, phone]) {
    await watchConflictBadges(context);
    await context.clock.install();
  }

  await signIn(laptop.page, app.url, sync.url, 'ana');
  const id = await createContact(laptop.page, {
    given: 'Tomás', family: 'Rivas', email: 'tomas@rivas.es', phone: '+34 611 222 333', job: 'Compras',
  });
  await onServer(id, (doc) => assert.equal(doc.job_title, 'Compras'));
  await signIn(phone.page, app.url, sync.url, 'ana');
  await openContact(phone.page, id, NAME);
  await details(phone.page).getByText('Compras', { exact: true }).waitFor();
  await openContact(laptop.page, id, NAME);

  /** The open record page shows both devices' changes, with no badge. */
  async function showsBoth(page) {
    const shown = details(page);
    await shown.getByText('Directora comercial', { exact: true }).waitFor();
    await shown.getByRole('link', { name: '+34 600 11 12 22' }).waitFor();
    await page.getByText('Prefiere WhatsApp', { exact: true }).waitFor();
    assert.equal(await page.getByRole('link', { name: 'Conflicto: revisar' }).count(), 0);
  }

  await t.test('offline, the laptop changes the phone number; the phone the job title and the notes', async () => {
    await laptop.context.setOffline(true);
    await phone.context.setOffline(true);
    await waitForSyncState(laptop.page, 'offline');
    await waitForSyncState(phone.page, 'offline');
    await editContact(laptop.page, NAME, async () => {
      await laptop.page.getByLabel('Teléfono', { exact: true }).fill('+34 600 111 222');
    });
    await editContact(phone.page, NAME, async () => {
      await phone.page.getByLabel('Cargo').fill('Directora comercial');
      await phone.page.getByLabel('Notas').fill('Prefiere WhatsApp');
    });
  });

  await t.test('back online, the phone merges the two edits by itself and the server gets one version', async () => {
    await laptop.context.setOffline(false);
    await onServer(id, (doc) => assert.deepEqual(doc.phones, ['+34600111222']));
    await waitForSyncState(laptop.page, 'up-to-date');
    await phone.context.setOffline(false);
    await onServer(id, (doc) => {
      assert.equal(doc._conflicts, undefined, 'no _conflicts on the server');
      assert.equal(doc.job_title, 'Directora comercial');
      assert.deepEqual(doc.phones, ['+34600111222']);
      assert.equal(doc.notes, 'Prefiere WhatsApp');
      assert.equal(doc.given_name, 'Tomás');
      assert.deepEqual(doc.emails, ['tomas@rivas.es']);
    });
    await waitForSyncState(phone.page, 'up-to-date');
    await showsBoth(phone.page);
  });

  await t.test('the laptop gets the merge at its next look for changes; no badge ever showed on either', async () => {
    await laptop.page.clock.fastForward(LIVE_SYNC_PERIOD);
    await showsBoth(laptop.page);
    await waitForSyncState(laptop.page, 'up-to-date');
    assert.equal(await sawConflictBadge(laptop.page), false, 'no badge on the laptop');
    assert.equal(await sawConflictBadge(phone.page), false, 'no badge on the phone');
    // There was a conflict, and it was resolved: revision 3 merges the two 2s, and the other
    // branch ends in a deletion.
    const leaves = (await sync.request('GET', `/${DB}/${encodeURIComponent(id)}?open_revs=all`)).body;
    const shape = leaves.map(({ ok }) => `${ok._rev.split('-')[0]}${ok._deleted ? ' deleted' : ''}`).sort();
    assert.deepEqual(shape, ['3', '3 deleted'], 'a merge revision on top of one edit; the other edit ended by a deletion');
    for (const { page } of [laptop, phone]) {
      await gotoApp(page, new URL(`/conflicts/${encodeURIComponent(id)}`, app.url).href);
      await page.getByText('Este registro ya no tiene conflictos.').waitFor();
    }
  });

  assert.deepEqual([...laptop.errors, ...phone.errors], [], 'no uncaught errors in either page');
});

test('a node PouchDB client and Cartera see each other\'s contacts through the server', { timeout: 120_000 }, async (t) => {
  const { context, page, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  await context.clock.install();
  await signIn(page, app.url, sync.url, 'ana');

  // bruno's laptop runs PouchDB in node: a local LevelDB database replicating with the server.
  const dir = await mkdtemp(path.join(tmpdir(), 'cartera-e2e-pouch-'));
  const local = new PouchDB(path.join(dir, 'bruno'));
  const remote = new PouchDB(`${sync.url}/${DB}`, { auth: { username: 'bruno', password: passwordOf('bruno') }, skip_setup: true });
  t.after(async () => {
    await Promise.allSettled([local.close(), remote.close()]);
    await rm(dir, { recursive: true, force: true });
  });

  await t.test('node writes a contact; the open contact list shows it within one live sync period, no reload', async () => {
    const id = `contact-${randomUUID()}`;
    await local.put({
      _id: id,
      ...contactBody('bruno', {
        given_name: 'Rocío', family_name: 'Ibáñez', emails: ['rocio@ibanez.mx'], phones: ['+525512345678'],
        job_title: 'Gerente de compras', tags: ['feria'],
      }),
    });
    const pushed = await local.replicate.to(remote);
    assert.equal(pushed.docs_written, 1, 'node pushed the contact');

    const rows = listLinks(page, 'Lista de contactos');
    assert.equal(await rows.filter({ hasText: 'Rocío Ibáñez' }).count(), 0, 'not there before the loop looks');
    const loads = [];
    page.on('load', () => loads.push(page.url()));
    await page.clock.fastForward(LIVE_SYNC_PERIOD);
    await rows.filter({ hasText: 'Rocío Ibáñez' }).waitFor({ timeout: 15_000 });
    assert.deepEqual(loads, [], 'the page was not reloaded');

    await rows.filter({ hasText: 'Rocío Ibáñez' }).click();
    await page.getByRole('heading', { level: 1, name: 'Rocío Ibáñez' }).waitFor();
    assert.equal(new URL(page.url()).pathname, `/contacts/${id}`);
    const shown = details(page);
    await shown.getByRole('link', { name: 'rocio@ibanez.mx' }).waitFor();
    await shown.getByText('Gerente de compras', { exact: true }).waitFor();
    await shown.getByText('Bruno', { exact: true }).waitFor(); // the owner
  });

  await t.test('Cartera creates a contact; node replicates it from the server with its fields', async () => {
    const id = await createContact(page, {
      given: 'Íñigo', family: 'Salazar', email: 'inigo@salazar.es', phone: '+34 699 888 777', job: 'Gerente',
    });
    const doc = await eventually(async () => {
      await local.replicate.from(remote);
      return local.get(id);
    }, { timeout: 20_000, interval: 300 });
    assert.equal(doc.type, 'contact');
    assert.equal(doc.owner, 'ana');
    assert.equal(doc.created_by, 'ana');
    assert.equal(doc.given_name, 'Íñigo');
    assert.equal(doc.family_name, 'Salazar');
    assert.deepEqual(doc.emails, ['inigo@salazar.es']);
    assert.deepEqual(doc.phones, ['+34699888777']);
    assert.equal(doc.job_title, 'Gerente');
    assert.match(doc.updated_at, /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?Z$/);
    assert.match(doc._rev, /^1-/);
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('a rep cannot change another rep\'s contact through sync: flagged, kept locally, not resent; no role reads nothing', { timeout: 120_000 }, async (t) => {
  // bruno's contact, written on the server as bruno.
  const id = `contact-${randomUUID()}`;
  const put = await sync.request('PUT', `/${DB}/${id}`, {
    as: 'bruno',
    body: contactBody('bruno', { given_name: 'Marta', family_name: 'Quiroga', emails: ['marta@quiroga.cl'], job_title: 'Gerente general' }),
  });
  assert.equal(put.status, 201, JSON.stringify(put.body));
  const brunoRev = put.body.rev;

  // ana, in English this time.
  const { context, page, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'en-US' });
  await context.clock.install();
  // What ana's device sends: each _bulk_docs body with the server's answer, each _changes read.
  const bulkDocs = [];
  const changesFeeds = [];
  context.on('request', async (r) => {
    const p = new URL(r.url()).pathname;
    if (p === `/${DB}/_changes`) changesFeeds.push(r.url());
    if (p !== `/${DB}/_bulk_docs`) return;
    const call = { sent: r.postData() ?? '', rows: null };
    bulkDocs.push(call);
    const res = await r.response().catch(() => null);
    call.rows = await res?.json().catch(() => null);
  });
  await signIn(page, app.url, sync.url, 'ana');
  await openContact(page, id, 'Marta Quiroga');

  await t.test('ana edits it; the server refuses it and the record says why', async () => {
    await editContact(page, 'Marta Quiroga', async () => {
      await page.getByLabel('Job title').fill('Directora general');
    }, 'Contact saved');
    const flag = page.getByRole('note').filter({ hasText: 'Not synced' });
    await flag.waitFor();
    const answer = await eventually(() => {
      const row = bulkDocs.flatMap((b) => b.rows ?? []).find((x) => x.id === id);
      assert.ok(row, 'the answer of the _bulk_docs that sent it');
      return row;
    });
    assert.equal(answer.error, 'forbidden', `the server refused it (403): ${JSON.stringify(answer)}`);
    assert.match(answer.reason, /^cartera:not_owner:/);
    assert.equal((await flag.innerText()).replace(/\s+/g, ' ').trim(),
      'Not synced: This record belongs to someone else; you cannot change it.');
    await waitForSyncState(page, 'up-to-date');
  });

  await t.test('the edit stays on the device and the server keeps bruno\'s version', async () => {
    await details(page).getByText('Directora general', { exact: true }).waitFor();
    const doc = await serverDoc(sync, id);
    assert.equal(doc._rev, brunoRev, 'the server still has bruno\'s revision');
    assert.equal(doc.job_title, 'Gerente general');
    assert.equal(doc._conflicts, undefined);
    await openContact(page, id, 'Marta Quiroga');
    await details(page).getByText('Directora general', { exact: true }).waitFor();
    await page.getByRole('note').filter({ hasText: 'Not synced' }).waitFor();
  });

  await t.test('the refused revision is not sent again over the next sync periods', async () => {
    const sent = () => bulkDocs.filter((b) => b.sent.includes(id)).length;
    assert.equal(sent(), 1, 'sent once');
    const before = changesFeeds.length;
    for (let i = 1; i <= 3; i++) {
      await page.clock.fastForward(LIVE_SYNC_PERIOD);
      await eventually(() => assert.ok(changesFeeds.length >= before + i, `sync run ${i} after the refusal`), { timeout: 15_000 });
      await waitForSyncState(page, 'up-to-date');
    }
    assert.equal(sent(), 1, 'not sent again');
    await page.getByRole('note').filter({ hasText: 'Not synced' }).waitFor();
    assert.equal((await serverDoc(sync, id))._rev, brunoRev);
  });

  await t.test('a user without a Cartera role is told so at sign-in and reads nothing', async (st) => {
    const nora = { name: 'nora', password: `nora-${randomUUID()}` };
    const created = await sync.request('PUT', `/_users/org.couchdb.user:${nora.name}`, {
      body: { _id: `org.couchdb.user:${nora.name}`, name: nora.name, type: 'user', roles: [], password: nora.password },
    });
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const basic = `Basic ${Buffer.from(`${nora.name}:${nora.password}`).toString('base64')}`;
    const direct = await fetch(`${sync.dbUrl}/_all_docs`, { headers: { Authorization: basic }, signal: AbortSignal.timeout(10_000) });
    await direct.arrayBuffer();
    assert.ok([401, 403].includes(direct.status), `the server refuses her reads (${direct.status})`);

    const { page: p, errors: noraErrors } = await launchBrowser(st, { viewport: 'desktop', locale: 'en-US' });
    await gotoApp(p, new URL('/login', app.url).href);
    await p.getByLabel('Server').fill(sync.url);
    await p.getByLabel('User name').fill(nora.name);
    await p.getByLabel('Password').fill(nora.password);
    await p.getByRole('button', { name: 'Sign in' }).click();
    await p.getByRole('alert').filter({
      hasText: "Your account has no access to Cartera's data on this server: ask an administrator to give you a role.",
    }).waitFor();
    await p.getByRole('heading', { level: 1, name: 'Connect to the server' }).waitFor();
    await waitForSyncState(p, 'local'); // not signed in: nothing syncs
    await navTo(p, 'Contacts', 'Contacts');
    await p.getByText('No contacts yet').waitFor();
    assert.equal(await listLinks(p, 'Contact list').count(), 0);
    assert.deepEqual(noraErrors, [], 'no uncaught errors in her page');
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
