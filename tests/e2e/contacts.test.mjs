// Contacts and accounts as an office user does them, in Spanish on a desktop: create an account
// and a contact linked to it, find them again after a reload and offline, edit offline, search
// without accents, get a translated inline error for a bad email, switch to English, and undo a
// delete.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { gotoApp, openApp, settledText, waitForServiceWorkerControl } from './helpers.mjs';
import { listCount, listLinks, navTo, reload, waitForToast } from './flows.mjs';

const ACCOUNT = 'Ferretería Núñez S.L.';
const CONTACT = 'José Muñoz';
const OTHER = 'Ana Pérez';
const JOB = 'Jefe de compras';

/** Fills the new-account form and saves; ends on the account's page. */
async function createAccount(page) {
  await navTo(page, 'Cuentas', 'Cuentas');
  await page.getByRole('link', { name: 'Nueva cuenta', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nueva cuenta' }).waitFor();
  await page.getByLabel('Nombre de la cuenta').fill(ACCOUNT);
  await page.getByLabel('Teléfono', { exact: true }).fill('+34 912 345 678');
  await page.getByLabel('Sitio web').fill('ferreteria-nunez.es');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
  await waitForToast(page, 'Cuenta creada');
}

/** Fills the new-contact form (optionally linked to `account`) and saves. */
async function createContact(page, { given, family, email, phone, account }) {
  await navTo(page, 'Contactos', 'Contactos');
  await page.getByRole('link', { name: 'Nuevo contacto', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Nuevo contacto' }).waitFor();
  await page.getByLabel('Nombre', { exact: true }).fill(given);
  await page.getByLabel('Apellidos').fill(family);
  await page.getByLabel('Correo electrónico', { exact: true }).fill(email);
  await page.getByLabel('Teléfono', { exact: true }).fill(phone);
  if (account) {
    // The account picker searches as you type, accents optional.
    await page.getByRole('combobox', { name: 'Empresa' }).fill('ferreteria');
    await page.getByRole('option', { name: account }).click();
    assert.equal(await page.getByRole('combobox', { name: 'Empresa' }).inputValue(), account);
  }
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: `${given} ${family}` }).waitFor();
  await waitForToast(page, 'Contacto creado');
}

/** The contact's page shows its account as a link in the details list. */
async function assertContactLinkedToAccount(page) {
  const details = page.getByRole('region', { name: 'Datos' });
  const link = details.getByRole('link', { name: ACCOUNT });
  await link.waitFor();
  assert.match(await link.getAttribute('href'), /^\/accounts\/[^/]+$/);
  return link;
}

/** The titles of the rows shown (the avatar's initials are decorative). */
const titles = (rows) => rows.locator('.record-row-title').allInnerTexts();

/** Opens a list row by its accessible name (title + subtitle). */
async function openRow(page, listName, name) {
  await listLinks(page, listName).filter({ hasText: name }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
}

test('contacts and accounts: create, link, reload, offline edit, search, errors, English, undo', { timeout: 120_000 }, async (t) => {
  const { page, context, errors } = await openApp(t, { viewport: 'desktop', locale: 'es-ES', path: '/contacts' });
  await page.getByRole('heading', { level: 1, name: 'Contactos' }).waitFor();

  await createAccount(page);
  const accountUrl = page.url();
  const account = page.getByRole('region', { name: 'Datos' });
  await account.getByRole('link', { name: /912/ }).waitFor();
  await account.getByRole('link', { name: 'ferreteria-nunez.es' }).waitFor();

  await createContact(page, { given: 'José', family: 'Muñoz', email: 'jose.munoz@ferreteria-nunez.es', phone: '+34 612 345 678', account: ACCOUNT });
  const contactUrl = page.url();
  await createContact(page, { given: 'Ana', family: 'Pérez', email: 'ana@example.es', phone: '+34 699 000 111' });

  await t.test('after a reload both are there and linked both ways', async () => {
    await gotoApp(page, contactUrl);
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    await page.getByRole('link', { name: 'jose.munoz@ferreteria-nunez.es' }).waitFor();
    const link = await assertContactLinkedToAccount(page);
    await link.click();
    await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
    assert.equal(page.url(), accountUrl, 'the link opens the account');
    const people = page.getByRole('region', { name: 'Contactos (1)' });
    await people.getByRole('link', { name: CONTACT }).waitFor();
    assert.equal(await people.getByRole('link', { name: OTHER }).count(), 0, 'only the linked contact is listed');
  });

  await t.test('links open pages without a page load; Back and Forward follow the history', async () => {
    await page.evaluate(() => { window.sameDocument = true; });
    await page.getByRole('region', { name: 'Contactos (1)' }).getByRole('link', { name: CONTACT }).click();
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    assert.equal(page.url(), contactUrl, 'the address bar follows the link');
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
    assert.equal(page.url(), accountUrl);
    await page.goForward();
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    assert.equal(page.url(), contactUrl);
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
    assert.equal(await page.evaluate(() => window.sameDocument), true, 'the app was never reloaded');
  });

  await t.test('offline: the app still starts, shows them, and keeps an edit across a reload', async () => {
    await page.getByRole('region', { name: 'Contactos (1)' }).getByRole('link', { name: CONTACT }).click();
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    try {
      await reload(page, CONTACT); // answered by the service worker
      await page.getByRole('status').filter({ hasText: 'Sin conexión' }).waitFor();
      await assertContactLinkedToAccount(page);

      await page.getByRole('link', { name: 'Editar', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Editar contacto' }).waitFor();
      await page.getByLabel('Cargo').fill(JOB);
      await page.getByRole('button', { name: 'Guardar' }).click();
      await waitForToast(page, 'Contacto guardado');
      await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();

      await reload(page, CONTACT);
      const details = page.getByRole('region', { name: 'Datos' });
      await details.getByText(JOB).waitFor();
      await assertContactLinkedToAccount(page);
    } finally {
      await context.setOffline(false);
    }
  });

  await t.test('search ignores accents and case', async () => {
    await navTo(page, 'Contactos', 'Contactos');
    const search = page.getByRole('searchbox', { name: 'Buscar contactos' });
    const rows = listLinks(page, 'Lista de contactos');
    await rows.filter({ hasText: OTHER }).waitFor();
    for (const q of ['jose', 'munoz', 'MUÑOZ']) {
      await search.fill(q);
      await rows.filter({ hasText: OTHER }).waitFor({ state: 'detached' });
      assert.deepEqual(await titles(rows), [CONTACT], `"${q}" finds only ${CONTACT}`);
    }
    // The row says where José works (and his new job title).
    assert.match(await rows.first().innerText(), new RegExp(`${JOB}.*${ACCOUNT}`, 's'));
    await search.fill('zzzz');
    await page.getByText('Ningún contacto coincide').waitFor();
    await search.fill('');

    await navTo(page, 'Cuentas', 'Cuentas');
    const accSearch = page.getByRole('searchbox', { name: 'Buscar cuentas' });
    const accRows = listLinks(page, 'Lista de cuentas');
    await accSearch.fill('nunez');
    await accRows.filter({ hasText: ACCOUNT }).waitFor();
    assert.equal(await accRows.count(), 1);
    await accSearch.fill('muñoz');
    await page.getByText('Ninguna cuenta coincide').waitFor();
    await accSearch.fill('');
  });

  await t.test('an invalid email shows the translated inline error and saves nothing', async () => {
    await navTo(page, 'Contactos', 'Contactos');
    assert.equal(await settledText(listCount(page)), '2 contactos');
    await page.getByRole('link', { name: 'Nuevo contacto', exact: true }).click();
    await page.getByLabel('Nombre', { exact: true }).fill('Pepe');
    const email = page.getByLabel('Correo electrónico', { exact: true });
    await email.fill('jose@');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByText('Escribe un correo válido, p. ej. ana@empresa.es').waitFor();
    assert.equal(await email.getAttribute('aria-invalid'), 'true');
    await page.getByRole('alert').filter({ hasText: 'Revisa el campo marcado.' }).waitFor();
    assert.ok(await email.evaluate((el) => el === document.activeElement), 'focus moves to the invalid email');
    assert.equal(await page.getByRole('heading', { level: 1 }).innerText(), 'Nuevo contacto', 'still on the form');

    await page.getByRole('link', { name: 'Cancelar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contactos' }).waitFor();
    assert.equal(await settledText(listCount(page)), '2 contactos');
    await reload(page, 'Contactos');
    assert.equal(await settledText(listCount(page)), '2 contactos', 'nothing was written');
    assert.equal(await listLinks(page, 'Lista de contactos').filter({ hasText: 'Pepe' }).count(), 0);
  });

  await t.test('English from Settings, kept after a reload', async () => {
    await navTo(page, 'Ajustes', 'Ajustes');
    await page.getByRole('radio', { name: 'English' }).check();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const navNames = async () => (await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link').allInnerTexts()).map((s) => s.trim());
    const english = ['Today', 'Leads', 'Contacts', 'Accounts', 'Pipeline', 'Forecast', 'Settings'];
    assert.deepEqual(await navNames(), english);
    assert.equal(await page.locator('html').getAttribute('lang'), 'en');

    await reload(page, 'Settings');
    assert.deepEqual(await navNames(), english);
    assert.ok(await page.getByRole('radio', { name: 'English' }).isChecked());
    await navTo(page, 'Contacts', 'Contacts');
    await page.getByRole('searchbox', { name: 'Search contacts' }).waitFor();
    assert.equal(await settledText(listCount(page)), '2 contacts');
  });

  await t.test('deleting a contact can be undone', async () => {
    await openRow(page, 'Contact list', OTHER);
    await page.getByRole('button', { name: 'Delete' }).click();
    await page.getByRole('heading', { level: 1, name: 'Contacts' }).waitFor();
    await waitForToast(page, 'Contact deleted');
    const rows = listLinks(page, 'Contact list');
    await rows.filter({ hasText: OTHER }).waitFor({ state: 'detached' });
    assert.equal(await settledText(listCount(page)), '1 contact');

    await page.getByRole('button', { name: 'Undo' }).click();
    await waitForToast(page, 'Contact restored');
    await rows.filter({ hasText: OTHER }).waitFor();
    assert.equal(await settledText(listCount(page)), '2 contacts');
    await reload(page, 'Contacts');
    await rows.filter({ hasText: OTHER }).waitFor();
    assert.equal(await settledText(listCount(page)), '2 contacts', 'the restore was saved');
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
