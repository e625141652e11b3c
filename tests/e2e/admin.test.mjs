// Setting up the pipeline on a desktop, in Spanish (a device that has never signed in may edit
// it; a signed-in rep sees it read-only): a deal typed in sits in "Propuesta" (45 %); in
// Settings the stage is renamed "Oferta enviada" and its default probability raised to 60 %,
// after the form has refused an out-of-range probability and the removal of a stage the deal
// sits in. The board's column heading and its weighted total follow; Undo from the toast puts
// the stage back. Then a routing rule's assignee is changed, and a lead captured afterwards is
// routed by the changed rule; a scoring rule's points are raised and another switched off, and
// the next lead is scored by them.
// Signed in against a real sync server (the production validate_doc_update): a rep sees the
// pipeline read-only; a manager renames a stage and the server takes the pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { DIST, eventually, gotoApp, launchBrowser, openApp, settledText } from './helpers.mjs';
import { open, toasts, waitForToast } from './flows.mjs';
import { serverDoc, signIn, startSyncServer, waitForSyncState } from './sync-server.mjs';

const DEAL = 'Flota de carretillas';

/** Intl puts (narrow) no-break spaces in money; compare with plain spaces. */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

const today = () => new Date().toISOString().slice(0, 10);

/** One stage column of the board, by its heading (a labelled region). */
const column = (page, stage) => page.getByRole('region', { name: stage, exact: true });

/** A column's weighted total as the board shows it. */
async function weighted(page, stage) {
  await settledText(column(page, stage).locator('.kanban-totals'));
  const row = column(page, stage).locator('.kanban-totals > div').filter({ hasText: 'Ponderado' });
  return plain(await row.locator('dd').innerText());
}

/** The pipelines editor in Settings and one of its stage rows ("Etapa 3"). */
const editor = (page) => page.getByRole('region', { name: 'Embudos y etapas' });
const stageRow = (page, n) => editor(page).getByRole('group', { name: `Etapa ${n}`, exact: true });

test('pipeline set-up on a desktop: rename a stage, change its probability', { timeout: 120_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'desktop', locale: 'es-ES' });

  await t.test('a deal in "Propuesta" weighs 45 %', async () => {
    await open(page, server, '/deals/new', 'Nueva oportunidad');
    await page.getByLabel('Título').fill(DEAL);
    await page.getByLabel('Importe').fill('10.000,00');
    await page.getByLabel('Cierre previsto').fill(today());
    await page.getByLabel('Etapa', { exact: true }).selectOption({ label: 'Propuesta' });
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: DEAL }).waitFor();
    await waitForToast(page, 'Oportunidad creada');
    await open(page, server, '/pipeline', 'Embudo de ventas');
    await column(page, 'Propuesta').getByRole('link', { name: DEAL }).waitFor();
    assert.equal(await weighted(page, 'Propuesta'), '4500,00 €');
  });

  await t.test('the editor refuses a bad probability and removing a stage with open deals', async () => {
    await open(page, server, '/settings', 'Ajustes');
    const row = stageRow(page, 3);
    assert.equal(await row.getByLabel('Nombre').inputValue(), 'Propuesta');
    assert.equal(await row.getByLabel('Probabilidad (%)').inputValue(), '45');
    await row.getByLabel('Probabilidad (%)').fill('150');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await row.getByText('Un número de 0 a 100.').waitFor();
    await row.getByLabel('Probabilidad (%)').fill('45');

    await row.getByRole('button', { name: 'Quitar «Propuesta»' }).click();
    assert.equal(await stageRow(page, 3).getByLabel('Nombre').inputValue(), 'Negociación');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await editor(page)
      .getByRole('alert')
      .getByText('«Propuesta» tiene 1 oportunidad abierta: muévela a otra etapa antes de quitarla.')
      .waitFor();
  });

  await t.test('a renamed stage with a new default shows on the board, and Undo puts it back', async () => {
    // Start again from the stored pipeline (the removal above was never saved).
    await open(page, server, '/settings', 'Ajustes');
    const row = stageRow(page, 3);
    await row.getByLabel('Nombre').fill('Oferta enviada');
    await row.getByLabel('Probabilidad (%)').fill('60');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Embudo guardado');

    await open(page, server, '/pipeline', 'Embudo de ventas');
    await column(page, 'Oferta enviada').getByRole('link', { name: DEAL }).waitFor();
    assert.equal(await column(page, 'Propuesta').count(), 0);
    // The deal was at the stage's default, so it follows the new one: 60 % of 10.000,00 €.
    assert.equal(await weighted(page, 'Oferta enviada'), '6000,00 €');

    await open(page, server, '/settings', 'Ajustes');
    await stageRow(page, 3).getByLabel('Probabilidad (%)').fill('70');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Embudo guardado');
    await toasts(page).getByRole('button', { name: 'Deshacer' }).last().click();
    await waitForToast(page, 'Embudo restaurado');
    assert.equal(await stageRow(page, 3).getByLabel('Probabilidad (%)').inputValue(), '60');
    await open(page, server, '/pipeline', 'Embudo de ventas');
    assert.equal(await weighted(page, 'Oferta enviada'), '6000,00 €');
  });

  await t.test('a changed routing rule routes the next captured lead', async () => {
    await open(page, server, '/settings', 'Ajustes');
    const routing = page.getByRole('region', { name: 'Reparto de prospectos' });
    const madrid = routing.getByRole('group', { name: 'Regla 3', exact: true });
    assert.equal(await madrid.getByLabel('Provincias o regiones').inputValue(), 'Madrid, Comunidad de Madrid');
    assert.equal(await madrid.getByLabel('Asignar a').inputValue(), 'lucia');
    await madrid.getByLabel('Asignar a').fill('');
    await routing.getByRole('button', { name: 'Guardar' }).click();
    await madrid.getByText('Obligatorio.').waitFor();
    await madrid.getByLabel('Asignar a').fill('marta');
    await routing.getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Reparto guardado');

    await open(page, server, '/leads/new', 'Nuevo prospecto');
    await page.getByLabel('Nombre', { exact: true }).fill('Elena');
    await page.getByLabel('Apellidos').fill('Sanz');
    await page.getByLabel('Empresa').fill('Grúas Sanz');
    await page.getByLabel('Teléfono').fill('+34 622 333 444');
    await page.getByLabel('Provincia').fill('Madrid');
    await page.getByRole('button', { name: 'Guardar' }).click();
    const outcome = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Elena Sanz' }) });
    await outcome.waitFor();
    assert.equal(plain(await outcome.getByTestId('lead-routing').innerText()), 'Asignado a Marta por la regla «territorio-madrid»');
  });

  await t.test('changed scoring rules score the next captured lead', async () => {
    await open(page, server, '/settings', 'Ajustes');
    const scoring = page.getByRole('region', { name: 'Puntuación de prospectos' });
    const referral = scoring.getByRole('group', { name: 'Origen: Recomendación', exact: true });
    const cities = scoring.getByRole('group', { name: 'Provincia o región: Madrid, Barcelona', exact: true });
    assert.equal(await referral.getByLabel('Puntos').inputValue(), '15');
    await referral.getByLabel('Puntos').fill('mucho');
    await scoring.getByRole('button', { name: 'Guardar' }).click();
    await referral.getByText('Un número entero de -1000 a 1000.').waitFor();
    await referral.getByLabel('Puntos').fill('30');
    await cities.getByRole('switch', { name: 'Activa' }).uncheck();
    await scoring.getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Puntuación guardada');

    await open(page, server, '/leads/new', 'Nuevo prospecto');
    await page.getByLabel('Nombre', { exact: true }).fill('Pablo');
    await page.getByLabel('Apellidos').fill('Ortiz');
    await page.getByLabel('Empresa').fill('Ortiz Hermanos');
    await page.getByLabel('Teléfono').fill('+34 633 444 555');
    await page.getByLabel('Origen').selectOption({ label: 'Recomendación' });
    await page.getByLabel('Provincia').fill('Madrid');
    await page.getByRole('button', { name: 'Guardar' }).click();
    const outcome = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Pablo Ortiz' }) });
    await outcome.waitFor();
    assert.equal(plain(await outcome.locator('.score-badge').innerText()), '30 puntos');
    const reasons = (await outcome.getByRole('listitem').allInnerTexts()).map(plain);
    assert.deepEqual(reasons, ['+30 origen: Recomendación']);
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

test('signed in: a rep reads the pipeline set-up, a manager changes it on the server', { timeout: 120_000 }, async (t) => {
  const app = await startStaticServer({ root: DIST, port: 0 });
  t.after(() => app.close());
  const sync = await startSyncServer({ appOrigin: new URL(app.url).origin });
  t.after(() => sync.close());

  await t.test('a rep sees the editor read-only', async () => {
    const { page, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
    await signIn(page, app.url, sync.url, 'ana');
    await gotoApp(page, new URL('/settings', app.url).href);
    await editor(page).getByText('Solo un responsable o un administrador puede cambiar los embudos.').waitFor();
    assert.ok(await stageRow(page, 1).getByLabel('Nombre').isDisabled());
    assert.ok(await editor(page).getByRole('button', { name: 'Guardar' }).isDisabled());
    // The rep's device shows the default pipeline without writing it (the server would refuse
    // it): nothing is sent, so nothing is flagged "Not synced".
    assert.equal(await stageRow(page, 1).getByLabel('Nombre').inputValue(), 'Prospección');
    await waitForSyncState(page, 'up-to-date');
    assert.equal(await serverDoc(sync, 'pipeline-sample'), null);
    assert.deepEqual(errors, []);
  });

  await t.test('a manager renames a stage and the server keeps it', async () => {
    const { page, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
    await signIn(page, app.url, sync.url, 'marta');
    await gotoApp(page, new URL('/settings', app.url).href);
    const name = stageRow(page, 1).getByLabel('Nombre');
    assert.ok(await name.isEnabled());
    await name.fill('Primer contacto');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Embudo guardado');
    await waitForSyncState(page, 'up-to-date');
    // The default pipeline went up first (a manager may write it), then the edit.
    const doc = await eventually(async () => {
      const d = await serverDoc(sync, 'pipeline-sample');
      assert.equal(d?.stages?.[0]?.name, 'Primer contacto');
      return d;
    }, { timeout: 20_000 });
    assert.equal(doc.updated_by, 'marta');
    assert.equal(doc.stages.length, 5);
    assert.equal(doc._conflicts, undefined);
    assert.deepEqual(errors, []);
  });
});
