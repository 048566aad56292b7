// The part of Playwright's page API that the browser tests use, implemented over W3C WebDriver
// (selenium-webdriver as the client) for the engines Playwright cannot drive here: Firefox ESR
// through geckodriver and WebKitGTK through WebKitWebDriver + MiniBrowser under xvfb-run.
// harness.mjs hands these objects to the tests in place of Playwright's, so one test source runs
// in all three engines.
//
// Nothing here downloads anything: the drivers and browsers are the ones scripts/setup.sh
// installed, started by this module on loopback ports, and the client only ever talks to them
// by URL (Builder's driver discovery, which would run Selenium Manager, is never used; its path
// is pointed at a file that does not exist so that a slip fails loudly instead of fetching).
//
// What WebDriver cannot see, and how the facade makes up for it:
// - The console: Firefox reports it over WebDriver BiDi (log.entryAdded) from the first byte of
//   the load on, the browser's own error reports (a CSP block, an uncaught error) included, as
//   Chromium's console does. WebKitWebDriver has no BiDi, so there a probe script, run right
//   after every navigation, wraps console.*; what is logged before it is in (during the load
//   itself) or inside workers is not seen in WebKit.
// - Uncaught errors ('pageerror'): in both, the probe listens for window 'error' and
//   'unhandledrejection' from right after the load on.
// - Requests: the probe reads the page's Resource Timing entries, which the browser records for
//   every fetch of the document (scripts, wasm, config.json, dynamic imports) once it has
//   finished. They are reported as 'request' and 'requestfinished' events after each command,
//   so handlers run before the test's next line. Requests made by workers are not in them.
// - Dialogs: WebDriver's default prompt handling makes the next command fail while an alert is
//   open, so a dialog fails the test instead of reaching a 'dialog' handler.
// - A viewport narrower than the window can be (Firefox headless stops at 500 px, MiniBrowser
//   at 447 px): the page is opened in an iframe of exactly that size on the test server
//   (harness.mjs serves /__viewport.html), and every command runs inside that frame.
// - Time zone and colour scheme are properties of the browser process: a driver is started per
//   distinct setting (TZ, GTK_THEME in its environment; a Firefox preference for the scheme), and
//   each new page checks that the setting took effect.

import { spawn } from 'node:child_process';
import { createRequire } from 'node:module';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const require = createRequire(path.join(here, 'package.json'));
process.env.SE_MANAGER_PATH = '/nonexistent/selenium-manager-must-not-run';
const { WebDriver, Capabilities, Key } = require('selenium-webdriver');
const http = require('selenium-webdriver/http');

const CARGO_BIN = path.join(os.homedir(), '.cargo/bin');
const MINIBROWSER = process.env.SMSJB_MINIBROWSER || '/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser';
const FIREFOX = process.env.SMSJB_FIREFOX || '/usr/bin/firefox-esr';
/** How long to wait for an element or a condition, as Playwright's default. */
const TIMEOUT = 30_000;

/** Playwright key names to WebDriver key codes. */
const KEYS = {
  Tab: Key.TAB,
  Enter: Key.ENTER,
  End: Key.END,
  Home: Key.HOME,
  Escape: Key.ESCAPE,
  Backspace: Key.BACK_SPACE,
  ArrowLeft: Key.ARROW_LEFT,
  ArrowRight: Key.ARROW_RIGHT,
  ArrowUp: Key.ARROW_UP,
  ArrowDown: Key.ARROW_DOWN,
  Space: ' ',
};

function keyOf(name) {
  if (name in KEYS) return KEYS[name];
  if (name.length === 1) return name;
  throw new Error(`key ${name} is not mapped for WebDriver`);
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function freePort() {
  return new Promise((resolve, reject) => {
    const s = net.createServer();
    s.once('error', reject);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => resolve(port));
    });
  });
}

/** Runs in the page after each navigation: records console calls, uncaught errors, and keeps
 * every Resource Timing entry (the default buffer of 250 could fill up). */
const probe = (wrapConsole) => `
if (!window.__smsjb) {
  const log = [];
  window.__smsjb = { log, seen: 0 };
  if (${wrapConsole}) for (const [method, type] of [['error', 'error'], ['warn', 'warning'], ['log', 'log'], ['info', 'info'], ['debug', 'debug']]) {
    const original = console[method];
    console[method] = function (...args) {
      log.push({ type, text: args.map((a) => (a instanceof Error ? a.stack || String(a) : String(a))).join(' ') });
      return original.apply(this, args);
    };
  }
  addEventListener('error', (e) => log.push({ type: 'pageerror', text: String(e.error || e.message) }));
  addEventListener('unhandledrejection', (e) => log.push({ type: 'pageerror', text: 'unhandled rejection: ' + String(e.reason) }));
  if (performance.setResourceTimingBufferSize) performance.setResourceTimingBufferSize(100000);
}
`;

/** Drains what the probe gathered since the last call. */
const TAKE = `
const p = window.__smsjb;
if (!p) return null;
const entries = performance.getEntriesByType('resource');
const fresh = entries.slice(p.seen).map((e) => e.name);
p.seen = entries.length;
return { log: p.log.splice(0), resources: fresh };
`;

/** In-page helpers: resolve a locator (a list of steps) to elements, test visibility. */
const HELPERS = `
const resolve = (steps) => {
  let found = [document];
  for (const s of steps) {
    if (s.css !== undefined) {
      found = found.flatMap((root) => [...root.querySelectorAll(s.css)]);
      found = [...new Set(found)];
    }
    if (s.hasText !== undefined) found = found.filter((el) => el.textContent.includes(s.hasText));
    if (s.nth !== undefined) found = s.nth < found.length ? [found[s.nth]] : [];
  }
  return found;
};
const visible = (el) => {
  const r = el.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
};
const stateOk = (els, state) => {
  if (state === 'attached') return els.length > 0;
  if (state === 'detached') return els.length === 0;
  if (state === 'hidden') return els.length === 0 || !visible(els[0]);
  return els.length > 0 && visible(els[0]);
};
const waitFor = async (steps, state, timeout) => {
  const until = Date.now() + timeout;
  for (;;) {
    const els = resolve(steps);
    if (stateOk(els, state)) return els;
    if (Date.now() > until) return null;
    await new Promise((r) => setTimeout(r, 25));
  }
};
`;

function describe(steps) {
  return steps
    .map((s) => (s.css !== undefined ? s.css : s.hasText !== undefined ? `:has-text(${s.hasText})` : `nth=${s.nth}`))
    .join(' >> ');
}

// ---- drivers ----------------------------------------------------------------------------------

/** One WebDriver server process (geckodriver or WebKitWebDriver) for one environment. */
class DriverProcess {
  constructor(engine, env) {
    this.engine = engine;
    this.env = env;
    this.started = null;
  }

  start() {
    this.started ??= (async () => {
      const port = await freePort();
      // Each Firefox needs a BiDi port of its own (they all default to 9222).
      const bidiPort = await freePort();
      const env = { ...process.env, ...this.env, PATH: `${CARGO_BIN}:${process.env.PATH}` };
      const [cmd, args] =
        this.engine === 'firefox'
          ? [process.env.SMSJB_GECKODRIVER || 'geckodriver', [`--port=${port}`, `--websocket-port=${bidiPort}`, '--host=127.0.0.1', '--log=error']]
          : ['xvfb-run', ['-a', '-s', '-screen 0 1280x1024x24', 'WebKitWebDriver', `--port=${port}`]];
      // The driver's and the browser's own chatter goes to a log file, named if the driver dies.
      const log = path.join(os.tmpdir(), `smsjb-${this.engine}-driver-${port}.log`);
      this.log = log;
      const out = fs.openSync(log, 'w');
      // Its own process group, so that closing ends xvfb-run, Xvfb and the browsers together.
      this.child = spawn(cmd, args, { env, stdio: ['ignore', out, out], detached: true });
      fs.closeSync(out);
      const exited = new Promise((_, reject) =>
        this.child.once('exit', (code) => reject(new Error(`[${this.engine}] ${cmd} exited with ${code}; see ${log}`))),
      );
      exited.catch(() => {});
      const url = `http://127.0.0.1:${port}`;
      const deadline = Date.now() + 20_000;
      for (;;) {
        try {
          const r = await fetch(`${url}/status`);
          if (r.ok) break;
        } catch {
          // not listening yet
        }
        if (Date.now() > deadline) throw new Error(`[${this.engine}] ${cmd} did not start on port ${port}`);
        await Promise.race([sleep(100), exited]);
      }
      return url;
    })();
    return this.started;
  }

  /** Ends the driver's process group; `keepLog` when something went wrong. */
  stop(keepLog = false) {
    if (this.child && this.child.exitCode === null) {
      try {
        process.kill(-this.child.pid, 'SIGTERM');
      } catch {
        // already gone
      }
    }
    if (this.log && !keepLog) fs.rmSync(this.log, { force: true });
  }
}

/** Every driver started, so that none outlives a test file that ends without closing it. */
const running = new Set();
process.on('exit', () => {
  for (const d of running) d.stop(true);
});

function capabilities(engine, options) {
  if (engine === 'firefox') {
    const prefs = {};
    // 0 dark, 1 light: what prefers-color-scheme reports to pages.
    if (options.colorScheme) prefs['layout.css.prefers-color-scheme.content-override'] = options.colorScheme === 'dark' ? 0 : 1;
    return new Capabilities({
      browserName: 'firefox',
      webSocketUrl: true,
      'moz:firefoxOptions': { binary: FIREFOX, args: ['-headless'], prefs },
    });
  }
  return new Capabilities({
    browserName: 'MiniBrowser',
    'webkitgtk:browserOptions': { binary: MINIBROWSER, args: ['--automation'] },
  });
}

// ---- the Playwright-like objects --------------------------------------------------------------

class Emitter {
  constructor() {
    this.handlers = new Map();
  }

  on(event, fn) {
    if (!this.handlers.has(event)) this.handlers.set(event, []);
    this.handlers.get(event).push(fn);
    return this;
  }

  emit(event, value) {
    for (const fn of this.handlers.get(event) || []) fn(value);
  }
}

/** Launched per engine by harness.mjs; pages come from contexts, one WebDriver session each. */
export class WebDriverBrowser {
  constructor(engine) {
    this.engine = engine;
    this.drivers = [];
    this.contexts = new Set();
    this.idle = new Map();
    this.sessions = [];
  }

  /**
   * A WebDriver session for these options. Both drivers hold one session at a time, so each
   * session has a driver process of its own. Starting Firefox takes seconds, so a session whose
   * context closed is kept and handed to the next context with the same options; the first
   * navigation of a context empties the origin's storage (see WebDriverPage.goto), which is all
   * that a fresh Playwright context would give these tests (the test servers send no-store).
   */
  async session(options) {
    const env = {};
    if (options.timezoneId) env.TZ = options.timezoneId;
    if (this.engine === 'webkit' && options.colorScheme === 'dark') env.GTK_THEME = 'Adwaita:dark';
    const key = JSON.stringify([env, this.engine === 'firefox' ? options.colorScheme : null]);
    const idle = this.idle.get(key);
    if (idle?.length) return { key, session: idle.pop() };
    const driver = new DriverProcess(this.engine, env);
    this.drivers.push(driver);
    running.add(driver);
    const url = await driver.start();
    const session = await WebDriver.createSession(new http.Executor(new http.HttpClient(url)), capabilities(this.engine, options));
    this.sessions.push(session);
    session.smsjbLog = null;
    if (this.engine === 'firefox') {
      // Console calls and uncaught errors of every page of the session, as they happen.
      session.smsjbLog = [];
      const bidi = await session.getBidi();
      await bidi.subscribe('log.entryAdded');
      const socket = await bidi.socket;
      socket.on('message', (data) => {
        const { method, params } = JSON.parse(data.toString());
        if (method !== 'log.entryAdded') return;
        // 'javascript' entries are the browser's error reports; the probe reports page errors.
        const type = params.type === 'javascript' ? 'error' : params.method === 'warn' ? 'warning' : params.method || params.level;
        session.smsjbLog.push({ type, text: params.text });
      });
    }
    return { key, session };
  }

  release(key, session) {
    if (!this.idle.has(key)) this.idle.set(key, []);
    this.idle.get(key).push(session);
  }

  async newContext(options = {}) {
    for (const unsupported of ['permissions', 'acceptDownloads']) {
      if (options[unsupported]) throw new Error(`[${this.engine}] ${unsupported} is not available over WebDriver`);
    }
    const context = new WebDriverContext(this, options);
    this.contexts.add(context);
    return context;
  }

  async newPage(options = {}) {
    const context = await this.newContext(options);
    const page = await context.newPage();
    page.ownsContext = true;
    return page;
  }

  async close() {
    for (const c of this.contexts) await c.close();
    for (const s of this.sessions) await s.quit().catch(() => {});
    for (const d of this.drivers) {
      d.stop();
      running.delete(d);
    }
  }
}

class WebDriverContext extends Emitter {
  constructor(browser, options) {
    super();
    this.browser = browser;
    this.engine = browser.engine;
    this.options = options;
    this.pages = [];
  }

  async newPage() {
    if (this.pages.length) throw new Error(`[${this.engine}] one page per context over WebDriver`);
    const { key, session: driver } = await this.browser.session(this.options);
    const page = new WebDriverPage(this, driver, key);
    await page.setUp();
    this.pages.push(page);
    return page;
  }

  async close() {
    for (const p of this.pages) await p.quit();
    this.pages = [];
    this.browser.contexts.delete(this);
  }

  async grantPermissions() {
    throw new Error(`[${this.engine}] permissions cannot be granted over WebDriver`);
  }
}

class WebDriverPage extends Emitter {
  constructor(context, driver, key) {
    super();
    this.key = key;
    this.fresh = true;
    this.ctx = context;
    this.engine = context.engine;
    this.driver = driver;
    this.framed = false;
    this.currentUrl = 'about:blank';
    this.keyboard = {
      press: async (key) => this.act((a) => a.sendKeys(keyOf(key))),
      type: async (text) => this.act((a) => a.sendKeys(text)),
    };
  }

  on(event, fn) {
    if (!['console', 'pageerror', 'request', 'requestfinished', 'dialog'].includes(event)) {
      throw new Error(`[${this.engine}] the '${event}' event is not available over WebDriver`);
    }
    return super.on(event, fn);
  }

  context() {
    return this.ctx;
  }

  fail(message) {
    return new Error(`[${this.engine}] ${message}`);
  }

  async setUp() {
    const { viewport } = this.ctx.options;
    if (viewport) {
      await this.driver.manage().window().setRect({ width: viewport.width, height: viewport.height });
      const inner = await this.driver.executeScript('return window.innerWidth');
      // The window stops shrinking before the wanted width: open pages in a frame of that size.
      if (inner !== viewport.width) this.framed = true;
    } else {
      await this.driver.manage().window().setRect({ width: 1280, height: 720 });
    }
  }

  /** Leaves the app (so its unload handlers run now) and hands the session back. */
  async quit() {
    if (this.closed) return;
    this.closed = true;
    try {
      await this.drain();
      await this.driver.switchTo().defaultContent();
      await this.driver.get('about:blank');
      this.ctx.browser.release(this.key, this.driver);
    } catch (e) {
      await this.driver.quit().catch(() => {});
      throw e;
    }
  }

  async close() {
    if (this.ownsContext) await this.ctx.close();
    else await this.quit();
  }

  /** Reports what the probe saw since the last command as Playwright-style events. */
  async drain() {
    let got;
    try {
      got = await this.driver.executeScript(TAKE);
    } catch (e) {
      if (/alert|prompt|dialog/i.test(String(e))) throw this.fail(`a dialog opened: ${e.message}`);
      got = null;
    }
    const log = [...(this.driver.smsjbLog ? this.driver.smsjbLog.splice(0) : []), ...(got?.log || [])];
    for (const { type, text } of log) {
      if (type === 'pageerror') this.emit('pageerror', text);
      else this.emit('console', { type: () => type, text: () => text });
    }
    for (const u of got?.resources || []) {
      const request = { url: () => u };
      this.emit('request', request);
      this.ctx.emit('request', request);
      this.emit('requestfinished', request);
    }
  }

  async afterNavigation(target) {
    if (this.framed) {
      await this.driver.switchTo().defaultContent();
      // The frame is of the same origin: wait from outside until it holds the loaded app. (By
      // path: a page may rewrite its query as soon as it starts, as the plain pages do.)
      const path = new URL(target).pathname;
      await this.driver.wait(
        async () =>
          (await this.driver.executeScript(
            `const f = document.querySelector('iframe');
             return f && f.contentDocument ? f.contentDocument.readyState + ' ' + f.contentWindow.location.pathname : '';`,
          )) === `complete ${path}`,
        TIMEOUT,
        `[${this.engine}] ${target} did not load in its frame`,
      );
      await this.driver.switchTo().frame(0);
    }
    await this.driver.executeScript(probe(!this.driver.smsjbLog));
    const want = this.ctx.options;
    const seen = await this.driver.executeScript(
      `return [Intl.DateTimeFormat().resolvedOptions().timeZone, matchMedia('(prefers-color-scheme: dark)').matches, innerWidth]`,
    );
    if (want.timezoneId && seen[0] !== want.timezoneId) throw this.fail(`time zone ${seen[0]}, not ${want.timezoneId}`);
    if (want.colorScheme && seen[1] !== (want.colorScheme === 'dark')) throw this.fail(`colour scheme is not ${want.colorScheme}`);
    if (want.viewport && seen[2] !== want.viewport.width) throw this.fail(`viewport is ${seen[2]} px wide, not ${want.viewport.width}`);
    await this.syncUrl();
  }

  async goto(target) {
    if (this.fresh) {
      // A new context: a page of the same origin that is not the app, to empty its storage.
      this.fresh = false;
      if (/^https?:/.test(target)) {
        await this.driver.get(new URL('/__smsjb-blank', target).href);
        await this.driver.executeScript('localStorage.clear(); sessionStorage.clear();');
        await this.driver.manage().deleteAllCookies();
      }
      // What earlier contexts' pages logged is theirs.
      if (this.driver.smsjbLog) this.driver.smsjbLog.length = 0;
    } else {
      await this.drain();
    }
    this.currentUrl = target;
    if (this.framed) {
      const { width, height } = this.ctx.options.viewport;
      const wrapper = new URL('/__viewport.html', target);
      wrapper.search = new URLSearchParams({ w: width, h: height, src: target }).toString();
      await this.driver.get(wrapper.href);
    } else {
      await this.driver.get(target);
    }
    await this.afterNavigation(target);
  }

  async reload() {
    await this.drain();
    if (this.framed) {
      await this.goto(await this.url());
      return;
    }
    await this.driver.navigate().refresh();
    await this.afterNavigation();
  }

  /** A synchronous read, as Playwright's page.url(): the last address the page reported. */
  url() {
    return this.lastUrl;
  }

  /** Runs `body` (the text of an async function body) in the page with HELPERS in scope. */
  async run(body, ...args) {
    const result = await this.driver.executeScript(
      `${HELPERS}\nreturn (async (...args) => { ${body} })(...arguments).then((value) => ({ value, href: location.href }), (e) => ({ error: String(e && e.message || e), href: location.href }));`,
      ...args,
    );
    // A script the page's own navigation cut short gives nothing back.
    if (result == null) throw Object.assign(new Error('the page navigated while a script ran'), { navigated: true });
    this.lastUrl = result.href;
    await this.drain();
    if (result.error !== undefined) throw this.fail(result.error);
    return result.value;
  }

  /** Waits for the locator's first element in `state`, then runs `body` with `el` bound to it. */
  async withElement(steps, body, state = 'attached', ...args) {
    return this.run(
      `const [steps, timeout, ...rest] = args;
       const els = await waitFor(steps, ${JSON.stringify(state)}, timeout);
       if (!els) throw new Error('timed out waiting for ' + ${JSON.stringify(describe(steps))} + ' to be ${state}');
       const el = els[0];
       return (${body})(el, ...rest);`,
      steps,
      TIMEOUT,
      ...args,
    );
  }

  /** Whether the press of a click reached `el` (see Locator.click); a target the click
   *  removed or replaced was reached. */
  async reached(el) {
    try {
      return await this.driver.executeScript('return arguments[0].smsjbPressed !== false || !arguments[0].isConnected', el);
    } catch (e) {
      // The target was replaced, or the page it was on is gone: the click did its work.
      if (/StaleElementReference/.test(e.name) || navigatedAway(e)) return true;
      throw e;
    }
  }

  /** The WebDriver element of the locator, once visible (for clicks and typing). */
  async element(steps, state = 'visible') {
    return this.withElement(steps, '(el) => el', state);
  }

  async act(fn) {
    const actions = this.driver.actions({ async: true });
    await fn(actions).perform();
    await this.syncUrl();
  }

  async syncUrl() {
    try {
      await this.run('return null');
    } catch (e) {
      // A page that is navigating away has no address to read yet; the next call reads it.
      if (!navigatedAway(e)) throw e;
    }
  }

  locator(selector, options = {}) {
    const steps = [{ css: selector }];
    if (options.hasText !== undefined) steps.push({ hasText: options.hasText });
    return new Locator(this, steps);
  }

  // Page-level shortcuts, as Playwright has them.
  click(s) { return this.locator(s).click(); }
  dblclick(s) { return this.locator(s).dblclick(); }
  fill(s, v) { return this.locator(s).fill(v); }
  check(s) { return this.locator(s).check(); }
  focus(s) { return this.locator(s).focus(); }
  selectOption(s, v) { return this.locator(s).selectOption(v); }
  textContent(s) { return this.locator(s).textContent(); }
  inputValue(s) { return this.locator(s).inputValue(); }
  isChecked(s) { return this.locator(s).isChecked(); }
  isVisible(s) { return this.locator(s).isVisible(); }
  getAttribute(s, name) { return this.locator(s).getAttribute(name); }

  async waitForSelector(selector, options = {}) {
    await this.locator(selector).waitFor(options);
  }

  async waitForTimeout(ms) {
    await sleep(ms);
    await this.syncUrl();
  }

  async waitForFunction(fn, arg) {
    // A navigation the page starts (a link, a list that opens another page) cuts the polling
    // script short: poll again in the new page.
    const until = Date.now() + TIMEOUT;
    for (;;) {
      try {
        return await this.pollFunction(fn, arg);
      } catch (e) {
        // Firefox says so with an error ("Document was unloaded") instead of no result.
        const navigated = navigatedAway(e);
        if (!navigated || Date.now() > until) throw e;
        await sleep(100);
      }
    }
  }

  async pollFunction(fn, arg) {
    // The function is part of the script's text: the page's CSP forbids eval.
    const ok = await this.run(
      `const [arg, timeout] = args;
       const f = (${fn.toString()});
       const until = Date.now() + timeout;
       for (;;) {
         if (await f(arg)) return true;
         if (Date.now() > until) return false;
         await new Promise((r) => setTimeout(r, 25));
       }`,
      arg,
      TIMEOUT,
    );
    if (!ok) throw this.fail(`timed out waiting for ${fn}`);
  }

  evaluate(fn, arg) {
    return this.run(`return (${fn.toString()})(args[0]);`, arg);
  }

  $eval(selector, fn, arg) {
    return this.locator(selector).evaluate(fn, arg);
  }

  $$eval(selector, fn, arg) {
    return this.locator(selector).evaluateAll(fn, arg);
  }

  title() {
    return this.run('return document.title');
  }
}

/** True for an error that says the page went away while a script ran: a navigation the page
 *  started itself (each driver words it its own way). */
function navigatedAway(e) {
  return Boolean(e.navigated) || /NoSuchFrame/.test(e.name) || /unload|navigat/i.test(String(e.message));
}

/** Run on a click's target before the press: waits until its box is the same in two frames
 *  (at most about a second), then marks it unpressed and listens for the press. */
const STEADY_AND_LISTENING = `async (el) => {
  const frame = () => new Promise((done) => { requestAnimationFrame(() => done()); setTimeout(done, 50); });
  let last = '';
  for (let i = 0; i < 20; i++) {
    const r = el.getBoundingClientRect();
    const box = [r.x, r.y, r.width, r.height].join();
    if (box === last) break;
    last = box;
    await frame();
  }
  el.smsjbPressed = false;
  el.addEventListener('click', () => { el.smsjbPressed = true; }, { capture: true, once: true });
  return el;
}`;

class Locator {
  constructor(page, steps) {
    this.page = page;
    this.steps = steps;
  }

  locator(selector) {
    return new Locator(this.page, [...this.steps, { css: selector }]);
  }

  nth(i) {
    return new Locator(this.page, [...this.steps, { nth: i }]);
  }

  first() {
    return this.nth(0);
  }

  count() {
    return this.page.run('return resolve(args[0]).length', this.steps);
  }

  async waitFor(options = {}) {
    await this.page.withElement(this.steps, '() => null', options.state || 'visible');
  }

  evaluate(fn, arg) {
    return this.page.withElement(this.steps, fn.toString(), 'attached', arg);
  }

  evaluateAll(fn, arg) {
    return this.page.run(`return (${fn.toString()})(resolve(args[0]), args[1]);`, this.steps, arg);
  }

  textContent() {
    return this.evaluate((el) => el.textContent);
  }

  inputValue() {
    return this.evaluate((el) => el.value);
  }

  isChecked() {
    return this.evaluate((el) => el.checked);
  }

  getAttribute(name) {
    return this.evaluate((el, n) => el.getAttribute(n), name);
  }

  isVisible() {
    return this.page.run('const els = resolve(args[0]); return els.length > 0 && visible(els[0]);', this.steps);
  }

  isDisabled() {
    return this.evaluate((el) => el.matches(':disabled'));
  }

  async isEnabled() {
    return !(await this.isDisabled());
  }

  async focus() {
    await this.evaluate((el) => el.focus());
  }

  /**
   * Clicks the element once it is visible, retrying while the driver finds it covered, out of
   * reach or replaced (as Playwright waits for an element to be ready for a click).
   */
  async click() {
    const until = Date.now() + TIMEOUT;
    for (;;) {
      try {
        // A WebDriver click is aimed at a point: content that appears above the target between
        // the aim and the press (a panel mounting when its code arrives) moves the target away
        // and the press lands on something else. So, as Playwright does, wait until the target
        // stops moving, and listen on it to know whether the press reached it.
        const el = await this.page.withElement(this.steps, STEADY_AND_LISTENING, 'visible');
        await el.click();
        if (await this.page.reached(el)) break;
        if (Date.now() > until) throw this.page.fail(`click on ${describe(this.steps)}: every press landed elsewhere`);
      } catch (e) {
        const retry = /ElementNotInteractable|ElementClickIntercepted|StaleElementReference|MoveTargetOutOfBounds/.test(e.name);
        if (!retry || Date.now() > until) throw this.page.fail(`click on ${describe(this.steps)}: ${e.name} ${e.message}`);
        await this.page.withElement(this.steps, "(el) => el.scrollIntoView({ block: 'center' })");
        await sleep(50);
      }
    }
    await this.page.syncUrl();
  }

  async dblclick() {
    // Pointer actions need the element in view; a click scrolls there by itself.
    const el = await this.page.withElement(this.steps, "(el) => { el.scrollIntoView({ block: 'center' }); return el; }", 'visible');
    await this.page.act((a) => a.doubleClick(el));
  }

  async check() {
    if (!(await this.isChecked())) await this.click();
    if (!(await this.isChecked())) throw this.page.fail(`${describe(this.steps)} did not become checked`);
  }

  /** Like Playwright's: sets the value and fires input and change, as picking an option does. */
  async selectOption(value) {
    let ok;
    try {
      ok = await this.page.withElement(
        this.steps,
        `(el, v) => {
           if (![...el.options].some((o) => o.value === v)) return false;
           el.value = v;
           el.dispatchEvent(new Event('input', { bubbles: true }));
           el.dispatchEvent(new Event('change', { bubbles: true }));
           return true;
         }`,
        'visible',
        value,
      );
    } catch (e) {
      // A choice that opens another page (the list of operations) ends the script with it.
      if (!navigatedAway(e)) throw e;
      ok = true;
    }
    if (!ok) throw this.page.fail(`${describe(this.steps)} has no option ${value}`);
  }

  /**
   * Empties the control and types `text` into it. Text with a line break is set at once and
   * announced with an input event instead, because WebKitWebDriver drops "\n" from typed keys.
   */
  async fill(text) {
    const typed = text !== '' && !/[\r\n]/.test(text);
    await this.page.withElement(
      this.steps,
      `(el, text) => {
         el.focus();
         if (el.value === text) return;
         el.value = text;
         el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: text ? 'insertFromPaste' : 'deleteContentBackward' }));
         el.dispatchEvent(new Event('change', { bubbles: true }));
       }`,
      'visible',
      typed ? '' : text,
    );
    if (typed) await this.pressSequentially(text);
  }

  /**
   * Types `text` key by key at the end of what the control holds. WebKitWebDriver drops line
   * breaks and characters beyond the Basic Multilingual Plane (emoji) from typed keys, so in
   * WebKit those are inserted at the caret with an input event, as an emoji picker does.
   */
  async pressSequentially(text) {
    const el = await this.page.element(this.steps);
    const untypable = this.page.engine === 'webkit' ? /([\r\n]|[\u{10000}-\u{10FFFF}])/u : null;
    for (const part of untypable ? text.split(untypable) : [text]) {
      if (part === '') continue;
      if (untypable && untypable.test(part)) {
        await this.page.withElement(
          this.steps,
          `(el, t) => {
             el.focus();
             const at = el.selectionStart ?? el.value.length;
             el.setRangeText(t, at, el.selectionEnd ?? at, 'end');
             el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: t }));
           }`,
          'visible',
          part,
        );
      } else {
        await el.sendKeys(part);
      }
    }
    await this.page.syncUrl();
  }

  async press(key) {
    await this.focus();
    await this.page.keyboard.press(key);
  }
}
