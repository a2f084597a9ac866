// The browser half of scripts/bench-scale: one corpus size, hosted
// (DATELINE_DIST, served on localhost) or the single file (SINGLE_FILE,
// opened from file://). Prints one JSON line: sizes, first view cold and warm
// (navigation start -> first timeline marker and first article-list entry in
// the DOM, page clock; medians of RUNS loads, each warm one once the page
// before it has every text; and -> the list's first title,
// once the names part is read), opening an article from the
// list (click -> its title in the reader), search keystrokes (a query typed
// one key at a time: input event -> the list re-rendered, after a first pass
// that loads the search shards it needs), the time to every text loaded
// (data-corpus="open") and memory then (JS heap from performance.memory after a garbage collection,
// wasm linear memory from the instance).
// `node measure-scale.mjs --table results.jsonl` prints the README table.
import { readdirSync, readFileSync, statSync } from "node:fs";
import path from "node:path";
import { pathToFileURL } from "node:url";
import zlib from "node:zlib";
import { guard, launchBrowser, startServer } from "./harness.mjs";

const MARKER = 'section[aria-label="Timeline"] button';
const LIST_ITEM = 'section[aria-label="Articles"] li a';
/** A list entry with its title (the skeleton lists articles before). */
const TITLED = `${LIST_ITEM} .item-title:not(.pending)`;
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};
/** Brotli size at `quality` (11, what a static host's precompression uses,
 * unless said otherwise). */
const brotli = (buf, quality = 11) =>
  zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: quality, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

if (process.argv[2] === "--table") {
  printTable(readFileSync(process.argv[3], "utf8").trim().split("\n").map((l) => JSON.parse(l)));
  process.exit(0);
}

const RUNS = Number(process.env.RUNS ?? 5);
const single = process.env.SINGLE_FILE;
const dist = process.env.DATELINE_DIST;

/** Sizes of the files the first view needs, and of the bundle. */
function sizes() {
  if (single) {
    const buf = readFileSync(single);
    return { page: { raw: buf.length, brotli: brotli(buf) } };
  }
  const sum = (files, quality) =>
    files.reduce(
      (a, f) => {
        const buf = readFileSync(f);
        return { raw: a.raw + buf.length, brotli: a.brotli + brotli(buf, quality) };
      },
      { raw: 0, brotli: 0 },
    );
  // What the first view downloads: not the import worker (dateline-import*,
  // loaded on the first import only).
  const top = readdirSync(dist).filter((f) => statSync(path.join(dist, f)).isFile() && !f.startsWith("dateline-import"));
  const app = top.filter((f) => /\.(html|js|css|wasm)$/.test(f) && f !== "sw.js").map((f) => path.join(dist, f));
  const wasm = top.filter((f) => f.endsWith(".wasm")).map((f) => path.join(dist, f));
  const bundle = readdirSync(path.join(dist, "bundle")).map((f) => path.join(dist, "bundle", f));
  return {
    app: sum(app),
    wasm: sum(wasm),
    boot: sum([path.join(dist, "bundle", "boot.bin")]),
    outline: sum(["names.bin", "links.bin"].map((f) => path.join(dist, "bundle", f))),
    // Every part is deflated already, so brotli finds nothing more: on the
    // 10,000-article bundle (11.6 MB) quality 5 gives the same size to the
    // byte in 0.7 s, quality 11 in 50 s (8 minutes at 100,000 articles).
    bundle: sum(bundle, 5),
    chunks: bundle.filter((f) => /chunk-\d+-[0-9a-f]{16}\.bin$/.test(f)).length,
  };
}

function probe([marker, item, title]) {
  window.__m = {};
  addEventListener("TrunkApplicationStarted", (e) => {
    window.__m.started = performance.now();
    window.__wasm = e.detail && e.detail.wasm;
  });
  new MutationObserver((_, obs) => {
    if (window.__m.marker === undefined && document.querySelector(marker)) window.__m.marker = performance.now();
    if (window.__m.list === undefined && document.querySelector(item)) window.__m.list = performance.now();
    if (window.__m.titled === undefined && document.querySelector(title)) window.__m.titled = performance.now();
    if (window.__m.open === undefined && document.querySelector('.tagline[data-corpus="open"]')) window.__m.open = performance.now();
    if (window.__m.marker !== undefined && window.__m.titled !== undefined && window.__m.open !== undefined) obs.disconnect();
  }).observe(document, { childList: true, subtree: true, attributes: true, attributeFilter: ["data-corpus"] });
}

async function load(page, url) {
  await page.goto(url);
  await page.waitForFunction(
    () => window.__m.marker !== undefined && window.__m.list !== undefined && window.__m.titled !== undefined,
    null,
    { timeout: 120_000 },
  );
  return page.evaluate(() => ({ ...window.__m, firstView: Math.max(window.__m.marker, window.__m.list) }));
}

/** Until the page has every text and has been idle a moment: a warm load
 * is a later visit, not a reload racing the last one's loading (leaving a
 * page that still decodes chunks waits for its current task, 30-150 ms at
 * 10,000 articles, which a visit never pays). */
async function settled(page) {
  await page.locator('.tagline[data-corpus="open"]').waitFor({ timeout: 300_000 });
  await page.evaluate(() => new Promise((r) => requestIdleCallback(() => r(), { timeout: 2_000 })));
}

async function openArticle(page) {
  const links = page.locator(LIST_ITEM);
  const n = await links.count();
  const link = links.nth(Math.floor(n / 2));
  const title = (await link.locator(".item-title").textContent()).trim();
  return page.evaluate(async (title) => {
    const links = [...document.querySelectorAll('section[aria-label="Articles"] li a')];
    const link = links[Math.floor(links.length / 2)];
    const t0 = performance.now();
    link.click();
    await new Promise((resolve) => {
      const done = () => {
        const h = document.getElementById("reader-title");
        return h && h.textContent.trim() === title;
      };
      if (done()) return resolve();
      new MutationObserver((_, obs) => {
        if (done()) {
          obs.disconnect();
          resolve();
        }
      }).observe(document.body, { childList: true, subtree: true, characterData: true });
    });
    await new Promise((r) => requestAnimationFrame(() => r()));
    return performance.now() - t0;
  }, title);
}

/** What is typed, one key at a time: a common word, then a second. */
const TYPED = "government minister";

/** Each keystroke: input event dispatched -> every task it queued done
 * (Yew renders in microtasks; a zero timeout runs after them). */
async function keystrokes(page) {
  return page.evaluate(async (typed) => {
    const box = document.getElementById("search");
    const times = [];
    for (let i = 1; i <= typed.length; i++) {
      box.value = typed.slice(0, i);
      const t0 = performance.now();
      box.dispatchEvent(new InputEvent("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    box.value = "";
    box.dispatchEvent(new InputEvent("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    return times;
  }, TYPED);
}

/** What the page keeps: the JS heap after a garbage collection (the chunk
 * downloads it has decoded are garbage by then), and the wasm memory (which
 * never shrinks: its high-water mark). */
async function memory(page) {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("HeapProfiler.collectGarbage");
  await cdp.detach();
  return page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: window.__wasm && window.__wasm.memory ? window.__wasm.memory.buffer.byteLength : null,
  }));
}

const server = single ? null : await startServer(dist);
const url = single ? pathToFileURL(single).href : `${server.origin}/`;
const browser = await launchBrowser({ args: ["--enable-precise-memory-info"] });
const cold = [];
const warm = [];
const coldTitled = [];
const warmTitled = [];
const open = [];
const keys = [];
let mem = null;
let opened = null;
const problems = [];
try {
  for (let i = 0; i < RUNS + 1; i++) {
    const context = await browser.newContext();
    await context.addInitScript(probe, [MARKER, LIST_ITEM, TITLED]);
    const page = await context.newPage();
    const g = server ? guard(page, server.origin) : null;
    const m = await load(page, url);
    if (i > 0) {
      // the first load warms up the browser process
      cold.push(m.firstView);
      coldTitled.push(m.titled);
    }
    if (g) {
      try {
        g.assertClean();
      } catch (e) {
        problems.push(e.message.split("\n")[0]);
      }
    }
    await context.close();
  }
  const context = await browser.newContext();
  await context.addInitScript(probe, [MARKER, LIST_ITEM, TITLED]);
  const page = await context.newPage();
  await load(page, url);
  for (let i = 0; i < RUNS; i++) {
    await settled(page);
    const m = await load(page, url);
    warm.push(m.firstView);
    warmTitled.push(m.titled);
    open.push(await openArticle(page));
  }
  await page.locator('.tagline[data-corpus="open"]').waitFor({ timeout: 300_000 });
  opened = await page.evaluate(() => window.__m.open);
  mem = await memory(page);
  await keystrokes(page); // loads the search shards these words need
  await page.waitForTimeout(500);
  for (let i = 0; i < RUNS; i++) keys.push(...(await keystrokes(page)));
  await context.close();
} finally {
  await browser.close();
  if (server) await server.close();
}

console.log(
  JSON.stringify({
    mode: single ? "single file" : "hosted",
    articles: Number(process.env.ARTICLES),
    bundleSecs: process.env.BUNDLE_SECS ? Number(process.env.BUNDLE_SECS) : null,
    bundlePeakKb: process.env.BUNDLE_PEAK_KB ? Number(process.env.BUNDLE_PEAK_KB) : null,
    sizes: sizes(),
    runs: RUNS,
    firstView: { cold: median(cold), warm: median(warm), coldMax: Math.max(...cold), warmMax: Math.max(...warm) },
    titled: { cold: median(coldTitled), warm: median(warmTitled) },
    opened,
    openArticle: median(open),
    keystroke: { median: median(keys), p95: [...keys].sort((a, b) => a - b)[Math.floor(0.95 * (keys.length - 1))], max: Math.max(...keys) },
    memory: mem,
    problems,
  }),
);

function printTable(rows) {
  const mb = (n) => (n == null ? "–" : `${(n / 1e6).toFixed(2)} MB`);
  const ms = (n) => (n == null ? "–" : `${n.toFixed(0)} ms`);
  console.log(
    "| mode | articles | bundle build (s, peak RSS) | boot raw / brotli | names + links brotli | bundle raw / brotli (chunks) | app (HTML+JS+CSS+wasm) brotli | first view cold / warm | titles listed cold / warm | every text loaded | open an article | search keystroke median / p95 | JS heap + wasm memory, texts loaded |",
  );
  console.log("| --- | ---: | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- | --- |");
  for (const r of rows) {
    const s = r.sizes;
    const build = r.bundleSecs == null ? "–" : `${r.bundleSecs.toFixed(1)} s, ${(r.bundlePeakKb / 1024).toFixed(0)} MB`;
    const boot = s.boot ? `${mb(s.boot.raw)} / ${mb(s.boot.brotli)}` : "–";
    const bundle = s.bundle
      ? `${mb(s.bundle.raw)} / ${mb(s.bundle.brotli)} (${s.chunks})`
      : `whole page ${mb(s.page.raw)} / ${mb(s.page.brotli)}`;
    const app = s.app ? mb(s.app.brotli) : "–";
    const outline = s.outline ? mb(s.outline.brotli) : "–";
    const titled = r.titled ? `${ms(r.titled.cold)} / ${ms(r.titled.warm)}` : "–";
    const memory = r.memory ? `${mb(r.memory.heap)} + ${mb(r.memory.wasm)}` : "–";
    const keystroke = r.keystroke ? `${r.keystroke.median.toFixed(1)} / ${r.keystroke.p95.toFixed(1)} ms` : "–";
    console.log(
      `| ${r.mode} | ${r.articles.toLocaleString("en")} | ${build} | ${boot} | ${outline} | ${bundle} | ${app} | ${ms(r.firstView.cold)} / ${ms(r.firstView.warm)} | ${titled} | ${ms(r.opened)} | ${ms(r.openArticle)} | ${keystroke} | ${memory} |`,
    );
    if (r.problems.length) console.log(`  (guard: ${r.problems.join("; ")})`);
  }
}
