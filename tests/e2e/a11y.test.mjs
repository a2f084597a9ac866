// Accessibility check of the built reader (dist/) with axe-core in headless
// Chromium: the landing view, an open article with a selected entity, and
// dark mode must have no serious or critical WCAG 2 A/AA violation.
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, test } from "node:test";
import { ROOT, corpusOpen, servedDist } from "./harness.mjs";

const AXE = readFileSync(path.join(ROOT, "node_modules/axe-core/axe.min.js"), "utf8");
let env;

async function violations(url, options = {}) {
  const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  try {
    await page.goto(url);
    await page.locator('section[aria-label="Timeline"] button').first().waitFor();
    await corpusOpen(page);
    await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor();
    // Evaluated through the debugger protocol, so the page's CSP need not allow it.
    await page.evaluate(AXE);
    const result = await page.evaluate(() =>
      window.axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }),
    );
    return result.violations
      .filter((v) => v.impact === "serious" || v.impact === "critical")
      .map((v) => `${v.id} (${v.impact}): ${v.help}; ${v.nodes.slice(0, 3).map((n) => n.target.join(" ")).join(" | ")}`);
  } finally {
    await context.close();
  }
}

describe("accessibility (axe-core, WCAG 2.1 A/AA)", { timeout: 120_000 }, () => {
  env = servedDist();

  test("the landing view", async () => {
    assert.deepEqual(await violations(`${env.server.origin}/`), []);
  });

  test("an article with a selected entity", async () => {
    assert.deepEqual(await violations(`${env.server.origin}/#article=003_113eacf95b61ac4f&entity=ismail-demir`), []);
  });

  test("dark mode", async () => {
    const url = `${env.server.origin}/#article=000_fd1aee54e6a12c6a`;
    assert.deepEqual(await violations(url, { colorScheme: "dark" }), []);
  });
});
