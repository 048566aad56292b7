// Every golden case of the core (tests/golden/*/form.txt and its expected outputs) through the
// real app in headless Chromium: the form is filled (by typing for the everything-case, through
// a share link for the rest, since an <input> cannot hold a newline), and every output element
// must hold exactly the golden text, for every shell and style of the command.

import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { root, startServer, launch, openPage, ready, out } from './harness.mjs';

const goldenDir = path.join(root, 'tests/golden');
const SHELLS = ['bash', 'powershell', 'cmd'];
const STYLES = ['multiline', 'oneline', 'json-file', 'yaml-file'];
/** The outputs whose text depends only on the form (the command is checked per shell/style). */
const OUTPUTS = ['json', 'yaml', 'http', 'http-body', 'skeleton-input', 'skeleton-yaml-input', 'skeleton-output'];

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
    assert.equal(await out(page, id), golden(caseName, `${id}.txt`), `${caseName}: #out-${id}`);
  }
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

test('typing every field of the everything-case gives the golden outputs', async () => {
  const caseName = '02-everything';
  const pairs = readForm(golden(caseName, 'form.txt'));
  const { context, page, problems } = await openPage(browser, origin);
  await page.goto(url);
  await ready(page);
  // The global options are collapsed at first.
  await page.click('details.global > summary');
  for (const [flag, value] of pairs) {
    const control = page.locator(`.job-form [name="${flag}"]`).first();
    const tag = await control.evaluate((el) => `${el.tagName}:${el.type}`);
    if (tag === 'INPUT:text') {
      await control.click();
      await control.pressSequentially(value);
    } else if (tag === 'INPUT:radio') {
      await page.check(`input[name="${flag}"][value="${value}"]`);
    } else if (tag === 'INPUT:checkbox') {
      assert.equal(value, 'true');
      await control.check();
    } else {
      await control.selectOption(value);
    }
  }
  // Every field the case names holds what was typed.
  for (const [flag, value] of pairs) {
    const shown = await page.evaluate(
      (f) => {
        const controls = [...document.querySelectorAll(`.job-form [name="${f}"]`)];
        const c = controls.find((e) => e.type !== 'radio' || e.checked);
        if (!c) return null;
        return c.type === 'checkbox' ? String(c.checked) : c.value;
      },
      flag,
    );
    assert.equal(shown, value, `control ${flag}`);
  }
  // The JSON documents parse and carry the typed values.
  const body = JSON.parse(await out(page, 'http-body'));
  assert.equal(body.serverId, 's-12345678');
  assert.equal(body.seedReplicationTime, Date.parse('2026-11-25T10:00:00Z') / 1000);
  assert.equal(body.runOnce, false);
  assert.equal(JSON.parse(await out(page, 'json')).seedReplicationTime, '2026-11-25T10:00:00Z');
  await checkAllOutputs(page, caseName);
  assert.deepEqual(problems, { console: [], foreign: [] });
  await context.close();
});

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
