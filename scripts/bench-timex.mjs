// The peer half of `scripts/bench-timex`: times chrono-node (npm, a
// devDependency) over the same TBAQ article bodies as `benches/timex.rs`,
// anchored on the same publication dates, and prints chars/s and words/s
// for the median of BENCH_RUNS (default 15) passes after one warm-up pass,
// plus one `BENCH_JSON {...}` line for the wrapper.
// Usage: node scripts/bench-timex.mjs [CORPUS_DIR]
import { readdirSync, readFileSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import * as chrono from "chrono-node";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const dir = process.argv[2] ?? join(root, "..", "shared", "data", "tempeval3", "tbaq", "corpus");
const runs = Math.max(1, Number.parseInt(process.env.BENCH_RUNS ?? "15", 10) || 15);

const articles = readdirSync(dir)
  .filter((f) => f.endsWith(".txt"))
  .sort()
  .map((f) => {
    const text = readFileSync(join(dir, f), "utf8");
    const nl = text.indexOf("\n");
    const header = nl < 0 ? text : text.slice(0, nl);
    const date = header.trim().split(/\s+/)[1] ?? "";
    const [y, m, d] = date.split("-").map(Number);
    if (!(y && m && d)) throw new Error(`${f}: bad header ${JSON.stringify(header)}`);
    return { body: nl < 0 ? "" : text.slice(nl + 1), ref: new Date(y, m - 1, d, 12) };
  });
if (articles.length === 0) {
  console.error(`bench-timex.mjs: no articles in ${dir}`);
  process.exit(1);
}
// Code points, like Rust's chars().count().
const chars = articles.reduce((n, a) => n + [...a.body].length, 0);
const words = articles.reduce((n, a) => n + a.body.split(/\s+/).filter(Boolean).length, 0);

function pass() {
  const t0 = process.hrtime.bigint();
  let found = 0;
  for (const a of articles) found += chrono.parse(a.body, a.ref).length;
  return { found, s: Number(process.hrtime.bigint() - t0) / 1e9 };
}

pass(); // warm-up (JIT)
const times = [];
let found = 0;
for (let i = 0; i < runs; i++) {
  const r = pass();
  found = r.found;
  times.push(r.s);
}
times.sort((a, b) => a - b);
const median = Math.max(times[Math.floor(times.length / 2)], 1e-9);
console.log(`chrono-node: ${articles.length} articles, ${chars} chars, ${words} words, ${found} results`);
console.log(
  `  median of ${runs} runs: ${(median * 1e3).toFixed(1)} ms (min ${(times[0] * 1e3).toFixed(1)}, max ${(times[times.length - 1] * 1e3).toFixed(1)}) = ${Math.round(chars / median)} chars/s, ${Math.round(words / median)} words/s`,
);
console.log(`BENCH_JSON ${JSON.stringify({ tool: "chrono-node", runs, median_s: median, chars, words, found })}`);
