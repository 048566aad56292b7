// Code that runs INSIDE the benchmarked pages. Every timestamp is taken there with
// `performance.now()`, so the driver's round trips (tens of milliseconds) never enter a figure.
// These functions are serialised by Playwright: they must not use anything from this module's
// scope.

/**
 * Init script for a load: from document start, watches the DOM and notes the first moment
 * `isReady()` holds, as milliseconds since navigation start, in `window.__benchReady`.
 * The check runs after every batch of DOM mutations (a microtask after the change) and, as a
 * fallback for changes that touch no node (a form control's value property), on every frame.
 * `window.__benchReadyBy` says which of the two saw it first. The moment is also written to
 * the console as `READY_MESSAGE`, which the driver hears over the DevTools protocol: waiting
 * for it runs nothing in the page, whereas Playwright's `waitForFunction` injects its helper
 * script and polls it every frame, inside the very start-up being timed. Both functions are
 * put into the init script as source text (see `readyScript`), since the app's CSP forbids
 * `eval`.
 */
export function installReadyProbe(isReady) {
  // After `__benchRearm(search)`, only a page at that address counts (a switch in place keeps
  // the document, so the probe must wait for the new address and its form).
  let want = null;
  const check = (by) => {
    if (window.__benchReady !== undefined) return true;
    let ok = false;
    try {
      ok = (want === null || location.search === want) && Boolean(isReady());
    } catch {
      ok = false;
    }
    if (ok) {
      window.__benchReady = performance.now();
      window.__benchReadyBy = by;
      observer.disconnect();
      console.debug('bench: ready');
    }
    return ok;
  };
  const observer = new MutationObserver(() => check('mutation'));
  const watch = () => {
    observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
    requestAnimationFrame(frame);
  };
  const frame = () => {
    if (!check('frame')) requestAnimationFrame(frame);
  };
  window.__benchRearm = (search) => {
    want = search;
    window.__benchReady = undefined;
    watch();
  };
  watch();
}

/** What the ready probe writes to the console (the string literal in `installReadyProbe`). */
/**
 * A seed time a week from now at 09:00 UTC, as the bench types it: `iso` for ours, `local`
 * (no zone, minutes) for RJSF's date-time widget. Computed, so the form never warns that the
 * time has passed, whatever the day of the run.
 */
export function seedTime() {
  const t = new Date(Date.now() + 7 * 86400e3);
  t.setUTCHours(9, 0, 0, 0);
  const iso = t.toISOString().replace('.000Z', 'Z');
  return { iso, local: iso.slice(0, 16) };
}

export const READY_MESSAGE = 'bench: ready';

/**
 * Driver side: the nested form of issue 20's keystroke budget, `put-app-launch-configuration`
 * with 3 server groups × 5 servers, opened by its address as a share link would. Each server
 * has an id, a logical id and user data in S3 (`bucket`, key `k`); keystrokes go into the
 * logical id of the last server of the last group. A bucket name of 3 to 63 characters is
 * valid; `b` makes the form report one error per server.
 */
export function nestedForm(bucket) {
  const groups = [0, 1, 2].map((g) => ({
    serverGroupId: `sg-${g}`,
    launchOrder: g + 1,
    serverLaunchConfigurations: [0, 1, 2, 3, 4].map((k) => ({
      server: { serverId: `s-${g}${k}345678` },
      logicalId: `logical-${g}-${k}`,
      userData: { s3Location: { bucket, key: 'k' } },
    })),
  }));
  return {
    path:
      '/?op=put-app-launch-configuration&app-id=app-0123456789abcdef0' +
      `&server-group-launch-configurations=${encodeURIComponent(JSON.stringify(groups))}`,
    // The id the page gives that control (`nestedReady` names it too).
    field: 'f-server-group-launch-configurations--2-server-launch-configurations--4-logical-id',
    value: 'logical-2-4',
    base: 'logical-2-4-',
  };
}

/** Our page is usable when its first parameter control exists and the outputs are filled. */
export function oursReady() {
  const out = document.getElementById('out-cli');
  return document.querySelector(':is(input, textarea, select)[name=server-id]') !== null && out !== null && out.textContent.trim() !== '';
}

/**
 * Swagger UI is usable when the operation's request body editor exists in "try it out" mode
 * and holds the example body it generates from the schema (before that, nothing can be typed
 * that would be sent).
 */
export function swaggerReady() {
  const editor = document.querySelector('.opblock-body textarea.body-param__text');
  return editor !== null && editor.value.trim() !== '';
}

/**
 * The react-jsonschema-form page is usable when its server-id control exists (RJSF names
 * controls by their id, `root_<member>`) and its JSON document is shown.
 */
export function rjsfReady() {
  const out = document.getElementById('out-json');
  return document.querySelector('input[name=root_serverId]') !== null && out !== null && out.textContent.trim() !== '';
}

/**
 * Ready probe of the switching figures: one condition for every page a switch passes through,
 * chosen by the address. The main page (no `op`): as `oursReady`. The operation picker
 * (`?op=`): its search box and its link to `get-app` exist. An operation (`?op=<name>`): the
 * form is usable, that is the operation's member controls exist (`#f-app-id` for `get-app`;
 * `#f-next-token` and `#f-max-results` for `list-apps`) and `#out-http-body` shows the body of
 * the fresh form, `{}`. Another operation never becomes ready here, so a switch that lands on
 * the wrong page times out instead of being counted.
 */
export function switchReady() {
  const op = new URLSearchParams(location.search).get('op');
  if (op === null) {
    const out = document.getElementById('out-cli');
    return document.querySelector(':is(input, textarea, select)[name=server-id]') !== null && out !== null && out.textContent.trim() !== '';
  }
  if (op === '') return document.getElementById('op-filter') !== null && document.querySelector('#op-list a[href="?op=get-app"]') !== null;
  const members = { 'get-app': ['f-app-id'], 'list-apps': ['f-next-token', 'f-max-results'] }[op];
  const body = document.getElementById('out-http-body');
  return members !== undefined && members.every((id) => document.getElementById(id) !== null) && body !== null && body.textContent.trim() === '{}';
}

/**
 * Ready probe of the nested keystroke figure: the `put-app-launch-configuration` page shows
 * the nested value as fields (the last server's logical id, see `nestedForm`) and
 * the HTTP body is written.
 */
export function nestedReady() {
  const field = document.getElementById('f-server-group-launch-configurations--2-server-launch-configurations--4-logical-id');
  const body = document.getElementById('out-http-body');
  return field !== null && field.value !== '' && body !== null && body.textContent.includes('serverGroupLaunchConfigurations');
}

/**
 * Keystroke latency, measured in the page. For each keystroke the control (the one named
 * `field`, or the first that matches the CSS `selector`; looked up again before each
 * keystroke, in case a view rebuilt it) gets a
 * new value (`base` + a unique marker); the clock starts just before its `input` event is
 * dispatched and stops at the first moment all output elements contain the marker, checked
 * synchronously after the dispatch, then after every DOM mutation in the outputs (a microtask
 * after the change), with a macrotask poll as a fallback. Between keystrokes the page gets two
 * frames and a task to settle, so each update starts from a quiet page. The first `warmup`
 * keystrokes are left out of the samples and returned apart.
 */
export async function measureKeystrokes({ field, selector, outputs, base, count, warmup }) {
  const query = selector ?? `:is(input, textarea, select)[name="${field}"]`;
  const outs = outputs.map((id) => document.getElementById(id));
  if (!document.querySelector(query) || outs.some((o) => !o)) {
    return { error: `missing ${!document.querySelector(query) ? query : outputs.filter((_, i) => !outs[i]).map((id) => `#${id}`).join(', ')}` };
  }
  const textOf = (el) => (el instanceof HTMLTextAreaElement || el instanceof HTMLInputElement ? el.value : el.textContent);
  const frame = () => new Promise((ok) => requestAnimationFrame(() => ok()));
  const channel = new MessageChannel();
  const task = () =>
    new Promise((ok) => {
      channel.port1.onmessage = () => ok();
      channel.port2.postMessage(0);
    });
  const settle = async () => {
    await frame();
    await frame();
    await task();
  };

  const whenUpdated = (marker) => {
    const updated = () => outs.every((o) => textOf(o).includes(marker));
    if (updated()) return Promise.resolve(performance.now());
    return new Promise((ok) => {
      let done = false;
      const deadline = performance.now() + 2000;
      const finish = () => {
        if (done) return true;
        if (updated()) {
          const t = performance.now();
          done = true;
          observer.disconnect();
          ok(t);
          return true;
        }
        if (performance.now() > deadline) {
          done = true;
          observer.disconnect();
          ok(NaN);
          return true;
        }
        return false;
      };
      const observer = new MutationObserver(finish);
      for (const o of outs) observer.observe(o, { childList: true, subtree: true, characterData: true });
      const poll = () => {
        if (!finish()) task().then(poll);
      };
      task().then(poll);
    });
  };

  // The value goes in through the prototype's setter, as the browser's own typing does: React
  // keeps a copy of the value on each control, and a change made through the element's own
  // `value` property would update that copy too, so React would see no change at `input`.
  const samples = [];
  const warm = [];
  let misses = 0;
  for (let i = 0; i < warmup + count; i++) {
    await settle();
    const marker = `K${i}Q`;
    const input = document.querySelector(query);
    if (!input) return { error: `${query} went away after ${i} keystrokes` };
    const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
    setValue.call(input, base + marker);
    const event = new Event('input', { bubbles: true });
    const t0 = performance.now();
    input.dispatchEvent(event);
    const t1 = await whenUpdated(marker);
    if (Number.isNaN(t1)) {
      misses += 1;
      // An app that never shows the value will not start to; do not wait 2 s per keystroke.
      if (misses >= 3) break;
      continue;
    }
    (i < warmup ? warm : samples).push(t1 - t0);
  }
  return {
    samples,
    warm,
    misses,
    isolated: window.crossOriginIsolated,
    lengths: outs.map((o) => textOf(o).length),
  };
}

/**
 * Starts a switch the way a user does: follows a link, the one matching `selector` or, with
 * `href`, a new one added to the page (as a link from elsewhere to `?op=get-app` would be).
 * The click happens in a task of its own after this returns, so the driver's call is not cut
 * off by the navigation; the moment just before it is kept in `sessionStorage` (as an epoch
 * time, `performance.timeOrigin + performance.now()`), where the next page of this tab finds
 * it. Returns a reason when there is nothing to click.
 */
export function followLink({ selector, href }) {
  let link;
  if (href !== undefined) {
    link = document.createElement('a');
    link.href = href;
    document.body.append(link);
  } else {
    link = document.querySelector(selector);
    if (!link) return `no ${selector}`;
  }
  setTimeout(() => {
    sessionStorage.setItem('bench-switch-t0', String(performance.timeOrigin + performance.now()));
    link.click();
  }, 0);
  return null;
}

/**
 * What the page after a switch knows of it: the click's moment (from `followLink`), its own
 * navigation start and ready time, when its HTML had arrived, and when its wasm (`wasm`, a
 * file name) was asked for and had arrived (milliseconds since its navigation start).
 */
export function switchLanded(wasm) {
  const file = performance.getEntriesByType('resource').find((e) => e.name.split('?')[0].endsWith(`/${wasm}`));
  const nav = performance.getEntriesByType('navigation')[0];
  return {
    t0: Number(sessionStorage.getItem('bench-switch-t0')),
    origin: performance.timeOrigin,
    ready: window.__benchReady,
    search: location.search,
    htmlArrived: nav ? nav.responseEnd : NaN,
    wasmAsked: file ? file.startTime : NaN,
    wasmArrived: file ? file.responseEnd : NaN,
  };
}

/** Types `value` into the control named `name` the way the browser would report it. */
export function setControl({ name, value }) {
  const input = document.querySelector(`:is(input, textarea, select)[name="${name}"]`);
  if (!input) return false;
  // Through the prototype's setter, so that React sees the change (see `measureKeystrokes`).
  Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set.call(input, value);
  input.dispatchEvent(new Event('input', { bubbles: true }));
  input.dispatchEvent(new Event('change', { bubbles: true }));
  return true;
}

/**
 * Driver side: resolves when the page's ready probe writes `READY_MESSAGE` to the console,
 * rejects after `timeoutMs`. Listening runs no code in the page (see `installReadyProbe`).
 * Call it before navigating.
 */
export function readyHeard(page, timeoutMs = 30_000) {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ready message within ${timeoutMs / 1000} s`)), timeoutMs);
    timer.unref();
    page.on('console', (m) => {
      if (m.text() === READY_MESSAGE) {
        clearTimeout(timer);
        resolve();
      }
    });
  });
}

/** The init script text that installs the ready probe with the given condition. */
export function readyScript(isReady) {
  return `(${installReadyProbe.toString()})(${isReady.toString()});`;
}
