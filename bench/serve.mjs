// A small static file server for the benchmark: serves fixed folders on 127.0.0.1 and
// remembers every response it sent (path, status, the bytes), so the benchmark can add up
// what a page load really fetched without trusting the browser's accounting.
//
// Files go out uncompressed for both pages alike; the benchmark compresses the recorded
// bytes itself (gzip -9 and brotli 11), which is what a static host would send.

import http from 'node:http';
import fs from 'node:fs/promises';
import path from 'node:path';
import crypto from 'node:crypto';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.yaml': 'text/plain; charset=utf-8',
};

/**
 * Starts a server. `mounts` maps a URL prefix ending in `/` to a folder, or an exact URL path
 * to a file; the longest matching prefix wins and `/` ending paths serve `index.html`.
 * Every response carries COOP/COEP headers so pages are cross-origin isolated, which gives
 * `performance.now()` 5 µs resolution instead of 100 µs (both pages get the same headers;
 * neither loads anything from another origin).
 *
 * Responses carry `Cache-Control: no-store` unless `cacheControl` says otherwise: every load
 * of the first-load figures fetches every byte. The switching figures need what a static host
 * sends instead, so that a page's files are in the browser's cache the second time it is
 * opened: with any other `cacheControl` every file also gets an `ETag`, and a request that
 * names it (`If-None-Match`) is answered `304 Not Modified` with no body. `no-cache` is what
 * docs/deploy.md asks of hosts for the files whose names do not change between builds.
 */
export async function startServer(mounts, { cacheControl = 'no-store' } = {}) {
  const entries = Object.entries(mounts).sort((a, b) => b[0].length - a[0].length);
  const log = [];
  const etags = new Map();

  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, 'http://127.0.0.1');
    let pathname;
    try {
      pathname = decodeURIComponent(url.pathname);
    } catch {
      pathname = '';
    }
    const file = resolve(entries, pathname);
    let body = null;
    if (file) {
      try {
        body = await fs.readFile(file);
      } catch {
        body = null;
      }
    }
    const headers = {
      'Cross-Origin-Opener-Policy': 'same-origin',
      'Cross-Origin-Embedder-Policy': 'require-corp',
      'Cache-Control': cacheControl,
    };
    if (body === null) {
      res.writeHead(404, { ...headers, 'Content-Type': 'text/plain' });
      res.end('not found');
      log.push({ path: url.pathname, status: 404, body: Buffer.alloc(0) });
      return;
    }
    const type = TYPES[path.extname(file).toLowerCase()] ?? 'application/octet-stream';
    if (cacheControl !== 'no-store') {
      // Hashed once per file (the served folders do not change during a run), as a host would.
      if (!etags.has(file)) etags.set(file, `"${crypto.createHash('sha1').update(body).digest('hex')}"`);
      headers.ETag = etags.get(file);
      if (req.headers['if-none-match'] === headers.ETag) {
        res.writeHead(304, headers);
        res.end();
        log.push({ path: url.pathname, status: 304, body: Buffer.alloc(0) });
        return;
      }
    }
    res.writeHead(200, { ...headers, 'Content-Type': type, 'Content-Length': body.length });
    res.end(req.method === 'HEAD' ? undefined : body);
    log.push({ path: url.pathname, status: 200, body });
  });

  await new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(0, '127.0.0.1', ok);
  });
  const { port } = server.address();
  return {
    origin: `http://127.0.0.1:${port}`,
    /** Everything served since the last `takeLog`, oldest first; clears the record. */
    takeLog() {
      return log.splice(0, log.length);
    },
    close() {
      server.closeAllConnections();
      return new Promise((ok) => server.close(ok));
    },
  };
}

/** Maps a URL path to a file under one of the mounts, refusing to climb out of it. */
function resolve(entries, pathname) {
  for (const [prefix, target] of entries) {
    if (!prefix.endsWith('/')) {
      if (pathname === prefix) return target;
      continue;
    }
    if (!pathname.startsWith(prefix)) continue;
    let rest = pathname.slice(prefix.length);
    if (rest === '' || rest.endsWith('/')) rest += 'index.html';
    const full = path.resolve(target, rest);
    if (full !== target && !full.startsWith(target + path.sep)) return null;
    return full;
  }
  return null;
}
