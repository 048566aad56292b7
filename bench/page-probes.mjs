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
  const check = (by) => {
    if (window.__benchReady !== undefined) return true;
    let ok = false;
    try {
      ok = Boolean(isReady());
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
  observer.observe(document, { childList: true, subtree: true, characterData: true, attributes: true });
  const frame = () => {
    if (!check('frame')) requestAnimationFrame(frame);
  };
  requestAnimationFrame(frame);
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
 * Keystroke latency, measured in the page. For each keystroke the description field gets a
 * new value (`base` + a unique marker); the clock starts just before its `input` event is
 * dispatched and stops at the first moment all output elements contain the marker, checked
 * synchronously after the dispatch, then after every DOM mutation in the outputs (a microtask
 * after the change), with a macrotask poll as a fallback. Between keystrokes the page gets two
 * frames and a task to settle, so each update starts from a quiet page. The first `warmup`
 * keystrokes are left out of the samples and returned apart.
 */
export async function measureKeystrokes({ field, outputs, base, count, warmup }) {
  const input = document.querySelector(`:is(input, textarea, select)[name="${field}"]`);
  const outs = outputs.map((id) => document.getElementById(id));
  if (!input || outs.some((o) => !o)) {
    return { error: `missing ${!input ? `[name=${field}]` : outputs.filter((_, i) => !outs[i]).map((id) => `#${id}`).join(', ')}` };
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
  const setValue = Object.getOwnPropertyDescriptor(Object.getPrototypeOf(input), 'value').set;
  const samples = [];
  const warm = [];
  let misses = 0;
  for (let i = 0; i < warmup + count; i++) {
    await settle();
    const marker = `K${i}Q`;
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
