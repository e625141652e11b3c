#!/usr/bin/env node
// Trunk post_build hook (see Trunk.toml): writes the precache list and a build version into the
// staged sw.js, after Trunk has hashed the file names and written index.html.
//
// Environment (set by Trunk): TRUNK_STAGING_DIR, TRUNK_PUBLIC_URL (default "/").
// The version is a hash of every precached file's path and content, so it changes exactly when
// the build output changes, and a rebuild of the same sources gives the same sw.js.
import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';

const SW_FILE = 'sw.js';
const VERSION_MARK = '__CARTERA_BUILD_VERSION__';
const URLS_MARK = '[/* __CARTERA_PRECACHE_URLS__ */]';
const SHELL_MARK = 'const APP_SHELL_URL = "/index.html";';

// Never precache the worker itself, source maps, or precompressed copies.
const EXCLUDE = [/^sw\.js$/, /\.map$/, /\.(br|gz)$/, /(^|\/)\./];

function fail(message) {
  console.error(`sw-precache: ${message}`);
  process.exit(1);
}

async function listFiles(dir, base = dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await listFiles(full, base)));
    else if (entry.isFile()) out.push(path.relative(base, full).split(path.sep).join('/'));
  }
  return out;
}

async function main() {
  const staging = process.env.TRUNK_STAGING_DIR;
  if (!staging) fail('TRUNK_STAGING_DIR is not set (run me from a Trunk post_build hook)');
  let publicUrl = process.env.TRUNK_PUBLIC_URL || '/';
  if (!publicUrl.endsWith('/')) publicUrl += '/';

  const files = (await listFiles(staging)).filter((f) => !EXCLUDE.some((re) => re.test(f))).sort();
  if (!files.includes('index.html')) fail(`no index.html in ${staging}`);
  if (!files.some((f) => f.endsWith('.wasm'))) fail(`no .wasm file in ${staging}`);

  const digest = createHash('sha256');
  for (const file of files) {
    const content = await readFile(path.join(staging, file));
    digest.update(`${file}\0${createHash('sha256').update(content).digest('hex')}\n`);
  }
  const version = digest.digest('hex').slice(0, 16);
  const urls = files.map((f) => publicUrl + f);

  const swPath = path.join(staging, SW_FILE);
  let sw;
  try {
    sw = await readFile(swPath, 'utf8');
  } catch {
    fail(`${swPath} is missing: index.html must copy public/ to the root of dist`);
  }
  for (const mark of [VERSION_MARK, URLS_MARK, SHELL_MARK]) {
    if (!sw.includes(mark)) fail(`marker ${JSON.stringify(mark)} not found in public/sw.js`);
  }
  sw = sw
    .replace(VERSION_MARK, version)
    .replace(URLS_MARK, JSON.stringify(urls, null, 2))
    .replace(SHELL_MARK, `const APP_SHELL_URL = ${JSON.stringify(`${publicUrl}index.html`)};`);
  await writeFile(swPath, sw);
  console.log(`sw-precache: version ${version}, ${urls.length} files precached`);
}

await main();
