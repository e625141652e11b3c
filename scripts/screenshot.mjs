#!/usr/bin/env node
// Regenerates the README screenshots from the release build in dist/: loads 1 000 sample
// contacts through Settings as a user would, then captures the contact list on a phone and the
// pipeline on a desktop.   node scripts/screenshot.mjs   (after scripts/build.sh)
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from './static-server.mjs';

const server = await startStaticServer({ root: 'dist', port: 0 });
const profile = await mkdtemp(path.join(tmpdir(), 'cartera-shot-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  locale: 'es-ES',
  viewport: { width: 390, height: 844 },
  deviceScaleFactor: 2,
});
try {
  const page = context.pages()[0] ?? (await context.newPage());
  const url = (p) => new URL(p, server.url).href;
  await page.goto(url('/settings'));
  await page.getByRole('button', { name: /cargar datos de ejemplo/i }).click();
  await page.getByText(/registros de ejemplo añadidos/i).waitFor({ timeout: 120_000 });
  await page.getByRole('button', { name: /cargar oportunidades de ejemplo/i }).click().catch(() => {});
  await page.waitForTimeout(3000);
  await page.goto(url('/contacts'));
  await page.locator('.vlist [data-row]').first().waitFor();
  await page.getByRole('searchbox', { name: /buscar contactos/i }).fill('mar');
  await page.waitForTimeout(500);
  await page.screenshot({ path: 'docs/screenshot-phone.png' });
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.goto(url('/pipeline'));
  await page.waitForTimeout(2500);
  await page.screenshot({ path: 'docs/screenshot-desktop.png' });
} finally {
  await context.close().catch(() => {});
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
