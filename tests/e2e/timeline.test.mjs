// A record's timeline on a phone, in Spanish: a rep logs a call from a contact's page, finds it
// on the contact's timeline (and on the account's, through the contact), ticks it done there,
// and after a reload it is still done.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp } from './helpers.mjs';
import { navTo, open, reload, waitForToast } from './flows.mjs';

const ACCOUNT = 'Talleres Gómez S.L.';
const CONTACT = 'Lucía Gómez';
const CALL = 'Llamar a Lucía por el presupuesto';

/** Text as shown, with Intl's no-break spaces made plain. */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** A record page's timeline ("Actividad", a labelled region). */
const timeline = (page) => page.getByRole('region', { name: 'Actividad', exact: true });

/** The call's row on the timeline. */
const callRow = (page) => timeline(page).getByRole('listitem').filter({ hasText: CALL });

test('timeline on a phone: a call logged from a contact, ticked done there, still done after a reload', { timeout: 120_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/accounts/new' });
  await page.getByRole('heading', { level: 1, name: 'Nueva cuenta' }).waitFor();

  await t.test('a new contact has an empty timeline', async () => {
    await page.getByLabel('Nombre de la cuenta').fill(ACCOUNT);
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
    await open(page, server, '/contacts/new', 'Nuevo contacto');
    await page.getByLabel('Nombre', { exact: true }).fill('Lucía');
    await page.getByLabel('Apellidos').fill('Gómez');
    await page.getByRole('combobox', { name: 'Empresa' }).fill('talleres');
    await page.getByRole('option', { name: ACCOUNT }).click();
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    await timeline(page).getByText('Todavía no hay actividades ni cambios.').waitFor();
  });

  await t.test('"Nueva actividad" on the contact opens the form linked to it and comes back', async () => {
    await timeline(page).getByRole('link', { name: 'Nueva actividad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nueva actividad' }).waitFor();
    const link = page.getByLabel('Vinculada a');
    assert.match(await link.inputValue(), /^contact:/);
    assert.equal(await link.locator('option:checked').innerText(), `Contacto: ${CONTACT}`);
    await page.getByLabel('Tipo').selectOption({ label: 'Llamada' });
    await page.getByLabel('Asunto').fill(CALL);
    await page.getByLabel('Hora').fill('10:00');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: CONTACT }).waitFor();
    await waitForToast(page, 'Actividad creada');

    const row = callRow(page);
    await row.waitFor();
    assert.match(await row.innerText(), /Llamada · Para el .+10:00/);
    const done = row.getByRole('checkbox', { name: `Hecha: ${CALL}` });
    assert.equal(await done.isChecked(), false);
    // The subject opens the activity.
    assert.match(await row.getByRole('link', { name: CALL }).getAttribute('href'), /^\/activities\/[^/]+\/edit$/);
  });

  await t.test('ticked done on the timeline, it stays done after a reload', async () => {
    await callRow(page).getByRole('checkbox', { name: `Hecha: ${CALL}` }).check();
    await waitForToast(page, 'Tarea hecha');
    await callRow(page).filter({ hasText: /Llamada · Hecha el / }).waitFor();

    await reload(page, CONTACT);
    const row = callRow(page);
    await row.filter({ hasText: /Llamada · Hecha el / }).waitFor();
    assert.equal(await row.getByRole('checkbox', { name: `Hecha: ${CALL}` }).isChecked(), true);
    assert.equal(await timeline(page).getByRole('listitem').count(), 1);
  });

  await t.test("the account's timeline shows its contact's call", async () => {
    await page.getByRole('region', { name: 'Datos' }).getByRole('link', { name: ACCOUNT }).click();
    await page.getByRole('heading', { level: 1, name: ACCOUNT }).waitFor();
    await callRow(page).filter({ hasText: /Llamada · Hecha el / }).waitFor();
    await callRow(page).getByRole('link', { name: CALL }).click();
    await page.getByRole('heading', { level: 1, name: 'Editar actividad' }).waitFor();
    assert.equal(await page.getByLabel('Asunto').inputValue(), CALL);
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

// A lead's score counts what was done with it: ticking a call done on the lead's timeline scores
// it again (default rules: +10 for activity in the last 14 days), unticking takes it back.
test("a lead's score follows the calls done with it", { timeout: 120_000 }, async (t) => {
  const { page, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/leads/new' });
  const PERSON = 'Pedro Sanz';
  const LEAD_CALL = 'Llamar a Pedro para la demo';
  await page.getByLabel('Nombre', { exact: true }).fill('Pedro');
  await page.getByLabel('Apellidos').fill('Sanz');
  await page.getByLabel('Empresa').fill('Serrería Sanz');
  await page.getByLabel('Teléfono').fill('+34 622 333 444');
  await page.getByLabel('Origen').selectOption({ label: 'Recomendación' });
  await page.getByLabel('Provincia').fill('Madrid');
  await page.getByRole('button', { name: 'Guardar' }).click();
  await waitForToast(page, 'Prospecto guardado');
  await navTo(page, 'Prospectos', 'Prospectos');
  await page.getByRole('link', { name: new RegExp(PERSON) }).first().click();
  await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();

  const score = page.getByRole('region', { name: 'Puntuación' });
  const shown = async () => ({
    total: plain(await score.locator('.score-badge').innerText()),
    reasons: (await score.getByRole('listitem').allInnerTexts()).map(plain),
  });
  const before = { total: '25 puntos', reasons: ['+15 origen: Recomendación', '+10 provincia: Madrid'] };
  assert.deepEqual(await shown(), before);

  await timeline(page).getByRole('link', { name: 'Nueva actividad' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nueva actividad' }).waitFor();
  assert.match(await page.getByLabel('Vinculada a').inputValue(), /^lead:/);
  await page.getByLabel('Tipo').selectOption({ label: 'Llamada' });
  await page.getByLabel('Asunto').fill(LEAD_CALL);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
  await waitForToast(page, 'Actividad creada');
  assert.deepEqual(await shown(), before, 'a call still to do scores nothing');

  const done = timeline(page).getByRole('checkbox', { name: `Hecha: ${LEAD_CALL}` });
  await done.check();
  await waitForToast(page, 'Tarea hecha');
  await score.locator('.score-badge').filter({ hasText: '35' }).waitFor();
  assert.deepEqual(await shown(), {
    total: '35 puntos',
    reasons: ['+15 origen: Recomendación', '+10 provincia: Madrid', '+10 1 actividad en 14 días'],
  });
  await reload(page, PERSON);
  assert.equal((await shown()).total, '35 puntos', 'the new score was saved');

  await timeline(page).getByRole('checkbox', { name: `Hecha: ${LEAD_CALL}` }).uncheck();
  await score.locator('.score-badge').filter({ hasText: '25' }).waitFor();
  assert.deepEqual(await shown(), before);

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
