// The app on a field rep's phone (bottom navigation, thumb-sized targets) and the keyboard
// shortcuts an office user relies on at a desktop.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { VIEWPORTS, gotoApp, openApp } from './helpers.mjs';
import { mainNav } from './flows.mjs';

/** WCAG 2.5.5 / Apple HIG minimum touch target, in CSS pixels. */
const MIN_TARGET = 44;

test('phone: the bottom navigation is visible, in one row, with 44px targets', { timeout: 60_000 }, async (t) => {
  const { page, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/contacts' });
  await page.getByRole('heading', { level: 1, name: 'Contactos' }).waitFor();
  const { height: vh, width: vw } = VIEWPORTS.phone.viewport;

  const nav = mainNav(page);
  await nav.waitFor();
  const bar = await nav.boundingBox();
  assert.ok(Math.abs(bar.y + bar.height - vh) <= 1, `the bar sits at the bottom of the screen (${JSON.stringify(bar)})`);
  assert.ok(bar.width >= vw - 1, 'the bar spans the width of the screen');

  const links = nav.getByRole('link');
  const names = [];
  const boxes = [];
  for (const link of await links.all()) {
    if (!(await link.isVisible())) continue;
    names.push((await link.innerText()).trim());
    boxes.push(await link.boundingBox());
  }
  // Forecast lives in the desktop sidebar only, so the phone bar keeps one row.
  assert.deepEqual(names, ['Hoy', 'Prospectos', 'Contactos', 'Cuentas', 'Embudo', 'Ajustes']);
  for (const [i, box] of boxes.entries()) {
    assert.ok(box.height >= MIN_TARGET, `${names[i]} is ${box.height}px tall`);
    assert.ok(box.width >= MIN_TARGET, `${names[i]} is ${box.width}px wide`);
    assert.ok(box.x >= 0 && box.x + box.width <= vw + 0.5, `${names[i]} is on screen`);
    assert.equal(Math.round(box.y), Math.round(boxes[0].y), `${names[i]} is in the same row`);
  }
  // The current screen is marked, and a tap moves there.
  assert.equal(await links.filter({ hasText: 'Contactos' }).getAttribute('aria-current'), 'page');
  await links.filter({ hasText: 'Cuentas' }).tap();
  await page.getByRole('heading', { level: 1, name: 'Cuentas' }).waitFor();
  assert.equal(await links.filter({ hasText: 'Cuentas' }).getAttribute('aria-current'), 'page');

  // Still there after scrolling the page.
  await page.mouse.wheel(0, 2000);
  assert.ok(await nav.isVisible());
  const after = await nav.boundingBox();
  assert.ok(Math.abs(after.y + after.height - vh) <= 1, 'the bar stays at the bottom');
  assert.deepEqual(errors, []);
});

test('phone: every screen fits the screen width, so the bottom bar stays on screen', { timeout: 60_000 }, async (t) => {
  const { page, server, errors } = await openApp(t, { viewport: 'phone', locale: 'es-ES', path: '/today' });
  const { height: vh, width: vw } = VIEWPORTS.phone.viewport;
  const screens = [
    ['/today', 'Hoy'],
    ['/leads', 'Prospectos'],
    ['/leads/new', 'Nuevo prospecto'],
    ['/contacts', 'Contactos'],
    ['/accounts', 'Cuentas'],
    ['/pipeline', 'Embudo de ventas'],
    ['/forecast', 'Previsión'],
    ['/settings', 'Ajustes'],
  ];
  const problems = [];
  for (const [route, heading] of screens) {
    await gotoApp(page, new URL(route, server.url).href);
    await page.getByRole('heading', { level: 1, name: heading }).waitFor();
    // A page wider than the phone makes mobile Chrome lay out a wider, taller viewport: the
    // fixed bar then sits below the visible screen.
    const layout = await page.evaluate(() => ({ w: innerWidth, scroll: document.documentElement.scrollWidth }));
    const bar = await mainNav(page).boundingBox();
    if (layout.w !== vw || layout.scroll > vw) problems.push(`${route}: laid out ${layout.w}px wide (content ${layout.scroll}px) on a ${vw}px screen`);
    if (!bar || bar.y + bar.height > vh + 1) problems.push(`${route}: bottom bar ends at ${bar && Math.round(bar.y + bar.height)}px, below the ${vh}px screen`);
  }
  assert.deepEqual(problems, []);
  assert.deepEqual(errors, []);
});

test('desktop: "/" focuses the search and "n" opens a new record', { timeout: 60_000 }, async (t) => {
  const { page, errors } = await openApp(t, { viewport: 'desktop', locale: 'es-ES', path: '/contacts' });
  await page.getByRole('heading', { level: 1, name: 'Contactos' }).waitFor();
  const search = page.getByRole('searchbox', { name: 'Buscar contactos' });
  const focused = (loc) => loc.evaluate((el) => el === document.activeElement);

  await page.keyboard.press('/');
  assert.ok(await focused(search), '"/" puts the cursor in the search field');
  // Typing there is a search, not a shortcut: "n" and "/" are just letters.
  await page.keyboard.type('ana/n');
  assert.equal(await search.inputValue(), 'ana/n');
  assert.equal(new URL(page.url()).pathname, '/contacts');
  await search.fill('');

  await search.blur();
  await page.keyboard.press('n');
  await page.getByRole('heading', { level: 1, name: 'Nuevo contacto' }).waitFor();
  assert.equal(new URL(page.url()).pathname, '/contacts/new');

  // Same on the accounts list.
  await mainNav(page).getByRole('link', { name: 'Cuentas', exact: true }).click();
  await page.getByRole('heading', { level: 1, name: 'Cuentas' }).waitFor();
  await page.keyboard.press('/');
  assert.ok(await focused(page.getByRole('searchbox', { name: 'Buscar cuentas' })));
  await page.getByRole('searchbox', { name: 'Buscar cuentas' }).blur();
  await page.keyboard.press('n');
  await page.getByRole('heading', { level: 1, name: 'Nueva cuenta' }).waitFor();
  assert.deepEqual(errors, []);
});
