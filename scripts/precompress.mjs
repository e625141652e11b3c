#!/usr/bin/env node
// Writes .br (quality 11) and .gz (level 9) next to every compressible file of a build, which
// scripts/static-server.mjs then serves as is, and prints raw / gzip / brotli sizes.
//
//   node scripts/precompress.mjs dist [--json]
import { readdir, readFile, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

export const COMPRESSIBLE = /\.(wasm|js|mjs|css|html|json|webmanifest|svg|txt)$/;
const MIN_BYTES = 1024;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);

async function walk(dir) {
  const out = [];
  for (const entry of await readdir(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...(await walk(full)));
    else if (entry.isFile()) out.push(full);
  }
  return out;
}

function kb(bytes) {
  return `${(bytes / 1024).toFixed(1)} KiB`.padStart(11);
}

async function main() {
  const dir = process.argv[2] || 'dist';
  const json = process.argv.includes('--json');
  const files = (await walk(dir)).filter((f) => COMPRESSIBLE.test(f)).sort();
  const rows = [];
  for (const file of files) {
    const raw = await readFile(file);
    if (raw.length < MIN_BYTES) continue;
    const [br, gz] = await Promise.all([
      brotli(raw, {
        params: {
          [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
          [zlib.constants.BROTLI_PARAM_SIZE_HINT]: raw.length,
        },
      }),
      gzip(raw, { level: 9 }),
    ]);
    await writeFile(`${file}.br`, br);
    await writeFile(`${file}.gz`, gz);
    rows.push({ file: path.relative(dir, file), raw: raw.length, gzip: gz.length, brotli: br.length });
  }
  if (json) {
    console.log(JSON.stringify(rows, null, 2));
    return;
  }
  console.log(`${'file'.padEnd(44)}${'raw'.padStart(11)}${'gzip'.padStart(11)}${'brotli'.padStart(11)}`);
  for (const r of rows) {
    console.log(`${r.file.padEnd(44)}${kb(r.raw)}${kb(r.gzip)}${kb(r.brotli)}`);
  }
}

await main();
