// Every golden case of the core (tests/golden/*/form.txt and its expected outputs) through the
// real app in each browser engine (harness.mjs): the form is filled by typing (where the values
// can be typed) and, separately, through a share link; every output element must hold exactly
// the golden text, for every shell and style of the command and every language of the SDK
// program. Then the SDK code tab as a user meets it: the language choice, its share-link key,
// copy and download.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import fsp from 'node:fs/promises';
import { test, ENGINE, root, startServer, launch, openPage, ready, out, showOutput, chromiumOnly } from './harness.mjs';

const goldenDir = path.join(root, 'tests/golden');
const SHELLS = ['bash', 'powershell', 'cmd'];
const STYLES = ['multiline', 'oneline', 'json-file', 'yaml-file'];
const SDKS = ['python', 'javascript', 'rust'];
/** The outputs whose text depends only on the form (the command is checked per shell/style). */
const OUTPUTS = ['json', 'yaml', 'http', 'http-body', 'skeleton-input', 'skeleton-yaml-input', 'skeleton-output'];
/** The outputs written by a wasm the page loads when one of them is first shown. */
const ON_FIRST_SHOW = new Set(['http', 'skeleton-input', 'skeleton-yaml-input', 'skeleton-output', 'sdk']);

/** Reads form.txt the way tests/golden.rs does: flag=value lines with \n, \t, \r, \\, \u{…}. */
function readForm(text) {
  const pairs = [];
  for (const line of text.split('\n')) {
    if (line === '' || line.startsWith('#')) continue;
    const at = line.indexOf('=');
    const value = line
      .slice(at + 1)
      .replace(/\\(n|t|r|\\|u\{([0-9a-fA-F]+)\})/g, (_, c, hex) =>
        hex ? String.fromCodePoint(parseInt(hex, 16)) : { n: '\n', t: '\t', r: '\r', '\\': '\\' }[c],
      );
    pairs.push([line.slice(0, at), value]);
  }
  return pairs;
}

function golden(caseName, file) {
  return fs.readFileSync(path.join(goldenDir, caseName, file), 'utf8');
}

const cases = fs
  .readdirSync(goldenDir)
  .filter((d) => fs.existsSync(path.join(goldenDir, d, 'form.txt')))
  .sort();

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

/** Compares every output of the page with the golden files of a case. */
async function checkAllOutputs(page, caseName) {
  for (const id of OUTPUTS) {
    if (ON_FIRST_SHOW.has(id)) await showOutput(page, id);
    assert.equal(await out(page, id), golden(caseName, `${id}.txt`), `${caseName}: #out-${id}`);
  }
  await showOutput(page, 'sdk');
  for (const sdk of SDKS) {
    await page.selectOption('select[name=sdk]', sdk);
    assert.equal(await out(page, 'sdk'), golden(caseName, `sdk.${sdk}.txt`), `${caseName}: #out-sdk for ${sdk}`);
  }
  await page.click('#tab-cli');
  for (const shell of SHELLS) {
    await page.selectOption('select[name=shell]', shell);
    for (const style of STYLES) {
      await page.selectOption('select[name=style]', style);
      assert.equal(
        await out(page, 'cli'),
        golden(caseName, `cli.${shell}.${style}.txt`),
        `${caseName}: #out-cli for ${shell} ${style}`,
      );
    }
  }
}

test('there are golden cases to check', () => {
  assert.ok(cases.length >= 10, `only ${cases.length} golden cases`);
});

/** Fills the form as a user does: types into text fields, clicks radios, checkboxes, selects. */
async function typeForm(page, pairs) {
  // The global options start collapsed on an empty form.
  if ((await page.getAttribute('details.global', 'open')) === null) await page.click('details.global > summary');
  for (const [flag, value] of pairs) {
    const control = page.locator(`.job-form [name="${flag}"]`).first();
    const tag = await control.evaluate((el) => `${el.tagName}:${el.type}`);
    if (tag === 'INPUT:text') {
      await control.click();
      await control.pressSequentially(value);
    } else if (tag === 'INPUT:radio') {
      await page.check(`.job-form input[name="${flag}"][value="${value}"]`);
    } else if (tag === 'INPUT:checkbox') {
      assert.equal(value, 'true');
      await control.check();
    } else {
      await control.selectOption(value);
    }
  }
}

/** What each named control shows (the checked radio's value, a checkbox as true/false). */
function shownValue(page, flag) {
  return page.evaluate((f) => {
    const controls = [...document.querySelectorAll(`.job-form [name="${f}"]`)];
    const c = controls.find((e) => e.type !== 'radio' || e.checked);
    if (!c) return null;
    return c.type === 'checkbox' ? String(c.checked) : c.value;
  }, flag);
}

// A tab or line break cannot be typed into a one-line field (Tab moves the focus), so those
// cases are covered by the share-link tests below only.
const typable = cases.filter((c) => readForm(golden(c, 'form.txt')).every(([, v]) => !/[\n\r\t]/.test(v)));

test('most golden cases can be typed, and every parameter is typed in at least one', () => {
  assert.ok(typable.includes('02-everything'));
  const typed = new Set(typable.flatMap((c) => readForm(golden(c, 'form.txt')).map(([flag]) => flag)));
  for (const flag of ['server-id', 'seed-replication-time', 'frequency', 'run-once', 'license-type', 'role-name',
    'description', 'number-of-recent-amis-to-keep', 'encrypted', 'kms-key-id', 'region', 'profile', 'output',
    'endpoint-url', 'query', 'debug', 'no-cli-pager', 'cli-read-timeout', 'cli-connect-timeout']) {
    assert.ok(typed.has(flag), `no typed case sets ${flag}`);
  }
});

for (const caseName of typable) {
  test(`typing golden case ${caseName} gives its outputs`, async () => {
    const pairs = readForm(golden(caseName, 'form.txt'));
    const { context, page, problems } = await openPage(browser, origin);
    await page.goto(url);
    await ready(page);
    await typeForm(page, pairs);
    for (const [flag, value] of pairs) {
      assert.equal(await shownValue(page, flag), value, `control ${flag}`);
    }
    if (caseName === '02-everything') {
      // The JSON documents parse and carry the typed values.
      const body = JSON.parse(await out(page, 'http-body'));
      assert.equal(body.serverId, 's-12345678');
      assert.equal(body.seedReplicationTime, Date.parse('2026-11-25T10:00:00Z') / 1000);
      assert.equal(body.runOnce, false);
      assert.equal(JSON.parse(await out(page, 'json')).seedReplicationTime, '2026-11-25T10:00:00Z');
    }
    await checkAllOutputs(page, caseName);
    assert.deepEqual(problems, { console: [], foreign: [] });
    await context.close();
  });
}

for (const caseName of cases) {
  test(`share link of golden case ${caseName} gives its outputs`, async () => {
    const pairs = readForm(golden(caseName, 'form.txt'));
    const query = pairs.map(([k, v]) => `${k}=${encodeURIComponent(v)}`).join('&');
    const { context, page, problems } = await openPage(browser, origin);
    await page.goto(`${url}?${query}`);
    await ready(page);
    await checkAllOutputs(page, caseName);
    assert.deepEqual(problems, { console: [], foreign: [] });
    await context.close();
  });
}

/** The page's query string as key → value. */
function queryOf(page) {
  return Object.fromEntries(new URL(page.url()).searchParams);
}

/** Downloads and the clipboard are checked where Playwright can read them: in Chromium. */
const CHROMIUM = ENGINE === 'chromium';

/** Clicks the SDK panel's download button; returns the file's name and text. */
async function download(page) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.click('#panel-sdk button.download')]);
  return { name: file.suggestedFilename(), text: await fsp.readFile(await file.path(), 'utf8') };
}

test('the SDK code tab: language choice, share-link key, copy and download (those two in Chromium)', async () => {
  // Two days from now, with a fraction of a second that the CLI (and every program) drops.
  const second = Math.floor(Date.now() / 1000) + 2 * 86400;
  const whole = new Date(second * 1000).toISOString().replace('.000Z', 'Z');
  const typed = whole.replace('Z', '.999Z');
  const { context, page, problems } = await openPage(
    browser,
    origin,
    CHROMIUM ? { acceptDownloads: true, permissions: ['clipboard-read', 'clipboard-write'] } : {},
  );
  await page.goto(`${url}?server-id=s-1%22%3B%20x&seed-replication-time=${typed}&frequency=12&sdk=rust`);
  await ready(page);
  await showOutput(page, 'sdk');
  assert.equal(await page.getAttribute('#tab-sdk', 'aria-selected'), 'true');
  assert.equal(await page.inputValue('#opt-sdk'), 'rust');
  assert.equal(JSON.parse(await out(page, 'http-body')).seedReplicationTime, second);

  const rust = await out(page, 'sdk');
  assert.ok(rust.startsWith('//! Creates'), rust);
  assert.ok(rust.includes('.server_id("s-1\\"; x")'), rust);
  assert.ok(rust.includes(`.seed_replication_time(DateTime::from_secs(${second})) // ${whole}`), rust);
  assert.ok(rust.includes('aws-sdk-sms = "1.82.0"'), 'the Cargo.toml lines are shown with it');
  assert.equal(await page.textContent('#panel-sdk .file-name'), 'main.rs');
  if (CHROMIUM) assert.deepEqual(await download(page), { name: 'main.rs', text: rust });

  await page.selectOption('#opt-sdk', 'javascript');
  assert.equal(queryOf(page).sdk, 'javascript');
  const js = await out(page, 'sdk');
  assert.ok(js.includes(`seedReplicationTime: new Date("${whole}"), // ${second} s since 1970`), js);
  assert.ok(js.includes('serverId: "s-1\\"; x",'), js);
  assert.ok(js.includes('frequency: 12,'), js);
  assert.equal(await page.textContent('#panel-sdk .file-name'), 'create-replication-job.mjs');
  if (CHROMIUM) assert.deepEqual(await download(page), { name: 'create-replication-job.mjs', text: js });
  if (CHROMIUM) {
    await page.click('#panel-sdk button.copy');
    await page.waitForFunction(() => document.querySelector('.status').textContent.includes('SDK code'));
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), js);
  }

  await page.selectOption('#opt-sdk', 'python');
  assert.equal(queryOf(page).sdk, undefined, 'python is the default and leaves the link');
  const py = await out(page, 'sdk');
  const d = new Date(second * 1000);
  const parts = [d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate(), d.getUTCHours(), d.getUTCMinutes(), d.getUTCSeconds()];
  assert.ok(py.includes(`seedReplicationTime=datetime.datetime(${parts.join(', ')}, tzinfo=datetime.timezone.utc)`), py);
  assert.ok(py.includes('serverId="s-1\\"; x",'), py);
  if (CHROMIUM) assert.deepEqual(await download(page), { name: 'create_replication_job.py', text: py });

  // The choice survives a reload through the link, like the shell and style.
  await page.selectOption('#opt-sdk', 'rust');
  await page.reload();
  await ready(page);
  assert.equal(await page.inputValue('#opt-sdk'), 'rust');
  await showOutput(page, 'sdk');
  assert.equal(await out(page, 'sdk'), rust);
  assert.deepEqual(problems, { console: [], foreign: [] });
  await context.close();
});

const DEFERRED_FILE = /\/deferred-outputs[^/]*$/;

test('the SDK code is loaded when its tab is first shown, and follows the form from then on', async () => {
  const { context, page, problems } = await openPage(browser, origin);
  await page.goto(`${url}?server-id=s-lazy&frequency=12`);
  await ready(page);
  const loaded = () =>
    page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname.split('/').pop()));
  const deferred = async () => (await loaded()).filter((f) => f.startsWith('deferred-outputs')).sort();
  // Before the tab is shown nothing of it is fetched, and its panel says it is not there yet.
  await page.fill('#f-description', 'typed before');
  assert.deepEqual(await deferred(), []);
  assert.equal(await out(page, 'sdk'), '');
  assert.match(await page.textContent('#panel-sdk .notes'), /Loading the SDK code…/);
  await showOutput(page, 'sdk');
  assert.deepEqual(await deferred(), ['deferred-outputs.js', 'deferred-outputs_bg.wasm', 'deferred-outputs_loader.js']);
  assert.equal(await page.textContent('#panel-sdk .notes'), '', 'the loading note is gone');
  const py = await out(page, 'sdk');
  assert.ok(py.includes('serverId="s-lazy",') && py.includes('description="typed before",'), py);
  // Every later change reaches it, as it reaches the outputs the page writes itself.
  await page.fill('#f-description', 'typed after');
  await page.waitForFunction(() => document.getElementById('out-sdk').textContent.includes('"typed after"'));
  await page.click('#tab-cli');
  await page.fill('#f-frequency', '24');
  await page.click('#tab-sdk');
  assert.ok((await out(page, 'sdk')).includes('frequency=24,'));
  assert.equal((await deferred()).length, 3, 'loaded once');
  assert.deepEqual(problems, { console: [], foreign: [] });
  await context.close();
});

test('SDK code whose renderer cannot be fetched says so in its panel; the rest of the app works', chromiumOnly('request interception'), async () => {
  const { context, page, problems } = await openPage(browser, origin, { permissions: ['clipboard-read', 'clipboard-write'] });
  await context.route(DEFERRED_FILE, (route) => route.abort());
  await page.goto(`${url}?server-id=s-offline`);
  await ready(page);
  await page.click('#tab-sdk');
  await page.waitForFunction(() => document.querySelector('#panel-sdk .notes').textContent.includes('cannot be shown'));
  assert.match(
    await page.textContent('#panel-sdk .notes'),
    /The SDK code cannot be shown: its code could not be fetched\. Reload the page to try again\. The other outputs are not affected\./,
  );
  assert.equal(await out(page, 'sdk'), '');
  // Copy hands out nothing empty; it says why.
  await page.click('#panel-sdk button.copy');
  await page.waitForFunction(() => document.querySelector('.status').textContent.includes('not written yet'));
  await page.fill('#f-description', 'still works');
  assert.match(await out(page, 'http-body'), /"description": "still works"/);
  assert.deepEqual(problems.console.filter((m) => !/deferred-outputs|Failed to load|ERR_FAILED/i.test(m)), []);
  assert.deepEqual(problems.foreign, []);
  await context.close();
});
