// The wasm part of `scripts/bench-ner`: times the full analysis compiled to
// WebAssembly (`crates/engine/examples/wasm_bench.rs`, release profile as the reader ships)
// in headless Chromium, over the same articles as `crates/engine/benches/analysis.rs`.
// The articles are read here at run time and handed to the page; the page
// copies them into the module's memory, then times the model load and
// BENCH_RUNS (default 10) passes after one warm-up pass with
// performance.now(). Prints a summary and one `BENCH_JSON {...}` line.
// BENCH_MODE=timex times the date tagger alone instead (for scripts/bench-timex).
// Usage: node scripts/bench-ner.mjs WASM_FILE [CORPUS_DIR]
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { ROOT, launchBrowser } from "../tests/e2e/harness.mjs";

const wasmFile = process.argv[2];
if (!wasmFile) {
  console.error("usage: node scripts/bench-ner.mjs WASM_FILE [CORPUS_DIR]");
  process.exit(2);
}
const dir = process.argv[3] ?? path.join(ROOT, "..", "shared", "data", "conll2003", "dev", "corpus");
const runs = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? "10", 10) || 10);
const timexOnly = process.env.BENCH_MODE === "timex";

const texts = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => readFileSync(path.join(dir, f), "utf8"));
if (texts.length === 0) {
  console.error(`bench-ner.mjs: no articles in ${dir}`);
  process.exit(1);
}
// Words after each header line, as crates/engine/benches/analysis.rs and the spaCy side count them.
const words = texts.reduce((n, t) => {
  const nl = t.indexOf("\n");
  return n + (nl < 0 ? 0 : t.slice(nl + 1).split(/\s+/).filter(Boolean).length);
}, 0);

const browser = await launchBrowser();
try {
  const page = await browser.newPage();
  page.on("pageerror", (e) => console.error(`page error: ${e}`));
  const result = await page.evaluate(
    async ({ wasm, texts, runs, timexOnly }) => {
      const bytes = Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0));
      let t = performance.now();
      const { instance } = await WebAssembly.instantiate(bytes, {});
      const instantiateMs = performance.now() - t;
      const x = instance.exports;
      const enc = new TextEncoder();
      for (const text of texts) {
        const b = enc.encode(text);
        const ptr = x.bench_alloc(b.length);
        new Uint8Array(x.memory.buffer, ptr, b.length).set(b);
      }
      t = performance.now();
      const model = x.bench_load();
      const loadMs = performance.now() - t;
      if (timexOnly) x.bench_prepare_timex();
      const run = timexOnly ? x.bench_run_timex : x.bench_run;
      run(); // warm-up
      const times = [];
      let found = 0;
      for (let i = 0; i < runs; i++) {
        t = performance.now();
        found = run();
        times.push((performance.now() - t) / 1e3);
      }
      return { instantiateMs, loadMs, model, times, found, memory: x.memory.buffer.byteLength };
    },
    { wasm: readFileSync(wasmFile).toString("base64"), texts, runs, timexOnly },
  );
  const times = result.times.sort((a, b) => a - b);
  const median = Math.max(times[Math.floor(times.length / 2)], 1e-9);
  if (result.model !== 1) throw new Error("the wasm module could not read its model");
  console.log(
    `dateline ${timexOnly ? "timex" : "analyze"} (wasm, Chromium): ${texts.length} articles, ${words} words, ` +
      `${result.found} ${timexOnly ? "timexes" : "mentions"}; ` +
      `instantiate ${result.instantiateMs.toFixed(1)} ms, model load ${result.loadMs.toFixed(2)} ms, ` +
      `linear memory ${(result.memory / 2 ** 20).toFixed(1)} MiB`,
  );
  console.log(
    `  median of ${runs} runs: ${(median * 1e3).toFixed(1)} ms (min ${(times[0] * 1e3).toFixed(1)}, max ${(times[times.length - 1] * 1e3).toFixed(1)}) = ${Math.round(words / median)} words/s`,
  );
  const json = {
    tool: timexOnly ? "dateline-wasm" : "wasm",
    runs,
    median_s: median,
    words,
    found: result.found,
    load_s: result.loadMs / 1e3,
    instantiate_s: result.instantiateMs / 1e3,
    memory_bytes: result.memory,
  };
  console.log(`BENCH_JSON ${JSON.stringify(json)}`);
} finally {
  await browser.close();
}
