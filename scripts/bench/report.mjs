#!/usr/bin/env node
// Reads what scripts/bench.sh measured (bench-out/) and prints the table for the README.
import { readFile, readdir } from 'node:fs/promises';
import path from 'node:path';
import zlib from 'node:zlib';

const out = process.argv[2] || 'bench-out';
const DIST = 'dist';
const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;

async function wasmSizes() {
  const files = (await readdir(DIST)).filter((f) => f.endsWith('.wasm'));
  if (files.length !== 1) throw new Error(`expected one .wasm in dist/, found ${files.length}`);
  const bytes = await readFile(path.join(DIST, files[0]));
  const gzip = zlib.gzipSync(bytes, { level: 9 }).length;
  const brotli = zlib.brotliCompressSync(bytes, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 },
  }).length;
  return { raw: bytes.length, gzip, brotli };
}

/** `BENCH name k=v k=v` lines printed by the wasm benchmarks. */
function benchLines(log) {
  const rows = [];
  for (const line of log.split('\n')) {
    const m = line.match(/BENCH (\w+) (.*)$/);
    if (!m) continue;
    const fields = Object.fromEntries(m[2].trim().split(/\s+/).map((kv) => kv.split('=')));
    rows.push({ name: m[1], ...fields });
  }
  return rows;
}

const size = await wasmSizes();
const wasm = benchLines(await readFile(path.join(out, 'wasm.log'), 'utf8'));
const cold = JSON.parse(await readFile(path.join(out, 'coldstart.json'), 'utf8'));
const base = JSON.parse(await readFile(path.join(out, 'sync-baselines.json'), 'utf8'));
const kanban = JSON.parse(await readFile(path.join(out, 'kanban.json'), 'utf8'));
const [pull, push, noop] = ['sync_pull', 'sync_push', 'sync_noop'].map((k) => wasm.find((r) => r.name === k));
const ms = (v) => `${Number(v).toFixed(0)} ms`;
const x = (v) => `${v.toFixed(2)}×`;
const imp = wasm.find((r) => r.name === 'import');
const searches = wasm.filter((r) => r.name === 'search');
if (!imp || searches.length < 2) throw new Error('benchmark output incomplete: see bench-out/wasm.log');

const rows = [
  // The issue says "600 KB"; the stricter reading (600,000 bytes, not 600 KiB) is checked.
  ['wasm size (raw / gzip / brotli)',
    `${kib(size.raw)} / ${kib(size.gzip)} / ${kib(size.brotli)} (${size.brotli.toLocaleString('en')} bytes)`,
    '≤ 600 KB (600,000 bytes) brotli', size.brotli <= 600_000 ? 'met' : 'MISSED'],
  [`bulk import ${imp.n} contacts: IdbStore vs raw IndexedDB put`,
    `${Number(imp.ours_ms).toFixed(0)} ms vs ${Number(imp.raw_ms).toFixed(0)} ms = ${Number(imp.ratio).toFixed(2)}×`,
    '≤ 1.5× the floor', Number(imp.ratio) <= 1.5 ? 'met' : 'MISSED'],
  ...searches.map((s) => [`search ${Number(s.size).toLocaleString('en')} contacts (p50 / p95)`,
    `${Number(s.p50_ms).toFixed(2)} ms / ${Number(s.p95_ms).toFixed(2)} ms (index build ${Number(s.build_ms).toFixed(0)} ms)`,
    Number(s.size) >= 100000 ? 'p95 ≤ 16 ms' : '', Number(s.size) >= 100000 ? (Number(s.p95_ms) <= 16 ? 'met' : 'MISSED') : '']),
  ...(pull ? [[`sync pull into IndexedDB, ${Number(pull.n).toLocaleString('en')} docs: Cartera / PouchDB 9 in Chromium / node PouchDB`,
    `${ms(pull.ms)} / ${ms(base.browser_pull_ms)} / ${ms(base.node_pull_ms)} = ${x(base.browser_pull_ms / pull.ms)} PouchDB-in-browser's speed, ${x(pull.ms / base.node_pull_ms)} node's time`,
    '≥ 3× PouchDB-in-browser, ≤ 1.5× node',
    base.browser_pull_ms / pull.ms >= 3 && pull.ms / base.node_pull_ms <= 1.5 ? 'met' : 'MISSED']] : []),
  ...(push ? [[`sync push from IndexedDB, ${Number(push.n).toLocaleString('en')} docs: Cartera / PouchDB 9 in Chromium / node PouchDB`,
    `${ms(push.ms)} / ${ms(base.browser_push_ms)} / ${ms(base.node_push_ms)} = ${x(base.browser_push_ms / push.ms)} PouchDB-in-browser's speed`,
    '≥ 2× PouchDB-in-browser', base.browser_push_ms / push.ms >= 2 ? 'met' : 'MISSED']] : []),
  ...(noop ? [[`no-op sync after ${Number(noop.n).toLocaleString('en')} docs (median of 5; the first sync after the full pull re-checks the pulled docs)`,
    `${Number(noop.ms).toFixed(1)} ms (first ${Number(noop.first_ms).toFixed(0)} ms)`,
    '≤ 50 ms', Number(noop.ms) <= 50 ? 'met' : 'MISSED']] : []),
  ...(() => {
    const f = wasm.find((r) => r.name === 'sales_forecast');
    const b = wasm.find((r) => r.name === 'sales_board');
    if (!f || !b) return [];
    const worst = Math.max(Number(f.month_ms), Number(f.quarter_ms)) + Number(b.ms);
    return [[`forecast (month / quarter) + pipeline totals, ${Number(f.n).toLocaleString('en')} deals (median of 5)`,
      `${Number(f.month_ms).toFixed(1)} / ${Number(f.quarter_ms).toFixed(1)} ms + ${Number(b.ms).toFixed(1)} ms`,
      '≤ 50 ms', worst <= 50 ? 'met' : 'MISSED']];
  })(),
  [`cold start to first contact row, ${cold.contacts.toLocaleString('en')} contacts (median of ${cold.runs.length})`,
    `${cold.median_ms.toFixed(0)} ms (runs: ${cold.runs.map((r) => r.toFixed(0)).join(', ')})`, '', ''],
  ...kanbanRows(kanban),
];

/** The board with BIG open deals against the same board with BASE, measured in the same run;
 * long tasks against the 50 ms budget, frames against 16.7 ms. "none" = no task over 50 ms. */
function kanbanRows(k) {
  const n = (v) => v.toLocaleString('en');
  const long = (v) => (v > 0 ? `${v.toFixed(0)} ms` : '< 50 ms');
  /** The longest task of each run: "median 120 ms, worst 300 ms" (the worst sets met/MISSED). */
  const tasks = (m) => (m.max_long_ms > 0
    ? `longest task median ${long([...m.long_ms].sort((p, q) => p - q)[Math.floor(m.long_ms.length / 2)])}, worst ${long(m.max_long_ms)}`
    : 'no task > 50 ms');
  const { base: b, big: g } = k;
  const vs = `${n(g.open)} vs ${n(b.open)} open deals (median of ${k.runs})`;
  const jank = (v) => (v <= 50 ? 'met' : 'MISSED');
  return [
    [`pipeline board: load to first card, ${vs}`,
      `${g.load.median_ms.toFixed(0)} ms vs ${b.load.median_ms.toFixed(0)} ms = ${x(g.load.median_ms / b.load.median_ms)}; ${tasks(g.load)} (baseline: ${tasks(b.load)})`,
      'no task > 50 ms', jank(g.load.max_long_ms)],
    [`pipeline board: drag a card to the next column, drop → shown, ${vs}`,
      `${g.drag.median_ms.toFixed(1)} ms vs ${b.drag.median_ms.toFixed(1)} ms = ${x(g.drag.median_ms / b.drag.median_ms)}; ${tasks(g.drag)} (baseline: ${tasks(b.drag)}); longest gap between frames ${g.drag.max_frame_ms.toFixed(1)} ms (baseline ${b.drag.max_frame_ms.toFixed(1)} ms) = ${x(g.drag.max_frame_ms / 16.7)} the 16.7 ms frame`,
      'no task > 50 ms', jank(g.drag.max_long_ms)],
  ];
}
const date = new Date().toISOString().slice(0, 10);
console.log(`Benchmarks, ${date} (2-core machine, Chromium ${cold.chromium}, release build)\n`);
console.log('| measure | result | target | |');
console.log('|---|---|---|---|');
for (const r of rows) console.log(`| ${r.join(' | ')} |`);
