// Reminders on a desktop, in Spanish: the rep turns reminders on in Settings (the browser has
// granted notifications), plans a task a few minutes from now, and gets exactly one notification
// with its subject: not again after a reload, a data change or the next 30-second check.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { eventually, gotoApp, launchBrowser, serveDist } from './helpers.mjs';
import { open, reload, waitForToast } from './flows.mjs';

const TASK = 'Enviar la oferta a Talleres Gómez';
const LATER = 'Preparar la visita de mañana';
const SWITCH = 'Avisarme 15 minutos antes de mis actividades';

/** Records every notification the page shows, in localStorage so it survives reloads: the
 * service worker path (once `showNotification` resolved) and `new Notification` (once built). */
function recordNotifications() {
  const KEY = '__e2eNotifications';
  const record = (via, title, options) => {
    const list = JSON.parse(localStorage.getItem(KEY) || '[]');
    list.push({ via, title, body: options?.body ?? '', url: options?.data?.url ?? '' });
    localStorage.setItem(KEY, JSON.stringify(list));
  };
  if (window.ServiceWorkerRegistration) {
    const show = ServiceWorkerRegistration.prototype.showNotification;
    ServiceWorkerRegistration.prototype.showNotification = function (title, options) {
      return show.call(this, title, options).then((r) => {
        record('worker', title, options);
        return r;
      });
    };
  }
  if (window.Notification) {
    const Native = window.Notification;
    window.Notification = class extends Native {
      constructor(title, options) {
        super(title, options);
        record('page', title, options);
      }
    };
  }
}

const shown = (page) => page.evaluate(() => JSON.parse(localStorage.getItem('__e2eNotifications') || '[]'));

/** Local date and time `minutes` from now, as the form's date and time boxes take them. */
const localIn = (page, minutes) =>
  page.evaluate((m) => {
    const d = new Date(Date.now() + m * 60_000);
    const two = (n) => String(n).padStart(2, '0');
    return { date: `${d.getFullYear()}-${two(d.getMonth() + 1)}-${two(d.getDate())}`, time: `${two(d.getHours())}:${two(d.getMinutes())}` };
  }, minutes);

/** Plans a task from Today's "Nueva actividad" at `when`; ends on Today. */
async function planTask(page, subject, when) {
  await page.getByRole('link', { name: 'Nueva actividad' }).click();
  await page.getByRole('heading', { level: 1, name: 'Nueva actividad' }).waitFor();
  await page.getByLabel('Tipo').selectOption({ label: 'Tarea' });
  await page.getByLabel('Asunto').fill(subject);
  await page.getByLabel('Fecha').fill(when.date);
  await page.getByLabel('Hora').fill(when.time);
  await page.getByRole('button', { name: 'Guardar' }).click();
  await page.getByRole('heading', { level: 1, name: 'Hoy' }).waitFor();
  await waitForToast(page, 'Actividad creada');
}

test('reminders: switched on, a task due in a few minutes notifies exactly once', { timeout: 150_000 }, async (t) => {
  const server = await serveDist(t);
  const { page, context, errors } = await launchBrowser(t, { viewport: 'desktop', locale: 'es-ES' });
  await context.grantPermissions(['notifications'], { origin: server.url });
  await context.addInitScript(recordNotifications);
  await gotoApp(page, new URL('/settings', server.url).href);
  await page.getByRole('heading', { level: 1, name: 'Ajustes' }).waitFor();

  await t.test('the switch asks the browser, says what it allows, and is kept', async () => {
    const toggle = page.getByRole('switch', { name: SWITCH });
    assert.equal(await toggle.isChecked(), false, 'off until the rep turns it on');
    await toggle.check();
    await page.getByText('Notificaciones permitidas.').waitFor();
    await reload(page, 'Ajustes');
    assert.equal(await page.getByRole('switch', { name: SWITCH }).isChecked(), true);
  });

  await t.test('a task due in three minutes notifies once, with its subject', async () => {
    await open(page, server, '/today', 'Hoy');
    await planTask(page, TASK, await localIn(page, 3));
    const list = await eventually(async () => {
      const l = await shown(page);
      assert.equal(l.length, 1, JSON.stringify(l));
      return l;
    });
    t.diagnostic(`shown through: ${list[0].via}`);
    assert.equal(list[0].title, TASK);
    assert.match(list[0].body, /^Tarea · /);
    assert.match(list[0].url, /^\/activities\/[^/]+\/edit$/);
  });

  await t.test('not again after a reload, a data change or the next check', async () => {
    await reload(page, 'Hoy');
    // A task for tomorrow is a data change (a check) and is not due.
    await planTask(page, LATER, await localIn(page, 24 * 60));
    // Past the 30-second interval check as well.
    await new Promise((resolve) => setTimeout(resolve, 32_000));
    const list = await shown(page);
    assert.deepEqual(list.map((n) => n.title), [TASK]);
  });

  assert.deepEqual(errors, [], 'no uncaught errors in the page');
});
