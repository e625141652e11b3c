// Setting up the pipeline on a desktop, in Spanish (a device that has never signed in may edit
// it; a signed-in rep sees it read-only): a deal typed in sits in "Propuesta" (45 %); in
// Settings the stage is renamed "Oferta enviada" and its default probability raised to 60 %,
// after the form has refused an out-of-range probability and the removal of a stage the deal
// sits in. The board's column heading and its weighted total follow; Undo from the toast puts
// the stage back. Then a routing rule's assignee is changed, and a lead captured afterwards is
// routed by the changed rule; a scoring rule's points are raised and another switched off, and
// the next lead is scored by them.
// Scoring conditions on a phone: a manager adds a rule (refused while its list is empty), the
// lead already captured is scored again and its explanation shows the rule; the rule's
// condition is changed (a bad number and a bad country code are refused next to the field) and
// the lead's explanation follows.
// Pipelines on a desktop: a new pipeline (refused without a name or with a taken one) shows on
// the board and in the deal form; deleting it is refused while a deal is in it, and so is
// deleting the main pipeline; an empty pipeline is deleted after a confirmation and Undo
// brings it back.
// Signed in against a real sync server (the production validate_doc_update): a rep sees the
// pipeline read-only, and gets the editor at the app's next start once the server makes them a
// manager; a manager renames a stage and the server takes the pipeline.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { startStaticServer } from '../../scripts/static-server.mjs';
import { DIST, eventually, gotoApp, launchBrowser, openApp, settledText } from './helpers.mjs';
import { navTo, open, toasts, waitForToast } from './flows.mjs';
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

/** The scoring editor and one of its rules, by the rule's legend. */
const scoringEditor = (page) => page.getByRole('region', { name: 'Puntuación de prospectos' });
const scoringRule = (page, legend) => scoringEditor(page).getByRole('group', { name: legend, exact: true });

/** A lead's score as its page shows it: the badge and the reasons. */
async function leadScore(page, server, name) {
  await open(page, server, '/leads', 'Prospectos');
  await page.getByRole('link', { name: new RegExp(name) }).first().click();
  await page.getByRole('heading', { level: 1, name }).waitFor();
  const section = page.getByRole('region', { name: 'Puntuación' });
  const badge = plain(await section.locator('.score-badge').innerText());
  const reasons = (await section.getByRole('listitem').allInnerTexts()).map(plain);
  return { badge, reasons };
}

test('scoring conditions on a phone: add a rule, change its condition, leads follow', { timeout: 150_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES' });

  await t.test('a captured lead scores no points under the default rules', async () => {
    await open(page, server, '/leads/new', 'Nuevo prospecto');
    await page.getByLabel('Nombre', { exact: true }).fill('Lucía');
    await page.getByLabel('Apellidos').fill('Prieto');
    await page.getByLabel('Empresa').fill('Forjas Prieto');
    await page.getByLabel('Teléfono').fill('+34 644 555 666');
    await page.getByText('Más datos').click();
    await page.getByLabel('Sector').fill('Siderurgia');
    await page.getByLabel('Código postal').fill('33201');
    await page.getByRole('button', { name: 'Guardar' }).click();
    const outcome = page.getByRole('status').filter({ has: page.getByRole('heading', { name: 'Lucía Prieto' }) });
    await outcome.waitFor();
    assert.equal(plain(await outcome.locator('.score-badge').innerText()), '0 puntos');
  });

  await t.test('a new rule with an empty list is refused, then saved, and the lead gains it', async () => {
    await open(page, server, '/settings', 'Ajustes');
    await scoringRule(page, 'Origen: Recomendación').waitFor();
    await scoringEditor(page).getByRole('button', { name: 'Añadir regla' }).click();
    const rule = scoringRule(page, 'Regla nueva');
    // Keyboard users land on the new rule's condition.
    await eventually(async () => assert.equal(await rule.getByLabel('Condición').evaluate((el) => el === document.activeElement), true));
    assert.equal(await rule.getByLabel('Condición').inputValue(), 'industry_is');
    await rule.getByLabel('Puntos').fill('25');
    await scoringEditor(page).getByRole('button', { name: 'Guardar' }).click();
    await rule.getByText('Obligatorio.').waitFor();
    // Nothing was saved, and the other rules are as they were.
    assert.equal(await scoringRule(page, 'Origen: Recomendación').getByLabel('Puntos').inputValue(), '15');
    await rule.getByLabel('Sectores').fill('Siderurgia, Minería');
    await scoringEditor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Puntuación guardada; 1 prospecto puntuado de nuevo');
    await scoringRule(page, 'Sector: Siderurgia, Minería').waitFor();

    assert.deepEqual(await leadScore(page, server, 'Lucía Prieto'), {
      badge: '25 puntos',
      reasons: ['+25 sector: Siderurgia'],
    });
  });

  await t.test("the rule's condition is changed; bad values are refused next to their field", async () => {
    await open(page, server, '/settings', 'Ajustes');
    const rule = scoringRule(page, 'Sector: Siderurgia, Minería');
    await rule.getByLabel('Condición').selectOption({ label: 'Empleados, como mínimo' });
    assert.equal(await rule.getByLabel('Sectores').isVisible(), false);
    await rule.getByLabel('Empleados').fill('muchos');
    await scoringEditor(page).getByRole('button', { name: 'Guardar' }).click();
    await rule.getByText('Un número entero de 1 a 10000000.').waitFor();
    await rule.getByLabel('Condición').selectOption({ label: 'País' });
    await rule.getByLabel('Países (código ISO)').fill('es, España');
    await scoringEditor(page).getByRole('button', { name: 'Guardar' }).click();
    await rule.getByText('Códigos de país de dos letras, como ES o MX.').waitFor();
    await rule.getByLabel('Condición').selectOption({ label: 'Código postal' });
    await rule.getByLabel('Códigos postales que empiezan por').fill('33, 24');
    await rule.getByLabel('Puntos').fill('-10');
    await scoringEditor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Puntuación guardada; 1 prospecto puntuado de nuevo');
    await scoringRule(page, 'Código postal: 33, 24').waitFor();

    assert.deepEqual(await leadScore(page, server, 'Lucía Prieto'), {
      badge: '-10 puntos',
      reasons: ['−10 código postal 33201'],
    });
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});

/** The board's pipeline choice (its label wraps it, so its name ends with the choice). */
const boardPipeline = (page) => page.getByRole('combobox', { name: /^Embudo/ });

/** Creates a pipeline from Settings with `stages` ([name, probability] pairs). */
async function newPipeline(page, name, stages) {
  await editor(page).getByRole('button', { name: 'Nuevo embudo' }).click();
  await editor(page).getByLabel('Nombre del embudo').fill(name);
  for (const [i, [stage, p]] of stages.entries()) {
    if (i > 0) await editor(page).getByRole('button', { name: 'Añadir etapa' }).click();
    await stageRow(page, i + 1).getByLabel('Nombre').fill(stage);
    await stageRow(page, i + 1).getByLabel('Probabilidad (%)').fill(p);
  }
  await editor(page).getByRole('button', { name: 'Guardar' }).click();
  await waitForToast(page, 'Embudo creado');
}

test('pipelines on a desktop: create one, use it, refuse and confirm deletions, undo', { timeout: 150_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'desktop', locale: 'es-ES' });
  const choice = () => editor(page).getByLabel('Embudo', { exact: true });

  await t.test('a new pipeline needs a name no other has, then is offered on the board', async () => {
    await open(page, server, '/settings', 'Ajustes');
    await stageRow(page, 1).getByLabel('Nombre').waitFor();
    await editor(page).getByRole('button', { name: 'Nuevo embudo' }).click();
    const name = editor(page).getByLabel('Nombre del embudo');
    await eventually(async () => assert.equal(await name.evaluate((el) => el === document.activeElement), true));
    assert.equal(await name.inputValue(), '');
    assert.equal(await choice().locator('option:checked').innerText(), 'Nuevo embudo');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await editor(page).getByText('Obligatorio.').first().waitFor();
    await name.fill('ventas');
    await stageRow(page, 1).getByLabel('Nombre').fill('Contacto');
    await stageRow(page, 1).getByLabel('Probabilidad (%)').fill('20');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await editor(page).getByText('Repetido.').waitFor();
    await name.fill('Grandes cuentas');
    await editor(page).getByRole('button', { name: 'Añadir etapa' }).click();
    await stageRow(page, 2).getByLabel('Nombre').fill('Firma');
    await stageRow(page, 2).getByLabel('Probabilidad (%)').fill('80');
    await editor(page).getByRole('button', { name: 'Guardar' }).click();
    await waitForToast(page, 'Embudo creado');
    assert.equal(await choice().locator('option:checked').innerText(), 'Grandes cuentas');

    await open(page, server, '/pipeline', 'Embudo de ventas');
    await eventually(async () => assert.deepEqual(await boardPipeline(page).locator('option').allInnerTexts(), ['Ventas', 'Grandes cuentas']));
  });

  await t.test('a deal is created in it from the deal form and sits in its column', async () => {
    await open(page, server, '/deals/new', 'Nueva oportunidad');
    await page.getByLabel('Título').fill('Renting de flota');
    await page.getByLabel('Importe').fill('25.000,00');
    await page.getByLabel('Cierre previsto').fill(today());
    await page.getByLabel('Embudo', { exact: true }).selectOption({ label: 'Grandes cuentas' });
    const stage = page.getByLabel('Etapa', { exact: true });
    assert.deepEqual(await stage.locator('option').allInnerTexts(), ['Contacto', 'Firma']);
    await stage.selectOption({ label: 'Firma' });
    assert.equal(await page.getByLabel('Probabilidad (%)').inputValue(), '80');
    await page.getByRole('button', { name: 'Guardar' }).click();
    await page.getByRole('heading', { level: 1, name: 'Renting de flota' }).waitFor();
    await open(page, server, '/pipeline', 'Embudo de ventas');
    await boardPipeline(page).selectOption({ label: 'Grandes cuentas' });
    await column(page, 'Firma').getByRole('link', { name: 'Renting de flota' }).waitFor();
    await column(page, 'Contacto').waitFor();
    assert.equal(await column(page, 'Prospección').count(), 0);
  });

  await t.test('deleting a pipeline with a deal, or the main one, is refused with the reason', async () => {
    await open(page, server, '/settings', 'Ajustes');
    await choice().selectOption({ label: 'Grandes cuentas' });
    await eventually(async () => assert.equal(await editor(page).getByLabel('Nombre del embudo').inputValue(), 'Grandes cuentas'));
    await editor(page).getByRole('button', { name: 'Eliminar embudo' }).click();
    await editor(page)
      .getByRole('alert')
      .getByText('«Grandes cuentas» tiene 1 oportunidad: muévela a otro embudo o elimínala antes de eliminar el embudo.')
      .waitFor();
    assert.equal(await page.getByRole('dialog').count(), 0);
    await choice().selectOption({ label: 'Ventas' });
    await eventually(async () => assert.equal(await editor(page).getByLabel('Nombre del embudo').inputValue(), 'Ventas'));
    // The reason was about the other pipeline: it goes with it.
    assert.equal(await editor(page).getByText('«Grandes cuentas» tiene 1 oportunidad', { exact: false }).count(), 0);
    await editor(page).getByRole('button', { name: 'Eliminar embudo' }).click();
    await editor(page)
      .getByRole('alert')
      .getByText('El embudo principal no se puede eliminar: las oportunidades nuevas van a él.')
      .waitFor();
    assert.deepEqual(await choice().locator('option').allInnerTexts(), ['Ventas', 'Grandes cuentas']);
  });

  await t.test('an empty pipeline is deleted after confirming, and Undo brings it back', async () => {
    await newPipeline(page, 'Pruebas', [['Única', '50']]);
    await editor(page).getByRole('button', { name: 'Eliminar embudo' }).click();
    const dialog = page.getByRole('dialog', { name: '¿Eliminar el embudo «Pruebas»?' });
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancelar' }).click();
    await dialog.waitFor({ state: 'hidden' });
    assert.ok((await choice().locator('option').allInnerTexts()).includes('Pruebas'), 'cancel keeps it');
    await editor(page).getByRole('button', { name: 'Eliminar embudo' }).click();
    await dialog.getByRole('button', { name: 'Eliminar' }).click();
    await waitForToast(page, 'Embudo eliminado');
    await eventually(async () => assert.deepEqual(await choice().locator('option').allInnerTexts(), ['Ventas', 'Grandes cuentas']));
    await toasts(page).getByRole('button', { name: 'Deshacer' }).last().click();
    await waitForToast(page, 'Embudo restaurado');
    await eventually(async () => assert.ok((await choice().locator('option').allInnerTexts()).includes('Pruebas')));
    await open(page, server, '/pipeline', 'Embudo de ventas');
    await boardPipeline(page).selectOption({ label: 'Pruebas' });
    await column(page, 'Única').waitFor();
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

  await t.test('a rep made manager on the server gets the editor at the next start, without signing in again', async () => {
    const { page, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
    await signIn(page, app.url, sync.url, 'bruno');
    await gotoApp(page, new URL('/settings', app.url).href);
    await editor(page).getByText('Solo un responsable o un administrador puede cambiar los embudos.').waitFor();
    const id = '/_users/org.couchdb.user:bruno';
    const user = await sync.request('GET', id);
    assert.equal(user.status, 200);
    const put = await sync.request('PUT', id, { body: { ...user.body, roles: ['manager'] } });
    assert.ok([200, 201].includes(put.status), JSON.stringify(put));

    await gotoApp(page, new URL('/today', app.url).href);
    await page.getByRole('heading', { level: 1, name: 'Hoy' }).waitFor();
    await eventually(async () => {
      await navTo(page, 'Hoy', 'Hoy');
      await navTo(page, 'Ajustes', 'Ajustes');
      assert.ok(await stageRow(page, 1).getByLabel('Nombre').isEnabled(), 'the pipeline editor is open to a manager');
    }, { timeout: 20_000, interval: 500 });
    assert.equal(await editor(page).getByText('Solo un responsable o un administrador puede cambiar los embudos.').count(), 0);
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
