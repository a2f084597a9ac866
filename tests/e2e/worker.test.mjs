// End-to-end test of the import worker (src/bin/import_worker.rs,
// src/app/tagger.rs): articles the reader adds are read and tagged in a Web
// Worker, hosted (Trunk's dateline-import_loader.js) and in the single file
// (a Blob worker); the page's main thread stays responsive during an import
// of 200 CoNLL-2003 articles; the page's wasm holds no entity model; and
// when no worker can start (hosted or single file), the page analyses the
// import itself.
// Run: node --test tests/e2e/worker.test.mjs
import assert from "node:assert/strict";
import { existsSync, readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { corpusOpen, DIST, guard, ROOT, servedDist } from "./harness.mjs";

const CONLL = path.resolve(ROOT, "../shared/data/conll2003/dev/corpus");
const SINGLE = path.join(ROOT, "dist-single", "dateline.html");
const WIRE = path.join(ROOT, "assets", "corpus");
/** A gazetteer entry (crates/engine/assets/gazetteer/gpe.txt) that no other source names. */
const GAZETTEER_WORD = "Ouagadougou";
const LONG_TASK_MS = 200;
const UNAVAILABLE = /import worker is unavailable/;

const tools = (page) => page.getByRole("region", { name: "Your articles", exact: true });
const list = (page) => page.getByRole("region", { name: "Articles", exact: true });

/**
 * Records long tasks (PerformanceObserver 'longtask') in window.__longTasks,
 * and when the import's progress bar came (window.__progressShown: the
 * import started) and went (window.__progressGone: the tagging done; then
 * the page stores the articles and links them with the corpus, its own job).
 */
async function watchLongTasks(context) {
  await context.addInitScript(() => {
    window.__longTasks = [];
    new PerformanceObserver((entries) => {
      for (const e of entries.getEntries()) window.__longTasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
    window.__progressShown = [];
    window.__progressGone = [];
    let shown = false;
    new MutationObserver(() => {
      const now = document.querySelector(".progress progress") !== null;
      if (shown && !now) window.__progressGone.push(performance.now());
      if (!shown && now) window.__progressShown.push(performance.now());
      shown = now;
    }).observe(document, { childList: true, subtree: true });
  });
}

async function opened(page) {
  await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button").first().waitFor({ timeout: 60_000 });
  await corpusOpen(page);
  await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor({ timeout: 60_000 });
}

/** The console warnings a page logs. */
function warnings(page) {
  const out = [];
  page.on("console", (msg) => {
    if (msg.type() === "warning") out.push(msg.text());
  });
  return out;
}

describe("the import worker", { timeout: 300_000 }, () => {
  const env = servedDist();

  test("the page's wasm holds no entity model; the worker's does", () => {
    const wasm = readdirSync(DIST).filter((f) => f.endsWith(".wasm"));
    const main = wasm.filter((f) => /^dateline-web-.*_bg\.wasm$/.test(f));
    assert.equal(main.length, 1, `one page wasm in dist/: ${wasm}`);
    assert.ok(wasm.includes("dateline-import_bg.wasm"), `the worker's wasm in dist/: ${wasm}`);
    assert.ok(!readFileSync(path.join(DIST, main[0])).includes(GAZETTEER_WORD), "the page's wasm has no gazetteer");
    assert.ok(readFileSync(path.join(DIST, "dateline-import_bg.wasm")).includes(GAZETTEER_WORD), "the worker's has");
    for (const f of ["dateline-import.js", "dateline-import_loader.js"]) assert.ok(existsSync(path.join(DIST, f)), f);
  });

  test("200 articles are analysed in the worker; no long task over 200 ms meanwhile", async () => {
    const files = readdirSync(CONLL)
      .filter((f) => f.endsWith(".txt"))
      .sort()
      .slice(0, 200)
      .map((f) => path.join(CONLL, f));
    assert.equal(files.length, 200, `${CONLL} has 200 articles`);
    // No service worker: its precache would request the worker's files too.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    context.setDefaultTimeout(10_000);
    await watchLongTasks(context);
    const requests = [];
    context.on("request", (req) => requests.push(new URL(req.url()).pathname));
    const page = await context.newPage();
    const g = guard(page, env.server.origin);
    const warned = warnings(page);
    try {
      await page.goto(`${env.server.origin}/`);
      await opened(page);
      assert.ok(!requests.some((p) => p.includes("dateline-import")), "the worker starts only on the first import");
      const worker = page.waitForEvent("worker");
      await page.getByLabel("Add article files").setInputFiles(files);
      assert.match((await worker).url(), /\/dateline-import_loader\.js$/);
      // The tagging is done when the progress bar goes (then the page stores
      // and links the articles: assembling the corpus is the page's job).
      await page.locator(".progress progress").waitFor();
      await page.locator(".progress progress").waitFor({ state: "detached", timeout: 180_000 });
      // Tasks from the import's start to the end of the tagging. Not counted:
      // the task that handles the file input and first shows the progress bar
      // (ending as the import starts: 100-250 ms for 200 files here, as before
      // the worker; the browser's own work on the picked files).
      const [started, tagged] = await page.evaluate(() => [window.__progressShown.at(-1), window.__progressGone.at(-1)]);
      await tools(page).getByText("Added 200 articles.").waitFor({ timeout: 60_000 });
      await list(page).getByText("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.").first().waitFor();
      const tasks = await page.evaluate(() => window.__longTasks);
      const during = tasks.filter((t) => t.start >= started && t.start < tagged);
      const after = tasks.filter((t) => t.start > tagged);
      console.log(
        `import of 200 articles: tagged in ${Math.round(tagged - started)} ms; long tasks while tagging: ` +
          `${JSON.stringify(during.map((t) => Math.round(t.duration)))}; after (linking, render): ` +
          `${JSON.stringify(after.map((t) => Math.round(t.duration)))}`,
      );
      assert.deepEqual(
        during.filter((t) => t.duration > LONG_TASK_MS).map((t) => Math.round(t.duration)),
        [],
        `no task over ${LONG_TASK_MS} ms on the main thread while the worker tags`,
      );
      assert.ok(requests.includes("/dateline-import_bg.wasm"), "the worker's wasm was loaded");
      assert.deepEqual(warned.filter((w) => UNAVAILABLE.test(w)), [], "no fallback to the page");
      g.assertClean();
    } finally {
      await context.close();
    }
  });

  test("if the worker cannot start, the page analyses the import itself", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    context.setDefaultTimeout(10_000);
    // As a browser that refuses the worker would.
    await context.route("**/dateline-import_loader.js", (route) => route.abort("blockedbyclient"));
    const page = await context.newPage();
    const warned = warnings(page);
    const errors = [];
    page.on("pageerror", (e) => errors.push(String(e)));
    try {
      await page.goto(`${env.server.origin}/`);
      await opened(page);
      await page.getByLabel("Add article files").setInputFiles([path.join(CONLL, "conll2003-testa-0001.txt")]);
      await tools(page).getByText("Added 1 article.").waitFor({ timeout: 60_000 });
      await list(page).getByText("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.").waitFor();
      assert.ok(warned.some((w) => UNAVAILABLE.test(w)), `a console warning says so: ${JSON.stringify(warned)}`);
      assert.deepEqual(errors, [], "uncaught page errors");
    } finally {
      await context.close();
    }
  });

  test("single file: the import runs in a Blob worker", async () => {
    assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run scripts/single-file first (scripts/test does)`);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const g = guard(page, "null");
    const warned = warnings(page);
    try {
      await page.goto(pathToFileURL(SINGLE).href);
      await opened(page);
      const worker = page.waitForEvent("worker");
      const seed = readdirSync(WIRE).filter((f) => f.endsWith(".txt"))[0];
      // A copy under another name, so it is added rather than clashing.
      await page.getByLabel("Add article files").setInputFiles({
        name: "copy.txt",
        mimeType: "text/plain",
        buffer: readFileSync(path.join(WIRE, seed)),
      });
      assert.match((await worker).url(), /^blob:/);
      await tools(page).getByText("Added 1 article.").waitFor({ timeout: 60_000 });
      assert.deepEqual(warned.filter((w) => UNAVAILABLE.test(w)), [], "no fallback to the page");
      assert.deepEqual(g.pageErrors, [], "uncaught page errors");
      assert.deepEqual(g.consoleErrors, [], "console errors");
    } finally {
      await context.close();
    }
  });

  test("single file: without workers, the page analyses the import itself", async () => {
    assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run scripts/single-file first (scripts/test does)`);
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    // As a browser without (or refusing) workers for file:// pages.
    await context.addInitScript(() => {
      window.Worker = function Worker() {
        throw new DOMException("Workers are not allowed here.", "SecurityError");
      };
    });
    const page = await context.newPage();
    const g = guard(page, "null");
    const warned = warnings(page);
    try {
      await page.goto(pathToFileURL(SINGLE).href);
      await opened(page);
      await page.getByLabel("Add article files").setInputFiles([path.join(CONLL, "conll2003-testa-0001.txt")]);
      await tools(page).getByText("Added 1 article.").waitFor({ timeout: 60_000 });
      await list(page).getByText("CRICKET - LEICESTERSHIRE TAKE OVER AT TOP AFTER INNINGS VICTORY.").waitFor();
      assert.ok(warned.some((w) => UNAVAILABLE.test(w)), `a console warning says so: ${JSON.stringify(warned)}`);
      assert.deepEqual(g.pageErrors, [], "uncaught page errors");
      assert.deepEqual(g.consoleErrors, [], "console errors");
    } finally {
      await context.close();
    }
  });
});
