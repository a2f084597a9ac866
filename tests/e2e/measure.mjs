// Measures the release bundle in dist/: wasm and JS glue sizes (raw, gzip -9,
// brotli q11 via node's zlib) and time to first render in headless Chromium
// (navigation start -> first Timeline button in the DOM, from the page's own
// clock), cold (a fresh browser context per load: empty cache) and warm
// (reloads in one context). Run through scripts/measure (builds first).
// Env: RUNS (default 10), JSON=1 for machine-readable output.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import zlib from "node:zlib";
import { DIST, guard, launchBrowser, requireDist, startServer } from "./harness.mjs";

const RUNS = Number(process.env.RUNS ?? 10);
const SELECTOR = 'section[aria-label="Timeline"] button';

function sizes(file) {
  const buf = readFileSync(file);
  return {
    raw: buf.length,
    gzip: zlib.gzipSync(buf, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(buf, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length,
      },
    }).length,
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KiB`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
};

// In the page, before any script: note when the first Timeline button shows
// up (performance.now() counts from navigation start) and when the wasm app
// reported it started (web/boot.js).
function probe(selector) {
  window.__m = {};
  addEventListener("TrunkApplicationStarted", () => {
    window.__m.started = performance.now();
  });
  const check = () => {
    if (window.__m.render === undefined && document.querySelector(selector)) {
      window.__m.render = performance.now();
      return true;
    }
    return false;
  };
  new MutationObserver((_, obs) => {
    if (check()) obs.disconnect();
  }).observe(document, { childList: true, subtree: true });
}

async function load(page, url) {
  await page.goto(url);
  await page.waitForSelector(SELECTOR, { state: "visible", timeout: 30_000 });
  await page.waitForFunction(() => window.__m.render !== undefined);
  return page.evaluate(() => ({ ...window.__m }));
}

requireDist();
const files = readdirSync(DIST);
// The reader's own wasm and glue; the import worker's (dateline-import*) load
// on the first import only, so they are not part of the first view.
const wasm = files.filter((f) => /^dateline-web.*_bg\.wasm$/.test(f));
const glue = files.filter((f) => /^dateline-web.*\.js$/.test(f));
if (wasm.length !== 1 || glue.length !== 1) {
  throw new Error(`expected one dateline-web*_bg.wasm and one dateline-web*.js in ${DIST}, found ${files.join(", ")}`);
}
const total = files
  .filter((f) => statSync(path.join(DIST, f)).isFile() && !f.startsWith("dateline-import"))
  .map((f) => sizes(path.join(DIST, f)))
  .reduce((a, s) => ({ raw: a.raw + s.raw, gzip: a.gzip + s.gzip, brotli: a.brotli + s.brotli }), {
    raw: 0,
    gzip: 0,
    brotli: 0,
  });
const sz = { wasm: sizes(path.join(DIST, wasm[0])), js: sizes(path.join(DIST, glue[0])), total };

const server = await startServer(DIST);
const browser = await launchBrowser();
const url = `${server.origin}/`;
const cold = [];
const warm = [];
const problems = [];
try {
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext();
    await context.addInitScript(probe, SELECTOR);
    const page = await context.newPage();
    const g = guard(page, server.origin);
    const m = await load(page, url);
    if (i > 0) cold.push(m); // the first load warms up the browser process itself
    try {
      g.assertClean();
    } catch (e) {
      problems.push(e.message);
    }
    await context.close();
  }
  const context = await browser.newContext();
  await context.addInitScript(probe, SELECTOR);
  const page = await context.newPage();
  await load(page, url);
  for (let i = 0; i < RUNS; i++) warm.push(await load(page, url));
  await context.close();
} finally {
  await browser.close();
  await server.close();
}

const stats = (ms, key) => {
  const xs = ms.map((m) => m[key]).filter((x) => x !== undefined);
  return xs.length ? { median: median(xs), min: Math.min(...xs), max: Math.max(...xs) } : null;
};
const result = {
  sizes: sz,
  files: { wasm: wasm[0], js: glue[0] },
  runs: RUNS,
  firstRender: { cold: stats(cold, "render"), warm: stats(warm, "render") },
  wasmStarted: { cold: stats(cold, "started"), warm: stats(warm, "started") },
  problems,
};

if (process.env.JSON === "1") {
  console.log(JSON.stringify(result, null, 2));
} else {
  const row = (name, s) => `| ${name.padEnd(22)} | ${kb(s.raw).padStart(10)} | ${kb(s.gzip).padStart(10)} | ${kb(s.brotli).padStart(10)} |`;
  console.log("| file                   |        raw |    gzip -9 | brotli q11 |");
  console.log("| ---------------------- | ---------: | ---------: | ---------: |");
  console.log(row("wasm (release, -Oz)", sz.wasm));
  console.log(row("JS glue", sz.js));
  console.log(row("dist/ total", sz.total));
  console.log();
  const ms = (s) => (s ? `${s.median.toFixed(0)} ms (${s.min.toFixed(0)}–${s.max.toFixed(0)})` : "n/a");
  const trow = (name, s) => `| ${name.padEnd(34)} | ${ms(s).padEnd(18)} |`;
  console.log(`| ${`headless Chromium, ${RUNS} loads each`.padEnd(34)} | median (min–max)   |`);
  console.log(`| ${"-".repeat(34)} | ${"-".repeat(18)} |`);
  console.log(trow("first render, cold (fresh context)", result.firstRender.cold));
  console.log(trow("first render, warm (reload)", result.firstRender.warm));
  console.log(trow("wasm started, cold", result.wasmStarted.cold));
  console.log(trow("wasm started, warm", result.wasmStarted.warm));
  console.log();
  console.log("First render = navigation start to the first Timeline button in the DOM (page clock).");
  if (problems.length) console.log(`Guard problems during loads:\n${problems.join("\n")}`);
}
