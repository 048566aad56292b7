// The app's behaviour in each browser engine (harness.mjs): validation at the field and in the summary,
// hostile input, share links, the saved draft, start over, import with confirmation, copy,
// keyboard use of the output tabs, and layout at phone width. Every test also checks that the
// page logged no error and asked no other origin for anything.

import { before, after } from 'node:test';
import assert from 'node:assert/strict';
import { test, chromiumOnly, ENGINE, startServer, launch, openPage, ready, out, later, showOutput } from './harness.mjs';

/** The seed time most tests use: a week from now, so it draws no warning. */
const SEED = later();

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

/** Opens the app (optionally with a query), runs `body(page)`, then checks the page stayed clean. */
async function withApp(query, body, options = {}) {
  const { context, page, problems } = await openPage(browser, origin, options);
  try {
    await page.goto(url + query);
    await ready(page);
    await body(page, context);
    assert.deepEqual(problems.console, [], 'console errors');
    assert.deepEqual(problems.foreign, [], 'requests to another origin');
  } finally {
    await context.close();
  }
}

const field = (flag) => `.job-form [name="${flag}"]`;

async function typeInto(page, flag, text) {
  await page.fill(field(flag), '');
  await page.locator(field(flag)).pressSequentially(text);
}

/** The diagnostics shown under a field, as "severity: message" strings. */
function fieldDiagnostics(page, flag) {
  return page.$$eval(`#diag-${flag} li`, (items) =>
    items.map((li) => `${li.className.replace('diag diag-', '')}: ${li.textContent}`),
  );
}

test('a default deployment (dist/ as built, nothing configured) logs nothing at all', async () => {
  const { context, page, problems } = await openPage(browser, origin);
  const logged = [];
  const failed = [];
  page.on('console', (msg) => logged.push(`${msg.type()}: ${msg.text()}`));
  // Response statuses are seen only through Playwright; WebDriver engines check the console.
  if (ENGINE === 'chromium') {
    page.on('response', (r) => {
      if (r.status() >= 400) failed.push(`${r.status()} ${r.url()}`);
    });
  }
  try {
    await page.goto(url);
    await ready(page);
    // The look at config.json has ended when the section says sending is off.
    await page.locator('#submit-status[data-state="off"]').waitFor();
    assert.match(await page.textContent('#submit-status'), /config\.json has no "proxy"/);
    // Use it a little: type, switch a tab, so lazily run code runs too.
    await page.fill('.job-form [name="server-id"]', 's-1');
    await page.fill('.job-form [name="seed-replication-time"]', SEED.iso);
    await page.click('#tab-json');
    await page.waitForTimeout(300);
    assert.deepEqual(logged, [], 'console messages of any kind');
    assert.deepEqual(failed, [], 'requests answered with an error status');
    assert.deepEqual(problems, { console: [], foreign: [] });
  } finally {
    await context.close();
  }
});

test('the page says plainly that AWS retired the service and which CLI releases still have it', async () => {
  await withApp('', async (page) => {
    const notice = page.locator('aside.notice[role="note"]');
    assert.ok(await notice.isVisible());
    const text = await notice.textContent();
    assert.match(text, /AWS retired the Server Migration Service in 2022\./);
    assert.match(text, /v1 1\.42\.30 \(botocore 1\.40\.30\) and v2 2\.30\.1/);
    // It comes before the form, so nobody fills it in without having seen it.
    const order = await page.evaluate(() =>
      document.querySelector('aside.notice').compareDocumentPosition(document.querySelector('.job-form')),
    );
    assert.ok(order & 4, 'the notice precedes the form');
  });
});

test('an untouched form is calm: the summary says what is still needed, and a field turns red once touched', async () => {
  await withApp('', async (page) => {
    const input = page.locator(field('server-id'));
    // Nothing typed yet: no field is invalid, no error is shown, and the summary is not red.
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    assert.match(await input.getAttribute('aria-describedby'), /\bdiag-server-id\b/);
    assert.deepEqual(await fieldDiagnostics(page, 'server-id'), []);
    assert.deepEqual(await fieldDiagnostics(page, 'seed-replication-time'), []);
    const summary = page.locator('#error-summary');
    assert.ok(await summary.isVisible());
    assert.equal(await summary.getAttribute('class'), 'summary');
    assert.equal(
      (await summary.locator('h2').textContent()).trim(),
      '2 values still needed: Server ID, Seed replication time',
    );
    const links = await summary.locator('a').evaluateAll((as) => as.map((a) => a.getAttribute('href')));
    assert.deepEqual(links, ['#f-server-id', '#f-seed-replication-time']);
    // The outputs still say they are incomplete.
    assert.ok(await page.locator('#panel-cli .incomplete').isVisible());
    assert.equal(await out(page, 'cli'), 'aws sms create-replication-job\n');
    // Following a summary link puts the keyboard focus into the field; leaving it empty
    // touches it, and now it is an error there and in the summary.
    await summary.locator('a').nth(1).click();
    assert.equal(await page.evaluate(() => document.activeElement.name), 'seed-replication-time');
    await page.focus(field('description'));
    const seed = page.locator(field('seed-replication-time'));
    await page.waitForFunction(
      () => document.querySelector('.job-form [name="seed-replication-time"]').getAttribute('aria-invalid') === 'true',
    );
    assert.deepEqual(await fieldDiagnostics(page, 'seed-replication-time'), [
      'error: Error: Seed replication time is required.',
    ]);
    assert.equal(await seed.getAttribute('aria-invalid'), 'true');
    assert.equal(await summary.getAttribute('class'), 'summary summary-errors');
    assert.equal((await summary.locator('h2').textContent()).trim(), '1 error to fix, 1 value still needed');
    // Typing and then emptying a field touches it too.
    await typeInto(page, 'server-id', 's');
    await page.fill(field('server-id'), '');
    assert.equal(await input.getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await fieldDiagnostics(page, 'server-id'), ['error: Error: Server ID is required.']);
    assert.match(await summary.locator('h2').textContent(), /^2 errors to fix/);
    // Starting over makes the form calm again.
    await page.click('#start-over');
    await page.click('#start-over-yes');
    assert.equal(await input.getAttribute('aria-invalid'), 'false');
    assert.equal(
      (await summary.locator('h2').textContent()).trim(),
      '2 values still needed: Server ID, Seed replication time',
    );
  });
});

test('what a link fills counts as touched; what it leaves empty is still only needed', async () => {
  await withApp('?server-id=s-12345678&frequency=twelve', async (page) => {
    assert.equal(await page.locator(field('frequency')).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(field('seed-replication-time')).getAttribute('aria-invalid'), 'false');
    assert.equal(
      (await page.locator('#error-summary h2').textContent()).trim(),
      '1 error to fix, 1 value still needed',
    );
  });
});

test('bad values get their messages, are kept as typed, and are left out of every output', async () => {
  await withApp('', async (page) => {
    await typeInto(page, 'server-id', 's-12345678');
    await typeInto(page, 'seed-replication-time', `${SEED.day}T25:00:00`);
    await typeInto(page, 'frequency', 'twelve');
    await typeInto(page, 'description', "it's $(rm -rf ~) `id` \"q\" <b>&amp;");
    assert.equal(await page.inputValue(field('frequency')), 'twelve');
    assert.equal(await page.locator(field('frequency')).getAttribute('aria-invalid'), 'true');
    assert.deepEqual(await fieldDiagnostics(page, 'frequency'), ['error: Error: "twelve" is not a whole number.']);
    assert.equal(await page.locator(field('seed-replication-time')).getAttribute('aria-invalid'), 'true');
    assert.equal(await page.locator(field('description')).getAttribute('aria-invalid'), 'false');
    // The HTML-looking text is shown as text, never interpreted.
    assert.equal(await page.locator('.job-form b').count(), 0);
    const body = JSON.parse(await out(page, 'http-body'));
    assert.deepEqual(body, { serverId: 's-12345678', description: "it's $(rm -rf ~) `id` \"q\" <b>&amp;" });
    assert.deepEqual(JSON.parse(await out(page, 'json')), body);
    const cli = await out(page, 'cli');
    assert.ok(!cli.includes('--frequency') && !cli.includes('--seed-replication-time'), cli);
    assert.ok(cli.includes(`--description 'it'\\''s $(rm -rf ~) \`id\` "q" <b>&amp;'`), cli);
    assert.ok(await page.locator('#panel-cli .incomplete').isVisible());
    // Fixing the values clears the errors and the incomplete mark.
    await typeInto(page, 'frequency', '12');
    await typeInto(page, 'seed-replication-time', SEED.iso);
    assert.equal(await page.locator('#panel-cli .incomplete').count(), 0);
    assert.equal(JSON.parse(await out(page, 'http-body')).frequency, 12);
    assert.equal(await page.locator(field('frequency')).getAttribute('aria-invalid'), 'false');
  });
});

test('warnings look different from errors and do not mark the outputs incomplete', async () => {
  await withApp(`?server-id=s-12345678&seed-replication-time=${SEED.iso}&frequency=99`, async (page) => {
    const diags = await fieldDiagnostics(page, 'frequency');
    assert.equal(diags.length, 1);
    assert.match(diags[0], /^warning: Warning: 99 is outside 1–24 hours/);
    assert.equal(await page.locator(field('frequency')).getAttribute('aria-invalid'), 'false');
    assert.match(await page.locator('#error-summary h2').textContent(), /^1 warning to check/);
    assert.equal(await page.locator('#panel-cli .incomplete').count(), 0);
    const colours = await page.$$eval('.diag-warning, .diag-error', (els) =>
      els.map((e) => getComputedStyle(e).borderLeftColor),
    );
    assert.ok(colours.length >= 1);
  });
});

test('a time without a zone can be read as local time and the sent instant is shown', async () => {
  await withApp('', async (page) => {
    await typeInto(page, 'server-id', 's-1');
    await typeInto(page, 'seed-replication-time', SEED.spaced);
    assert.ok((await page.textContent('#instant-seed-replication-time')).includes(`${SEED.iso} (epoch ${SEED.epoch})`));
    assert.equal(JSON.parse(await out(page, 'http-body')).seedReplicationTime, SEED.epoch);
    await page.check('#zone-local');
    // The browser runs this test in the zone given by timezoneId below: UTC+9, no summer time.
    assert.ok((await page.textContent('#instant-seed-replication-time')).includes(`${SEED.day}T00:00:00Z`));
    assert.equal(JSON.parse(await out(page, 'http-body')).seedReplicationTime, SEED.epoch - 9 * 3600);
    assert.ok((await page.textContent('#diag-seed-replication-time')).includes('Asia/Tokyo'));
    assert.match(page.url(), /zone=local/);
  }, { timezoneId: 'Asia/Tokyo' });
});

test('the address bar mirrors the form and a copied link reopens the same form', async () => {
  let link;
  let outputs;
  await withApp('', async (page) => {
    await typeInto(page, 'server-id', 's-12345678');
    await typeInto(page, 'seed-replication-time', SEED.iso);
    await typeInto(page, 'description', 'a & b = c + d #1 ü');
    await page.check(`${field('encrypted')}[value=true]`);
    await page.selectOption('select[name=shell]', 'powershell');
    await page.selectOption('select[name=style]', 'oneline');
    link = page.url();
    assert.ok(link.startsWith(url + '?'), link);
    assert.match(link, /server-id=s-12345678/);
    assert.match(link, /shell=powershell/);
    assert.match(link, /style=oneline/);
    outputs = [await out(page, 'cli'), await out(page, 'json'), await out(page, 'http-body')];
  });
  // A fresh browser (no draft) opened on the link shows the same form and outputs.
  await withApp(link.slice(url.length), async (page) => {
    assert.equal(await page.inputValue(field('description')), 'a & b = c + d #1 ü');
    assert.ok(await page.isChecked(`${field('encrypted')}[value=true]`));
    assert.equal(await page.inputValue('select[name=shell]'), 'powershell');
    assert.deepEqual([await out(page, 'cli'), await out(page, 'json'), await out(page, 'http-body')], outputs);
    assert.match(await page.textContent('#restored'), /share link/);
    assert.ok(await page.isVisible('#restored'));
    await page.click('#restored button');
    assert.ok(!(await page.isVisible('#restored')), 'Dismiss hides the notice');
    assert.equal(await page.inputValue(field('description')), 'a & b = c + d #1 ü', 'and changes nothing else');
  });
});

test('odd keys in a link are reported, the rest is used', async () => {
  await withApp('?server-id=s-1&bogus=1&shell=fish', async (page) => {
    assert.equal(await page.inputValue(field('server-id')), 's-1');
    const problems = await page.textContent('#link-problems');
    assert.match(problems, /bogus/);
    assert.match(problems, /fish/);
  });
});

test('the draft survives a reload, and start over clears it', async () => {
  await withApp('', async (page) => {
    await typeInto(page, 'server-id', 's-draft');
    await typeInto(page, 'frequency', '1_000');
    // Reload without the query: the draft comes from local storage.
    await page.goto(url);
    await ready(page);
    assert.equal(await page.inputValue(field('server-id')), 's-draft');
    assert.equal(await page.inputValue(field('frequency')), '1_000');
    assert.match(await page.textContent('#restored'), /draft/);
    const stored = await page.evaluate(() => localStorage.getItem('sms-job-builder/draft'));
    assert.match(stored, /server-id=s-draft/);
    await page.click('#start-over');
    await page.click('#start-over-yes');
    assert.equal(await page.inputValue(field('server-id')), '');
    assert.equal(page.url(), url);
    assert.equal(await page.evaluate(() => localStorage.getItem('sms-job-builder/draft')), null);
    await page.reload();
    await ready(page);
    assert.equal(await page.inputValue(field('server-id')), '');
  });
});

async function importText(page, text) {
  if (!(await page.isVisible('#import-text'))) await page.click('details.import > summary');
  await page.fill('#import-text', text);
  await page.click('#import-run');
  await importAnswered(page);
}

/** Waits for the import worker's answer: the panel leaves its "reading" step. */
function importAnswered(page) {
  return page.waitForSelector('details.import[data-step]:not([data-step="reading"])', { state: 'attached' });
}

const WORKER_FILE = /\/import-worker[^/]*$/;

test('the first load fetches no importer; the first import loads the worker once', chromiumOnly('the requests a worker makes'), async () => {
  await withApp('', async (page, context) => {
    const fetched = [];
    context.on('request', (req) => fetched.push(new URL(req.url()).pathname));
    await page.waitForLoadState('networkidle');
    assert.deepEqual(fetched.filter((p) => WORKER_FILE.test(p)), [], 'worker files on the first load');
    await importText(page, 'aws sms create-replication-job --server-id s-w --frequency 6');
    assert.equal(await page.inputValue(field('server-id')), 's-w');
    const files = () => fetched.filter((p) => WORKER_FILE.test(p)).map((p) => p.split('/').pop()).sort();
    assert.deepEqual(files(), ['import-worker.js', 'import-worker_bg.wasm', 'import-worker_loader.js']);
    // The next import reuses the running worker.
    await importText(page, 'serverId: s-again\n');
    await page.click('#import-replace');
    assert.equal(await page.inputValue(field('server-id')), 's-again');
    assert.equal(files().length, 3);
  });
});

test('a worker that cannot be loaded is reported and changes nothing', chromiumOnly('request interception'), async () => {
  const { context, page, problems } = await openPage(browser, origin);
  try {
    await context.route(WORKER_FILE, (route) => route.fulfill({ status: 404, body: 'not found' }));
    await page.goto(url + '?server-id=s-keep&frequency=12');
    await ready(page);
    const pasted = '{"serverId": "s-new"}';
    await importText(page, pasted);
    assert.equal(await page.getAttribute('details.import', 'data-step'), 'failed');
    assert.match(await page.textContent('#import-problems'), /importer could not run.*form is unchanged/);
    assert.equal(await page.inputValue(field('server-id')), 's-keep');
    assert.equal(await page.inputValue(field('frequency')), '12');
    assert.equal(await page.inputValue('#import-text'), pasted);
    // Once the files are back, pressing Import again works.
    await context.unroute(WORKER_FILE);
    await page.click('#import-run');
    await importAnswered(page);
    await page.click('#import-replace');
    assert.equal(await page.inputValue(field('server-id')), 's-new');
    // The only errors logged are the failed worker fetches.
    assert.deepEqual(problems.console.filter((m) => !/404|Not Found|import-worker/i.test(m)), []);
    assert.deepEqual(problems.foreign, []);
  } finally {
    await context.close();
  }
});

test('importing a command, a JSON and a YAML document fills the form', async () => {
  await withApp('', async (page) => {
    await importText(
      page,
      `aws sms create-replication-job \\\n  --server-id s-cmd \\\n  --seed-replication-time ${SEED.iso} \\\n  --no-run-once --description 'from a command' --region eu-west-1`,
    );
    assert.equal(await page.inputValue(field('server-id')), 's-cmd');
    assert.equal(await page.inputValue(field('description')), 'from a command');
    assert.ok(await page.isChecked(`${field('run-once')}[value=false]`));
    assert.equal(await page.inputValue(field('region')), 'eu-west-1');
    assert.match(await page.textContent('.import-heading'), /Read as a command; no problems/);

    // The form is not empty now: the JSON import asks first, and "keep" changes nothing.
    const json = later(8, 10);
    await importText(page, `{"serverId": "s-json", "seedReplicationTime": "${json.iso}", "frequency": 6}`);
    assert.ok(await page.isVisible('#import-replace'));
    await page.click('#import-cancel');
    assert.equal(await page.inputValue(field('server-id')), 's-cmd');
    await page.click('#import-run');
    await page.click('#import-replace');
    assert.equal(await page.inputValue(field('server-id')), 's-json');
    assert.equal(await page.inputValue(field('frequency')), '6');
    assert.equal(await page.inputValue(field('description')), '');
    assert.deepEqual(JSON.parse(await out(page, 'http-body')), {
      serverId: 's-json',
      seedReplicationTime: json.epoch,
      frequency: 6,
    });

    await importText(page, `serverId: s-yaml\nseedReplicationTime: '${later(9, 11).iso}'\nlicenseType: BYOL\nencrypted: true\n`);
    await page.click('#import-replace');
    assert.equal(await page.inputValue(field('server-id')), 's-yaml');
    assert.equal(await page.inputValue(field('license-type')), 'BYOL');
    assert.ok(await page.isChecked(`${field('encrypted')}[value=true]`));
    assert.match(await page.textContent('.import-heading'), /--cli-input-yaml/);
  });
});

test('import problems are listed with where they are', async () => {
  await withApp('', async (page) => {
    await importText(page, '{"serverId": "s-1", "bogus": 1, "frequency": "12"}');
    const items = await page.$$eval('#import-problems li', (lis) => lis.map((li) => li.textContent));
    assert.ok(items.length >= 2, items.join('\n'));
    assert.ok(items.some((t) => t.includes('bogus')), items.join('\n'));
    assert.ok(items.some((t) => t.includes('frequency')), items.join('\n'));
    assert.equal(await page.locator('#import-problems .location').count() > 0, true);
  });
});

test('a command inside an assignment in a pasted script is imported, with a note on what was read', async () => {
  await withApp('', async (page) => {
    const { iso, epoch } = later();
    await importText(
      page,
      `#!/bin/bash\nset -e\nid=$(aws sms create-replication-job --server-id s-sub --seed-replication-time ${iso} --frequency 12)\necho "$id"`,
    );
    assert.equal(await page.inputValue(field('server-id')), 's-sub');
    assert.deepEqual(JSON.parse(await out(page, 'http-body')), {
      serverId: 's-sub',
      seedReplicationTime: epoch,
      frequency: 12,
    });
    const items = await page.$$eval('#import-problems li', (lis) => lis.map((li) => li.textContent));
    assert.ok(
      items.some((t) => t.includes('Read the command at line 3, inside `$(…)`, whose output is assigned to id.')),
      items.join('\n'),
    );
    assert.ok(items.some((t) => t.includes('Another command ("set") is ignored.')), items.join('\n'));
    assert.ok(items.some((t) => t.includes('Another command ("echo") is ignored.')), items.join('\n'));
  });
});

test('copy puts exactly the shown text on the clipboard and announces it', chromiumOnly('clipboard permissions'), async () => {
  await withApp(
    `?server-id=s-12345678&seed-replication-time=${SEED.iso}&description=x%20y`,
    async (page) => {
      await page.click('#panel-cli button.copy');
      await page.waitForFunction(() => document.querySelector('.status').textContent.includes('Copied'));
      const clip = await page.evaluate(() => navigator.clipboard.readText());
      assert.equal(clip, await out(page, 'cli'));
      await page.click('#tab-http-body');
      await page.click('#panel-http-body button.copy');
      await page.waitForFunction(() => document.querySelector('.status').textContent.includes('HTTP body'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), await out(page, 'http-body'));
      assert.equal(await page.getAttribute('.status', 'aria-live'), 'polite');
      await page.click('#copy-link');
      await page.waitForFunction(() => document.querySelector('.status').textContent.includes('share link'));
      assert.equal(await page.evaluate(() => navigator.clipboard.readText()), page.url());
    },
    { permissions: ['clipboard-read', 'clipboard-write'] },
  );
});

test('download offers the output under its file name', chromiumOnly('download events'), async () => {
  await withApp(`?server-id=s-1&seed-replication-time=${SEED.iso}`, async (page) => {
    await page.click('#tab-json');
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('#panel-json button.download'),
    ]);
    assert.equal(download.suggestedFilename(), 'create-replication-job.json');
    const fs = await import('node:fs/promises');
    assert.equal(await fs.readFile(await download.path(), 'utf8'), await out(page, 'json'));
  }, { acceptDownloads: true });
});

test('the output tabs work with the keyboard and every output stays in the DOM', async () => {
  await withApp(`?server-id=s-1&seed-replication-time=${SEED.iso}`, async (page) => {
    for (const id of ['cli', 'json', 'yaml', 'http-body', 'http', 'skeleton-input', 'skeleton-yaml-input', 'skeleton-output', 'sdk']) {
      assert.equal(await page.locator(`#out-${id}`).count(), 1, id);
    }
    await page.focus('#tab-cli');
    await page.keyboard.press('ArrowRight');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-json');
    assert.ok(await page.isVisible('#out-json'));
    assert.ok(!(await page.isVisible('#out-cli')));
    assert.equal(await page.getAttribute('#tab-json', 'aria-selected'), 'true');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowLeft');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'tab-sdk');
  });
});

test('every control is named after its CLI option and has a label', async () => {
  await withApp('', async (page) => {
    const controls = await page.$$eval('.job-form input, .job-form select', (els) =>
      els.map((e) => ({ name: e.name, id: e.id, labelled: !!(e.labels && e.labels.length) })),
    );
    const names = new Set(controls.map((c) => c.name));
    for (const flag of ['server-id', 'seed-replication-time', 'frequency', 'run-once', 'license-type', 'role-name',
      'description', 'number-of-recent-amis-to-keep', 'encrypted', 'kms-key-id', 'region', 'profile', 'output',
      'endpoint-url', 'query', 'debug', 'no-cli-pager', 'cli-read-timeout', 'cli-connect-timeout']) {
      assert.ok(names.has(flag), `no control named ${flag}`);
    }
    for (const c of controls) {
      assert.ok(c.id, `${c.name} has no id`);
      assert.ok(c.labelled, `${c.id} has no label`);
    }
    assert.equal(await page.getAttribute(field('frequency'), 'inputmode'), 'numeric');
  });
});

for (const colorScheme of ['light', 'dark']) {
  test(`no horizontal overflow at 375 px (${colorScheme})`, async () => {
    const long = encodeURIComponent('x'.repeat(300));
    await withApp(
      `?server-id=s-${long}&seed-replication-time=${SEED.iso}&description=${long}&run-once=true`,
      async (page) => {
        await page.click('details.global > summary');
        await page.click('details.import > summary');
        // The page is measured with the import panel's own view in place, not its loading line.
        await page.waitForSelector('#import-text');
        for (const tab of ['cli', 'http']) {
          await showOutput(page, tab);
          const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
          assert.ok(overflow <= 0, `page is ${overflow} px too wide on the ${tab} tab`);
        }
      },
      { viewport: { width: 375, height: 800 }, colorScheme },
    );
  });
}

test('a global option with an error is reachable from the summary even when collapsed', async () => {
  await withApp(`?server-id=s-1&seed-replication-time=${SEED.iso}&cli-read-timeout=soon`, async (page) => {
    // A link that sets a global option opens that section at start.
    assert.equal(await page.getAttribute('details.global', 'open'), '');
    await page.click('details.global > summary');
    assert.equal(await page.getAttribute('details.global', 'open'), null);
    await page.click('#error-summary a[href="#f-cli-read-timeout"]');
    assert.equal(await page.getAttribute('details.global', 'open'), '');
    assert.equal(await page.evaluate(() => document.activeElement.id), 'f-cli-read-timeout');
    assert.equal(await page.inputValue(field('cli-read-timeout')), 'soon');
  });
});

test('a value with a line break from a link is shown and edited without losing the break', async () => {
  await withApp(`?server-id=s-1&seed-replication-time=${SEED.iso}&description=line%0Atwo`, async (page) => {
    const control = page.locator(field('description'));
    assert.equal(await control.evaluate((el) => el.tagName), 'TEXTAREA');
    assert.equal(await control.inputValue(), 'line\ntwo');
    await control.press('End');
    await control.pressSequentially('!');
    assert.equal(JSON.parse(await out(page, 'http-body')).description, 'line\ntwo!');
    assert.equal(await page.locator(field('server-id')).evaluate((el) => el.tagName), 'INPUT');
  });
});

test('dist/index.html has a strict Content-Security-Policy and no inline script', async () => {
  const fs = await import('node:fs/promises');
  const { dist } = await import('./harness.mjs');
  const html = await fs.readFile(`${dist}/index.html`, 'utf8');
  const csp = html.match(/http-equiv="Content-Security-Policy"\s+content="([^"]+)"/)?.[1];
  assert.ok(csp, 'no CSP meta tag');
  const directives = Object.fromEntries(csp.split(';').map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.deepEqual(directives['default-src'], ["'none'"]);
  assert.deepEqual(directives['script-src'], ["'self'", "'wasm-unsafe-eval'"]);
  assert.deepEqual(directives['connect-src'], ["'self'"]);
  assert.deepEqual(directives['worker-src'], ["'self'"]);
  for (const [name, sources] of Object.entries(directives)) {
    assert.ok(!sources.some((s) => /^https?:|^\*$|unsafe-inline/.test(s)), `${name} allows ${sources}`);
  }
  for (const script of html.matchAll(/<script\b([^>]*)>([\s\S]*?)<\/script>/g)) {
    assert.match(script[1], /\bsrc="\.\//, 'every script is a relative file');
    assert.equal(script[2].trim(), '', 'no inline script');
  }
  assert.ok(!/(href|src)="\//.test(html), 'no absolute asset URL');
  // The policy comes after the static tags (so the browser's preload scanner fetches them at
  // once) and before anything runs: every tag ahead of it is a relative file of this site.
  const head = html.slice(0, html.indexOf('</head>'));
  assert.ok(head.includes('http-equiv="Content-Security-Policy"'), 'the policy is in <head>');
  const ahead = head.slice(0, head.indexOf('http-equiv="Content-Security-Policy"'));
  for (const tag of ahead.matchAll(/<(link|script)\b[^>]*>/g)) {
    assert.match(tag[0], /\b(href|src)="(\.\/|data:,)/, `${tag[0]} is a file of this site`);
  }
});

test('the page enforces its policy: an injected inline script does not run', async () => {
  const { context, page, problems } = await openPage(browser, origin);
  try {
    await page.goto(url);
    await ready(page);
    const ran = await page.evaluate(async () => {
      const violated = new Promise((ok) => {
        document.addEventListener('securitypolicyviolation', (e) => ok(e.violatedDirective), { once: true });
      });
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      return { injected: window.__injected === true, directive: await violated };
    });
    assert.deepEqual(ran, { injected: false, directive: 'script-src-elem' });
    // The only console error is the browser reporting that block (WebKit's console is seen
    // only through the page's own console calls, so there it is none; see webdriver.mjs).
    assert.equal(problems.console.length, ENGINE === 'webkit' ? 0 : 1, problems.console.join('\n'));
    if (ENGINE !== 'webkit') assert.match(problems.console[0], /Content.Security.Policy/);
  } finally {
    await context.close();
  }
});

/** Presses Tab until the element with this id (or name, for radios) has the focus. */
async function tabTo(page, want) {
  for (let i = 0; i < 30; i += 1) {
    const at = await page.evaluate(() => [document.activeElement.id, document.activeElement.name]);
    if (at.includes(want)) return;
    await page.keyboard.press('Tab');
  }
  assert.fail(`Tab never reached ${want}`);
}

test('the form can be filled with the keyboard alone', async () => {
  await withApp('', async (page) => {
    await tabTo(page, 'f-server-id');
    await page.keyboard.type('s-12345678');
    await tabTo(page, 'f-seed-replication-time');
    await page.keyboard.type(SEED.iso);
    await tabTo(page, 'f-frequency');
    await page.keyboard.type('6');
    // A radio group takes one Tab stop; the arrow keys pick within it.
    await tabTo(page, 'run-once');
    await page.keyboard.press('ArrowRight');
    // The "What is this?" explanations open with the keyboard too.
    await tabTo(page, 'f-license-type');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    assert.equal(await page.locator('[data-flag="license-type"] details.explain').getAttribute('open'), '');
    assert.deepEqual(JSON.parse(await out(page, 'http-body')), {
      serverId: 's-12345678',
      seedReplicationTime: SEED.epoch,
      frequency: 6,
      runOnce: true,
    });
  });
});

test('markup and script in a link stay text', async () => {
  const hostile = '<img src=x onerror="document.title=1"><script>document.title=2</script>';
  let dialogs = 0;
  await withApp(
    `?server-id=${encodeURIComponent(hostile)}&seed-replication-time=${SEED.iso}&description=${encodeURIComponent(hostile)}`,
    async (page) => {
      page.on('dialog', () => { dialogs += 1; });
      assert.equal(await page.locator('img').count(), 0);
      assert.equal(await page.locator('body script').count(), 0);
      assert.notEqual(await page.title(), '1');
      assert.equal(await page.inputValue(field('description')), hostile);
      assert.equal(JSON.parse(await out(page, 'http-body')).description, hostile);
      // The server ID is not shaped like one: a warning, shown as text in the summary.
      assert.ok((await page.textContent('#error-summary')).includes('Server ID'));
    },
  );
  assert.equal(dialogs, 0);
});
