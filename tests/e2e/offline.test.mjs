// End-to-end tests of the two ways Dateline works without a network:
//   - the single-file build (dist-single/dateline.html, scripts/single-file)
//     opened from disk (file://): it renders the corpus, makes no request and
//     logs no error;
//   - the hosted build (dist/) with its service worker (web/sw.js): after a
//     first visit it works offline, also under a sub-path; and a new deploy
//     replaces the old version's cache completely.
// Run: node --test tests/e2e/offline.test.mjs (scripts/test builds dist/ and
// dist-single/ first).
import assert from "node:assert/strict";
import {
  cpSync,
  existsSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  utimesSync,
  writeFileSync,
} from "node:fs";
import { execFileSync } from "node:child_process";
import os from "node:os";
import path from "node:path";
import { pathToFileURL } from "node:url";
import { after, before, describe, test } from "node:test";
import { DIST, ROOT, corpusOpen, guard, launchBrowser, requireDist, startServer, watchStart } from "./harness.mjs";

const SINGLE = path.resolve(process.env.DATELINE_SINGLE ?? path.join(ROOT, "dist-single/dateline.html"));
const SEEDS = [
  { id: "000_fd1aee54e6a12c6a", date: "2021-03-03", title: "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems - Official" },
  { id: "003_113eacf95b61ac4f", date: "2022-04-27", title: "Turkiye could buy 2nd S-400 unit from Russia: Defence Industries" },
];
const RENDER_TIMEOUT = 20_000;

const timelineButtons = (page) => page.locator('section[aria-label="Timeline"] button');
const reader = (page) => page.getByRole("main").locator("article");
const demir = (page) => reader(page).locator('mark[data-label="PERSON"]', { hasText: "Ismail Demir" }).first();

async function rendered(page) {
  await timelineButtons(page).first().waitFor({ state: "visible", timeout: RENDER_TIMEOUT });
  await corpusOpen(page, RENDER_TIMEOUT);
}

/** Both seeds are in the timeline; opening the first shows its highlighted entities. */
async function assertReads(page) {
  const names = await timelineButtons(page).evaluateAll((bs) =>
    bs.map((b) => `${b.getAttribute("aria-label") ?? ""} ${b.textContent}`),
  );
  for (const seed of SEEDS) {
    assert.ok(
      names.some((n) => n.includes(seed.date)),
      `no timeline button named with ${seed.date}; names: ${JSON.stringify(names.slice(0, 20))}`,
    );
  }
  const list = page.getByRole("region", { name: "Articles", exact: true });
  await list.locator(`a[href="#article=${SEEDS[0].id}"]`).click();
  await reader(page).locator("h1, h2, h3").first().filter({ hasText: SEEDS[0].title }).waitFor();
  await demir(page).waitFor({ state: "visible" });
  // Search works here too, from the bundle's own index (shards and all):
  // a misspelt word finds the one article naming the Pantsir.
  const box = page.getByRole("combobox", { name: "Search" });
  await box.fill("Pantsri ");
  await page.waitForFunction(
    (id) => {
      const links = [...document.querySelectorAll('section[aria-label="Articles"] li > a')];
      return links.length === 1 && links[0].getAttribute("href") === `#article=${id}`;
    },
    SEEDS[1].id,
  );
  await box.fill("");
}

/** The served sw.js's VERSION, PRECACHE and PARTS (written by scripts/sw-precache.mjs). */
function swInfo(dir) {
  const sw = readFileSync(path.join(dir, "sw.js"), "utf8");
  const version = /^const VERSION = "([0-9a-f]{16})";$/m.exec(sw)?.[1];
  const precache = JSON.parse(/^const PRECACHE = (\[[^\]]*\]);$/m.exec(sw)?.[1] ?? "null");
  const parts = JSON.parse(/^const PARTS = (\[[^\]]*\]);$/m.exec(sw)?.[1] ?? "null");
  assert.ok(version, `${dir}/sw.js has no generated VERSION (was it built by trunk with the post_build hook?)`);
  assert.ok(Array.isArray(precache) && precache.includes("index.html"), `${dir}/sw.js has no generated PRECACHE`);
  assert.ok(Array.isArray(parts), `${dir}/sw.js has no generated PARTS`);
  return { version, precache, parts };
}

/** Waits until a service worker controls the page (reloading once if the first load was not claimed). */
async function controlled(page) {
  await page.evaluate(() => navigator.serviceWorker.ready.then(() => undefined));
  if (!(await page.evaluate(() => navigator.serviceWorker.controller !== null))) {
    await page.reload();
    await rendered(page);
  }
  assert.ok(await page.evaluate(() => navigator.serviceWorker.controller !== null), "a service worker controls the page");
}

const cacheKeys = (page) => page.evaluate(() => caches.keys());

/** Waits until the cache of `version` holds every file of that build, and
 *  only those. */
async function wholeCached(page, scope, { version, precache, parts }) {
  const whole = [...precache, ...parts].map((f) => new URL(f, scope).href).sort();
  const cached = () =>
    page.evaluate(
      (name) => caches.open(name).then((c) => c.keys()).then((rs) => rs.map((r) => r.url).sort()),
      `dateline:${scope}:${version}`,
    );
  let last;
  await until(async () => JSON.stringify((last = await cached())) === JSON.stringify(whole), "the whole build is cached").catch(
    (err) => assert.fail(`${err.message}: cached ${JSON.stringify(last)}, expected ${JSON.stringify(whole)}`),
  );
}

/** Polls fn (async, truthy when done) every 200 ms for up to 20 s. */
async function until(fn, what, timeout = 20_000) {
  const end = Date.now() + timeout;
  while (!(await fn())) {
    if (Date.now() > end) throw new Error(`timed out after ${timeout} ms waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

let browser;

describe("Dateline offline", { timeout: 180_000 }, () => {
  before(async () => {
    browser = await launchBrowser();
  });

  after(async () => {
    await browser?.close();
  });

  test("single file: opens from file://, renders the corpus, no request, no error", async () => {
    assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run scripts/single-file first (scripts/test does)`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    await watchStart(context);
    const page = await context.newPage();
    const url = pathToFileURL(SINGLE).href; // what a double-click opens
    const g = guard(page, "null"); // file:// pages have an opaque origin
    const requests = [];
    context.on("request", (req) => requests.push(req.url()));
    try {
      await page.goto(url);
      await page.waitForFunction(() => window.__datelineStarted !== undefined, null, { timeout: RENDER_TIMEOUT });
      await rendered(page);
      await assertReads(page);

      const csp = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute("content");
      assert.match(csp, /default-src 'none'/);
      assert.match(csp, /connect-src 'none'/);
      const scriptSrc = /script-src([^;]*)/.exec(csp)?.[1] ?? "";
      assert.match(scriptSrc, /'sha256-/, "inline scripts are allowed by hash");
      assert.doesNotMatch(scriptSrc, /'unsafe-inline'/, "not by 'unsafe-inline'");
      const icon = await page.evaluate(async () => {
        const img = new Image();
        img.src = document.querySelector('link[rel="icon"]').href;
        await img.decode();
        return img.naturalWidth;
      });
      assert.ok(icon > 0, "the favicon (a data: URL) is a valid image");
      const external = await page.locator("script[src], link[rel=stylesheet]").count();
      assert.equal(external, 0, "no external script or stylesheet");
      // A storage failure under file:// is reported as a notice, never thrown.
      const notices = await page.locator(".notice").allInnerTexts();
      if (notices.length) console.log(`notices under file://: ${JSON.stringify(notices)}`);

      // The only request is the page itself (file://), nothing over a network.
      const others = requests.filter((u) => u !== url && !u.startsWith("data:") && !u.startsWith("blob:"));
      assert.deepEqual(others, [], "requests besides the page itself");
      assert.deepEqual(g.consoleErrors, [], "console errors");
      assert.deepEqual(g.pageErrors, [], "uncaught page errors");
      assert.deepEqual(g.httpErrors, [], "HTTP errors");
    } finally {
      await context.close();
    }
  });

  test("single file: add an article from disk, it persists across a reload; export works", async () => {
    assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run scripts/single-file first`);
    const dir = mkdtempSync(path.join(os.tmpdir(), "dateline-single-add-"));
    const file = path.join(dir, "wire.txt");
    writeFileSync(
      file,
      " date 2022-05-10 Wire\nNATO weighs Turkiye S-400 talks\n\nNATO officials in Brussels said on Monday that Turkiye and Russia held talks. Ismail Demir declined to comment.\n",
    );
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const g = guard(page, "null");
    const requests = [];
    context.on("request", (req) => requests.push(req.url()));
    const tools = page.getByRole("region", { name: "Your articles", exact: true });
    const list = page.getByRole("region", { name: "Articles", exact: true });
    try {
      await page.goto(pathToFileURL(SINGLE).href);
      await rendered(page);
      await page.getByLabel("Add article files").setInputFiles([file]);
      await tools.getByText("Added 1 article").waitFor();
      await list.getByText("NATO weighs Turkiye S-400 talks").waitFor();
      await page.reload();
      await rendered(page);
      await list.getByText("NATO weighs Turkiye S-400 talks").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        tools.getByRole("button", { name: "Export JSON" }).click(),
      ]);
      const saved = path.join(dir, "state.json");
      await download.saveAs(saved);
      assert.ok(readFileSync(saved, "utf8").includes("NATO weighs Turkiye S-400 talks"), "the export has the added article");
      const others = requests.filter((u) => !u.startsWith("file:") && !u.startsWith("data:") && !u.startsWith("blob:"));
      assert.deepEqual(others, [], "no network request");
      assert.deepEqual(g.pageErrors, [], "uncaught page errors");
      assert.deepEqual(g.consoleErrors, [], "console errors");
    } finally {
      await context.close();
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test("single file: if the browser refuses storage (IndexedDB) under file://, a notice, no error", async () => {
    assert.ok(existsSync(SINGLE), `${SINGLE} is missing: run scripts/single-file first`);
    const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(10_000);
    // Some browsers (or settings) deny storage to file:// pages.
    await context.addInitScript(() => {
      Object.defineProperty(window, "indexedDB", {
        configurable: true,
        get() {
          throw new DOMException("The user denied permission to access the database.", "SecurityError");
        },
      });
    });
    const page = await context.newPage();
    const g = guard(page, "null");
    try {
      await page.goto(pathToFileURL(SINGLE).href);
      await rendered(page);
      await page.getByText("Your saved articles could not be loaded", { exact: false }).first().waitFor();
      await assertReads(page);
      assert.deepEqual(g.pageErrors, [], "uncaught page errors");
      assert.deepEqual(g.consoleErrors, [], "console errors");
    } finally {
      await context.close();
    }
  });

  describe("hosted build with the service worker", () => {
    let tmp;
    before(() => {
      requireDist();
      swInfo(DIST);
      tmp = mkdtempSync(path.join(os.tmpdir(), "dateline-offline-"));
    });
    after(() => {
      rmSync(tmp, { recursive: true, force: true });
    });

    test("after the first visit it works offline, under a sub-path", async () => {
      const site = path.join(tmp, "offline");
      mkdirSync(path.join(site, "sub"), { recursive: true });
      cpSync(DIST, path.join(site, "sub", "dateline"), { recursive: true });
      const { version, precache, parts } = swInfo(DIST);
      const server = await startServer(site);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const g = guard(page, server.origin);
      const scope = `${server.origin}/sub/dateline/`;
      try {
        await page.goto(scope);
        await rendered(page);
        await controlled(page);
        const scopeOf = await page.evaluate(() => navigator.serviceWorker.ready.then((r) => r.scope));
        assert.equal(scopeOf, scope, "the service worker's scope is the site's folder");
        assert.deepEqual(await cacheKeys(page), [`dateline:${scope}:${version}`]);
        // The bundle's chunks and search shards are not precached (the page
        // fetches them itself) but kept as fetched, and the rest filled in.
        assert.ok(parts.some((f) => /^bundle\/chunk-/.test(f)), `chunks among the parts: ${parts}`);
        assert.ok(parts.some((f) => /^bundle\/search-/.test(f)), `search shards among the parts: ${parts}`);
        assert.ok(precache.includes("bundle/boot.bin") && !precache.some((f) => parts.includes(f)));
        await wholeCached(page, scope, { version, precache, parts });
        // ...each part downloaded once: the worker shares the page's
        // download or revalidates it (304), never fetches it whole again.
        for (const f of parts) {
          const sent = server.log().split("\n").filter((l) => l.includes(`GET /sub/dateline/${f} `) && / 200 /.test(l));
          assert.equal(sent.length, 1, `${f} was sent ${sent.length} times:\n${server.log()}`);
        }

        // Offline for real: the browser is offline and the server is gone.
        await context.setOffline(true);
        await server.close();
        await page.reload();
        await rendered(page);
        await assertReads(page);
        // The manifest and the icon, from the cache too.
        const app = await page.evaluate(async () => {
          const href = document.querySelector('link[rel="manifest"]').href;
          const manifest = await (await fetch(href)).json();
          const img = new Image();
          img.src = new URL(manifest.icons[0].src, href).href;
          await img.decode();
          return { manifest, icon: img.naturalWidth };
        });
        assert.equal(app.manifest.name, "Dateline");
        assert.equal(app.manifest.start_url, "./");
        assert.equal(app.manifest.display, "standalone");
        assert.ok(app.icon > 0, "the icon is a valid image");
        // A new tab on a deep link, still offline.
        const page2 = await context.newPage();
        const g2 = guard(page2, server.origin);
        await page2.goto(`${scope}#article=${SEEDS[1].id}`);
        await rendered(page2);
        await reader(page2).locator("h1, h2, h3").first().filter({ hasText: SEEDS[1].title }).waitFor();
        g.assertClean();
        g2.assertClean();
      } finally {
        await context.close();
        await server.close();
      }
    });

    /** Version A of the app in `tmp/NAME/app`, deployed an hour ago:
     * python's http.server only has Last-Modified (one-second steps) as a
     * validator, and the browser revalidates sw.js with it, so a version B
     * written now must look newer than A. */
    function deployedAnHourAgo(name) {
      const site = path.join(tmp, name);
      const live = path.join(site, "app");
      mkdirSync(site, { recursive: true });
      cpSync(DIST, live, { recursive: true });
      const past = new Date(Date.now() - 3_600_000);
      for (const f of readdirSync(live)) utimesSync(path.join(live, f), past, past);
      return { site, live, a: swInfo(live) };
    }

    test("a new deploy replaces the old version completely", async () => {
      const { site, live, a } = deployedAnHourAgo("update");

      // Build B: the same files with a changed index.html, re-versioned by
      // the same script the Trunk hook runs.
      const next = path.join(site, "next");
      cpSync(DIST, next, { recursive: true });
      const indexB = readFileSync(path.join(next, "index.html"), "utf8").replace(
        "<title>",
        '<meta name="dateline-test-build" content="B"><title>',
      );
      assert.ok(indexB.includes('content="B"'));
      writeFileSync(path.join(next, "index.html"), indexB);
      execFileSync("node", [path.join(ROOT, "scripts/sw-precache.mjs"), next], { stdio: "pipe" });
      const b = swInfo(next);
      assert.notEqual(b.version, a.version, "a changed file makes a new version");

      const server = await startServer(site);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const g = guard(page, server.origin);
      const scope = `${server.origin}/app/`;
      const build = () => page.locator('meta[name="dateline-test-build"]').count();
      try {
        await page.goto(scope);
        await rendered(page);
        await controlled(page);
        assert.deepEqual(await cacheKeys(page), [`dateline:${scope}:${a.version}`]);

        // Deploy B (swap the served folder), then reload twice.
        rmSync(live, { recursive: true });
        renameSync(next, live);
        await page.reload();
        await rendered(page);
        assert.equal(await build(), 1, "index.html is fetched from the network first: B at once");
        // The browser checks sw.js on navigation: B installs, activates and
        // deletes A's cache.
        await until(async () => {
          const ks = await cacheKeys(page);
          return ks.length === 1 && ks[0] === `dateline:${scope}:${b.version}`;
        }, "version B's cache replaces A's");
        await page.reload();
        await rendered(page);
        assert.equal(await build(), 1);
        assert.deepEqual(await cacheKeys(page), [`dateline:${scope}:${b.version}`], "only the new version's cache remains");
        await wholeCached(page, scope, b);
        await assertReads(page);

        // Offline, B is served from its own complete cache.
        await context.setOffline(true);
        await server.close();
        await page.reload();
        await rendered(page);
        assert.equal(await build(), 1, "offline: version B's index.html");
        await assertReads(page);
        g.assertClean();
      } finally {
        await context.close();
        await server.close();
      }
    });

    test("a half-deployed new version: the old one stays whole, or a clear message; then the new one", async () => {
      const { site, live, a } = deployedAnHourAgo("half");

      // Build B: the app's JS and wasm under new hashed names (as a new
      // build of the Rust code would have), index.html naming them.
      const next = path.join(site, "next");
      cpSync(DIST, next, { recursive: true });
      const js = readdirSync(next).find((f) => /^dateline-web-[0-9a-f]{16}\.js$/.test(f));
      const hash = /-([0-9a-f]{16})\./.exec(js)[1];
      const hashB = [...hash].reverse().join("") === hash ? "0123456789abcdef" : [...hash].reverse().join("");
      for (const f of readdirSync(next).filter((f) => f.includes(hash))) {
        renameSync(path.join(next, f), path.join(next, f.replace(hash, hashB)));
      }
      const indexB = readFileSync(path.join(next, "index.html"), "utf8")
        .replaceAll(hash, hashB)
        .replace("<title>", '<meta name="dateline-test-build" content="B"><title>');
      writeFileSync(path.join(next, "index.html"), indexB);
      execFileSync("node", [path.join(ROOT, "scripts/sw-precache.mjs"), next], { stdio: "pipe" });
      const b = swInfo(next);
      const wasmB = `dateline-web-${hashB}_bg.wasm`;
      assert.ok(b.precache.includes(wasmB));

      const server = await startServer(site);
      const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
      context.setDefaultTimeout(10_000);
      const page = await context.newPage();
      const g = guard(page, server.origin);
      const scope = `${server.origin}/app/`;
      const build = () => page.locator('meta[name="dateline-test-build"]').count();
      try {
        await page.goto(scope);
        await rendered(page);
        await controlled(page);
        assert.deepEqual(await cacheKeys(page), [`dateline:${scope}:${a.version}`]);

        // The deploy starts by removing index.html: the server answers 404,
        // and the service worker serves A's complete copy instead.
        rmSync(path.join(live, "index.html"));
        await page.goto(`${scope}index.html`);
        await rendered(page);
        assert.equal(await build(), 0, "version A");
        await assertReads(page);

        // B's index.html and JS have arrived, its wasm not yet: not a blank
        // page but a message saying what is missing and what to do.
        rmSync(live, { recursive: true });
        cpSync(next, live, { recursive: true });
        rmSync(path.join(live, wasmB));
        await page.goto(scope);
        const failed = page.getByRole("alert").filter({ hasText: "Dateline could not start" });
        await failed.waitFor({ timeout: RENDER_TIMEOUT });
        assert.equal(
          await failed.innerText(),
          `Dateline could not start: ${wasmB} could not be loaded (HTTP 404). ` +
            "The site may be part-way through an update, or the network is down: reload the page in a moment.",
        );
        assert.deepEqual(g.pageErrors, [], "no uncaught error");
        assert.ok(g.httpErrors.length > 0 && g.httpErrors.every((e) => e === `404 ${scope}${wasmB}`), JSON.stringify(g.httpErrors));
        assert.ok(g.consoleErrors.every((e) => /Dateline failed to start|status of 404/.test(e)), JSON.stringify(g.consoleErrors));
        g.httpErrors.length = 0;
        g.consoleErrors.length = 0;

        // The deploy completes: B runs, and (its precache now complete) its
        // service worker replaces A's.
        cpSync(path.join(next, wasmB), path.join(live, wasmB));
        await page.reload();
        await rendered(page);
        assert.equal(await build(), 1, "version B");
        await assertReads(page);
        await until(async () => {
          const ks = await cacheKeys(page);
          return ks.length === 1 && ks[0] === `dateline:${scope}:${b.version}`;
        }, "version B's cache replaces A's");
        g.assertClean();
      } finally {
        await context.close();
        await server.close();
      }
    });
  });
});
