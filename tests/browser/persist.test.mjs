// The address bar and the saved draft are written off the keystroke path (a moment after
// typing pauses, and at once when the page is hidden or left). These tests take the page's
// timers into their own hands (Playwright's clock), so "right after typing" is exact: no timer
// can fire until a test lets time pass. They prove that nothing typed is lost on a reload or a
// close, that the address bar catches up, and that a link opened in the same tab still wins.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, chromiumOnly, startServer, launch, openPage, ready, out } from './harness.mjs';

/** Every test here sets the page's clock by hand; app.test.mjs checks the draft everywhere. */
const CLOCK = chromiumOnly("a fake clock (Playwright's page.clock)");

let server;
let url;
let origin;
let browser;

before(async () => {
  ({ server, url, origin } = await startServer());
  browser = await launch();
});

after(async () => {
  await browser?.close();
  server?.close();
});

const field = (flag) => `.job-form [name="${flag}"]`;

/** Opens the app with frozen timers, runs `body(page, context)`, then checks the page stayed clean. */
async function withFrozenTimers(query, body) {
  const { context, page, problems } = await openPage(browser, origin);
  try {
    await page.clock.install();
    await page.goto(url + query);
    await ready(page);
    // Let the start-up write (if any) happen, so the address is settled before typing.
    await page.clock.runFor(2000);
    await body(page, context);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.foreign, [], 'requests to another origin');
  } finally {
    await context.close();
  }
}

async function typeInto(page, flag, text) {
  await page.locator(field(flag)).pressSequentially(text);
}

const query = (page) => new URL(page.url()).search;
const draft = (page) => page.evaluate(() => localStorage.getItem('sms-job-builder/draft'));

test('typing writes the address bar and the draft only once typing pauses', CLOCK, async () => {
  await withFrozenTimers('', async (page) => {
    await typeInto(page, 'server-id', 's-1234');
    // The outputs follow every keystroke at once ...
    assert.match(await out(page, 'json'), /"serverId": "s-1234"/);
    // ... the address bar and the draft wait for a pause.
    assert.equal(query(page), '');
    assert.equal(await draft(page), null);
    await page.clock.runFor(1000);
    assert.equal(query(page), '?server-id=s-1234');
    assert.equal(await draft(page), 'server-id=s-1234');
  });
});

test('a reload right after typing restores what was typed, and the address bar catches up', CLOCK, async () => {
  await withFrozenTimers('', async (page) => {
    await typeInto(page, 'server-id', 's-1');
    await page.clock.runFor(1000);
    assert.equal(query(page), '?server-id=s-1');
    // Typed after the last write; reloaded before the next one.
    await typeInto(page, 'server-id', '234');
    await typeInto(page, 'description', 'nightly & weekly');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(field('server-id')), 's-1234');
    assert.equal(await page.inputValue(field('description')), 'nightly & weekly');
    const body = JSON.parse(await out(page, 'http-body'));
    assert.equal(body.serverId, 's-1234');
    assert.equal(body.description, 'nightly & weekly');
    await page.clock.runFor(1000);
    assert.equal(query(page), '?server-id=s-1234&description=nightly%20%26%20weekly');
    assert.equal(await draft(page), 'server-id=s-1234&description=nightly%20%26%20weekly');
  });
});

test('a page opened from a link keeps edits made just before a reload', CLOCK, async () => {
  await withFrozenTimers('?server-id=s-link&frequency=12', async (page) => {
    assert.match(await page.textContent('#restored'), /share link/);
    await page.fill(field('frequency'), '');
    await typeInto(page, 'frequency', '6');
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(field('server-id')), 's-link');
    assert.equal(await page.inputValue(field('frequency')), '6');
    await page.clock.runFor(1000);
    assert.equal(query(page), '?server-id=s-link&frequency=6');
    // Once the address shows the form, a reload is a plain link again.
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(field('frequency')), '6');
    assert.match(await page.textContent('#restored'), /share link/);
  });
});

test('another link opened in the same tab wins over what the tab typed', CLOCK, async () => {
  await withFrozenTimers('', async (page) => {
    await typeInto(page, 'server-id', 's-typed');
    await page.goto(`${url}?server-id=s-other`);
    await ready(page);
    assert.equal(await page.inputValue(field('server-id')), 's-other');
    assert.match(await page.textContent('#restored'), /share link/);
  });
});

test('closing the page right after typing keeps the draft for the next visit', CLOCK, async () => {
  const { context, page } = await openPage(browser, origin);
  try {
    await page.clock.install();
    await page.goto(url);
    await ready(page);
    await typeInto(page, 'server-id', 's-closed');
    assert.equal(await draft(page), null);
    await page.close({ runBeforeUnload: true });
    const next = await context.newPage();
    await next.goto(url);
    await ready(next);
    assert.equal(await next.inputValue(field('server-id')), 's-closed');
    assert.match(await next.textContent('#restored'), /draft/);
  } finally {
    await context.close();
  }
});

test('the share link button copies what was just typed', CLOCK, async () => {
  const { context, page, problems } = await openPage(browser, origin, {
    permissions: ['clipboard-read', 'clipboard-write'],
  });
  try {
    await page.clock.install();
    await page.goto(url);
    await ready(page);
    await typeInto(page, 'server-id', 's-copied');
    await page.click('#copy-link');
    await page.waitForFunction(() => document.querySelector('.status').textContent.includes('share link'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), `${url}?server-id=s-copied`);
    assert.equal(query(page), '?server-id=s-copied');
    assert.deepEqual(problems.console, [], 'console errors');
  } finally {
    await context.close();
  }
});
