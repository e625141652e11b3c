// Small helpers for the user-flow tests (contacts, phone, sales): what a person does, by the
// accessible names the app shows. Kept tiny on purpose; the harness lives in helpers.mjs.
import { gotoApp } from './helpers.mjs';

/** Main navigation (bottom bar on phones, sidebar on desktop). */
export const mainNav = (page, name = /Navegación principal|Main navigation/) =>
  page.getByRole('navigation', { name });

/** Follows a main navigation link and waits for the page's heading. */
export async function navTo(page, link, heading) {
  await mainNav(page).getByRole('link', { name: link, exact: true }).click();
  if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** The toast area ("Avisos" / "Notifications"). */
export const toasts = (page) => page.getByRole('region', { name: /^(Avisos|Notifications)$/ });

/** Waits until a toast with `text` is shown. */
export async function waitForToast(page, text) {
  await toasts(page).getByText(text).first().waitFor();
}

/** A list screen's rows (the virtual list's links), by the list's accessible name. */
export const listLinks = (page, listName) => page.getByRole('list', { name: listName }).getByRole('link');

/** The live count under a list's title ("2 contactos", "1 de 2 contactos"). */
export const listCount = (page) => page.locator('.records-count');

/** Reloads the page (from the service worker when offline) and waits for the app to start. */
export async function reload(page, heading) {
  await gotoApp(page, null);
  if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}

/** Navigates to an app path with a full page load (deep link). */
export async function open(page, server, route, heading) {
  await gotoApp(page, new URL(route, server.url).href);
  if (heading) await page.getByRole('heading', { level: 1, name: heading }).waitFor();
}
