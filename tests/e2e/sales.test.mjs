// A field rep's sales day on a phone, in Spanish: capture a lead (saved, routed, scored), convert
// it with a deal, move the deal along the pipeline with the stage picker, then offline: the day
// screen still opens, and a changed deal amount shows up in the forecast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, settledText, waitForServiceWorkerControl } from './helpers.mjs';
import { navTo, open, reload, waitForToast } from './flows.mjs';

const COMPANY = 'Aceros Ruiz S.A.';
const PERSON = 'Carmen Ruiz';
/** The deal a conversion makes is named after the lead's company. */
const DEAL = COMPANY;

/** Intl puts (narrow) no-break spaces in money; compare with plain spaces. Spanish groups
 * thousands only from five digits (CLDR minimumGroupingDigits 2): "5625,00 €", "12.500,00 €". */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** Today as YYYY-MM-DD (a close date in the current forecast period). */
const today = () => new Date().toISOString().slice(0, 10);

/** One stage column of the board, by its heading (a labelled region). */
const column = (page, stage) => page.getByRole('region', { name: stage, exact: true });

/** A column's totals as the rep reads them: { Número, Importe, Ponderado }. */
async function totals(page, stage) {
  const out = {};
  for (const row of await column(page, stage).locator('.kanban-totals > div').all()) {
    out[plain(await row.locator('dt').innerText())] = plain(await row.locator('dd').innerText());
  }
  return out;
}

/** The forecast table's rows as arrays of cell texts (period first), once settled. */
async function forecastRows(page) {
  const table = page.getByRole('region', { name: 'Por categoría' }).first().getByRole('table');
  await settledText(table);
  const rows = [];
  for (const row of (await table.getByRole('row').all()).slice(1)) {
    const period = await row.getByRole('rowheader').innerText();
    rows.push([period, ...(await row.getByRole('cell').allInnerTexts())].map(plain));
  }
  return rows;
}

test('sales on a phone: capture, route, score, convert, pipeline, offline forecast', { timeout: 120_000 }, async (t) => {
  const { page, context, server, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/leads/new' });
  await page.getByRole('heading', { level: 1, name: 'Nuevo prospecto' }).waitFor();

  await t.test('a captured lead is saved, routed to an owner by a rule, and scored with reasons', async () => {
    await page.getByLabel('Nombre', { exact: true }).fill('Carmen');
    await page.getByLabel('Apellidos').fill('Ruiz');
    await page.getByLabel('Empresa').fill(COMPANY);
    await page.getByLabel('Teléfono').fill('+34 611 222 333');
    await page.getByLabel('Origen').selectOption({ label: 'Recomendación' });
    await page.getByLabel('Provincia').fill('Madrid');
    await page.getByRole('button', { name: 'Guardar' }).click();

    const outcome = page.getByRole('status').filter({ has: page.getByRole('heading', { name: PERSON }) });
    await outcome.waitFor();
    await waitForToast(page, 'Prospecto guardado');
    // Routed: the Madrid territory rule hands it to Lucía's team stamp, and says so.
    assert.equal(plain(await outcome.getByTestId('lead-routing').innerText()), 'Asignado a Lucia por la regla «territorio-madrid»');
    // Scored: referral (+15) and a big-city province (+10), each reason shown.
    assert.equal(plain(await outcome.locator('.score-badge').innerText()), '25 puntos');
    const reasons = (await outcome.getByRole('listitem').allInnerTexts()).map(plain);
    assert.deepEqual(reasons, ['+15 origen: Recomendación', '+10 provincia: Madrid']);

    // It is in the leads list after a reload.
    await navTo(page, 'Prospectos', 'Prospectos');
    await reload(page, 'Prospectos');
    await page.getByRole('link', { name: new RegExp(PERSON) }).first().waitFor();
  });

  await t.test('converting with a deal makes a contact, an account and a deal', async () => {
    await page.getByRole('link', { name: new RegExp(PERSON) }).first().click();
    await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
    await page.getByRole('link', { name: 'Convertir', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Convertir prospecto' }).waitFor();
    await page.getByText(`Cuenta nueva: ${COMPANY}`).waitFor();
    assert.ok(await page.getByRole('checkbox', { name: 'Crear también una oportunidad' }).isChecked());
    assert.equal(await page.getByLabel('Título de la oportunidad').inputValue(), DEAL);
    await page.getByLabel('Importe').fill('12.500,00');
    await page.getByLabel('Fecha de cierre prevista').fill(today());
    await page.getByLabel('Etapa').selectOption({ label: 'Propuesta' });
    await page.getByRole('button', { name: 'Convertir', exact: true }).click();

    // The new contact's page, linked to the new account.
    await page.getByRole('heading', { level: 1, name: PERSON }).waitFor();
    await waitForToast(page, 'Prospecto convertido');
    await page.getByRole('region', { name: 'Datos' }).getByRole('link', { name: COMPANY }).click();
    await page.getByRole('heading', { level: 1, name: COMPANY }).waitFor();
    await page.getByRole('region', { name: 'Contactos (1)' }).getByRole('link', { name: PERSON }).waitFor();

    // The lead now points at all three; the deal carries the amount.
    await navTo(page, 'Prospectos', 'Prospectos');
    await page.getByRole('link', { name: new RegExp(PERSON) }).first().click();
    await page.getByRole('link', { name: 'Ver contacto' }).waitFor();
    await page.getByRole('link', { name: 'Ver cuenta' }).waitFor();
    await page.getByRole('link', { name: 'Ver oportunidad' }).click();
    await page.getByRole('heading', { level: 1, name: DEAL }).waitFor();
    assert.equal(plain(await page.locator('.deal-amount').innerText()), '12.500,00 €');
  });

  await t.test('the stage picker moves the deal and the column totals follow', async () => {
    await navTo(page, 'Embudo', 'Embudo de ventas');
    await column(page, 'Propuesta').getByRole('link', { name: DEAL }).waitFor();
    assert.deepEqual(await totals(page, 'Propuesta'), { Número: '1', Importe: '12.500,00 €', Ponderado: '5625,00 €' });
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '0', Importe: '—', Ponderado: '—' });

    await page.getByLabel(`Etapa de «${DEAL}»`).selectOption({ label: 'Negociación' });
    await waitForToast(page, `«${DEAL}» movida a Negociación`);
    await column(page, 'Negociación').getByRole('link', { name: DEAL }).waitFor();
    assert.equal(await column(page, 'Propuesta').getByRole('link', { name: DEAL }).count(), 0);
    assert.deepEqual(await totals(page, 'Propuesta'), { Número: '0', Importe: '—', Ponderado: '—' });
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '1', Importe: '12.500,00 €', Ponderado: '8125,00 €' });

    await reload(page, 'Embudo de ventas');
    await column(page, 'Negociación').getByRole('link', { name: DEAL }).waitFor();
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '1', Importe: '12.500,00 €', Ponderado: '8125,00 €' });
  });

  await t.test('offline: Today opens, and an amount change reaches the forecast', async () => {
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    try {
      await navTo(page, 'Hoy', 'Hoy');
      await reload(page, 'Hoy');
      await page.getByRole('status').filter({ hasText: 'Sin conexión' }).waitFor();
      // Visit check-in and check-out offline are covered by tests/e2e/visits.test.mjs.
      await page.getByRole('link', { name: 'Capturar un prospecto' }).or(page.getByRole('heading', { name: 'Visitas de hoy' })).first().waitFor();

      await open(page, server, '/forecast', 'Previsión');
      const before = await forecastRows(page);
      const i = before.findIndex((r) => r[1] === '12.500,00 €');
      assert.ok(i >= 0, `a period shows the deal's 12.500,00 € pipeline: ${JSON.stringify(before)}`);
      assert.equal(before[i][2], '8125,00 €', 'weighted by Negociación (65 %)');

      // By address, not the bottom bar: on /forecast the phone bar is off screen (phone.test.mjs).
      await open(page, server, '/pipeline', 'Embudo de ventas');
      await column(page, 'Negociación').getByRole('link', { name: DEAL }).click();
      await page.getByRole('heading', { level: 1, name: DEAL }).waitFor();
      const errorsBefore = errors.length;
      await page.getByRole('link', { name: 'Editar', exact: true }).click();
      await page.getByRole('heading', { level: 1, name: 'Editar oportunidad' }).waitFor();
      await page.getByLabel('Importe').fill('20.000,00');
      await page.getByRole('button', { name: 'Guardar' }).click();
      await page.getByRole('heading', { level: 1, name: DEAL }).waitFor();
      await waitForToast(page, 'Cambios guardados');
      assert.equal(plain(await page.locator('.deal-amount').innerText()), '20.000,00 €');

      await open(page, server, '/forecast', 'Previsión');
      const after = await forecastRows(page);
      assert.equal(after[i][1], '20.000,00 €', 'the period pipeline shows the new amount');
      assert.equal(after[i][2], '13.000,00 €', 'and the weighted forecast 65 % of it');
      // Today opening the form from the deal's page (Editar) panics in the wasm ("Tried to
      // access a reactive value that has already been disposed", then "RefCell already
      // borrowed"); a deep link to /deals/:id/edit does not. Reported as a bug, not hidden.
      assert.deepEqual(errors.slice(errorsBefore), [], 'editing a deal raises no uncaught error');
    } finally {
      await context.setOffline(false);
    }
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
