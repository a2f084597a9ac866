// Import throughput in the page: adds a folder of seed-format articles
// (default: the CoNLL-2003 dev corpus in ../shared, read at run time) through
// the "Add files…" input of the built reader (dist/) in headless Chromium, and
// reports articles/s from the choice of files to the "Added N articles"
// notice (reading, analysing in time slices, storing in IndexedDB, linking).
// Run: node tests/e2e/measure-import.mjs [DIR]   (RUNS=3 by default; median)
import { readdirSync } from "node:fs";
import path from "node:path";
import { DIST, ROOT, launchBrowser, requireDist, startServer } from "./harness.mjs";

const DIR = path.resolve(process.argv[2] ?? path.join(ROOT, "../shared/data/conll2003/dev/corpus"));
const RUNS = Number(process.env.RUNS ?? 3);
const files = readdirSync(DIR).filter((f) => f.endsWith(".txt")).map((f) => path.join(DIR, f));
if (files.length === 0) throw new Error(`no .txt articles in ${DIR}`);

requireDist();
const server = await startServer(DIST);
const browser = await launchBrowser();
const times = [];
let longestFrame = 0;
try {
  for (let run = 0; run < RUNS; run++) {
    const context = await browser.newContext();
    const page = await context.newPage();
    await page.goto(`${server.origin}/`);
    await page.locator('section[aria-label="Your articles"][aria-busy="false"]').waitFor({ timeout: 30_000 });
    // The longest gap between animation frames while importing: how long the page stays unresponsive.
    await page.evaluate(() => {
      window.__gap = 0;
      let last = performance.now();
      const tick = (t) => {
        window.__gap = Math.max(window.__gap, t - last);
        last = t;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
    });
    const start = Date.now();
    await page.getByLabel("Add article files").setInputFiles(files);
    await page.getByText(`Added ${files.length} articles.`).waitFor({ timeout: 600_000 });
    times.push((Date.now() - start) / 1000);
    longestFrame = Math.max(longestFrame, await page.evaluate(() => window.__gap));
    await context.close();
  }
} finally {
  await browser.close();
  await server.close();
}
times.sort((a, b) => a - b);
const median = times[times.length >> 1];
console.log(`import of ${files.length} articles from ${path.relative(ROOT, DIR)} (median of ${RUNS}): ` +
  `${median.toFixed(2)} s = ${(files.length / median).toFixed(0)} articles/s; ` +
  `longest frame gap ${longestFrame.toFixed(0)} ms`);
