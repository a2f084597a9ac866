// End-to-end test of search in the built reader (dist/, the two seed
// articles): a misspelt word and a prefix typed into the box find the ranked
// articles with every matched word marked; the source facet counts what the
// query found and filters; names offered in the box follow an entity; "did
// you mean" repairs a query; every step is a deep link, and Back undoes it.
// Run: node --test tests/e2e/search.test.mjs (scripts/test builds dist/).
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corpusOpen, guard, servedDist, watchStart } from "./harness.mjs";

const OLD = "000_fd1aee54e6a12c6a"; // 2021, UrduPoint.com: "Turkey In Negotiations…"
const NEW = "003_113eacf95b61ac4f"; // 2022: "Turkiye could buy 2nd S-400 unit…", names the Pantsir

const box = (page) => page.getByRole("combobox", { name: "Search" });
const list = (page) => page.getByRole("region", { name: "Articles", exact: true });
const hash = (page) => Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1)));

async function listIds(page) {
  const hrefs = await list(page).locator("li > a").evaluateAll((as) => as.map((a) => a.getAttribute("href")));
  return hrefs.map((h) => decodeURIComponent(h.replace(/^#article=/, "")));
}

/** Waits until the list shows exactly `ids`, in this order. */
async function listIs(page, ids) {
  await page.waitForFunction(
    (want) =>
      JSON.stringify(
        [...document.querySelectorAll('section[aria-label="Articles"] li > a')].map((a) =>
          decodeURIComponent(a.getAttribute("href").replace(/^#article=/, "")),
        ),
      ) === JSON.stringify(want),
    ids,
  );
  assert.deepEqual(await listIds(page), ids);
}

const marks = (page) => list(page).locator(".snippet mark").allInnerTexts();

describe("search (dist/ in headless Chromium)", { timeout: 240_000 }, () => {
  const env = servedDist();

  async function withPage(url, fn) {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 800 } });
    context.setDefaultTimeout(15_000);
    await watchStart(context);
    const page = await context.newPage();
    const g = guard(page, env.server.origin);
    try {
      await page.goto(url);
      await corpusOpen(page, 30_000);
      await fn(page);
      g.assertClean();
    } finally {
      await context.close();
    }
  }

  test("a misspelt word and a prefix find the ranked articles, words marked", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      await box(page).click();
      await page.keyboard.type("Pantsri ");
      await listIs(page, [NEW]);
      assert.ok((await marks(page)).some((m) => /^Pantsir/i.test(m)), "the intended word is marked");
      assert.equal(hash(page).q, "Pantsri ");

      await box(page).fill("");
      await page.keyboard.type("negotia");
      await listIs(page, [OLD]);
      for (const m of await marks(page)) assert.match(m, /^negotia/i);
      // Two words: both must match, the title match ranks first.
      await box(page).fill("");
      await page.keyboard.type("russia s-400 ");
      const both = await listIds(page);
      assert.deepEqual([...both].sort(), [OLD, NEW].sort());
    });
  });

  test("the source facet counts what the query found, filters, and is in the link", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      const facet = page.getByLabel("Source", { exact: true });
      const options = () => facet.locator("option").allInnerTexts();
      assert.deepEqual((await options())[0], "All sources (2)");
      await box(page).click();
      await page.keyboard.type("pantsir ");
      await listIs(page, [NEW]);
      assert.deepEqual((await options()).length, 2, "one source under this query");
      assert.match((await options())[0], /^All sources \(1\)$/);
      await box(page).fill("");
      await page.keyboard.type("s-400 ");
      await page.waitForFunction(() => document.querySelectorAll("#source-facet option").length === 3);
      const urdu = (await options()).find((o) => o.startsWith("UrduPoint.com"));
      assert.equal(urdu, "UrduPoint.com (1)");
      await facet.selectOption({ label: urdu });
      await listIs(page, [OLD]);
      assert.equal(hash(page).source, "UrduPoint.com");
      assert.equal(hash(page).q, "s-400 ");
      await page.goBack();
      await page.waitForFunction(() => !location.hash.includes("source="));
      assert.deepEqual([...(await listIds(page))].sort(), [OLD, NEW].sort());
    });
    // The deep link reopens the same view.
    await withPage(`${env.server.origin}/#source=UrduPoint.com&q=russia`, async (page) => {
      await listIs(page, [OLD]);
      assert.equal(await box(page).inputValue(), "russia");
    });
  });

  test("names offered as you type follow the entity (Türkiye offers Turkey)", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      await box(page).click();
      await page.keyboard.type("Türki");
      const offers = page.getByRole("listbox", { name: "Entities matching the search" });
      const turkey = offers.getByRole("option").filter({ hasText: "(as Turkiye)" }).first();
      await turkey.waitFor();
      assert.equal(await box(page).getAttribute("aria-expanded"), "true");
      await page.keyboard.press("ArrowDown");
      assert.ok(await box(page).getAttribute("aria-activedescendant"), "the active offer is announced");
      await page.keyboard.press("Enter");
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("entity") === "turkey");
      assert.equal(hash(page).q, undefined, "the query gives way to the entity");
      assert.equal(await box(page).inputValue(), "");
      await listIs(page, [OLD, NEW]);
    });
  });

  test("nothing found: did you mean, one click away", async () => {
    await withPage(`${env.server.origin}/`, async (page) => {
      await box(page).click();
      await page.keyboard.type("pnatsri ");
      const fix = list(page).getByRole("button", { name: "pantsir" });
      await fix.waitFor();
      await listIs(page, []);
      await fix.click();
      await listIs(page, [NEW]);
      assert.equal(hash(page).q, "pantsir");
    });
  });
});
