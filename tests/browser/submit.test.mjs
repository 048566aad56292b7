// Sending through a configured proxy (issue 4), end to end in each browser engine (harness.mjs).
//
// tests/support/fake_proxy.py stands in for the deployer's web server and signing proxy: it
// serves dist/ and a config.json set per test on one origin, answers POST /aws/sms/ as each test
// scripts it, and records every request it receives. The tests drive the app's send panel and
// check what the user sees and what the proxy got: the exact bytes of the app's HTTP body, the
// same bytes the real AWS CLI v1 sends for the same form, and exactly one request per confirm.
//
// Needs dist/ (scripts/build.sh) or SMSJB_DIST, the engine's browser (harness.mjs), python3,
// npm ci here, and the AWS CLI venv that scripts/setup.sh creates (SMSJB_AWS overrides it).

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { spawn, execFile } from 'node:child_process';
import { createInterface } from 'node:readline';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { test, chromiumOnly, ENGINE, launch, showOutput } from './harness.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(here, '../..');
const dist = process.env.SMSJB_DIST || path.join(root, 'dist');
const cache = process.env.SMSJB_CACHE || path.join(os.homedir(), '.cache/sms-job-builder');
const awsCli = process.env.SMSJB_AWS || path.join(cache, 'awscli-1.42.30/bin/aws');
const reference = process.env.SMSJB_REFERENCE_DIR || path.join(root, '../shared/reference');

let proxy;
let base;
let browser;

before(async () => {
  proxy = spawn('python3', [path.join(root, 'tests/support/fake_proxy.py'), dist, '600'], {
    stdio: ['pipe', 'pipe', 'inherit'],
  });
  const firstLine = await new Promise((resolve, reject) => {
    createInterface({ input: proxy.stdout }).once('line', resolve);
    proxy.once('exit', (code) => reject(new Error(`fake proxy exited with ${code}`)));
  });
  base = `http://127.0.0.1:${Number(firstLine)}`;
  browser = await launch();
});

after(async () => {
  await browser?.close();
  proxy?.stdin.end();
});

// ---- the fake proxy's controls ----------------------------------------------------------------

async function control(method, what, body) {
  const response = await fetch(`${base}/__fake/${what}`, { method, body });
  assert.ok(response.ok, `${method} /__fake/${what}: ${response.status}`);
  return response;
}

/** Serves `config` as config.json: an object (as JSON), raw text, or null for a 404. */
async function setConfig(config) {
  if (config === null) return control('DELETE', 'config');
  return control('PUT', 'config', typeof config === 'string' ? config : JSON.stringify(config));
}

const setScript = (script) => control('PUT', 'script', JSON.stringify(script));

/** Requests the proxy received at `prefix`, bodies decoded to Buffers. */
async function received(prefix = '/aws/sms/') {
  const all = await (await control('GET', 'requests')).json();
  return all
    .filter((r) => r.path.startsWith(prefix))
    .map((r) => ({ ...r, body: Buffer.from(r.body_b64, 'base64') }));
}

const forget = () => control('DELETE', 'requests');

function header(request, name) {
  const found = request.headers.find(([n]) => n.toLowerCase() === name.toLowerCase());
  return found?.[1];
}

// ---- the app ----------------------------------------------------------------------------------

const PROXY_CONFIG = {
  proxy: { url: './aws/sms/', label: 'test account, us-east-1', timeoutSeconds: 20 },
};

/** A seed time five days from now, whole hours, so the form has no warning about it. */
function seedTime() {
  const t = new Date(Date.now() + 5 * 86400e3);
  t.setUTCMinutes(0, 0, 0);
  return t.toISOString().replace('.000Z', 'Z');
}

async function openApp(config, t, query = '') {
  await setConfig(config);
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  page.requested = [];
  page.on('request', (r) => page.requested.push(new URL(r.url()).pathname));
  page.finished = [];
  page.on('requestfinished', (r) => page.finished.push(new URL(r.url()).pathname));
  t.after(async () => {
    await page.close();
    assert.deepEqual(errors, [], 'no uncaught errors in the page');
  });
  await page.goto(`${base}/${query}`);
  await page.waitForSelector('#submit-status, #submit-send');
  return page;
}

/** The send panel's own code: none of it is part of the first load. */
const panelFiles = (page) => page.requested.filter((p) => p.includes('send-panel'));

/** With a config.json, the page offers "Send…"; the first click loads the send panel. */
async function openPanel(page) {
  await page.locator('#submit-status[data-state="configured"]').waitFor();
  assert.deepEqual(panelFiles(page), [], 'the panel is not loaded before the first click');
  await page.click('#submit-send');
  await page.locator('#submit-status[data-state="configured"]').waitFor({ state: 'detached' });
}

async function fillValid(page, extra = {}) {
  await page.fill('#f-server-id', 's-12345678');
  await page.fill('#f-seed-replication-time', seedTime());
  for (const [id, value] of Object.entries(extra)) await page.fill(`#f-${id}`, value);
}

/** Opens the confirmation, checks it shows the app's own request, confirms, waits for the end. */
async function sendAndWait(page) {
  await page.click('#submit-send');
  await page.waitForSelector('#submit-confirm:enabled');
  const preview = await page.textContent('#submit-preview');
  await showOutput(page, 'http');
  const shown = await page.textContent('#out-http');
  assert.ok(preview.startsWith(`POST ${base}/aws/sms/\n`), preview);
  assert.ok(preview.endsWith(shown), 'the preview holds the request of the HTTP tab');
  await page.click('#submit-confirm');
  return outcome(page);
}

async function outcome(page) {
  await page.waitForSelector('#submit-outcome');
  return page.$eval('#submit-outcome', (el) => ({
    tone: el.dataset.tone,
    title: el.querySelector('.outcome-title').textContent,
    text: el.querySelector('.outcome-text').textContent,
  }));
}

/** Sends again from an outcome, through the warned "send again" path. */
async function sendAgain(page) {
  await page.click('#submit-again');
  await page.waitForSelector('#submit-again-warning');
  await page.waitForSelector('#submit-confirm:enabled');
  await page.click('#submit-confirm');
  await page.waitForSelector('#submit-progress, #submit-outcome');
  return outcome(page);
}

// ---- configuration ----------------------------------------------------------------------------

test('the config.json that ships in dist/ turns sending off at once, and the rest works', async (t) => {
  const page = await openApp(fs.readFileSync(path.join(dist, 'config.json'), 'utf8'), t);
  const status = page.locator('#submit-status[data-state="off"]');
  await status.waitFor();
  const text = await status.textContent();
  assert.match(text, /config\.json has no "proxy"/);
  assert.match(text, /docs\/deploy\.md/);
  assert.equal(await page.locator('#submit-send').count(), 0);
  await fillValid(page);
  assert.match(await page.textContent('#out-http-body'), /"serverId": "s-12345678"/);
  assert.deepEqual(panelFiles(page), [], 'the panel is never loaded when sending is off');
});

test('a deployer who deleted config.json gets sending off too, saying the file is missing', async (t) => {
  const page = await openApp(null, t);
  const status = page.locator('#submit-status[data-state="off"]');
  await status.waitFor();
  const text = await status.textContent();
  assert.match(text, /no config\.json/);
  assert.match(text, /docs\/deploy\.md/);
  assert.equal(await page.locator('#submit-send').count(), 0);
  await fillValid(page);
  assert.match(await page.textContent('#out-http-body'), /"serverId": "s-12345678"/);
  assert.deepEqual(panelFiles(page), []);
});

test('the look at config.json finishes its request, with or without a proxy or the file', async (t) => {
  for (const config of [null, { proxy: null }, { proxy: { url: './aws/sms/' } }]) {
    const page = await openApp(config, t);
    // An unread body would leave the request open for as long as the page lives. (Firefox and
    // WebKit report a request to the test once its Resource Timing entry exists, which a fetch
    // gets when its response has ended: see webdriver.mjs.)
    const deadline = Date.now() + 5000;
    while (!page.finished.includes('/config.json') && Date.now() < deadline) await page.waitForTimeout(50);
    assert.ok(page.finished.includes('/config.json'), `config.json ${JSON.stringify(config)}: the request finished`);
  }
});

test('a config without "proxy" turns sending off the same way, without loading the panel', async (t) => {
  const page = await openApp({}, t);
  await page.locator('#submit-status[data-state="off"]').waitFor();
  assert.match(await page.textContent('#submit-status'), /no "proxy"/);
  assert.equal(await page.locator('#submit-send').count(), 0);
  assert.deepEqual(panelFiles(page), []);
});

test('a malformed config is reported with its place; the app still works', async (t) => {
  const page = await openApp('{"proxy": {"url": "./aws/sms/",}}', t);
  await openPanel(page);
  const status = page.locator('#submit-status[data-state="broken"]');
  await status.waitFor();
  assert.match(await status.textContent(), /config\.json: line 1, column \d+/);
  assert.equal(await page.locator('#submit-send').count(), 0);
  await fillValid(page);
  assert.match(await page.textContent('#out-http-body'), /"serverId": "s-12345678"/);
});

test('config.json may list the operations the page may send: a blocked one says why, an allowed one sends', async (t) => {
  await forget();
  const blocked = await openApp({ proxy: { url: './aws/sms/' }, operations: ['get-*', 'list-*'] }, t);
  await openPanel(blocked);
  const status = blocked.locator('#submit-status[data-state="off"]');
  await status.waitFor();
  assert.match(
    await status.textContent(),
    /^Sending create-replication-job is off on this page: config\.json allows only get-\*, list-\*\. .*"operations"/,
  );
  assert.equal(await blocked.locator('#submit-send').count(), 0);
  await fillValid(blocked);
  assert.match(await blocked.textContent('#out-http-body'), /"serverId": "s-12345678"/);
  assert.deepEqual(await received(), [], 'nothing was sent');

  await setScript({ status: 200, body: '{"replicationJobId":"sms-job-0a1b2c3d4e5f60718"}' });
  const allowed = await openApp({ proxy: { url: './aws/sms/' }, operations: ['create-*'] }, t);
  await fillValid(allowed);
  const seen = await sendAndWait(allowed);
  assert.equal(seen.tone, 'success');
  assert.equal((await received()).length, 1);
});

test('any operation sends from its own page: a blocked one says why, an allowed one shows the answer', async (t) => {
  await forget();
  const config = { proxy: { url: './aws/sms/' }, operations: ['get-*'] };
  const blocked = await openApp(config, t, '?op=create-app&name=web');
  await openPanel(blocked);
  const status = blocked.locator('#submit-status[data-state="off"]');
  await status.waitFor();
  assert.match(await status.textContent(), /^Sending create-app is off on this page: config\.json allows only get-\*\. /);
  assert.equal(await blocked.locator('#submit-send').count(), 0);

  await setScript({ status: 200, body: '{"serverList":[{"serverId":"s-1","serverType":"VIRTUAL_MACHINE"}],"nextToken":"t-2"}' });
  const page = await openApp(config, t, '?op=get-servers&max-results=5');
  await openPanel(page);
  // The form has no errors, so the first "Send…" goes straight to the confirmation.
  await page.waitForSelector('#submit-confirm:enabled');
  const shownBody = await page.textContent('#out-http-body');
  assert.equal(shownBody, '{"maxResults": 5}');
  const preview = await page.textContent('#submit-preview');
  assert.ok(preview.startsWith(`POST ${base}/aws/sms/\n`), preview);
  assert.ok(preview.endsWith(shownBody), preview);
  await page.click('#submit-confirm');
  const seen = await outcome(page);
  assert.equal(seen.tone, 'success');
  assert.equal(seen.title, 'AWS answered (HTTP 200)');
  assert.match(seen.text, /^AWS ran get-servers and answered/);
  assert.match(seen.text, /"serverId": "s-1"/);
  // Reading again is harmless: no warning beside "Send again".
  assert.equal((await page.textContent('#submit-outcome .submit-hint')).trim(), '');
  const got = await received();
  assert.equal(got.length, 1);
  assert.ok(got[0].body.equals(Buffer.from(shownBody, 'utf8')), 'same bytes as #out-http-body');
  assert.equal(header(got[0], 'x-amz-target'), 'AWSServerMigrationService_V2016_10_24.GetServers');

  // An operation that changes something warns before it is sent again, in its own words.
  await forget();
  await setScript({ status: 400, body: '{"__type":"AccessDeniedException","message":"no"}' });
  const app = await openApp({ proxy: { url: './aws/sms/' } }, t, '?op=create-app&name=web');
  await openPanel(app);
  await app.waitForSelector('#submit-confirm:enabled');
  await app.click('#submit-confirm');
  const refused = await outcome(app);
  assert.equal(refused.tone, 'failure');
  assert.match(refused.text, /sms:CreateApp/);
  assert.match(refused.text, /AWS did not run create-app\./);
  assert.doesNotMatch(refused.text, /job/i);
  await app.click('#submit-again');
  assert.match(await app.textContent('#submit-again-warning'), /runs create-app a second time/);
});

test('a config holding a secret is refused', async (t) => {
  const page = await openApp({ proxy: { url: './aws/sms/', secretAccessKey: 'x' } }, t);
  await openPanel(page);
  const status = page.locator('#submit-status[data-state="broken"]');
  await status.waitFor();
  assert.match(await status.textContent(), /secrets never belong/);
});

test('"Send…" loads the panel, which names the target and waits for a form without errors', async (t) => {
  const page = await openApp(PROXY_CONFIG, t);
  await openPanel(page);
  const button = page.locator('#submit-send');
  await page.locator('#submit-send', { hasText: 'Send to' }).waitFor();
  assert.equal(
    await button.textContent(),
    `Send to test account, us-east-1 (${base}/aws/sms/)`,
  );
  assert.ok(panelFiles(page).some((p) => p.endsWith('.wasm')), 'the panel was loaded on the click');
  assert.ok(await button.isDisabled(), 'an empty form has errors');
  assert.ok(await page.locator('#submit-blocked').isVisible());
  assert.equal(await page.locator('#submit-confirm').count(), 0, 'nothing to confirm yet');
  await fillValid(page);
  assert.ok(await button.isEnabled());
  await page.fill('#f-server-id', '');
  assert.ok(await button.isDisabled());
  await page.fill('#f-server-id', 's-12345678');
  await page.click('#submit-send');
  assert.match(await page.textContent('#submit-preview'), /"serverId": "s-12345678"/);
});

test('a send panel whose code cannot be fetched says so; the rest of the app works', chromiumOnly('request interception'), async (t) => {
  const page = await openApp(PROXY_CONFIG, t);
  await page.route('**/send-panel*', (route) => route.abort());
  await page.locator('#submit-status[data-state="configured"]').waitFor();
  await page.click('#submit-send');
  const status = page.locator('#submit-status[data-state="broken"]');
  await status.waitFor();
  assert.match(await status.textContent(), /send panel could not be loaded: its code could not be fetched/);
  assert.match(await status.textContent(), /Reload the page/);
  assert.equal(await page.locator('#submit button').count(), 0, 'no button that cannot work');
  await fillValid(page);
  assert.match(await page.textContent('#out-http-body'), /"serverId": "s-12345678"/);
});

test('with a complete form, the first "Send…" opens the confirmation at once', async (t) => {
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page, { description: 'back\\slash `date` |pipe|' });
  await openPanel(page);
  await page.waitForSelector('#submit-confirm:enabled');
  assert.match(await page.textContent('#submit-preview'), /back\\\\slash `date` \|pipe\|/);
  await page.fill('#f-description', 'changed');
  await page.waitForFunction(() =>
    document.querySelector('#submit-preview').textContent.includes('"description": "changed"'),
  );
});

// ---- answers ----------------------------------------------------------------------------------

test('success: the job id is shown, and the proxy got exactly the shown body', async (t) => {
  await forget();
  await setScript({ status: 200, body: '{"replicationJobId":"sms-job-0a1b2c3d4e5f60718"}' });
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page, { description: `It's "quoted" $HOME \\ é 😀` });
  const seen = await sendAndWait(page);
  assert.equal(seen.tone, 'success');
  assert.equal(await page.textContent('#submit-job-id'), 'sms-job-0a1b2c3d4e5f60718');
  // The panel announces through the page's status line (reading the clipboard back needs
  // clipboard permissions, which only Playwright's Chromium can grant).
  if (ENGINE === 'chromium') {
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write'], { origin: base });
    await page.click('#submit-copy-id');
    await page.waitForFunction(() => document.querySelector('.status').textContent === 'Job id copied.');
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), 'sms-job-0a1b2c3d4e5f60718');
  }
  const got = await received();
  assert.equal(got.length, 1);
  assert.equal(got[0].method, 'POST');
  const shownBody = await page.textContent('#out-http-body');
  assert.ok(got[0].body.equals(Buffer.from(shownBody, 'utf8')), 'same bytes as #out-http-body');
  assert.equal(header(got[0], 'content-type'), 'application/x-amz-json-1.1');
  assert.equal(
    header(got[0], 'x-amz-target'),
    'AWSServerMigrationService_V2016_10_24.CreateReplicationJob',
  );
  assert.equal(header(got[0], 'content-length'), String(Buffer.byteLength(shownBody, 'utf8')));
});

test('every AWS error shape gets its type, message and meaning', async (t) => {
  const model = JSON.parse(fs.readFileSync(path.join(reference, 'model-constraints.json'), 'utf8'));
  const faults = new Set(
    Object.entries(model.errors).filter(([, s]) => s.fault).map(([name]) => name),
  );
  const cases = Object.keys(model.errors).map((name, i) => ({
    name,
    // Alternate the shapes AWS uses: a bare name, a prefixed name, `Message` spelled upper case.
    script: {
      status: faults.has(name) ? 500 : 400,
      body: JSON.stringify(
        i % 2
          ? { __type: `com.amazonaws.sms.v20161024#${name}`, Message: `about ${name}` }
          : { __type: name, message: `about ${name}` },
      ),
    },
    message: `about ${name}`,
  }));
  for (const name of ['AccessDeniedException', 'UnrecognizedClientException']) {
    cases.push({
      name,
      // Only the header names the type (a signing front door may answer like this).
      script: {
        status: 403,
        headers: { 'x-amzn-ErrorType': `${name}:http://internal.example/` },
        body: JSON.stringify({ message: `about ${name}` }),
      },
      message: `about ${name}`,
    });
  }
  for (const name of ['InvalidSignatureException', 'ExpiredTokenException']) {
    cases.push({ name, script: { status: 403, body: JSON.stringify({ __type: name }) } });
  }

  await forget();
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  for (const [i, c] of cases.entries()) {
    await setScript(c.script);
    const seen = i === 0 ? await sendAndWait(page) : await sendAgain(page);
    assert.equal(seen.title, `AWS refused: ${c.name} (HTTP ${c.script.status})`);
    if (c.message) assert.match(seen.text, new RegExp(`AWS says: ${c.message}`));
    else assert.match(seen.text, /AWS gave no message/);
    assert.doesNotMatch(seen.text, /not one this operation documents/, c.name);
    assert.equal(seen.tone, faults.has(c.name) ? 'unknown' : 'failure', c.name);
  }
  assert.equal((await received()).length, cases.length, 'one request per confirmed send');
});

test('HTTP errors without an AWS type show status and body', async (t) => {
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  const statuses = [400, 403, 500, 502];
  for (const [i, status] of statuses.entries()) {
    await setScript({
      status,
      headers: { 'Content-Type': 'text/html' },
      body: `<html><body>gateway says ${status}</body></html>`,
    });
    const seen = i === 0 ? await sendAndWait(page) : await sendAgain(page);
    assert.match(seen.title, new RegExp(`^HTTP ${status} `));
    assert.match(seen.text, new RegExp(`gateway says ${status}`));
    assert.equal(seen.tone, status >= 500 ? 'unknown' : 'failure');
  }
});

test('odd success answers: not JSON, a web page, no job id, oversized', async (t) => {
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  const cases = [
    [{ body: 'OK', headers: { 'Content-Type': 'text/plain' } }, /is not JSON/],
    [{ body: '<!doctype html><title>app</title>', headers: { 'Content-Type': 'text/html' } }, /is a web page/],
    [{ body: '{"jobId":"x"}' }, /has no replicationJobId/],
    [{ bodyBytes: 300000 }, /far larger[\s\S]*only the first 2000 of 300000 bytes are shown/],
  ];
  for (const [i, [script, expected]] of cases.entries()) {
    await setScript({ status: 200, ...script });
    const seen = i === 0 ? await sendAndWait(page) : await sendAgain(page);
    assert.match(seen.title, /^Unexpected answer \(HTTP 200\)/);
    assert.match(seen.text, expected);
    assert.match(seen.text, /may or may not have been created/);
    assert.equal(seen.tone, 'unknown');
  }
});

test('a slow answer hits the timeout and says the job may exist', async (t) => {
  await setScript({ delaySeconds: 4 });
  const page = await openApp({ proxy: { url: './aws/sms/', timeoutSeconds: 1 } }, t);
  await fillValid(page);
  await page.click('#submit-send');
  await page.click('#submit-confirm');
  await page.waitForSelector('#submit-progress');
  assert.ok(await page.locator('#submit-send').isDisabled(), 'no second request while waiting');
  const seen = await outcome(page);
  assert.equal(seen.title, 'No answer within 1 second');
  assert.match(seen.text, /may or may not have been created/);
  assert.match(seen.text, /nothing is retried automatically/);
  assert.equal(seen.tone, 'unknown');
});

test('cancel stops waiting and says the job may exist', async (t) => {
  await setScript({ delaySeconds: 5 });
  const page = await openApp({ proxy: { url: './aws/sms/', timeoutSeconds: 60 } }, t);
  await fillValid(page);
  await page.click('#submit-send');
  await page.click('#submit-confirm');
  await page.click('#submit-cancel');
  const seen = await outcome(page);
  assert.equal(seen.title, 'Cancelled');
  assert.match(seen.text, /may or may not have been created/);
});

test('a dropped connection gets a diagnosis for the deployer', async (t) => {
  await setScript({ drop: true });
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  const seen = await sendAndWait(page);
  assert.match(seen.title, /^No answer/);
  assert.match(seen.text, /Is the proxy running/);
  assert.match(seen.text, /CORS does not apply/);
  assert.match(seen.text, /may or may not have been created/);
});

test('a proxy on another origin that the page may not reach: the CORS checklist', async (t) => {
  await setScript({ status: 200 });
  const port = new URL(base).port;
  const page = await openApp({ proxy: { url: `http://localhost:${port}/aws/sms/` } }, t);
  await fillValid(page);
  await page.click('#submit-send');
  await page.waitForSelector('#submit-confirm:enabled');
  assert.match(await page.textContent('#submit'), /another origin/);
  await page.click('#submit-confirm');
  const seen = await outcome(page);
  assert.match(seen.title, /^No answer/);
  assert.match(seen.text, /Access-Control-Allow-Origin/);
  assert.match(seen.text, /connect-src/);
});

test('a double click on confirm sends exactly once', async (t) => {
  await forget();
  await setScript({ delaySeconds: 1 });
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  await page.click('#submit-send');
  await page.waitForSelector('#submit-confirm:enabled');
  await page.dblclick('#submit-confirm');
  const seen = await outcome(page);
  assert.equal(seen.tone, 'success');
  assert.equal((await received()).length, 1);
});

test('"send again" warns that it may create a second job', async (t) => {
  await setScript({ status: 200 });
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page);
  await sendAndWait(page);
  assert.match(await page.textContent('#submit-outcome'), /second replication job/);
  await page.click('#submit-again');
  assert.match(await page.textContent('#submit-again-warning'), /second replication job/);
  await page.click('#submit-back');
  assert.equal(await page.locator('#submit-confirm').count(), 0);
});

// ---- the real AWS CLI ------------------------------------------------------------------------

function run(file, args, env) {
  return new Promise((resolve) => {
    execFile(file, args, { env, timeout: 120e3 }, (error, stdout, stderr) =>
      resolve({ code: error ? error.code ?? 1 : 0, stdout, stderr }),
    );
  });
}

test('the proxy receives the same bytes the real AWS CLI v1 sends', async (t) => {
  assert.ok(fs.existsSync(awsCli), `${awsCli} is missing: run scripts/setup.sh`);
  await forget();
  await setScript({ status: 200 });
  const page = await openApp(PROXY_CONFIG, t);
  await fillValid(page, {
    description: `Nightly "prod" copy: it's $HOME, \`date\`, é, 😀, back\\slash`,
    frequency: '12',
    'role-name': 'sms',
    'number-of-recent-amis-to-keep': '3',
    'kms-key-id': 'arn:aws:kms:us-east-1:123456789012:key/abcd',
  });
  await page.selectOption('#f-license-type', 'BYOL');
  await page.check('#f-run-once-false');
  await page.check('#f-encrypted-true');
  assert.equal((await sendAndWait(page)).tone, 'success');
  const [fromApp] = await received();

  const command = await page.textContent('#out-cli');
  assert.match(command, /^aws sms create-replication-job /);
  // Run the app's bash command as written, with `aws` pointed at the capture endpoint.
  const script = `aws() { "$SMSJB_AWS_BIN" "$@" --endpoint-url "$SMSJB_ENDPOINT"; }\n${command}\n`;
  const result = await run('/bin/bash', ['-c', script], {
    PATH: process.env.PATH,
    HOME: os.tmpdir(),
    SMSJB_AWS_BIN: awsCli,
    SMSJB_ENDPOINT: `${base}/capture`,
    AWS_ACCESS_KEY_ID: 'AKIDEXAMPLE',
    AWS_SECRET_ACCESS_KEY: 'dummy-secret',
    AWS_DEFAULT_REGION: 'us-east-1',
    AWS_CONFIG_FILE: '/dev/null',
    AWS_SHARED_CREDENTIALS_FILE: '/dev/null',
  });
  assert.equal(result.code, 0, result.stderr);
  const fromCli = await received('/capture');
  assert.equal(fromCli.length, 1);
  assert.equal(fromCli[0].body.toString('utf8'), fromApp.body.toString('utf8'));
  assert.ok(fromCli[0].body.equals(fromApp.body), 'byte-identical bodies');
  for (const name of ['content-type', 'x-amz-target']) {
    assert.equal(header(fromCli[0], name), header(fromApp, name), name);
  }
});
