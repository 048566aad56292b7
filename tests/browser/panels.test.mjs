// Parts of the app that load on first use, loading at the same time, in each browser engine
// (harness.mjs). The import panel and the deferred outputs (the HTTP request tab) are asked for
// together, and the test server holds back one part's files (or both) to force each order in
// which they arrive. Whatever the order, each part must start, be fed the form at once, and
// keep being fed: the HTTP request shows the form and follows a change, and the import panel
// knows the form is filled (it asks before replacing it).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, startServer, launch, openPage, ready, out, later } from './harness.mjs';

const SEED = later();

let server;
let url;
let origin;
let browser;
let delay;

before(async () => {
  ({ server, url, origin, delay } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const IMPORT = 'import-panel';
const DEFERRED = 'deferred-outputs';
/** How long the server holds back each file of a slow part (its loader, glue and wasm). */
const HOLD_MS = 600;

/** When each part's wasm arrived, from the page's Resource Timing entries. */
function arrivals(page) {
  return page.evaluate(() => {
    const at = {};
    for (const e of performance.getEntriesByType('resource')) {
      const m = /\/(import-panel|deferred-outputs)[^/]*_bg\.wasm$/.exec(e.name);
      if (m) at[m[1]] = e.responseEnd;
    }
    return at;
  });
}

const ORDERS = [
  { name: 'the deferred outputs arrive first', slow: [IMPORT], first: DEFERRED },
  { name: 'the import panel arrives first', slow: [DEFERRED], first: IMPORT },
  { name: 'both arrive together', slow: [IMPORT, DEFERRED], first: null },
];

for (const order of ORDERS) {
  test(`the import panel and the HTTP request load at once: ${order.name}`, async () => {
    for (const part of order.slow) delay(part, HOLD_MS);
    const { context, page, problems } = await openPage(browser, origin);
    try {
      await page.goto(`${url}?server-id=s-race&seed-replication-time=${SEED.iso}`);
      await ready(page);
      // Both asked for before either can have arrived.
      await page.click('details.import > summary');
      await page.click('#tab-http');
      await page.waitForSelector('#import-text', { state: 'attached' });
      await page.waitForFunction(() => document.getElementById('out-http').textContent !== '');
      const at = await arrivals(page);
      assert.ok(at[IMPORT] && at[DEFERRED], `both parts were fetched: ${JSON.stringify(at)}`);
      if (order.first) {
        const second = order.first === IMPORT ? DEFERRED : IMPORT;
        assert.ok(at[order.first] < at[second], `${order.first} arrived first: ${JSON.stringify(at)}`);
      }
      assert.match(await out(page, 'http'), /"serverId": "s-race"/);

      // The deferred outputs keep following the form.
      await page.fill('.job-form [name="description"]', 'after both loaded');
      await page.waitForFunction(() => document.getElementById('out-http').textContent.includes('after both loaded'));

      // The import panel was fed the form too: it asks before replacing a filled one.
      await page.fill('#import-text', '{"serverId": "s-imported"}');
      await page.click('#import-run');
      await page.waitForSelector('#import-replace');
      await page.click('#import-replace');
      assert.equal(await page.inputValue('.job-form [name="server-id"]'), 's-imported');
      await page.waitForFunction(() => document.getElementById('out-http').textContent.includes('"s-imported"'));
      assert.deepEqual(problems.console, [], 'console errors');
      assert.deepEqual(problems.foreign, [], 'requests to another origin');
    } finally {
      delay.clear();
      await context.close();
    }
  });
}
