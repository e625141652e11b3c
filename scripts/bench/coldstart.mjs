#!/usr/bin/env node
// Cold start with 10k contacts stored: load the sample data through Settings as a user would,
// then reload the app 5 times and time navigation start → first contact row in the DOM (a
// MutationObserver installed before any page script records the instant). Prints JSON.
import { execFileSync } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import { startStaticServer } from '../static-server.mjs';

const CONTACTS = 10_000;
const RUNS = 5;
const ROW = '.vlist [data-row]';

const server = await startStaticServer({ root: 'dist', port: 0 });
const profile = await mkdtemp(path.join(tmpdir(), 'cartera-bench-'));
const context = await chromium.launchPersistentContext(profile, {
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking'],
  locale: 'es-ES',
  viewport: { width: 390, height: 844 },
});
try {
  await context.addInitScript((selector) => {
    window.__firstRow = null;
    const seen = () => {
      if (window.__firstRow === null && document.querySelector(selector)) {
        window.__firstRow = performance.now();
        observer.disconnect();
      }
    };
    const observer = new MutationObserver(seen);
    observer.observe(document, { childList: true, subtree: true });
  }, ROW);
  const page = context.pages()[0] ?? (await context.newPage());
  await page.goto(new URL('/settings', server.url).href);
  await page.getByLabel(/número de contactos/i).selectOption(String(CONTACTS));
  await page.getByRole('button', { name: /cargar datos de ejemplo/i }).click();
  await page.getByText(/registros de ejemplo añadidos/i).waitFor({ timeout: 300_000 });

  const runs = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.goto(new URL('/contacts', server.url).href);
    await page.waitForFunction(() => window.__firstRow !== null, null, { timeout: 60_000 });
    runs.push(await page.evaluate(() => window.__firstRow));
  }
  const count = await page.locator(ROW).count();
  if (count === 0) throw new Error('no contact rows rendered');
  const sorted = [...runs].sort((a, b) => a - b);
  const chromiumVersion = execFileSync(process.env.CHROMIUM || '/usr/bin/chromium', ['--version'])
    .toString().trim().replace(/^Chromium\s+/, '').split(' ')[0];
  console.log(JSON.stringify({
    contacts: CONTACTS, runs, median_ms: sorted[Math.floor(sorted.length / 2)], chromium: chromiumVersion,
  }));
} finally {
  await context.close().catch(() => {});
  await server.close();
  await rm(profile, { recursive: true, force: true });
}
