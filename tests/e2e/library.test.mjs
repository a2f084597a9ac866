// End-to-end test of the reader's own library (dist/ in headless Chromium):
// adding files (seed format, headerless with and without a date, malformed),
// persistence across reloads, corrections with undo, and export → import
// into a fresh browser profile. Run: node --test tests/e2e/library.test.mjs
import assert from "node:assert/strict";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { corpusOpen, guard, servedDist, watchStart } from "./harness.mjs";

const FILES = {
  "wire.txt": " date 2022-05-10 Wire\nNATO weighs Turkiye S-400 talks\n\nNATO officials in Brussels said on Monday that Turkiye and Russia held talks on a second S-400 batch. Ismail Demir declined to comment.\n",
  "plain.txt": "Ankara signs deal\n\nOn June 1, 2022, Ankara signed an agreement with Moscow.\n",
  "undated.txt": "Undated note\n\nThe talks resumed on Tuesday in Ankara.\n",
  "bad.txt": " date 2021-02-30 Wire\nImpossible date\n",
};

let env;
let dir;

const list = (page) => page.getByRole("region", { name: "Articles", exact: true });
const tools = (page) => page.getByRole("region", { name: "Your articles", exact: true });
const entities = (page) => page.getByRole("complementary", { name: "Entities", exact: true });
const titles = (page) => list(page).locator(".item-title").allInnerTexts();

async function fresh(url) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
  context.setDefaultTimeout(10_000);
  await watchStart(context);
  const page = await context.newPage();
  const g = guard(page, env.server.origin);
  await page.goto(url);
  await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button").first().waitFor();
  await corpusOpen(page);
  await settled(page);
  return { context, page, g };
}

/** Waits until the saved articles are loaded and no import is running. */
async function settled(page) {
  await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
}

async function reload(page) {
  await page.reload();
  await page.getByRole("region", { name: "Timeline", exact: true }).getByRole("button").first().waitFor();
  await corpusOpen(page);
  await settled(page);
}

describe("the reader's own library", { timeout: 180_000 }, () => {
  env = servedDist();
  before(async () => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dateline-import-"));
    for (const [name, text] of Object.entries(FILES)) writeFileSync(path.join(dir, name), text);
  });
  after(async () => {
    rmSync(dir, { recursive: true, force: true });
  });

  test("import, date, persist, correct, undo, export and restore elsewhere", async () => {
    const { context, page, g } = await fresh(`${env.server.origin}/`);
    let exported;
    try {
      await page.getByLabel("Add article files").setInputFiles(Object.keys(FILES).map((f) => path.join(dir, f)));
      await tools(page).getByText("Added 2 articles.").waitFor();
      assert.deepEqual((await titles(page)).slice(2), ["NATO weighs Turkiye S-400 talks", "Ankara signs deal"]);
      await tools(page).getByText("bad.txt: line 1: `2021-02-30` is not a calendar date").waitFor();

      // The headerless file without a date asks for one.
      await tools(page).getByText("undated.txt has no date").waitFor();
      await tools(page).locator("form.undated input").fill("2022-05-03");
      await tools(page).locator("form.undated button").click();
      await list(page).getByText("Undated note").waitFor();
      assert.equal(await list(page).locator(".badge").count(), 3, "added articles are marked");
      // Adding the same file again replaces it rather than duplicating it.
      const added1 = () => tools(page).getByText("Added 1 article.").count();
      const before = await added1();
      await page.getByLabel("Add article files").setInputFiles(path.join(dir, "wire.txt"));
      await page.waitForFunction(
        (n) => [...document.querySelectorAll(".notice-item")].filter((e) => e.textContent.includes("Added 1 article.")).length === n,
        before + 1,
      );
      await settled(page);
      assert.equal((await titles(page)).filter((t) => t === "NATO weighs Turkiye S-400 talks").length, 1);
      assert.equal(await list(page).locator(".badge").count(), 3);

      // Added articles are analysed like the bundled ones and linked to them.
      await list(page).getByText("NATO weighs Turkiye S-400 talks").click();
      const demir = page.getByRole("main").locator('mark[data-entity="ismail-demir"]');
      await demir.first().click();
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("entity") === "ismail-demir");
      assert.equal(await list(page).locator("a").count(), 3, "Demir is in both seeds and the added article");

      // Corrections: rename, then hide Moscow, then undo the hide.
      const panel = entities(page);
      await panel.getByText("Correct this entity").click();
      await panel.locator("#fix-name").fill("İsmail Demir");
      await panel.getByRole("button", { name: "Rename" }).click();
      await panel.getByText("Following İsmail Demir").waitFor();
      await page.keyboard.press("Escape");
      await panel.getByRole("button", { name: /^Moscow/ }).click();
      await panel.getByText("Correct this entity").click();
      await panel.getByRole("button", { name: "Not an entity: hide it" }).click();
      await panel.getByRole("button", { name: "Undo: hide Moscow" }).waitFor();
      assert.equal(await panel.locator('button[data-entity="moscow"]').count(), 0, "hidden");
      assert.ok(!new URLSearchParams(new URL(page.url()).hash.slice(1)).has("entity"), "no longer following a hidden entity");
      await panel.getByRole("button", { name: "Undo: hide Moscow" }).click();
      await panel.locator('button[data-entity="moscow"]').waitFor();
      await panel.getByRole("button", { name: "Redo: hide Moscow" }).click();
      await panel.getByRole("button", { name: "Undo: hide Moscow" }).waitFor();

      // Merge: the caption's "BELARUS" into "Belarus" is already linked; merge Ankara into Turkey instead.
      await page.keyboard.press("Escape");
      await panel.getByRole("button", { name: /^Ankara/ }).click();
      await panel.getByText("Correct this entity").click();
      await panel.locator("#fix-merge").selectOption("turkey");
      await panel.getByRole("button", { name: "Merge" }).click();
      await panel.getByRole("button", { name: "Undo: merge Ankara into Turkey" }).waitFor();
      assert.equal(await panel.locator('button[data-entity="ankara"]').count(), 0, "merged away");
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("entity") === "turkey");

      // Everything survives a reload.
      await reload(page);
      assert.equal((await titles(page)).length, 5);
      assert.equal(await page.getByRole("main").locator('mark[data-entity="ismail-demir"]').first().innerText(), "Ismail Demir");
      await entities(page).getByRole("button", { name: /^İsmail Demir/ }).waitFor();
      assert.equal(await entities(page).locator('button[data-entity="moscow"]').count(), 0);
      assert.equal(await entities(page).locator('button[data-entity="ankara"]').count(), 0);

      // Removing an added article.
      await list(page).getByRole("button", { name: "Remove Ankara signs deal" }).click();
      await tools(page).getByText("2 added").waitFor();
      await reload(page);
      assert.deepEqual((await titles(page)).length, 4);

      // Export the state (and the CSVs).
      const [download] = await Promise.all([page.waitForEvent("download"), tools(page).getByRole("button", { name: "Export JSON" }).click()]);
      exported = path.join(dir, "state.json");
      await download.saveAs(exported);
      const doc = JSON.parse(readFileSync(exported, "utf8"));
      assert.equal(doc.added.length, 2);
      assert.ok(doc.entities.some((e) => e.name === "İsmail Demir" && e.mentions.length === 3));
      assert.ok(doc.events.some((e) => e.value === "2020-12"));
      const [csv] = await Promise.all([page.waitForEvent("download"), tools(page).getByRole("button", { name: "Entities CSV" }).click()]);
      const csvPath = path.join(dir, "entities.csv");
      await csv.saveAs(csvPath);
      assert.match(readFileSync(csvPath, "utf8"), /^id,name,label,mentions,articles,aliases\n/);
      g.assertClean();
    } finally {
      await context.close();
    }

    // A fresh profile: importing the exported state reproduces the view.
    const other = await fresh(`${env.server.origin}/`);
    try {
      assert.equal((await titles(other.page)).length, 2);
      await other.page.getByLabel("Import a saved state").setInputFiles(exported);
      await tools(other.page).getByText(/^Imported state\.json/).waitFor();
      assert.deepEqual((await titles(other.page)).length, 4);
      await entities(other.page).getByRole("button", { name: /^İsmail Demir/ }).waitFor();
      assert.equal(await entities(other.page).locator('button[data-entity="moscow"]').count(), 0);
      other.g.assertClean();
    } finally {
      await other.context.close();
    }
  });

  test("a full disk is reported and loses nothing already stored", async () => {
    const { context, page, g } = await fresh(`${env.server.origin}/`);
    try {
      await page.getByLabel("Add article files").setInputFiles(path.join(dir, "wire.txt"));
      await tools(page).getByText("Added 1 article.").waitFor();
      // From now on every IndexedDB write fails as a full disk would.
      await page.evaluate(() => {
        IDBObjectStore.prototype.put = function () {
          throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
        };
      });
      await page.getByLabel("Add article files").setInputFiles(path.join(dir, "plain.txt"));
      await tools(page).getByText(/could not be saved for your next visit: the browser's storage for this page is full/).waitFor();
      assert.ok((await titles(page)).includes("Ankara signs deal"), "still shown in this visit");
      await reload(page);
      const after = await titles(page);
      assert.ok(after.includes("NATO weighs Turkiye S-400 talks"), "what was stored before is kept");
      assert.ok(!after.includes("Ankara signs deal"));
      g.assertClean();
    } finally {
      await context.close();
    }
  });

  test("a file over the 10 MiB article limit is named and not read; the others are added", async () => {
    const big = path.join(dir, "transcript.txt");
    // One paragraph of 11 MiB: the size alone refuses it, before reading.
    writeFileSync(big, " date 2022-05-11 Wire\nA transcript\n\n" + "word ".repeat((11 * 1024 * 1024) / 5));
    const { context, page, g } = await fresh(`${env.server.origin}/`);
    try {
      await page.getByLabel("Add article files").setInputFiles([big, path.join(dir, "wire.txt")]);
      await tools(page).getByText(/^transcript\.txt: the file is \d+ bytes \(11\.0 MB\), over the limit of 10485760 bytes \(10 MB\) for one article/).waitFor();
      await tools(page).getByText("Added 1 article.").waitFor();
      const shown = await titles(page);
      assert.ok(shown.includes("NATO weighs Turkiye S-400 talks"));
      assert.ok(!shown.includes("A transcript"));
      g.assertClean();
    } finally {
      await context.close();
    }
  });
});
