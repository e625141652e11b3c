// A field rep's visit on a phone, in Spanish, with no connection at the customer's: plan a
// visit for today, then offline open it from Today, check in, check out, write the notes and a
// travel expense, and find it all still there after reloading offline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, waitForServiceWorkerControl } from './helpers.mjs';
import { navTo, reload, waitForToast } from './flows.mjs';

const SUBJECT = 'Visita a Talleres Gómez';
const TRAVEL = 'Desplazamiento · Importe (EUR)';

test('visit on a phone, offline: check in, check out, notes and a travel expense survive a reload', { timeout: 120_000 }, async (t) => {
  const { page, context, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/today' });
  await page.getByRole('heading', { level: 1, name: 'Hoy' }).waitFor();

  await t.test('a visit planned from Today opens on its visit screen', async () => {
    await page.getByRole('link', { name: 'Nueva actividad' }).click();
    await page.getByRole('heading', { level: 1, name: 'Nueva actividad' }).waitFor();
    await page.getByLabel('Tipo').selectOption({ label: 'Visita' });
    await page.getByLabel('Asunto').fill(SUBJECT);
    // The date defaults to today; a time puts it in the day's visits.
    assert.match(await page.getByLabel('Fecha').inputValue(), /^\d{4}-\d{2}-\d{2}$/);
    await page.getByLabel('Hora').fill('10:00');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();
    await waitForToast(page, 'Actividad creada');
  });

  await t.test('offline: open it from Today, check in and out, save notes and an expense', async () => {
    await waitForServiceWorkerControl(page);
    await context.setOffline(true);
    try {
      await navTo(page, 'Hoy', 'Hoy');
      await reload(page, 'Hoy');
      const row = page.getByRole('region', { name: 'Visitas de hoy' }).getByRole('listitem').filter({ hasText: SUBJECT });
      await row.getByRole('link', { name: 'Abrir visita' }).click();
      await page.getByRole('heading', { level: 1, name: SUBJECT }).waitFor();

      const useLocation = page.getByLabel('Usar mi ubicación');
      assert.equal(await useLocation.isChecked(), false, 'the location is off until the rep agrees');
      assert.equal(await page.getByRole('button', { name: 'Registrar salida' }).isDisabled(), true, 'no check-out before a check-in');

      await page.getByRole('button', { name: 'Registrar entrada' }).click();
      await waitForToast(page, 'Entrada registrada');
      await page.getByText(/^Entrada: /).waitFor();
      await page.getByRole('button', { name: 'Registrar salida' }).click();
      await waitForToast(page, 'Salida registrada');
      await page.getByText(/^Salida: /).waitFor();
      await page.getByText(/^Tiempo en el cliente: \d+ min$/).waitFor();

      await page.getByLabel('Resultado').selectOption({ label: 'Interés, con próximo paso' });
      await page.getByLabel('Notas').fill('Quieren presupuesto para 20 unidades.');
      await page.getByLabel(TRAVEL).fill('12,50');
      await page.getByRole('button', { name: 'Guardar' }).click();
      await waitForToast(page, 'Visita guardada');

      await reload(page, SUBJECT);
      await page.getByText(/^Entrada: /).waitFor();
      await page.getByText(/^Salida: /).waitFor();
      await page.getByText(/^Tiempo en el cliente: \d+ min$/).waitFor();
      assert.equal(await page.getByLabel(TRAVEL).inputValue(), '12,50');
      assert.equal(await page.getByLabel('Notas').inputValue(), 'Quieren presupuesto para 20 unidades.');
      assert.equal(await page.getByLabel('Resultado').inputValue(), 'follow_up');
    } finally {
      await context.setOffline(false);
    }
    assert.deepEqual(errors, [], 'no uncaught error in the page');
  });
});
