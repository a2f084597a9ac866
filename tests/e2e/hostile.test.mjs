// Hostile content executes nothing (issue #13): articles whose file names,
// sources, titles and text carry a catalogue of XSS payloads are imported, an
// entity is renamed to one, the state is exported and imported into a fresh
// profile, and a payload is typed into Search and opened as a deep link. In
// Chromium, after every step: no payload ran (a sentinel global stays
// unset), no request left the page's origin, the Content-Security-Policy was
// never violated, no element a payload would create exists, and the payloads
// are on the page as text. Run: node --test tests/e2e/hostile.test.mjs
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { corpusOpen, guard, servedDist, watchStart } from "./harness.mjs";

// Each payload, if it ever ran, would set window.__pwned.
const PAYLOADS = [
  `<script>window.__pwned=1</script>`,
  `<img src=x onerror="window.__pwned=2">`,
  `<svg onload="window.__pwned=3"><circle r=1 /></svg>`,
  `<math><mtext><table><mglyph><style><img src=x onerror="window.__pwned=4">`,
  `javascript:window.__pwned=5`,
  `<a href="javascript:window.__pwned=6">link</a>`,
  `<iframe srcdoc="<script>parent.__pwned=7</script>"></iframe>`,
  `<style>@import url(https://evil.example/x.css); body{background:url(https://evil.example/y)}</style>`,
  `"><details open ontoggle="window.__pwned=8">`,
  `<object data="https://evil.example/o"></object>`,
  `{{constructor.constructor('window.__pwned=9')()}}`,
  `\u202Etxt.exe\u202C and \u2066isolate\u2069`,
];
// What a payload would create if it were parsed as HTML.
const FORBIDDEN = [
  "script:not([src])",
  "img[src='x']",
  "svg[onload]",
  "iframe",
  "object",
  "details[ontoggle]",
  "a[href^='javascript']",
  "math",
  "body style",
].join(", ");

let env;
let dir;

const list = (page) => page.getByRole("region", { name: "Articles", exact: true });
const tools = (page) => page.getByRole("region", { name: "Your articles", exact: true });
const entities = (page) => page.getByRole("complementary", { name: "Entities", exact: true });

/** Every CSP violation, from the first script on. */
function watchCsp() {
  window.__csp = [];
  document.addEventListener("securitypolicyviolation", (e) => window.__csp.push(`${e.violatedDirective} ${e.blockedURI}`));
}

async function fresh() {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  context.setDefaultTimeout(15_000);
  await watchStart(context);
  await context.addInitScript(watchCsp);
  const page = await context.newPage();
  const g = guard(page, env.server.origin);
  await page.goto(`${env.server.origin}/`);
  await corpusOpen(page);
  await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
  return { context, page, g };
}

/** Nothing ran, nothing was injected, nothing left the origin. */
async function assertInert(page, g, step) {
  await page.waitForTimeout(300); // let any onerror/onload fire
  assert.equal(await page.evaluate(() => window.__pwned), undefined, `${step}: a payload ran`);
  assert.deepEqual(await page.evaluate(() => window.__csp), [], `${step}: CSP violations`);
  const injected = await page.evaluate((sel) => [...document.body.querySelectorAll(sel)].map((e) => e.outerHTML.slice(0, 80)), FORBIDDEN);
  assert.deepEqual(injected, [], `${step}: elements a payload would create`);
  g.assertClean();
}

describe("hostile content executes nothing", { timeout: 240_000 }, () => {
  env = servedDist();
  before(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), "dateline-hostile-"));
    PAYLOADS.forEach((p, i) => {
      // File names may hold anything but "/" (and NUL).
      const name = `${i}-${p.replaceAll("/", "_").slice(0, 60)}.txt`;
      const source = p.replaceAll("\n", " ");
      writeFileSync(
        path.join(dir, name),
        ` date 2022-05-${String(10 + i).padStart(2, "0")} ${source}\nReport ${p}\n\nIsmail Demir said in Ankara that ${p} was not a threat. ${p}\n`,
      );
    });
  });
  after(() => rmSync(dir, { recursive: true, force: true }));

  test("imported, renamed, searched, exported and restored: shown as text, never run", async () => {
    const { context, page, g } = await fresh();
    let exported;
    try {
      const files = PAYLOADS.map((p, i) => path.join(dir, `${i}-${p.replaceAll("/", "_").slice(0, 60)}.txt`));
      await page.getByLabel("Add article files").setInputFiles(files);
      await tools(page).getByText(`Added ${PAYLOADS.length} articles.`).waitFor({ timeout: 60_000 });
      await assertInert(page, g, "import");
      // The titles are the payloads, as text.
      const titles = await list(page).locator(".item-title").evaluateAll((ts) => ts.map((t) => t.textContent));
      for (const p of PAYLOADS) {
        assert.ok(titles.includes(`Report ${p}`), `title shown as text: ${JSON.stringify(p)} in ${JSON.stringify(titles)}`);
      }

      // Open each one: text, source and entities render as text.
      for (let i = 0; i < PAYLOADS.length; i += 4) {
        await list(page).locator(".item-title", { hasText: `Report ${PAYLOADS[i]}` }).first().click();
        await page.getByRole("main").locator("article").getByText(`was not a threat.`).first().waitFor();
        await assertInert(page, g, `open article ${i}`);
      }

      // Rename an entity to a payload.
      await entities(page).getByRole("button", { name: /^Ismail Demir/ }).first().click();
      const panel = entities(page);
      await panel.getByText("Correct this entity").click();
      await panel.locator("#fix-name").fill(PAYLOADS[1]);
      await panel.getByRole("button", { name: "Rename" }).click();
      await panel.getByText(`Following ${PAYLOADS[1]}`).waitFor();
      await assertInert(page, g, "rename");

      // Search for a payload; its deep link reopens it.
      const box = page.getByRole("combobox", { name: "Search" });
      await box.fill(PAYLOADS[0]);
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).get("q") !== null);
      await assertInert(page, g, "search");
      await page.reload();
      await corpusOpen(page);
      assert.equal(await box.inputValue(), PAYLOADS[0], "the query comes back from the link, as text");
      await assertInert(page, g, "deep link");

      const [download] = await Promise.all([
        page.waitForEvent("download"),
        tools(page).getByRole("button", { name: "Export JSON" }).click(),
      ]);
      exported = path.join(dir, "hostile-state.json");
      await download.saveAs(exported);
    } finally {
      await context.close();
    }

    // The exported state, payloads and all, imported into a fresh profile.
    const other = await fresh();
    try {
      await other.page.getByLabel("Import a saved state").setInputFiles(exported);
      await tools(other.page).getByText(/^Imported hostile-state\.json/).waitFor({ timeout: 60_000 });
      await entities(other.page).getByRole("button", { name: PAYLOADS[1] }).first().waitFor();
      await assertInert(other.page, other.g, "imported state");
    } finally {
      await other.context.close();
    }
  });
});
