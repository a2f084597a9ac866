// Storage and network faults lose nothing (issue #13): a record damaged in
// IndexedDB, an exported state from a newer Dateline or edited by hand, and
// the network going away while the first visit loads. Each gives a clear
// message in the page, keeps what was stored before, and the page stays
// usable. (Covered elsewhere: IndexedDB refused, offline.test.mjs; a full
// disk, library.test.mjs; a damaged bundle, bundle-faults.test.mjs; a
// half-deployed site, offline.test.mjs.)
// Run: node --test tests/e2e/storage-faults.test.mjs
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { corpusOpen, guard, servedDist, watchStart } from "./harness.mjs";

const FILES = {
  "wire.txt": " date 2022-05-10 Wire\nNATO weighs Turkiye S-400 talks\n\nNATO officials in Brussels said on Monday that Turkiye and Russia held talks on a second S-400 batch. Ismail Demir declined to comment.\n",
  "plain.txt": "Ankara signs deal\n\nOn June 1, 2022, Ankara signed an agreement with Moscow.\n",
  "later.txt": " date 2022-06-20 Wire\nTalks resume in Ankara\n\nTurkiye and Russia resumed talks in Ankara on Monday.\n",
};
const SEED = { id: "000_fd1aee54e6a12c6a", title: "Turkey In Negotiations With Russia On Second Batch Of S-400 Missile Systems - Official" };

let env;
let dir;

const list = (page) => page.getByRole("region", { name: "Articles", exact: true });
const tools = (page) => page.getByRole("region", { name: "Your articles", exact: true });
const titles = (page) => list(page).locator(".item-title").allInnerTexts();
const alert = (page, text) => tools(page).getByRole("alert").filter({ hasText: text });
const file = (name) => path.join(dir, name);
/** Waits until the library's count reads "N added". */
const addedCount = (page, n) => tools(page).locator(".count").filter({ hasText: new RegExp(`^${n} added$`) }).waitFor();

async function fresh() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  await watchStart(context);
  const page = await context.newPage();
  const g = guard(page, env.server.origin);
  await page.goto(`${env.server.origin}/`);
  await ready(page);
  return { context, page, g };
}

/** The corpus open, the saved articles loaded and no import running. */
async function ready(page) {
  await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button").first().waitFor();
  await corpusOpen(page);
  await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
}

async function reload(page) {
  await page.reload();
  await ready(page);
}

/** The page still reads: a bundled article opens in the reader. */
async function opensAnArticle(page) {
  await list(page).locator(`a[href="#article=${SEED.id}"]`).click();
  await page.getByRole("main").locator("article").locator("h1, h2, h3").first().filter({ hasText: SEED.title }).waitFor();
}

/** The app's own database (src/app/storage.rs): `[store, key, value]` per record. */
function records(page) {
  return page.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("dateline", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(["articles", "meta"], "readonly");
          const out = [];
          for (const name of ["articles", "meta"]) {
            const cursor = tx.objectStore(name).openCursor();
            cursor.onsuccess = () => {
              const c = cursor.result;
              if (!c) return;
              out.push([name, String(c.key), c.value]);
              c.continue();
            };
          }
          tx.oncomplete = () => {
            db.close();
            resolve(out);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}

/** Overwrites one record of the app's database, as a damaged disk or another program might. */
function overwrite(page, store, key, value) {
  return page.evaluate(
    ([store, key, value]) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("dateline", 1);
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction([store], "readwrite");
          tx.objectStore(store).put(value, key);
          tx.oncomplete = () => {
            db.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    [store, key, value],
  );
}

describe("storage and network faults", { timeout: 240_000 }, () => {
  env = servedDist();
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dateline-faults-"));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(file(name), text);
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("a damaged record in IndexedDB is named, hides nothing else, and is not overwritten", async () => {
    const { context, page, g } = await fresh();
    try {
      await page.getByLabel("Add article files").setInputFiles([file("wire.txt"), file("plain.txt")]);
      await tools(page).getByText("Added 2 articles.").waitFor();
      const stored = await records(page);
      assert.deepEqual(stored.filter(([s]) => s === "articles").map(([, k]) => k), ["plain.txt", "wire.txt"]);
      // One article record cut short, one of another shape, and a
      // corrections log that is not a list.
      await overwrite(page, "articles", "wire.txt", '{"path":"wire.txt","te');
      await overwrite(page, "articles", "odd.txt", { path: "odd.txt" });
      await overwrite(page, "meta", "corrections", '{"op":"hide"}');

      await reload(page);
      const articles = alert(page, "saved article(s) could not be read");
      await articles.waitFor();
      const text = await articles.innerText();
      assert.match(text, /^2 saved article\(s\) could not be read and are not shown/);
      assert.match(text, /odd\.txt \(not text\)/);
      assert.match(text, /wire\.txt \(not valid JSON \(EOF while parsing/);
      const corrections = alert(page, "Your saved corrections could not be read");
      await corrections.waitFor();
      assert.match(await corrections.innerText(), /^Your saved corrections could not be read and are not applied: not a list; they were set aside in this browser's storage, where no new correction overwrites them\./);
      // Every other stored article is there.
      const shown = await titles(page);
      assert.ok(shown.includes("Ankara signs deal"), `the readable record is shown: ${JSON.stringify(shown)}`);
      assert.ok(!shown.includes("NATO weighs Turkiye S-400 talks"));
      await addedCount(page, 1);

      // The page is usable: an article opens, another file is added.
      await opensAnArticle(page);
      await page.getByLabel("Add article files").setInputFiles(file("later.txt"));
      await tools(page).getByText("Added 1 article.").waitFor();
      await list(page).getByText("Talks resume in Ankara").waitFor();

      // Nothing stored was lost: the damaged records are kept as they were,
      // the corrections log set aside where no correction overwrites it.
      const after = await records(page);
      const value = (store, key) => after.find(([s, k]) => s === store && k === key)?.[2];
      assert.equal(value("articles", "wire.txt"), '{"path":"wire.txt","te');
      assert.deepEqual(value("articles", "odd.txt"), { path: "odd.txt" });
      assert.ok(value("articles", "plain.txt").includes("Ankara signs deal"));
      assert.ok(value("articles", "later.txt").includes("Talks resume in Ankara"));
      assert.equal(value("meta", "corrections"), undefined, "the damaged log left its key");
      const aside = after.filter(([s, k]) => s === "meta" && /^corrections-unreadable-\d+$/.test(k));
      assert.deepEqual(aside.map(([, , v]) => v), ['{"op":"hide"}']);

      // Next visit: the damaged articles are named again (they are still
      // stored), the set-aside log is not, and the rest is all there.
      await reload(page);
      await alert(page, "2 saved article(s) could not be read").waitFor();
      assert.equal(await alert(page, "Your saved corrections could not be read").count(), 0);
      const again = await titles(page);
      assert.ok(again.includes("Ankara signs deal") && again.includes("Talks resume in Ankara"), JSON.stringify(again));
      // Adding a file of the damaged record's name replaces it.
      await page.getByLabel("Add article files").setInputFiles(file("wire.txt"));
      await tools(page).getByText("Added 1 article.").waitFor();
      await reload(page);
      await alert(page, "1 saved article(s) could not be read").waitFor();
      assert.ok((await titles(page)).includes("NATO weighs Turkiye S-400 talks"));
      g.assertClean();
    } finally {
      await context.close();
    }
  });

  test("an exported state from a newer Dateline, edited by hand or truncated is refused and changes nothing", async () => {
    const { context, page, g } = await fresh();
    try {
      await page.getByLabel("Add article files").setInputFiles([file("wire.txt"), file("plain.txt")]);
      await tools(page).getByText("Added 2 articles.").waitFor();
      const [download] = await Promise.all([
        page.waitForEvent("download"),
        tools(page).getByRole("button", { name: "Export JSON" }).click(),
      ]);
      const exported = file("state.json");
      await download.saveAs(exported);
      const json = readFileSync(exported, "utf8");
      const doc = JSON.parse(json);
      assert.equal(doc.version, 2);

      const BAD = [
        {
          name: "newer.json",
          text: JSON.stringify({ ...doc, version: doc.version + 1 }),
          message: /^newer\.json was not imported \(this state was saved by a newer Dateline \(format 3; this one reads up to 2\)\); your articles and corrections are unchanged\./,
        },
        {
          name: "edited.json",
          text: JSON.stringify({ ...doc, added: [doc.added[0], { ...doc.added[1], text: 7 }] }),
          message: /^edited\.json was not imported \(damaged state: the `added` field: item 2: invalid type: integer `7`, expected a string/,
        },
        {
          name: "truncated.json",
          text: json.slice(0, Math.floor(json.length / 2)),
          message: /^truncated\.json was not imported \(not a Dateline state: the file ends too early, it may be truncated/,
        },
      ];
      // Something in storage to lose: a third article, added before.
      await page.getByLabel("Add article files").setInputFiles(file("later.txt"));
      await tools(page).getByText("Added 1 article.").waitFor();
      const before = await titles(page);
      const storedBefore = await records(page);
      for (const bad of BAD) {
        writeFileSync(file(bad.name), bad.text);
        await page.getByLabel("Import a saved state").setInputFiles(file(bad.name));
        const shown = alert(page, `${bad.name} was not imported`);
        await shown.waitFor();
        assert.match(await shown.innerText(), bad.message);
      }
      assert.deepEqual(await titles(page), before, "the page shows what it showed");
      assert.deepEqual(await records(page), storedBefore, "storage is untouched");
      await reload(page);
      assert.deepEqual((await titles(page)).sort(), [...before].sort(), "and so does the next visit");

      // Still usable: an article opens, and the good export imports.
      await opensAnArticle(page);
      await page.getByLabel("Import a saved state").setInputFiles(exported);
      await tools(page).getByText("Imported state.json: 2 added article(s) and the corrections.").waitFor();
      await addedCount(page, 2);
      g.assertClean();
    } finally {
      await context.close();
    }
  });

  test("the network going away mid-load: a clear message, the list stays, and it loads when back online", async () => {
    // No service worker: once registered (after the load event) it could
    // precache the chunks and answer the page's requests itself, out of
    // reach of page.route; a first visit's page is not controlled anyway.
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, serviceWorkers: "block" });
    context.setDefaultTimeout(10_000);
    const page = await context.newPage();
    const g = guard(page, env.server.origin);
    // The first visit: the page and the boot part arrive, then, at the
    // first article chunk, the network goes away.
    // Every chunk request waits until the page itself knows it is offline
    // (navigator.onLine), as when a real network drops.
    let cut;
    let online = false;
    await page.route("**/bundle/chunk-*", async (route) => {
      if (online) return route.continue();
      cut ??= context.setOffline(true).then(() => page.waitForFunction(() => !navigator.onLine));
      await cut;
      return route.abort("internetdisconnected");
    });
    try {
      await page.goto(`${env.server.origin}/`);
      const shown = alert(page, "The articles' texts could not be loaded");
      await shown.waitFor({ timeout: 30_000 });
      assert.match(
        await shown.innerText(),
        /^The articles' texts could not be loaded \(bundle\/chunk-\d+-[0-9a-f]{16}\.bin could not be loaded \(Failed to fetch\)\): you are offline; they will load when the network is back\./,
      );
      // The rest of the page is usable: the boot part's list and timeline,
      // and the search box.
      assert.equal(await page.locator(".tagline").getAttribute("data-corpus"), "skeleton");
      await list(page).locator(`a[href="#article=${SEED.id}"]`).waitFor();
      await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button").first().waitFor();
      await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
      await page.getByRole("combobox", { name: "Search" }).waitFor();

      // Back online: the texts load without a reload.
      online = true;
      await context.setOffline(false);
      await corpusOpen(page, 30_000);
      await tools(page).getByText("Back online: the articles' texts are loaded.").waitFor();
      await opensAnArticle(page);
      await page.locator('mark[data-label="PERSON"]', { hasText: "Ismail Demir" }).first().waitFor();
      await page.getByLabel("Add article files").setInputFiles(file("plain.txt"));
      await tools(page).getByText("Added 1 article.").waitFor();
      assert.ok((await titles(page)).includes("Ankara signs deal"));
      const box = page.getByRole("combobox", { name: "Search" });
      await box.fill("Pantsri ");
      await list(page).locator('a[href="#article=003_113eacf95b61ac4f"]').waitFor();
      assert.deepEqual(g.foreign, []);
      assert.deepEqual(g.pageErrors, [], "no uncaught error (no panic)");
      assert.deepEqual(g.consoleErrors.filter((e) => !/ERR_INTERNET_DISCONNECTED/.test(e)), [], "console errors besides the failed fetches");
    } finally {
      await context.close();
    }
  });
});
