// The browser half of scripts/bench-timeline: one corpus size, in one
// headless Chromium, our timeline (the real page, DATELINE_DIST with the
// corpus bundled) and vis-timeline 8.5 from npm (a page of its own on the
// same server, the corpus's articles as items: default options, then
// `stack: false`). For each: first draw, JS heap (+ wasm memory for ours)
// after it, and 20 zoom steps, one per animation frame, from the full range
// to a 30-day window and back. A frame's time runs from the start of its
// animation-frame callbacks to the first task after its rendering (the
// work of that frame: script, style, layout, paint); reported as median,
// worst and frames over 16.7 ms. Prints one JSON line.
// `node measure-timeline.mjs --table results.jsonl` prints the README table.
import { readdirSync, readFileSync, writeFileSync, copyFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { launchBrowser, startServer } from "./harness.mjs";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
const STEPS = 10; // each way: 20 frames in all
const WINDOW_DAYS = 30;
const VIS_TIMEOUT_MS = Number(process.env.VIS_TIMEOUT_MS ?? 120_000);
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length ? (s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2) : null;
};
const summary = (frames) =>
  frames && {
    all: frames.map((f) => +f.toFixed(1)),
    frames: frames.length,
    median: +median(frames).toFixed(2),
    worst: +Math.max(...frames).toFixed(2),
    over: frames.filter((f) => f > 16.7).length,
  };

if (process.argv[2] === "--table") {
  printTable(readFileSync(process.argv[3], "utf8").trim().split("\n").map((l) => JSON.parse(l)));
  process.exit(0);
}

const dist = process.env.DATELINE_DIST;
const corpusDir = process.env.CORPUS_DIR;
if (!dist || !corpusDir) throw new Error("DATELINE_DIST and CORPUS_DIR are required");

/** The corpus's articles as vis-timeline items: header date and title. */
function visItems() {
  const items = [];
  for (const name of readdirSync(corpusDir).filter((f) => f.endsWith(".txt")).sort()) {
    const lines = readFileSync(path.join(corpusDir, name), "utf8").split("\n");
    const m = /date\s+(\d{4}-\d{2}-\d{2})/.exec(lines[0] ?? "");
    const title = lines.slice(1).find((l) => l.trim()) ?? name;
    if (m) items.push({ id: items.length, content: title.trim().slice(0, 120), start: m[1] });
  }
  return items;
}

/** vis-timeline's page: the standalone build, its CSS, the items. */
function writeVisPage() {
  const umd = path.join(ROOT, "node_modules/vis-timeline/standalone/umd/vis-timeline-graph2d.min.js");
  const css = path.join(ROOT, "node_modules/vis-timeline/styles/vis-timeline-graph2d.min.css");
  copyFileSync(umd, path.join(dist, "bench-vis.js"));
  copyFileSync(css, path.join(dist, "bench-vis.css"));
  writeFileSync(path.join(dist, "bench-vis-items.json"), JSON.stringify(visItems()));
  writeFileSync(
    path.join(dist, "bench-vis.html"),
    `<!doctype html><meta charset="utf-8"><link rel="stylesheet" href="bench-vis.css">
<body style="margin:0"><div id="tl" style="width:1240px"></div><script src="bench-vis.js"></script>`,
  );
}

/** In the page: the time of each frame running one of `window.__steps`. */
function zoomFrames() {
  const steps = window.__steps;
  return new Promise((resolve) => {
    const frames = [];
    let i = 0;
    const frame = () => {
      const t0 = performance.now();
      steps[i]();
      const channel = new MessageChannel();
      channel.port1.onmessage = () => {
        frames.push(performance.now() - t0);
        i += 1;
        if (i < steps.length) requestAnimationFrame(frame);
        else resolve(frames);
      };
      channel.port2.postMessage(0);
    };
    requestAnimationFrame(frame);
  });
}

async function memory(page) {
  return page.evaluate(() => ({
    heap: performance.memory ? performance.memory.usedJSHeapSize : null,
    wasm: window.__wasm && window.__wasm.memory ? window.__wasm.memory.buffer.byteLength : null,
  }));
}

async function ours(browser, origin) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", (e) => {
      window.__wasm = e.detail && e.detail.wasm;
    });
  });
  await page.goto(`${origin}/`);
  await page.waitForFunction(() => performance.getEntriesByName("dateline-timeline-drawn").length > 0, null, {
    timeout: 300_000,
  });
  // The timeline is built once, from the boot part (whose salience makes
  // it final); zoom once every text is in, so the frames measure the
  // timeline, not the chunks being decoded beside it.
  await page.locator('.tagline[data-corpus="open"]').waitFor({ timeout: 300_000 });
  await page.waitForTimeout(500);
  // The timeline's own work: building its model, then composing and
  // painting the first frame (the rest of the page renders in between).
  const draw = await page.evaluate(() => {
    const last = (n) => performance.getEntriesByName(n).at(-1).startTime;
    const model = last("dateline-timeline-model-built") - last("dateline-timeline-model");
    const paint = last("dateline-timeline-drawn") - last("dateline-timeline-paint");
    return { model, paint, total: model + paint };
  });
  const mem = await memory(page);
  const counts = await page.evaluate(() => document.querySelector(".corpus-stats, .masthead p")?.textContent ?? "");
  await page.locator(".timeline-plot").focus();
  await page.keyboard.press("0");
  await page.evaluate(
    ([steps, windowDays]) => {
      const plot = document.querySelector(".timeline-plot");
      const r = plot.getBoundingClientRect();
      const label = document.querySelector(".range-label").textContent;
      const [from, to] = label.split(" – ").map((d) => Date.parse(d));
      const span = (to - from) / 86_400_000 + 1;
      const factor = Math.pow(span / windowDays, 1 / steps);
      const wheel = (f) => () =>
        plot.dispatchEvent(
          new WheelEvent("wheel", {
            deltaY: -Math.log(f) / 0.002,
            clientX: r.left + r.width / 2,
            clientY: r.top + 40,
            bubbles: true,
            cancelable: true,
          }),
        );
      window.__steps = [...Array(steps).fill(wheel(factor)), ...Array(steps).fill(wheel(1 / factor))];
    },
    [STEPS, WINDOW_DAYS],
  );
  const measured = await page.evaluate(zoomFrames);
  const drawn = await page.evaluate(() => document.querySelectorAll('section[aria-label="Timeline"] button').length);
  await page.close();
  return { firstDraw: +draw.total.toFixed(1), model: +draw.model.toFixed(1), paint: +draw.paint.toFixed(1), memory: mem, zoom: summary(measured), buttons: drawn, stats: counts.trim() };
}

/** Resolves to "late" after `ms`, unless `promise` settles first. */
function within(promise, ms) {
  let timer;
  const late = new Promise((resolve) => {
    timer = setTimeout(() => resolve("late"), ms);
  });
  return Promise.race([promise, late]).finally(() => clearTimeout(timer));
}

/** vis-timeline in a browser of its own: when its synchronous drawing
 * outlasts a timeout (first draw, then the zoom), the whole browser is
 * killed (nothing else can interrupt a busy page). */
async function vis(origin, options) {
  const browser = await launchBrowser({ args: ["--enable-precise-memory-info"] });
  try {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
    const drawn = await within(visDraw(page, origin, options), VIS_TIMEOUT_MS);
    if (drawn === "late") return { firstDraw: null, timedOut: VIS_TIMEOUT_MS };
    const zoom = await within(visZoom(page), VIS_TIMEOUT_MS);
    return { ...drawn, ...(zoom === "late" ? { zoom: null, zoomTimedOut: VIS_TIMEOUT_MS } : zoom) };
  } finally {
    await browser.close().catch(() => {});
  }
}

async function visDraw(page, origin, options) {
  await page.goto(`${origin}/bench-vis.html`);
  const result = await page.evaluate(async (opts) => {
    const items = await (await fetch("bench-vis-items.json")).json();
    const data = new vis.DataSet(items);
    const t0 = performance.now();
    return new Promise((resolve) => {
      window.__tl = new vis.Timeline(document.getElementById("tl"), data, {
        ...opts,
        onInitialDrawComplete: () => resolve({ firstDraw: +(performance.now() - t0).toFixed(1) }),
      });
    });
  }, options);
  result.memory = await memory(page);
  return result;
}

async function visZoom(page) {
  const result = {};
  await page.evaluate(
    ([steps, windowDays]) => {
      const tl = window.__tl;
      const w = tl.getWindow();
      const [a, b] = [w.start.valueOf(), w.end.valueOf()];
      const mid = (a + b) / 2;
      const spans = [];
      const factor = Math.pow((b - a) / (windowDays * 86_400_000), 1 / steps);
      for (let i = 1; i <= steps; i++) spans.push((b - a) / Math.pow(factor, i));
      for (let i = steps - 1; i >= 0; i--) spans.push((b - a) / Math.pow(factor, i));
      window.__steps = spans.map((s) => () => tl.setWindow(mid - s / 2, mid + s / 2, { animation: false }));
    },
    [STEPS, WINDOW_DAYS],
  );
  result.zoom = summary(await page.evaluate(zoomFrames));
  result.domNodes = await page.evaluate(() => document.getElementsByTagName("*").length);
  return result;
}

// OURS_ONLY=1: our timeline alone (a corpus with many events per article,
// which vis-timeline, drawing the articles only, would not see).
const oursOnly = process.env.OURS_ONLY === "1";
if (!oursOnly) writeVisPage();
const server = await startServer(dist);
const browser = await launchBrowser({ args: ["--enable-precise-memory-info"] });
try {
  const origin = server.origin;
  const out = { articles: Number(process.env.ARTICLES), ours: await ours(browser, origin) };
  await browser.close();
  if (!oursOnly) {
    out.visDefault = await vis(origin, {});
    out.visNoStack = await vis(origin, { stack: false });
  }
  console.log(JSON.stringify(out));
} finally {
  await browser.close().catch(() => {});
  server.close();
}

function printTable(rows) {
  const mb = (b) => (b == null ? "–" : (b / 1048576).toFixed(1));
  const zoom = (z, r) =>
    z ? `${z.median} / ${z.worst} ms, ${z.over} of ${z.frames} over 16.7 ms` : r?.zoomTimedOut ? `not done in ${r.zoomTimedOut / 1000} s` : "–";
  const draw = (r) => (r.firstDraw == null ? `not drawn in ${r.timedOut / 1000} s` : `${r.firstDraw} ms`);
  console.log("| articles | timeline | first draw | JS heap (+ wasm) MB | zoom frames: median / worst |");
  console.log("|---|---|---|---|---|");
  for (const r of rows) {
    const n = r.articles.toLocaleString("en");
    const o = r.ours;
    const events = /([\d,]+) dated events/.exec(o.stats ?? "")?.[1] ?? "?";
    console.log(`| ${n} | Dateline (canvas, ${events} events) | ${draw(o)} | ${mb(o.memory.heap)} (+ ${mb(o.memory.wasm)}) | ${zoom(o.zoom)} |`);
    const peers = [["vis-timeline 8.5, default", r.visDefault], ["vis-timeline 8.5, stack: false", r.visNoStack]];
    for (const [name, v] of peers.filter(([, v]) => v)) {
      console.log(`| ${n} | ${name} | ${draw(v)} | ${v.memory ? mb(v.memory.heap) : "–"} | ${zoom(v.zoom, v)} |`);
    }
  }
}
