// The pipeline board on a desktop, in Spanish: two deals typed in through the deal form, then a
// card dragged to another column with the mouse (HTML5 drag and drop). The card lands in the new
// column, both columns' totals follow, the move survives a reload and shows in the deal's stage
// history; a second drag is undone from its toast.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openApp, settledText } from './helpers.mjs';
import { open, reload, toasts, waitForToast } from './flows.mjs';

const BIG = 'Tornillería Gómez';
const SMALL = 'Pinturas del Norte';

/** Intl puts (narrow) no-break spaces in money; compare with plain spaces. */
const plain = (s) => s.replace(/[\u00a0\u202f]/g, ' ').trim();

/** A close day inside any forecast period (the board filter is "any date"). */
const today = () => new Date().toISOString().slice(0, 10);

/** One stage column of the board, by its heading (a labelled region). */
const column = (page, stage) => page.getByRole('region', { name: stage, exact: true });

/** The card of deal `title` in column `stage`. */
const card = (page, stage, title) =>
  column(page, stage).getByRole('listitem').filter({ has: page.getByRole('link', { name: title, exact: true }) });

/** A column's totals as the rep reads them: { Número, Importe, Ponderado }. */
async function totals(page, stage) {
  await settledText(column(page, stage).locator('.kanban-totals'));
  const out = {};
  for (const row of await column(page, stage).locator('.kanban-totals > div').all()) {
    out[plain(await row.locator('dt').innerText())] = plain(await row.locator('dd').innerText());
  }
  return out;
}

async function newDeal(page, server, title, amount, stage) {
  await open(page, server, '/deals/new', 'Nueva oportunidad');
  await page.getByLabel('Título').fill(title);
  await page.getByLabel('Importe').fill(amount);
  await page.getByLabel('Cierre previsto').fill(today());
  await page.getByLabel('Etapa', { exact: true }).selectOption({ label: stage });
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: title }).waitFor();
  await waitForToast(page, 'Oportunidad creada');
}

/**
 * Drags `from` onto `to` with the mouse, the way a person does (press, move in steps, release),
 * and returns whether the target column was highlighted as a drop target while hovering.
 * Playwright's mouse drives Chromium's real HTML5 drag and drop (dragstart, dragover, drop);
 * `locator.dragTo` does too (checked), but pressing and moving by hand lets the test look at the
 * highlight before the release.
 * A column past the board's right edge (the board scrolls sideways) is reached as a person
 * does: by holding the card at the edge until Chromium's drag autoscroll brings it in.
 */
async function drag(page, from, to) {
  await from.hover();
  await page.mouse.down();
  const board = await page.locator('.kanban').boundingBox();
  const edge = board.x + board.width - 8;
  const y = board.y + 100;
  let box = await to.boundingBox();
  if (box.x + box.width / 2 > edge) {
    await page.mouse.move(edge - 40, y, { steps: 8 });
    for (let i = 0; box.x + box.width > board.x + board.width && i < 100; i += 1) {
      await page.mouse.move(edge - (i % 2), y);
      await page.waitForTimeout(50);
      box = await to.boundingBox();
    }
  }
  await page.mouse.move(box.x + box.width / 2, y, { steps: 8 });
  const highlighted = await to.evaluate((el) => el.classList.contains('kanban-drop'));
  await page.mouse.up();
  return highlighted;
}


/** The deal's stage history as its timeline ("Actividad") shows it, oldest first. */
async function stageMoves(page) {
  const timeline = page.getByRole('region', { name: 'Actividad', exact: true });
  await timeline.getByRole('listitem').first().waitFor();
  const titles = (await timeline.getByRole('listitem').locator('.timeline-title').allInnerTexts()).map(plain);
  return titles.filter((t) => /^(Creada en|De .+ a )/.test(t)).reverse();
}

test('pipeline on a desktop: drag a card to another stage', { timeout: 120_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'desktop', locale: 'es-ES' });

  await t.test('two deals typed in show on the board with their totals', async () => {
    await newDeal(page, server, BIG, '10.000,00', 'Propuesta');
    await newDeal(page, server, SMALL, '2000,00', 'Negociación');
    await open(page, server, '/pipeline', 'Embudo de ventas');
    await card(page, 'Propuesta', BIG).waitFor();
    await card(page, 'Negociación', SMALL).waitFor();
    assert.deepEqual(await totals(page, 'Propuesta'), { Número: '1', Importe: '10.000,00 €', Ponderado: '4500,00 €' });
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '1', Importe: '2000,00 €', Ponderado: '1300,00 €' });
  });

  await t.test('dragging a card moves the deal, with a drop highlight, and the totals follow', async () => {
    const highlighted = await drag(page, card(page, 'Propuesta', BIG), column(page, 'Negociación'));
    assert.ok(highlighted, 'the column under the card is highlighted as the drop target');
    await waitForToast(page, `«${BIG}» movida a Negociación`);
    await card(page, 'Negociación', BIG).waitFor();
    assert.equal(await card(page, 'Propuesta', BIG).count(), 0);
    assert.equal(await page.locator('.kanban-drop').count(), 0, 'no highlight left after the drop');
    assert.deepEqual(await totals(page, 'Propuesta'), { Número: '0', Importe: '—', Ponderado: '—' });
    // 10.000 € at Negociación's 65 % plus 2000 € at 65 %.
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '2', Importe: '12.000,00 €', Ponderado: '7800,00 €' });
    // The card's stage picker (the keyboard way) follows too.
    const picker = page.getByLabel(`Etapa de «${BIG}»`);
    assert.equal(await picker.locator('option:checked').innerText(), 'Negociación');
  });

  await t.test('after a reload the card is still there and the history shows the move', async () => {
    await reload(page, 'Embudo de ventas');
    await card(page, 'Negociación', BIG).waitFor();
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '2', Importe: '12.000,00 €', Ponderado: '7800,00 €' });
    await card(page, 'Negociación', BIG).getByRole('link', { name: BIG }).click();
    await page.getByRole('heading', { level: 1, name: BIG }).waitFor();
    assert.deepEqual(await stageMoves(page), ['Creada en Propuesta', 'De Propuesta a Negociación']);
  });

  await t.test('a drag is undone from its toast', async () => {
    await open(page, server, '/pipeline', 'Embudo de ventas');
    await card(page, 'Negociación', SMALL).waitFor();
    assert.ok(await drag(page, card(page, 'Negociación', SMALL), column(page, 'Cierre')), 'Cierre is highlighted');
    await card(page, 'Cierre', SMALL).waitFor();
    assert.deepEqual(await totals(page, 'Cierre'), { Número: '1', Importe: '2000,00 €', Ponderado: '1700,00 €' });
    const toast = toasts(page).locator('.toast').filter({ hasText: `«${SMALL}» movida a Cierre` });
    await toast.getByRole('button', { name: 'Deshacer' }).click();
    await card(page, 'Negociación', SMALL).waitFor();
    assert.equal(await card(page, 'Cierre', SMALL).count(), 0);
    assert.deepEqual(await totals(page, 'Cierre'), { Número: '0', Importe: '—', Ponderado: '—' });
    assert.deepEqual(await totals(page, 'Negociación'), { Número: '2', Importe: '12.000,00 €', Ponderado: '7800,00 €' });
    await reload(page, 'Embudo de ventas');
    await card(page, 'Negociación', SMALL).waitFor();
    await card(page, 'Negociación', SMALL).getByRole('link', { name: SMALL }).click();
    await page.getByRole('heading', { level: 1, name: SMALL }).waitFor();
    assert.deepEqual(await stageMoves(page), ['Creada en Negociación'], 'the undone move left no history');
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
