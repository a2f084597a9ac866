// Dateline at 10,000 articles (issue #10): the real-news corpus of
// ../shared/bench/make_corpus.py is bundled with `dateline bundle` into a copy
// of dist/ (the app files are the same for any corpus: no Rust is rebuilt)
// and into a single file, and both are opened in Chromium: the first view
// (timeline and list), opening an article, a deep link, and no request that
// is not the page's own. The reader's wasm holds none of the corpus text.
// Needs dist/ (trunk build), target/single/ (scripts/single-file), the
// release CLI and ../shared; scripts/test builds them all before this runs.
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, existsSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { pathToFileURL } from "node:url";
import { DIST, ROOT, corpusOpen, guard, launchBrowser, requireDist, startServer } from "./harness.mjs";

const N = Number(process.env.SCALE_ARTICLES ?? 10000);
const WORK = path.join(ROOT, "target", "e2e-scale");
const CORPUS = path.join(WORK, `corpus-${N}`);
const SCALE_DIST = path.join(WORK, "dist");
const SINGLE = path.join(WORK, "dateline.html");
const CLI = path.join(ROOT, "target", "release", "dateline");
const MARKER = 'section[aria-label="Timeline"] button';
const LIST_ITEM = 'section[aria-label="Articles"] li a';

/** The corpus, its bundle in a copy of dist/, and the single file. */
function build() {
  requireDist();
  if (!existsSync(path.join(CORPUS, ".complete"))) {
    rmSync(CORPUS, { recursive: true, force: true });
    execFileSync("python3", [path.join(ROOT, "../shared/bench/make_corpus.py"), String(N), CORPUS], { stdio: "ignore" });
    writeFileSync(path.join(CORPUS, ".complete"), "");
  }
  rmSync(SCALE_DIST, { recursive: true, force: true });
  cpSync(DIST, SCALE_DIST, { recursive: true });
  rmSync(path.join(SCALE_DIST, "bundle"), { recursive: true, force: true });
  execFileSync(CLI, ["bundle", CORPUS, "-o", path.join(SCALE_DIST, "bundle")], { stdio: "ignore" });
  execFileSync("node", [path.join(ROOT, "scripts/sw-precache.mjs"), SCALE_DIST], { stdio: "ignore" });
  const single = path.join(ROOT, "target", "single");
  execFileSync(
    "node",
    [
      path.join(ROOT, "scripts/single-file.mjs"),
      path.join(single, "dateline-web.js"),
      path.join(single, "dateline-web_bg.opt.wasm"),
      path.join(SCALE_DIST, "bundle"),
      SINGLE,
      path.join(single, "dateline-import.js"),
      path.join(single, "dateline-import_bg.opt.wasm"),
    ],
    { stdio: "ignore" },
  );
}

/** The list's count line, e.g. "10000 of 10000". */
async function countLine(page) {
  return (await page.locator('section[aria-label="Articles"] .count').textContent()).trim();
}

async function firstView(page) {
  await page.waitForSelector(MARKER, { timeout: 120_000 });
  await page.waitForSelector(LIST_ITEM, { timeout: 120_000 });
  assert.equal(await countLine(page), `${N} of ${N}`);
  assert.match(await page.locator(".tagline").textContent(), new RegExp(`^${N} articles · \\d+ entities · \\d+ dated events$`));
}

/** Opens the 41st listed article (the list renders pages of 60) by click
 * and checks the reader shows it. */
async function openFromList(page) {
  const link = page.locator(LIST_ITEM).nth(40);
  const title = (await link.locator(".item-title").textContent()).trim();
  await link.click();
  await page.waitForFunction((t) => document.getElementById("reader-title")?.textContent.trim() === t, title);
  assert.match(page.url(), /#article=/);
  await corpusOpen(page, 120_000);
  // Its entities are highlighted: the annotations came with the bundle.
  assert.ok((await page.locator("article.reader mark.entity").count()) > 0, "no entity highlighted in the opened article");
  return page.url();
}

/** With an article open, a search that ranks it far down the list: the
 * list shows a page from the top and a window around the open article,
 * not every row before it (which made a keystroke take minutes at
 * 100,000 articles). */
async function searchWithArticleOpen(page) {
  const before = await countLine(page);
  await page.fill("#search", "the");
  await page.waitForFunction((b) => document.querySelector('section[aria-label="Articles"] .count').textContent.trim() !== b, before);
  const list = page.locator('section[aria-label="Articles"]');
  await list.locator("li.gap").waitFor();
  const gap = await list.locator("li.gap").textContent();
  const skipped = Number(/^(\d+) more before the open article/.exec(gap)?.[1]);
  assert.ok(skipped > 1_000, gap);
  // A page from the top, the gap, the article with the rows around it
  // (and a page or two more after it if "Show more" came into view).
  const rows = await list.locator("li").count();
  assert.ok(rows <= 60 + 1 + 10 + 1 + 3 * 60, `${rows} rows rendered, ${skipped} skipped`);
  assert.equal(await list.locator('a[aria-current="true"]').count(), 1, "the open article is listed");
  await page.fill("#search", "");
}

/** The first view, an article opened from the list, then its deep link in a fresh page. */
async function journey(context, page) {
  await firstView(page);
  const link = await openFromList(page);
  const title = (await page.locator("#reader-title").textContent()).trim();
  await searchWithArticleOpen(page);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForFunction((t) => document.getElementById("reader-title")?.textContent.trim() === t, title, {
    timeout: 120_000,
  });
}

describe(`${N} real news articles`, () => {
  let browser;
  before(async () => {
    build();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  test("the reader's wasm holds none of the corpus", () => {
    const wasm = readdirSync(DIST).find((f) => /^dateline-web.*_bg\.wasm$/.test(f));
    const bytes = readFileSync(path.join(DIST, wasm));
    const titles = readdirSync(CORPUS)
      .filter((f) => f.endsWith(".txt"))
      .slice(0, 50)
      .map((f) => readFileSync(path.join(CORPUS, f), "utf8").split(/\r?\n/)[1].trim())
      .filter((t) => t.length > 24);
    assert.ok(titles.length > 10);
    for (const t of titles) assert.equal(bytes.indexOf(Buffer.from(t)), -1, `the wasm contains "${t}"`);
  });

  test("hosted: first view, an article from the list, and its deep link", async () => {
    const server = await startServer(SCALE_DIST);
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const g = guard(page, server.origin);
      await page.goto(`${server.origin}/`);
      await journey(context, page);
      // The timeline was built once, for the first view (the boot part
      // carries the salience of its items): not again when the titles and
      // links arrived, nor when the texts did.
      const builds = await page.evaluate(() => performance.getEntriesByName("dateline-timeline-model").length);
      assert.equal(builds, 1, "the timeline model was built again after the first view");
      g.assertClean();
    } finally {
      await context.close();
      await server.close();
    }
  });

  test("timeline: zoom, pan, brush, a +N cluster, open by mouse and by keyboard", async () => {
    const server = await startServer(SCALE_DIST);
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
    try {
      const page = await context.newPage();
      const g = guard(page, server.origin);
      await page.goto(`${server.origin}/`);
      await firstView(page);
      await corpusOpen(page, 120_000);
      const timeline = page.getByRole("region", { name: "Timeline", exact: true });
      const plot = timeline.locator(".timeline-plot");
      const label = () => timeline.locator(".range-label").textContent();
      const changed = (before) =>
        page.waitForFunction((b) => document.querySelector(".range-label").textContent !== b, before);
      // The canvas draws what the pixels hold: a bounded set of buttons.
      const buttons = await timeline.locator(".timeline-mirror button").count();
      assert.ok(buttons > 20 && buttons < 600, `${buttons} buttons mirror the canvas`);
      const fitted = await label();

      await plot.focus();
      await page.keyboard.press("+");
      await changed(fitted);
      const zoomedIn = await label();
      await page.keyboard.press("ArrowRight");
      await changed(zoomedIn);
      await page.keyboard.press("0");
      assert.equal(await label(), fitted, "0 fits everything again");
      const box = await plot.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 40);
      await page.mouse.wheel(0, -600);
      await changed(fitted);
      const zoomed = await label();
      await page.mouse.move(box.x + box.width * 0.6, box.y + 20);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.3, box.y + 20, { steps: 6 });
      await page.mouse.up();
      await changed(zoomed);
      await page.keyboard.press("0");

      // Shift+drag from the quarter to the 60th percentile of the markers
      // (the fitted view also spans the events, far wider than the articles)
      // filters the list and the markers.
      const xs = (await timeline.locator("button.marker").evaluateAll((bs) => bs.map((b) => {
        const r = b.getBoundingClientRect();
        return r.x + r.width / 2;
      }))).sort((a, b) => a - b);
      const [x0, x1] = [xs[Math.floor(xs.length / 4)], xs[Math.floor(xs.length * 0.6)]];
      assert.ok(x1 - x0 > 8, `markers spread over ${x0}..${x1}`);
      await page.keyboard.down("Shift");
      await page.mouse.move(x0, box.y + 20);
      await page.mouse.down();
      await page.mouse.move(x1, box.y + 20, { steps: 6 });
      await page.mouse.up();
      await page.keyboard.up("Shift");
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("from"));
      const { from, to } = Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1)));
      await page.waitForFunction((n) => !document.querySelector('section[aria-label="Articles"] .count').textContent.trim().startsWith(`${n} `), N);
      const kept = Number((await countLine(page)).split(" ")[0]);
      assert.ok(kept > 0 && kept < N, `${kept} articles between ${from} and ${to}`);
      const dates = await timeline.locator("button.marker").evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label").slice(0, 10)));
      assert.ok(dates.length > 0 && dates.every((d) => from <= d && d <= to), `markers outside ${from}..${to}: ${dates}`);
      await timeline.getByRole("button", { name: "Clear range" }).click();
      await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("from"));

      // A "+N" cluster lists its articles.
      const cluster = timeline.locator("button.marker-more").first();
      const clusterName = await cluster.getAttribute("aria-label");
      const more = Number(clusterName.split(" ")[0]);
      await cluster.click();
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("from"));
      const listed = Number((await countLine(page)).split(" ")[0]);
      assert.ok(listed >= more, `${clusterName}: ${listed} listed`);
      await timeline.getByRole("button", { name: "Clear range" }).click();
      await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("from"));

      // By mouse: a marker opens its article.
      const opens = async (marker, how) => {
        const name = await marker.getAttribute("aria-label");
        const title = name.slice(13, name.lastIndexOf(" ("));
        await how(marker);
        await page.waitForFunction((t) => document.getElementById("reader-title")?.textContent.trim() === t, title);
      };
      await opens(timeline.locator("button.marker").nth(3), (m) => m.click());
      // By keyboard: Tab from the plot reaches the first marker; Enter opens it.
      await plot.focus();
      await page.keyboard.press("Tab");
      const focused = page.locator(":focus");
      assert.equal(await focused.evaluate((el) => el.classList.contains("marker")), true, "Tab lands on a marker");
      await opens(focused, () => page.keyboard.press("Enter"));
      // And an event opens its article at the sentence that dates it.
      await timeline.locator("button.event").first().focus();
      await page.keyboard.press("Enter");
      await page.locator("article.reader p.focused").waitFor();
      g.assertClean();
    } finally {
      await context.close();
      await server.close();
    }
  });

  test("single file from file://: first view, an article, a deep link, no request", async () => {
    const context = await browser.newContext();
    try {
      const page = await context.newPage();
      const requests = [];
      page.on("request", (r) => {
        if (!r.url().startsWith("file:") && !r.url().startsWith("data:")) requests.push(r.url());
      });
      await page.goto(pathToFileURL(SINGLE).href);
      await journey(context, page);
      assert.deepEqual(requests, []);
    } finally {
      await context.close();
    }
  });
});
