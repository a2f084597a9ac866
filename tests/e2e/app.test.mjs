// End-to-end test of the built reader (dist/), against the app's testing
// contract: Playwright (playwright-core) drives Debian's Chromium; python's
// http.server serves dist/ at / and a copy of it under /sub/dateline/
// (a GitHub Pages project site). Run: node --test tests/e2e/app.test.mjs
// (scripts/test builds dist/ first). UPDATE_SCREENSHOT=1 also refreshes
// assets/screenshot.png for the README.
import assert from "node:assert/strict";
import { copyFileSync, cpSync, mkdirSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, test } from "node:test";
import { DIST, ROOT, corpusOpen, guard, servedDist, startServer, watchStart } from "./harness.mjs";

// The two seed articles (assets/corpus/<id>.txt).
const SEEDS = [
  {
    id: "000_fd1aee54e6a12c6a",
    date: "2021-03-03",
    title: "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems - Official",
  },
  {
    id: "003_113eacf95b61ac4f",
    date: "2022-04-27",
    title: "Turkiye could buy 2nd S-400 unit from Russia: Defence Industries",
  },
];
const TITLE_BY_ID = new Map(SEEDS.map((s) => [s.id, s.title]));
const CORPUS_IDS = readdirSync(path.join(ROOT, "assets/corpus"))
  .filter((f) => f.endsWith(".txt"))
  .map((f) => f.slice(0, -4))
  .sort();
const OUT = path.join(ROOT, "tests/e2e/out");
const RENDER_TIMEOUT = 20_000;

// ---- page model (the testing contract) ------------------------------------
const timeline = (page) => page.getByRole("region", { name: "Timeline", exact: true });
const articles = (page) => page.getByRole("region", { name: "Articles", exact: true });
const reader = (page) => page.getByRole("main").locator("article");
const readerTitle = (page) => reader(page).locator("h1, h2, h3").first();
const search = (page) =>
  page.getByRole("combobox", { name: "Search" });
const hashParams = (page) => Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1)));

async function listIds(page) {
  const hrefs = await articles(page).locator("a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  return hrefs.map((h) => {
    const m = /^#article=([^&]+)$/.exec(h ?? "");
    assert.ok(m, `article link href ${JSON.stringify(h)} is not #article=<id>`);
    return decodeURIComponent(m[1]);
  });
}

async function titleText(page) {
  return (await readerTitle(page).innerText()).trim();
}

/** What "the same view" means when a deep link is reopened. */
async function viewState(page) {
  return {
    hash: hashParams(page),
    readerTitle: await titleText(page),
    list: await listIds(page),
    // Whatever the app marks as selected/current (entity chips, list items...).
    selected: await page
      .locator('[aria-pressed="true"], [aria-selected="true"], [aria-current]:not([aria-current="false"])')
      .evaluateAll((els) =>
        els.map((e) => `${e.tagName.toLowerCase()}|${e.getAttribute("data-entity") ?? ""}|${e.textContent.trim().slice(0, 80)}`),
      ),
  };
}

/** Entity mention "Ismail Demir" in the open article. */
const demir = (page) => reader(page).locator('mark[data-label="PERSON"]', { hasText: "Ismail Demir" }).first();

/** Moves focus out of any input so that single-key shortcuts apply. */
async function blur(page) {
  await page.evaluate(() => {
    if (document.activeElement && document.activeElement !== document.body) document.activeElement.blur();
  });
}

// ---- fixtures ---------------------------------------------------------------
let env;

async function open(url, { viewport } = {}) {
  const context = await env.browser.newContext({ viewport: viewport ?? { width: 1280, height: 800 } });
  context.setDefaultTimeout(10_000);
  await watchStart(context);
  const page = await context.newPage();
  const g = guard(page, new URL(url).origin);
  await page.goto(url);
  await timeline(page).getByRole("button").first().waitFor({ state: "visible", timeout: RENDER_TIMEOUT });
  await corpusOpen(page, RENDER_TIMEOUT);
  return { context, page, g };
}

/** Runs fn with a fresh page on url, then checks the request/console guards. */
async function withPage(url, fn, opts) {
  const { context, page, g } = await open(url, opts);
  try {
    await fn(page);
    g.assertClean();
  } finally {
    await context.close();
  }
}

describe("Dateline reader (dist/ in headless Chromium)", { timeout: 300_000 }, () => {
  env = servedDist();

  test("the shell loads: title, CSP, no inline script, the wasm starts", async () => {
    const context = await env.browser.newContext();
    await watchStart(context);
    const page = await context.newPage();
    const g = guard(page, env.server.origin);
    try {
      await page.goto(`${env.server.origin}/`);
      await page.waitForFunction(() => window.__datelineStarted !== undefined, null, { timeout: RENDER_TIMEOUT });
      assert.equal(await page.title(), "Dateline");
      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /default-src 'self'/);
      assert.doesNotMatch(csp, /script-src[^;]*'unsafe-inline'/, "scripts must not need 'unsafe-inline'");
      const inline = await page
        .locator("script:not([src])")
        .evaluateAll((ss) => ss.filter((s) => !s.type || /javascript|module/.test(s.type)).length);
      assert.equal(inline, 0, "no inline executable <script>");
      g.assertClean();
    } finally {
      await context.close();
    }
  });

  test("timeline: a button per seed article, named with its ISO date and title", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      const labels = await timeline(page)
        .getByRole("button")
        .evaluateAll((bs) => bs.map((b) => b.getAttribute("aria-label") ?? ""));
      for (const seed of SEEDS) {
        assert.ok(
          labels.some((l) => l.includes(seed.date) && l.includes(seed.title)),
          `no timeline button named with ${seed.date} and "${seed.title}"; names: ${JSON.stringify(labels)}`,
        );
        assert.ok((await timeline(page).getByRole("button", { name: seed.date }).count()) >= 1);
      }
    });
  });

  test("article list: one link per article; a click opens it in the reader", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      const ids = await listIds(page);
      assert.deepEqual([...ids].sort(), CORPUS_IDS, "one link per article in assets/corpus");
      for (const seed of SEEDS) {
        await articles(page).locator(`a[href="#article=${seed.id}"]`).click();
        await assert.doesNotReject(readerTitle(page).filter({ hasText: seed.title }).waitFor());
        assert.equal(hashParams(page).article, seed.id);
      }
    });
  });

  test("entities: 'Ismail Demir' is a PERSON mark; selecting it lists both articles", async () => {
    await withPage(`${env.server.origin}/#article=${SEEDS[0].id}`, async (page) => {
      await readerTitle(page).filter({ hasText: SEEDS[0].title }).waitFor();
      const marks = reader(page).locator("mark");
      assert.ok((await marks.count()) > 0, "the open article has entity <mark>s");
      const bad = await marks.evaluateAll((ms) =>
        ms.filter((m) => !m.dataset.label || !m.dataset.entity).map((m) => m.outerHTML.slice(0, 120)),
      );
      assert.deepEqual(bad, [], "every <mark> has data-label and data-entity");
      const mark = demir(page);
      const entity = await mark.getAttribute("data-entity");
      assert.ok(entity, "Ismail Demir's mark has a data-entity id");
      await mark.click();
      await page.waitForFunction((e) => new URLSearchParams(location.hash.slice(1)).get("entity") === e, entity);
      assert.deepEqual((await listIds(page)).sort(), SEEDS.map((s) => s.id).sort());
    });
  });

  test("deep link: reopening the URL restores the view; back/forward", async () => {
    let url;
    let state;
    await withPage(`${env.server.origin}/`, async (page) => {
      const [a, b] = await listIds(page);
      await articles(page).locator(`a[href="#article=${a}"]`).click();
      await readerTitle(page).filter({ hasText: TITLE_BY_ID.get(a) ?? "" }).waitFor();
      const hashA = new URL(page.url()).hash;
      await articles(page).locator(`a[href="#article=${b}"]`).click();
      await readerTitle(page).filter({ hasText: TITLE_BY_ID.get(b) ?? "" }).waitFor();
      const hashB = new URL(page.url()).hash;
      assert.notEqual(hashA, hashB);

      await page.goBack();
      await page.waitForFunction((h) => location.hash === h, hashA);
      await readerTitle(page).filter({ hasText: TITLE_BY_ID.get(a) ?? "" }).waitFor();
      await page.goForward();
      await page.waitForFunction((h) => location.hash === h, hashB);
      await readerTitle(page).filter({ hasText: TITLE_BY_ID.get(b) ?? "" }).waitFor();

      // Select the entity in article b (both seeds mention Ismail Demir).
      const entity = await demir(page).getAttribute("data-entity");
      await demir(page).click();
      await page.waitForFunction((e) => new URLSearchParams(location.hash.slice(1)).get("entity") === e, entity);
      assert.equal(hashParams(page).article, b, "selecting an entity keeps the open article");
      url = page.url();
      state = await viewState(page);

      await page.goBack();
      await page.waitForFunction((h) => location.hash === h, hashB);
      assert.equal(hashParams(page).entity, undefined);
      await page.goForward();
      await page.waitForFunction((u) => location.href === u, url);
    });

    // A fresh context (no history, no storage) on the deep link.
    await withPage(url, async (page) => {
      await readerTitle(page).filter({ hasText: state.readerTitle }).waitFor();
      assert.deepEqual(await viewState(page), state);
    });
  });

  test("keyboard: j/k move through the list, / focuses Search, typing filters, Esc clears", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      const ids = await listIds(page);
      assert.ok(ids.length >= 2);
      await articles(page).locator(`a[href="#article=${ids[0]}"]`).click();
      await readerTitle(page).filter({ hasText: TITLE_BY_ID.get(ids[0]) ?? "" }).waitFor();
      const first = await titleText(page);

      await blur(page);
      await page.keyboard.press("j");
      await page.waitForFunction((id) => location.hash.includes(`article=${id}`), ids[1]);
      const second = await titleText(page);
      assert.notEqual(second, first, "j: the reader shows the next article");
      assert.equal(second, TITLE_BY_ID.get(ids[1]) ?? second);
      await page.keyboard.press("k");
      await page.waitForFunction((id) => location.hash.includes(`article=${id}`), ids[0]);
      assert.equal(await titleText(page), first, "k: back to the previous article");

      // Esc clears the selection (the entity, at least).
      await demir(page).click();
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("entity"));
      await blur(page);
      await page.keyboard.press("Escape");
      await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("entity"));

      await blur(page);
      await page.keyboard.press("/");
      const box = search(page);
      assert.ok(await box.evaluate((el) => el === document.activeElement), "/ focuses Search");
      assert.equal(await box.inputValue(), "", "the / is not typed into Search");
      // Ranked: the 2022 article writes Turkiye; the 2021 one only Turkey,
      // an entity the corpus also knows as Türkiye.
      await page.keyboard.type("Turkiye");
      await page.waitForFunction(
        () => document.querySelector('section[aria-label="Articles"] .snippet') !== null,
      );
      assert.deepEqual(await listIds(page), ["003_113eacf95b61ac4f", "000_fd1aee54e6a12c6a"]);
      await page.keyboard.type(" pantsi");
      await page.waitForFunction(
        () => document.querySelectorAll('section[aria-label="Articles"] a').length === 1,
      );
      assert.deepEqual(await listIds(page), ["003_113eacf95b61ac4f"], "only the 2022 article names the Pantsir");
    });
  });

  test("sub-path: the same build works at /sub/dateline/ (GitHub Pages project site)", async () => {
    const tmp = mkdtempSync(path.join(os.tmpdir(), "dateline-subpath-"));
    const sub = await (async () => {
      mkdirSync(path.join(tmp, "sub"), { recursive: true });
      cpSync(DIST, path.join(tmp, "sub", "dateline"), { recursive: true });
      return startServer(tmp);
    })();
    try {
      await withPage(`${sub.origin}/sub/dateline/`, async (page) => {
        assert.deepEqual((await listIds(page)).sort(), CORPUS_IDS);
      });
      await withPage(`${sub.origin}/sub/dateline/#article=${SEEDS[1].id}`, async (page) => {
        await readerTitle(page).filter({ hasText: SEEDS[1].title }).waitFor();
      });
    } finally {
      await sub.close();
      rmSync(tmp, { recursive: true, force: true });
    }
  });

  test("screenshot of the reader (tests/e2e/out/reader.png)", async () => {
    await withPage(`${env.server.origin}/#article=${SEEDS[0].id}`, async (page) => {
      await readerTitle(page).filter({ hasText: SEEDS[0].title }).waitFor();
      await demir(page).click();
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("entity"));
      // The top of the page (timeline, list, title), with an entity card open.
      await page.evaluate(() => window.scrollTo(0, 0));
      await reader(page).locator("p.summary mark", { hasText: "Russia" }).first().hover();
      await page.locator(".entity-card").waitFor();
      mkdirSync(OUT, { recursive: true });
      const png = path.join(OUT, "reader.png");
      await page.screenshot({ path: png });
      if (process.env.UPDATE_SCREENSHOT === "1") {
        copyFileSync(png, path.join(ROOT, "assets/screenshot.png"));
        console.log("updated assets/screenshot.png");
      }
    });
  });
});
