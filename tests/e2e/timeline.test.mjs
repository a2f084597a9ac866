// End-to-end test of the timeline's interactions (dist/ in headless
// Chromium): zoom by button, key and wheel; pan by drag; Shift+drag brushes a
// date range that filters the list and lands in the URL; an event on the
// lower lane opens its article at the sentence that dates it.
import assert from "node:assert/strict";
import { describe, test } from "node:test";
import { corpusOpen, guard, servedDist, watchStart } from "./harness.mjs";

let env;

const timeline = (page) => page.getByRole("region", { name: "Timeline", exact: true });
const rangeLabel = (page) => timeline(page).locator(".range-label").innerText();
const hash = (page) => Object.fromEntries(new URLSearchParams(new URL(page.url()).hash.slice(1)));

describe("timeline interactions", { timeout: 120_000 }, () => {
  env = servedDist();

  test("zoom, pan, brush a range, open an event", async () => {
    const context = await env.browser.newContext({ viewport: { width: 1280, height: 900 } });
    context.setDefaultTimeout(10_000);
    await watchStart(context);
    const page = await context.newPage();
    const g = guard(page, env.server.origin);
    try {
      await page.goto(`${env.server.origin}/`);
      await timeline(page).getByRole("button").first().waitFor();
      await corpusOpen(page);
      const plot = timeline(page).locator(".timeline-plot");
      const initial = await rangeLabel(page);
      assert.match(initial, /2000|2001/, "the fitted view reaches back to the 2002 history");

      await timeline(page).getByRole("button", { name: "Zoom in" }).click();
      const zoomed = await rangeLabel(page);
      assert.notEqual(zoomed, initial);
      await plot.focus();
      await page.keyboard.press("0");
      assert.equal(await rangeLabel(page), initial, "0 fits everything again");
      await page.keyboard.press("+");
      assert.notEqual(await rangeLabel(page), initial);
      await page.keyboard.press("ArrowLeft");
      const panned = await rangeLabel(page);
      await page.keyboard.press("0");

      const box = await plot.boundingBox();
      await page.mouse.move(box.x + box.width / 2, box.y + 10);
      await page.mouse.wheel(0, -400);
      await page.waitForFunction((before) => document.querySelector(".range-label").textContent !== before, initial);
      assert.notEqual(panned, initial);
      await page.keyboard.press("0");

      // Pinch (two touch pointers moving apart) zooms in.
      const before = await rangeLabel(page);
      await plot.evaluate((el) => {
        const r = el.getBoundingClientRect();
        const y = r.top + 60;
        const fire = (type, id, x) =>
          el.dispatchEvent(new PointerEvent(type, { pointerId: id, pointerType: "touch", clientX: x, clientY: y, bubbles: true }));
        const mid = r.left + r.width / 2;
        fire("pointerdown", 11, mid - 40);
        fire("pointerdown", 12, mid + 40);
        fire("pointermove", 12, mid + 120);
        fire("pointermove", 11, mid - 120);
        fire("pointerup", 11, mid - 120);
        fire("pointerup", 12, mid + 120);
      });
      await page.waitForFunction((b) => document.querySelector(".range-label").textContent !== b, before);
      await page.keyboard.press("0");

      // Drag pans: the visible range moves later when dragging left.
      await page.mouse.move(box.x + box.width * 0.6, box.y + 12);
      await page.mouse.down();
      await page.mouse.move(box.x + box.width * 0.4, box.y + 12, { steps: 5 });
      await page.mouse.up();
      assert.notEqual(await rangeLabel(page), initial);
      await page.keyboard.press("0");

      // Shift+drag over 2021 only: the list keeps the 2021 article.
      const xOf = async (name) => {
        const b = await timeline(page).getByRole("button", { name }).first().boundingBox();
        return b.x + b.width / 2;
      };
      const x2021 = await xOf(/^2021-03-03 — /);
      const x2022 = await xOf(/^2022-04-27 — /);
      await page.keyboard.down("Shift");
      await page.mouse.move(x2021 - 8, box.y + 12);
      await page.mouse.down();
      await page.mouse.move((x2021 + x2022) / 2, box.y + 12, { steps: 5 });
      await page.mouse.up();
      await page.keyboard.up("Shift");
      await page.waitForFunction(() => new URLSearchParams(location.hash.slice(1)).has("from"));
      const { from, to } = hash(page);
      assert.ok(from <= "2021-03-03" && "2021-03-03" <= to && to < "2022-04-27", `${from}..${to}`);
      const listed = await page.getByRole("region", { name: "Articles", exact: true }).locator("a").count();
      assert.equal(listed, 1);
      await timeline(page).getByRole("button", { name: "Clear range" }).click();
      await page.waitForFunction(() => !new URLSearchParams(location.hash.slice(1)).has("from"));

      // Hovering a marker shows its card: title, date and source.
      const marker = timeline(page).getByRole("button", { name: /^2021-03-03 — / });
      const mb = await marker.boundingBox();
      await page.mouse.move(mb.x + mb.width / 2, mb.y + mb.height / 2);
      const card = timeline(page).locator(".timeline-card");
      await card.waitFor();
      assert.match(await card.innerText(), /Turkey In Negotiations With Russia[\s\S]*3 March 2021/);
      await page.mouse.move(box.x + 5, box.y + box.height - 5);
      await card.waitFor({ state: "detached" });

      // The December 2020 sanctions event opens the 2021 article at its sentence.
      await timeline(page).getByRole("button", { name: /^2020-12: In December 2020/ }).click();
      await page.waitForFunction(() => location.hash.includes("article=000_fd1aee54e6a12c6a"));
      const focused = page.getByRole("main").locator("p.focused");
      assert.match(await focused.innerText(), /^In December 2020, the US imposed sanctions/);
      g.assertClean();
    } finally {
      await context.close();
    }
  });
});
