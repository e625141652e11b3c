#!/usr/bin/env node
// A small static file server for the built PWA (dist/), with no dependencies.
//
//   node scripts/static-server.mjs [--root dist] [--host 127.0.0.1] [--port 8080] [--strict-port] [--log]
//
// * MIME types the app needs (application/wasm for streaming compilation, manifest+json, ...).
// * Serves the .br/.gz files written by scripts/precompress.mjs when the client accepts them, else
//   compresses wasm/js/css/html/json/svg on the fly (cached in memory per file version).
// * Cache-Control: hashed Trunk output is immutable; index.html, sw.js, the manifest and the rest
//   are `no-cache` (revalidated with ETag), so a new build is seen on the next load.
// * Unknown paths that look like app routes (no file extension, or Accept: text/html) get
//   index.html, so deep links such as /contacts/42 work on a cold load.
// * If the port is taken it picks a free one (unless --strict-port) and says so.
//
// Also a module: the e2e tests and the benchmark start it in-process on a free port:
//   const server = await startStaticServer({ root: 'dist', port: 0 }); ... await server.close();
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import http from 'node:http';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import zlib from 'node:zlib';

const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.wasm': 'application/wasm',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webp': 'image/webp',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
};
const COMPRESSIBLE = new Set(['.wasm', '.js', '.mjs', '.css', '.html', '.json', '.webmanifest', '.svg', '.txt', '.map']);
// Trunk's content hashes: cartera-1a2b3c4d5e6f7a8b_bg.wasm, main-1a2b3c4d5e6f7a8b.css
const HASHED = /-[0-9a-f]{8,16}(_bg)?\.[a-z0-9]+$/;

const brotli = promisify(zlib.brotliCompress);
const gzip = promisify(zlib.gzip);
const memo = new Map(); // `${file}|${encoding}` -> { key, body }

function negotiate(acceptEncoding = '') {
  const accepted = acceptEncoding.split(',').map((s) => s.trim().split(';')[0].toLowerCase());
  if (accepted.includes('br')) return 'br';
  if (accepted.includes('gzip')) return 'gzip';
  return null;
}

async function compressed(file, info, encoding) {
  const version = `${info.size}-${info.mtimeMs}`;
  const cacheKey = `${file}|${encoding}`;
  const cached = memo.get(cacheKey);
  if (cached && cached.version === version) return cached.body;
  const sibling = `${file}.${encoding === 'br' ? 'br' : 'gz'}`;
  let body;
  try {
    const siblingInfo = await stat(sibling);
    if (siblingInfo.mtimeMs >= info.mtimeMs) body = await readFile(sibling);
  } catch {
    // no precompressed copy: compress below
  }
  if (!body) {
    const raw = await readFile(file);
    body =
      encoding === 'br'
        ? await brotli(raw, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 5 } })
        : await gzip(raw, { level: 6 });
  }
  memo.set(cacheKey, { version, body });
  return body;
}

async function resolveFile(root, urlPath) {
  let decoded;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return null;
  }
  if (decoded.includes('\0')) return null;
  const file = path.join(root, path.normalize(decoded));
  if (file !== root && !file.startsWith(root + path.sep)) return null;
  try {
    const info = await stat(file);
    if (info.isFile()) return { file, info };
    if (info.isDirectory()) {
      const index = path.join(file, 'index.html');
      const indexInfo = await stat(index);
      if (indexInfo.isFile()) return { file: index, info: indexInfo };
    }
  } catch {
    // fall through
  }
  return null;
}

function looksLikeAppRoute(req, urlPath) {
  const last = urlPath.split('/').pop() || '';
  return !last.includes('.') || (req.headers.accept || '').includes('text/html');
}

function cacheControl(file) {
  return HASHED.test(path.basename(file)) ? 'public, max-age=31536000, immutable' : 'no-cache';
}

async function handle(root, req, res) {
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    res.writeHead(405, { Allow: 'GET, HEAD' }).end();
    return 405;
  }
  const urlPath = new URL(req.url, 'http://localhost').pathname;
  let found = await resolveFile(root, urlPath);
  if (!found && looksLikeAppRoute(req, urlPath)) found = await resolveFile(root, '/index.html');
  if (!found) {
    res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('Not found\n');
    return 404;
  }
  const { file, info } = found;
  const ext = path.extname(file).toLowerCase();
  const etag = `W/"${info.size.toString(16)}-${Math.floor(info.mtimeMs).toString(16)}"`;
  const headers = {
    'Content-Type': MIME[ext] || 'application/octet-stream',
    'Cache-Control': cacheControl(file),
    ETag: etag,
    'X-Content-Type-Options': 'nosniff',
  };
  if (COMPRESSIBLE.has(ext)) headers.Vary = 'Accept-Encoding';
  if (req.headers['if-none-match'] === etag) {
    res.writeHead(304, headers).end();
    return 304;
  }
  const encoding = COMPRESSIBLE.has(ext) ? negotiate(req.headers['accept-encoding']) : null;
  if (encoding) {
    const body = await compressed(file, info, encoding);
    headers['Content-Encoding'] = encoding;
    headers['Content-Length'] = body.length;
    res.writeHead(200, headers);
    res.end(req.method === 'HEAD' ? undefined : body);
  } else {
    headers['Content-Length'] = info.size;
    res.writeHead(200, headers);
    if (req.method === 'HEAD') res.end();
    else createReadStream(file).pipe(res);
  }
  return 200;
}

function listen(server, port, host) {
  return new Promise((resolve, reject) => {
    const onError = (err) => {
      server.off('listening', onListening);
      reject(err);
    };
    const onListening = () => {
      server.off('error', onError);
      resolve();
    };
    server.once('error', onError);
    server.once('listening', onListening);
    server.listen(port, host);
  });
}

/**
 * Starts the server. `port: 0` picks a free port. Resolves to
 * { url, port, host, root, server, close() }; `close()` also drops keep-alive connections, so a
 * test can take the server away in the middle of a page's life.
 */
export async function startStaticServer({ root = 'dist', host = '127.0.0.1', port = 0, strictPort = false, log = false } = {}) {
  const absRoot = path.resolve(root);
  const indexInfo = await stat(path.join(absRoot, 'index.html')).catch(() => null);
  if (!indexInfo) throw new Error(`${absRoot}/index.html not found: build first (bash scripts/build.sh)`);
  const server = http.createServer((req, res) => {
    handle(absRoot, req, res)
      .then((status) => {
        if (log) console.log(`${status} ${req.method} ${req.url}`);
      })
      .catch((err) => {
        console.error(`static-server: ${req.method} ${req.url}: ${err.message}`);
        if (!res.headersSent) res.writeHead(500).end();
        else res.destroy();
      });
  });
  let requestedPortBusy = false;
  try {
    await listen(server, port, host);
  } catch (err) {
    if (err.code !== 'EADDRINUSE' || strictPort) throw err;
    requestedPortBusy = true;
    await listen(server, 0, host);
  }
  const actualPort = server.address().port;
  const urlHost = host.includes(':') ? `[${host}]` : host;
  return {
    url: `http://${urlHost}:${actualPort}/`,
    port: actualPort,
    host,
    root: absRoot,
    server,
    requestedPortBusy,
    close: () =>
      new Promise((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

function parseArgs(argv) {
  const opts = { root: 'dist', host: '127.0.0.1', port: 8080, strictPort: false, log: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new Error(`${arg} needs a value`);
      return argv[++i];
    };
    if (arg === '--root') opts.root = value();
    else if (arg === '--host') opts.host = value();
    else if (arg === '--port') opts.port = Number(value());
    else if (arg === '--strict-port') opts.strictPort = true;
    else if (arg === '--log') opts.log = true;
    else throw new Error(`unknown argument ${arg}`);
  }
  if (!Number.isInteger(opts.port) || opts.port < 0 || opts.port > 65535) throw new Error('bad --port');
  return opts;
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  let server;
  try {
    server = await startStaticServer(parseArgs(process.argv.slice(2)));
  } catch (err) {
    console.error(`static-server: ${err.message}`);
    process.exit(1);
  }
  const opts = parseArgs(process.argv.slice(2));
  if (server.requestedPortBusy) console.log(`Port ${opts.port} is busy; using ${server.port} instead.`);
  console.log(`\n  Cartera is running at:  ${server.url}\n  (serving ${server.root}; Ctrl+C to stop)\n`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}
