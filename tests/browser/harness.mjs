// Shared set-up for the app's browser tests: a tiny static server that serves dist/ under a
// sub-path (proving relative URLs), the browser engine under test, and a page wrapper that
// records console errors and every request to another origin.
//
// SMSJB_ENGINE picks the engine (scripts/test.sh runs the suite once per engine):
//   chromium (default)  system Chromium driven by Playwright (playwright-core, no download)
//   firefox             Firefox ESR through geckodriver, headless
//   webkit              WebKitGTK's MiniBrowser through WebKitWebDriver, under xvfb-run
// For Firefox and WebKit, webdriver.mjs gives the tests the same page API over WebDriver. Tests
// that need a facility only Playwright's Chromium has say so with `chromiumOnly(why)`, and every
// test name starts with the engine, so a failure names it.

import { test as nodeTest } from 'node:test';
import http from 'node:http';
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, '../..');
export const dist = process.env.SMSJB_DIST || path.join(root, 'dist');
/** Where the app is mounted on the test server. */
export const SUB_PATH = '/tools/sms/';

const { chromium } = createRequire(path.join(here, 'package.json'))('playwright-core');

export const ENGINE = process.env.SMSJB_ENGINE || 'chromium';
if (!['chromium', 'firefox', 'webkit'].includes(ENGINE)) {
  throw new Error(`SMSJB_ENGINE=${ENGINE}: expected chromium, firefox or webkit`);
}

/** node:test's `test`, with the engine in front of every name: "[webkit] the draft survives…". */
export function test(name, options, fn) {
  return nodeTest(`[${ENGINE}] ${name}`, options, fn);
}

/** Test options that skip the test outside Chromium, saying why (one line in the report). */
export function chromiumOnly(why) {
  return ENGINE === 'chromium' ? {} : { skip: `needs ${why}, which only Playwright's Chromium has` };
}

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.wasm': 'application/wasm',
  '.css': 'text/css',
  '.json': 'application/json',
};

/**
 * Serves dist/ under SUB_PATH on 127.0.0.1 and a free port; everything else is a 404.
 * `delay(prefix, ms)` holds back every file whose name starts with `prefix` (a part's loader,
 * glue and wasm share it) by `ms` milliseconds from then on, to force the order in which parts
 * of the app arrive; `delay.clear()` serves everything at once again.
 */
export async function startServer() {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    throw new Error(`${dist}/index.html is missing: run scripts/build.sh first`);
  }
  const delays = new Map();
  const delay = (prefix, ms) => delays.set(prefix, ms);
  delay.clear = () => delays.clear();
  const server = http.createServer((req, res) => {
    const name = path.posix.basename(new URL(req.url, 'http://x').pathname);
    const held = [...delays].find(([prefix]) => name.startsWith(prefix));
    if (held) setTimeout(() => serve(req, res), held[1]);
    else serve(req, res);
  });
  const serve = (req, res) => {
    const url = new URL(req.url, 'http://x');
    if (url.pathname === '/__viewport.html') {
      // A page holding the app in a frame of an exact size, for WebDriver engines whose window
      // cannot be made as narrow as a phone (see webdriver.mjs).
      const q = url.searchParams;
      const attr = (v) => String(v).replace(/[&"<>]/g, (c) => `&#${c.charCodeAt(0)};`);
      res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' });
      res.end(
        `<!doctype html><html><body style="margin:0"><iframe src="${attr(q.get('src'))}" ` +
          `style="border:0;display:block;width:${Number(q.get('w'))}px;height:${Number(q.get('h'))}px"></iframe></body></html>`,
      );
      return;
    }
    if (!url.pathname.startsWith(SUB_PATH)) {
      res.writeHead(404).end('not here');
      return;
    }
    let rel = decodeURIComponent(url.pathname.slice(SUB_PATH.length)) || 'index.html';
    const file = path.resolve(dist, rel);
    if (!file.startsWith(path.resolve(dist)) || !fs.existsSync(file) || fs.statSync(file).isDirectory()) {
      res.writeHead(404).end('not found');
      return;
    }
    res.writeHead(200, {
      'content-type': TYPES[path.extname(file)] || 'application/octet-stream',
      'cache-control': 'no-store',
    });
    fs.createReadStream(file).pipe(res);
  };
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address();
  return { server, delay, origin: `http://127.0.0.1:${port}`, url: `http://127.0.0.1:${port}${SUB_PATH}` };
}

export async function launch() {
  if (ENGINE !== 'chromium') {
    const { WebDriverBrowser } = await import('./webdriver.mjs');
    return new WebDriverBrowser(ENGINE);
  }
  return chromium.launch({
    executablePath: process.env.SMSJB_CHROMIUM || '/usr/bin/chromium',
    headless: true,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}

/**
 * Opens a fresh context and page, recording console errors, page errors and requests that
 * leave the test server's origin. `options` go to browser.newContext.
 */
export async function openPage(browser, origin, options = {}) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const problems = { console: [], foreign: [] };
  page.on('console', (msg) => {
    if (msg.type() === 'error') problems.console.push(msg.text());
  });
  page.on('pageerror', (err) => problems.console.push(String(err)));
  page.on('request', (req) => {
    const u = req.url();
    if (!u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('blob:')) {
      problems.foreign.push(u);
    }
  });
  return { context, page, problems };
}

/**
 * A seed time `days` from now (default a week, so the form has no warning about it) at
 * `hour`:00 UTC, in the forms the tests type, with its epoch seconds. Tests never write a
 * calendar date: one that is in the future today is in the past some day.
 */
export function later(days = 7, hour = 9) {
  const t = new Date(Date.now() + days * 86400e3);
  t.setUTCHours(hour, 0, 0, 0);
  const day = t.toISOString().slice(0, 10);
  const hh = String(hour).padStart(2, '0');
  return { day, iso: `${day}T${hh}:00:00Z`, spaced: `${day} ${hh}:00`, epoch: t.getTime() / 1000 };
}

/** Waits until the app has mounted (its outputs are in the DOM). */
export async function ready(page) {
  await page.waitForSelector('#out-cli', { state: 'attached' });
}

/**
 * Shows an output's tab and waits until the output has text: the SDK code is written by a wasm
 * of its own that the page loads the first time its tab is shown.
 */
export async function showOutput(page, id) {
  await page.click(`#tab-${id}`);
  await page.waitForFunction((id) => document.getElementById(`out-${id}`).textContent !== '', id);
}

/** The exact text content of an output. */
export function out(page, id) {
  return page.$eval(`#out-${id}`, (el) => el.textContent);
}
