// Accessibility check of the built reader (dist/) with axe-core in headless
// Chromium: the landing view, an open article with a selected entity, the
// timeline zoomed in with a marker in focus, and dark mode must have no
// violation of any impact of WCAG 2.2 A/AA (axe tags wcag2a, wcag2aa,
// wcag21a, wcag21aa, wcag22aa).
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ROOT, corpusOpen, servedDist } from "./harness.mjs";

const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
let env;

async function violations(url, options = {}, prepare = async () => {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('section[aria-label="Timeline"] button').first().waitFor();
    await corpusOpen(page);
    await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
    await prepare(page);
    // Evaluated through the debugger protocol, so the page's CSP need not allow it.
    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"] } }),
    );
    return result.violations.map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  } finally {
    await context.close();
  }
}

describe("accessibility (axe-core, WCAG 2.2 A/AA)", { timeout: 120_000 }, () => {
  env = servedDist();

  test("the landing view", async () => {
    assert.deepEqual(await violations(`${env.server.origin}/`), []);
  });

  test("an article with a selected entity", async () => {
    assert.deepEqual(await violations(`${env.server.origin}/#article=003_113eacf95b61ac4f&entity=ismail-demir`), []);
  });

  test("the timeline zoomed in, a marker in focus with its card", async () => {
    const zoomIn = async (page) => {
      const plot = page.locator(".timeline-plot");
      await plot.focus();
      for (let i = 0; i < 4; i++) await page.keyboard.press("+");
      await page.keyboard.press("0");
      await page.keyboard.press("+");
      await page.keyboard.press("Tab");
      await page.locator(".timeline-card").waitFor();
    };
    assert.deepEqual(await violations(`${env.server.origin}/`, {}, zoomIn), []);
  });

  test("dark mode", async () => {
    const url = `${env.server.origin}/#article=000_fd1aee54e6a12c6a`;
    assert.deepEqual(await violations(url, { colorScheme: "dark" }), []);
  });
});
