// Where the milliseconds go: loads a build in headless Chromium, records a CPU profile (the
// V8 sampling profiler over the DevTools protocol) of the first load and of keystrokes in the
// description field, and prints the functions with the most self time. Build the wasm with
// its name section kept (CARGO_PROFILE_RELEASE_STRIP=false, then wasm-bindgen) for Rust names.
//
// Usage: node profile.mjs DIST_DIR [--keys N] [--long] [--defer-writes] [--nested [--errors]] [--total] [--top N] [--times] [--callees NAME]
// --times measures the keystrokes without the profiler and prints their median and p95 only.
// --callees NAME prints where the time under the functions named NAME (a part of the name) goes.
// --total also prints each function's total (inclusive) time: its own and its callees'.
// --defer-writes wraps history.replaceState and localStorage.setItem so they run 300 ms later,
// to see what a keystroke costs once those writes are off its path.
// --nested profiles the nested put-app-launch-configuration form of run.mjs instead of the main
// page (its valid filling; with --errors, the one with an error per server).

import { chromium } from 'playwright-core';
import path from 'node:path';
import { startServer } from './serve.mjs';
import { measureKeystrokes, nestedForm, nestedReady, readyHeard, readyScript, oursReady, seedTime, setControl } from './page-probes.mjs';

const args = process.argv.slice(2);
const dist = args[0] && path.resolve(args[0]);
if (!dist) {
  console.error('usage: node profile.mjs DIST_DIR [--keys N] [--long]');
  process.exit(2);
}
const keys = args.includes('--keys') ? Number(args[args.indexOf('--keys') + 1]) : 300;
const long = args.includes('--long');
const timesOnly = args.includes('--times');
const nested = args.includes('--nested') ? nestedForm(args.includes('--errors') ? 'b' : 'bench-user-data') : null;
const DEFER_WRITES = `
  const replace = History.prototype.replaceState;
  let pendingUrl = null;
  History.prototype.replaceState = function (...a) {
    clearTimeout(pendingUrl);
    pendingUrl = setTimeout(() => replace.apply(this, a), 300);
  };
  const setItem = Storage.prototype.setItem;
  const pendingItems = new Map();
  Storage.prototype.setItem = function (k, v) {
    clearTimeout(pendingItems.get(k));
    pendingItems.set(k, setTimeout(() => setItem.call(this, k, v), 300));
  };`;

/** Self time per function (ms), from a V8 CPU profile. */
function selfTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const total = new Map();
  const deltas = profile.timeDeltas;
  for (let i = 0; i < profile.samples.length; i++) {
    const node = byId.get(profile.samples[i]);
    const f = node.callFrame;
    const name = `${f.functionName || '(anonymous)'} ${f.url ? f.url.split('/').pop() : ''}`.trim();
    total.set(name, (total.get(name) ?? 0) + (deltas[i + 1] ?? 0) / 1000);
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Total (inclusive) time per function (ms): each sample counts once for every distinct
 * function on its stack, so a caller's figure holds what its callees cost.
 */
function totalTimes(profile) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`.trim();
  const total = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    const seen = new Set();
    for (let id = profile.samples[i]; id !== undefined; id = parent.get(id)) seen.add(nameOf(byId.get(id)));
    for (const name of seen) total.set(name, (total.get(name) ?? 0) + ms);
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1]);
}

/**
 * Where the time of the functions whose name contains `pattern` goes: total time per direct
 * callee (`(self)` for their own), counted under the outermost matching frame of each sample.
 */
function calleeTimes(profile, pattern) {
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const nameOf = (n) => `${n.callFrame.functionName || '(anonymous)'} ${n.callFrame.url ? n.callFrame.url.split('/').pop() : ''}`.trim();
  const total = new Map();
  for (let i = 0; i < profile.samples.length; i++) {
    const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000;
    let below = '(self)';
    let found = null;
    for (let id = profile.samples[i], child = null; id !== undefined; child = id, id = parent.get(id)) {
      if (nameOf(byId.get(id)).includes(pattern)) {
        found = nameOf(byId.get(id));
        below = child === null ? '(self)' : nameOf(byId.get(child));
      }
    }
    if (found) total.set(below, (total.get(below) ?? 0) + ms);
  }
  return [...total.entries()].sort((a, b) => b[1] - a[1]);
}

function print(title, profile, top = args.includes('--top') ? Number(args[args.indexOf('--top') + 1]) : 40) {
  const rows = selfTimes(profile);
  const sum = rows.reduce((t, [, ms]) => t + ms, 0);
  console.log(`\n== ${title}: ${sum.toFixed(1)} ms sampled`);
  for (const [name, ms] of rows.slice(0, top)) {
    console.log(`${ms.toFixed(2).padStart(9)} ms ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
  }
  if (args.includes('--callees')) {
    const pattern = args[args.indexOf('--callees') + 1];
    console.log(`\n== ${title}: under ${pattern}`);
    for (const [name, ms] of calleeTimes(profile, pattern).slice(0, top)) {
      console.log(`${ms.toFixed(2).padStart(9)} ms ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
    }
  }
  if (!args.includes('--total')) return;
  console.log(`\n== ${title}: total (inclusive) time`);
  for (const [name, ms] of totalTimes(profile).slice(0, top)) {
    console.log(`${ms.toFixed(2).padStart(9)} ms ${((100 * ms) / sum).toFixed(1).padStart(5)}%  ${name.slice(0, 150)}`);
  }
}

const server = await startServer({ '/': dist });
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
});
try {
  const context = await browser.newContext();
  await context.addInitScript({ content: readyScript(nested ? nestedReady : oursReady) });
  if (args.includes('--defer-writes')) await context.addInitScript({ content: DEFER_WRITES });
  const page = await context.newPage();
  const cdp = await context.newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 50 });
  await cdp.send('Profiler.start');
  const heard = readyHeard(page);
  await page.goto(`${server.origin}${nested ? nested.path : '/'}`, { waitUntil: 'commit' });
  await heard;
  const ready = await page.evaluate(() => window.__benchReady);
  print(`first load (ready at ${ready.toFixed(1)} ms)`, (await cdp.send('Profiler.stop')).profile);

  let how;
  if (nested) {
    // Every output that carries the values (all but the skeletons), as run.mjs measures it.
    const outputs = await page.evaluate(() => [...document.querySelectorAll('pre[id^="out-"]:not([id^="out-skeleton-"])')].map((e) => e.id));
    how = { selector: `#${nested.field}`, outputs, base: nested.base };
  } else {
    await page.evaluate(setControl, { name: 'server-id', value: 's-12345678' });
    await page.evaluate(setControl, { name: 'seed-replication-time', value: seedTime().iso });
    how = { field: 'description', outputs: ['out-cli', 'out-json', 'out-yaml', 'out-http-body'], base: long ? 'abcdefghij'.repeat(1000) : 'Nightly-copy-' };
  }
  if (timesOnly) {
    // The figures without the profiler's overhead: no profile is taken.
    const r = await page.evaluate(measureKeystrokes, { ...how, count: keys, warmup: 5 });
    if (r.error) throw new Error(r.error);
    const sorted = [...r.samples].sort((a, b) => a - b);
    const at = (q) => sorted[Math.min(sorted.length - 1, Math.ceil(q * sorted.length) - 1)]?.toFixed(3);
    console.log(`${keys} keystrokes, no profiler: median ${at(0.5)} ms, p95 ${at(0.95)} ms, max ${sorted.at(-1)?.toFixed(3)} ms, ${r.misses} missed`);
    await context.close();
    process.exit(0);
  }
  await cdp.send('Profiler.start');
  const r = await page.evaluate(measureKeystrokes, { ...how, count: keys, warmup: 5 });
  if (r.error) throw new Error(r.error);
  const prof = (await cdp.send('Profiler.stop')).profile;
  const sorted = [...r.samples].sort((a, b) => a - b);
  print(`${keys} keystrokes (median ${sorted[Math.floor(sorted.length / 2)]?.toFixed(3)} ms)`, prof);
  await context.close();
} finally {
  await browser.close();
  await server.close();
}
