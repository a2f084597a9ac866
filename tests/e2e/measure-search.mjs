// The browser half of scripts/bench-search (issue #11): for one corpus size,
// in ONE headless Chromium page, Dateline's search (the index `dateline
// bundle` wrote, loaded and queried in wasm: bench/search-wasm) against
// MiniSearch 7 and FlexSearch 0.8 (npm devDependencies) built in the page from
// the same make_corpus.py --json corpus. Per engine: index load (ours) or
// build (peers), memory after, median and p95 latency per query for the 200
// word queries, the 50 prefixes and the typo set, top-10 recall against an
// exact scan, and for typos how often a wanted article is in the top 5.
// Then the index on disk: our search files raw and brotli against the corpus
// text, and Pagefind's bundle for the same articles (its Node API, if the
// `pagefind` devDependency and its platform binary are installed).
// Prints one JSON line; `node measure-search.mjs --table results.jsonl`
// prints the README tables.
//
//   CORPUS_JSON=target/scale/c10000.json   the corpus (queries beside it, .queries.json)
//   SEARCH_BUNDLE=target/scale/search-bundle-10000   `dateline bundle` output
//   SEARCH_PKG=target/search-bench/pkg     wasm-bindgen output of bench/search-wasm
//   PASSES=5                               timed passes per query set (after one warm-up)
//   LOADS=5                                loads of our index (the first, cold, and the median of the others)
//   PEERS="minisearch flexsearch"          the peers to measure ("" for ours alone)
//   PAGEFIND=0                             skip Pagefind
//   SEARCH_MISSES=1                        list the typo queries our top 5 misses (on stderr)
//
// The page is served by a small static server here (not harness.mjs's
// http.server) because it must send COOP/COEP headers: only a cross-origin
// isolated page gets performance.now() at 5 µs resolution instead of 100 µs,
// and the queries take tens of microseconds.
import { createReadStream, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync } from "node:fs";
import http from "node:http";
import path from "node:path";
import zlib from "node:zlib";
import { launchBrowser, ROOT } from "./harness.mjs";

if (process.argv[2] === "--table") {
  printTables(readFileSync(process.argv[3], "utf8").trim().split("\n").map((l) => JSON.parse(l)));
  process.exit(0);
}

const CORPUS_JSON = path.resolve(ROOT, process.env.CORPUS_JSON ?? "target/scale/c1000.json");
const QUERIES_JSON = CORPUS_JSON.replace(/\.json$/, ".queries.json");
const BUNDLE = path.resolve(ROOT, process.env.SEARCH_BUNDLE ?? "target/scale/search-bundle-1000");
const PKG = path.resolve(ROOT, process.env.SEARCH_PKG ?? "target/search-bench/pkg");
const WASM = process.env.SEARCH_WASM ?? "dateline_search_wasm_bench_bg.wasm";
const PASSES = Number(process.env.PASSES ?? 5);
const LOADS = Number(process.env.LOADS ?? 5);
const PEERS = (process.env.PEERS ?? "minisearch flexsearch").split(/\s+/).filter(Boolean);
const log = (...a) => console.error("  [measure-search]", ...a);

// --- the query sets -----------------------------------------------------------

/**
 * One edit of a word query, exactly as crates/search/benches/query.rs makes
 * it: the middle character of its longest word (the first if several)
 * deleted, only if that word has 5 or more characters.
 */
export function typo(query) {
  const words = query.split(" ");
  let longest = 0;
  let best = -1;
  words.forEach((w, i) => {
    const n = [...w].length;
    if (n > best) {
      best = n;
      longest = i;
    }
  });
  const chars = [...words[longest]];
  if (chars.length >= 5) chars.splice(Math.floor(chars.length / 2), 1);
  words[longest] = chars.join("");
  return words.join(" ");
}

const tokens = (text) => text.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * The exact answers: for each query, the articles (JSON array positions)
 * whose lowercase [a-z0-9]+ tokens contain every query word, the last one
 * as a prefix for prefix queries. One pass over the corpus, keeping only
 * the posting lists of words and prefixes the queries use.
 */
function exactAnswers(articles, sets) {
  const words = new Set();
  const prefixes = new Set();
  for (const { list, prefix } of sets) {
    for (const q of list) {
      const ws = tokens(q);
      ws.forEach((w, i) => (prefix && i === ws.length - 1 ? prefixes : words).add(w));
    }
  }
  const lengths = [...new Set([...prefixes].map((p) => p.length))];
  const docsOf = new Map([...words, ...[...prefixes].map((p) => `${p}*`)].map((k) => [k, new Set()]));
  articles.forEach((a, doc) => {
    for (const t of new Set(tokens(`${a.title}\n\n${a.body}`))) {
      if (words.has(t)) docsOf.get(t).add(doc);
      for (const n of lengths) {
        if (t.length >= n && prefixes.has(t.slice(0, n))) docsOf.get(`${t.slice(0, n)}*`).add(doc);
      }
    }
  });
  return sets.map(({ list, prefix }) =>
    list.map((q) => {
      const ws = tokens(q);
      const lists = ws.map((w, i) => docsOf.get(prefix && i === ws.length - 1 ? `${w}*` : w));
      if (lists.length === 0) return new Set();
      lists.sort((a, b) => a.size - b.size);
      return new Set([...lists[0]].filter((d) => lists.every((l) => l.has(d))));
    }),
  );
}

// --- sizes on disk ---------------------------------------------------------------

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, {
    params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11, [zlib.constants.BROTLI_PARAM_SIZE_HINT]: buf.length },
  }).length;

function walk(dir) {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name)) : [path.join(dir, e.name)],
  );
}

async function pagefindSize(articles) {
  if (process.env.PAGEFIND === "0") return { skipped: "PAGEFIND=0" };
  let pagefind;
  try {
    pagefind = await import("pagefind");
  } catch (e) {
    return { skipped: `pagefind not installed (${e.message.split("\n")[0]})` };
  }
  const out = path.join(ROOT, "target/search-bench", `pagefind-${articles.length}`);
  rmSync(out, { recursive: true, force: true });
  const t0 = performance.now();
  const { index, errors } = await pagefind.createIndex({});
  if (!index) return { skipped: `pagefind: ${errors.join("; ")}` };
  // One record per article, as a page of the site would be: title and text
  // (500 at a time: each is a message to Pagefind's binary).
  for (let from = 0; from < articles.length; from += 500) {
    const added = await Promise.all(
      articles.slice(from, from + 500).map((a, i) =>
        index.addCustomRecord({
          url: `/article/${from + i}`,
          content: `${a.title}\n\n${a.body}`,
          language: "en",
          meta: { title: a.title },
        }),
      ),
    );
    const errors = added.flatMap((r) => r.errors);
    if (errors.length) return { skipped: `pagefind: ${errors.join("; ")}` };
  }
  const w = await index.writeFiles({ outputPath: out });
  if (w.errors.length) return { skipped: `pagefind: ${w.errors.join("; ")}` };
  const secs = (performance.now() - t0) / 1e3;
  await pagefind.close();
  // Its files are gzipped already (pf_*): sizes as they lie on disk. The
  // index proper is pf_meta + pf_index (+ filters); fragments are the stored
  // article texts it shows excerpts from; the rest is its UI, JS and wasm.
  let index_ = 0;
  let fragments = 0;
  let total = 0;
  for (const f of walk(out)) {
    const n = statSync(f).size;
    total += n;
    if (/\.pf_(meta|index|filter)$/.test(f)) index_ += n;
    else if (f.endsWith(".pf_fragment")) fragments += n;
  }
  return { secs, total, index: index_, fragments, version: pagefind.version ?? null };
}

// --- the page ----------------------------------------------------------------------

const TYPES = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript",
  ".mjs": "text/javascript",
  ".wasm": "application/wasm",
  ".json": "application/json",
  ".bin": "application/octet-stream",
};

/** Serves `ROOT` on 127.0.0.1, cross-origin isolated; `/` is an empty page. */
function serve() {
  const server = http.createServer((req, res) => {
    const headers = {
      "Cross-Origin-Opener-Policy": "same-origin",
      "Cross-Origin-Embedder-Policy": "require-corp",
      "Cache-Control": "no-store",
    };
    const url = decodeURIComponent(new URL(req.url, "http://x").pathname);
    if (url === "/") {
      res.writeHead(200, { ...headers, "Content-Type": TYPES[".html"] });
      return res.end('<!doctype html><meta charset="utf-8"><link rel="icon" href="data:,"><title>search bench</title>');
    }
    const file = path.join(ROOT, path.normalize(url));
    if (!file.startsWith(ROOT + path.sep) || !existsSync(file) || !statSync(file).isFile()) {
      res.writeHead(404, headers);
      return res.end();
    }
    res.writeHead(200, {
      ...headers,
      "Content-Type": TYPES[path.extname(file)] ?? "application/octet-stream",
      "Content-Length": statSync(file).size,
    });
    createReadStream(file).pipe(res);
  });
  return new Promise((resolve) => server.listen(0, "127.0.0.1", () => resolve(server)));
}

const rel = (p) => `/${path.relative(ROOT, p).split(path.sep).join("/")}`;

/** The page: loads the corpus and the engines' modules, keeps them on window. */
async function pageSetup({ corpus, minisearch, flexsearch, pkg }) {
  const res = await fetch(corpus);
  window.articles = (await res.json()).map((a, id) => ({ id, title: a.title, body: a.body }));
  window.MiniSearch = (await import(minisearch)).default;
  window.FlexSearch = await import(flexsearch);
  window.ours = await import(pkg);
  return { crossOriginIsolated: self.crossOriginIsolated, articles: window.articles.length };
}

/**
 * Ours: fetches the search files (not timed), starts the wasm, loads the
 * index (decode + add every shard: the first load, the page's, is reported
 * with the memory after it), then loads it `loads - 1` more times (warm).
 */
async function pageLoadOurs({ wasm, head, shards, loads }) {
  const get = async (u) => new Uint8Array(await (await fetch(u)).arrayBuffer());
  const headBytes = await get(head);
  const shardBytes = await Promise.all(shards.map(get));
  const t0 = performance.now();
  const exports = await window.ours.default({ module_or_path: wasm });
  const start = performance.now() - t0;
  const load = () => {
    const t = performance.now();
    const expected = window.ours.load(headBytes);
    for (const s of shardBytes) window.ours.add_shard(s);
    const ms = performance.now() - t;
    if (expected !== shardBytes.length) throw new Error(`the head expects ${expected} shards, got ${shardBytes.length}`);
    return ms;
  };
  const first = load();
  const wasmMemory = exports.memory.buffer.byteLength;
  const warm = [];
  for (let i = 1; i < loads; i++) warm.push(load());
  warm.sort((a, b) => a - b);
  window.engine = (q) => Array.from(window.ours.query(q));
  return {
    start,
    load: first,
    loadWarm: warm.length ? warm[warm.length >> 1] : null,
    wasmMemory,
    indexBytes: window.ours.heap_bytes(),
  };
}

function pageBuildMiniSearch() {
  const t0 = performance.now();
  const ms = new window.MiniSearch({ fields: ["title", "body"], storeFields: [] });
  ms.addAll(window.articles);
  const t1 = performance.now();
  window.built = ms;
  return { build: t1 - t0 };
}

function pageBuildFlexSearch() {
  const t0 = performance.now();
  const fx = new window.FlexSearch.Document({ document: { id: "id", index: ["title", "body"] }, tokenize: "forward" });
  for (const a of window.articles) fx.add(a);
  const t1 = performance.now();
  window.built = fx;
  return { build: t1 - t0 };
}

/**
 * Times each query of each set: one warm-up pass, then `passes` timed ones
 * (performance.now() around the call, its top-10 ids included). Returns the
 * times and the last pass's top 10s.
 */
function pageRun({ engine, sets, passes }) {
  const top10 = {
    ours: (q, kind) => window.engine(kind === "prefixes" ? q : `${q} `),
    minisearch: (q, kind) => {
      const opts = kind === "prefixes" ? { prefix: true } : kind === "typos" ? { fuzzy: 0.2 } : undefined;
      return window.built
        .search(q, opts)
        .slice(0, 10)
        .map((r) => r.id);
    },
    flexsearch: (q, kind) => {
      const opts = { limit: 10, merge: true };
      if (kind === "typos") opts.suggest = true;
      return window.built
        .search(q, opts)
        .slice(0, 10)
        .map((r) => r.id);
    },
  }[engine];
  const out = {};
  for (const [kind, list] of Object.entries(sets)) {
    for (const q of list) top10(q, kind);
    const times = [];
    let tops = [];
    for (let p = 0; p < passes; p++) {
      tops = [];
      for (const q of list) {
        const t0 = performance.now();
        const top = top10(q, kind);
        times.push(performance.now() - t0);
        tops.push(top);
      }
    }
    out[kind] = { times, tops };
  }
  return out;
}

async function pageArticleNumbers(boot) {
  const bytes = new Uint8Array(await (await fetch(boot)).arrayBuffer());
  return Array.from(window.ours.article_numbers(bytes));
}

// --- main -----------------------------------------------------------------------------

const quantile = (sorted, p) => sorted[Math.round((sorted.length - 1) * p)];

/**
 * Latency, top-10 recall and the share of queries with a wanted article in
 * the top 5 (a query with no exact answer counts as found, as in
 * benches/query.rs); for typos also that share among the queries the typo
 * rule actually changed.
 */
function score(kind, run, truths) {
  const times = [...run.times].sort((a, b) => a - b);
  let found = 0;
  let wanted = 0;
  let top5 = 0;
  let editedTop5 = 0;
  run.tops.forEach((top, i) => {
    const truth = truths[i];
    wanted += Math.min(truth.size, 10);
    found += top.filter((d) => truth.has(d)).length;
    const ok = truth.size === 0 || top.slice(0, 5).some((d) => truth.has(d));
    top5 += ok ? 1 : 0;
    if (kind === "typos" && sets.typos[i] !== sets.words[i]) editedTop5 += ok ? 1 : 0;
  });
  return {
    median: quantile(times, 0.5),
    p95: quantile(times, 0.95),
    max: times[times.length - 1],
    recall: found / Math.max(wanted, 1),
    top5: top5 / run.tops.length,
    ...(kind === "typos" ? { editedTop5: editedTop5 / edited } : {}),
    empty: run.tops.filter((t) => t.length === 0).length,
  };
}

const articles = JSON.parse(readFileSync(CORPUS_JSON, "utf8"));
const queries = JSON.parse(readFileSync(QUERIES_JSON, "utf8"));
const sets = {
  words: queries.words,
  prefixes: queries.prefixes,
  typos: queries.words.map(typo),
};
const edited = sets.typos.filter((t, i) => t !== queries.words[i]).length;
log(`${articles.length} articles; ${sets.words.length} words, ${sets.prefixes.length} prefixes, ${sets.typos.length} typos (${edited} edited)`);
const [wordTruth, prefixTruth] = exactAnswers(articles, [
  { list: sets.words, prefix: false },
  { list: sets.prefixes, prefix: true },
]);
const truths = { words: wordTruth, prefixes: prefixTruth, typos: wordTruth };

// Sizes on disk.
const text = articles.reduce((n, a) => n + Buffer.byteLength(`${a.title}\n\n${a.body}`), 0);
const searchFiles = readdirSync(BUNDLE)
  .filter((f) => /^search(-\d+)?\.bin$/.test(f))
  .sort();
const shardFiles = searchFiles.filter((f) => f !== "search.bin");
let raw = 0;
let br = 0;
// The files are deflated already (crates/bundle/src/format.rs: a 20-byte
// header, then the raw-deflated postcard payload), so brotli finds little in
// them: also what brotli makes of the payload inflated, for comparison.
let plainBrotli = 0;
for (const f of searchFiles) {
  const buf = readFileSync(path.join(BUNDLE, f));
  raw += buf.length;
  br += brotli(buf);
  plainBrotli += 20 + brotli(zlib.inflateRawSync(buf.subarray(20, 20 + buf.readUInt32LE(12))));
}
const headRaw = statSync(path.join(BUNDLE, "search.bin")).size;
log(`search files: ${searchFiles.length}, ${raw} bytes raw, ${br} brotli; text ${text} bytes`);

const server = await serve();
const origin = `http://127.0.0.1:${server.address().port}`;
const browser = await launchBrowser({ args: ["--enable-precise-memory-info", "--js-flags=--max-old-space-size=8192"] });
const engines = {};
let isolated = null;
try {
  const page = await browser.newPage();
  page.on("console", (m) => m.type() === "error" && log("page:", m.text()));
  page.on("pageerror", (e) => log("page error:", String(e)));
  const cdp = await page.context().newCDPSession(page);
  const heap = async () => {
    await cdp.send("HeapProfiler.collectGarbage");
    await cdp.send("HeapProfiler.collectGarbage");
    return (await cdp.send("Runtime.getHeapUsage")).usedSize;
  };
  await page.goto(`${origin}/`);
  const setup = await page.evaluate(pageSetup, {
    corpus: rel(CORPUS_JSON),
    minisearch: "/node_modules/minisearch/dist/es/index.js",
    flexsearch: "/node_modules/flexsearch/dist/flexsearch.bundle.module.min.mjs",
    pkg: `${rel(PKG)}/dateline_search_wasm_bench.js`,
  });
  isolated = setup.crossOriginIsolated;
  if (!isolated) log("warning: the page is not cross-origin isolated: performance.now() is coarse (100 µs)");
  if (setup.articles !== articles.length) throw new Error(`the page has ${setup.articles} articles`);

  // Ours. (The heap is measured after the loads: the JS side keeps only the fetched files' bytes, freed by then.)
  log("ours: load");
  let before = await heap();
  const ours = await page.evaluate(pageLoadOurs, {
    wasm: `${rel(PKG)}/${WASM}`,
    head: rel(path.join(BUNDLE, "search.bin")),
    shards: shardFiles.map((f) => rel(path.join(BUNDLE, f))),
    loads: LOADS,
  });
  ours.heap = (await heap()) - before;
  log(`ours: ${JSON.stringify(ours)}; queries`);
  const oursRun = await page.evaluate(pageRun, { engine: "ours", sets, passes: PASSES });
  // Our documents are the boot part's articles (date, id order): to JSON positions.
  const numbers = await page.evaluate(pageArticleNumbers, rel(path.join(BUNDLE, "boot.bin")));
  if (numbers.length !== articles.length) throw new Error(`the bundle has ${numbers.length} articles`);
  for (const run of Object.values(oursRun)) run.tops = run.tops.map((t) => t.map((d) => numbers[d]));
  if (process.env.SEARCH_MISSES) {
    oursRun.typos.tops.forEach((top, i) => {
      const truth = truths.typos[i];
      if (truth.size && !top.slice(0, 5).some((d) => truth.has(d))) {
        log(`ours: typo miss ${JSON.stringify(sets.typos[i])} (for ${JSON.stringify(sets.words[i])}): ${top.length} results, ${truth.size} wanted`);
      }
    });
  }
  engines.ours = { ...ours, sets: Object.fromEntries(Object.entries(oursRun).map(([k, r]) => [k, score(k, r, truths[k])])) };

  for (const [name, build] of [
    ["minisearch", pageBuildMiniSearch],
    ["flexsearch", pageBuildFlexSearch],
  ].filter(([name]) => PEERS.includes(name))) {
    log(`${name}: build`);
    before = await heap();
    const built = await page.evaluate(build);
    built.heap = (await heap()) - before;
    log(`${name}: ${JSON.stringify(built)}; queries`);
    const run = await page.evaluate(pageRun, { engine: name, sets, passes: PASSES });
    engines[name] = { ...built, sets: Object.fromEntries(Object.entries(run).map(([k, r]) => [k, score(k, r, truths[k])])) };
    await page.evaluate(() => {
      window.built = null;
    });
  }
} finally {
  await browser.close();
  server.close();
}

log("pagefind");
const pagefind = await pagefindSize(articles);
const versions = Object.fromEntries(
  ["minisearch", "flexsearch", "pagefind"].map((p) => {
    const f = path.join(ROOT, "node_modules", p, "package.json");
    return [p, existsSync(f) ? JSON.parse(readFileSync(f, "utf8")).version : null];
  }),
);
console.log(
  JSON.stringify({
    articles: articles.length,
    passes: PASSES,
    crossOriginIsolated: isolated,
    typosEdited: edited,
    versions,
    wasm: { file: WASM, bytes: statSync(path.join(PKG, WASM)).size },
    disk: { text, searchRaw: raw, searchBrotli: br, plainBrotli, headRaw, shards: shardFiles.length, pagefind },
    engines,
  }),
);

// --- the README tables -------------------------------------------------------------------

function printTables(rows) {
  const mb = (n) => (n == null ? "–" : `${(n / 1e6).toFixed(2)} MB`);
  const ms = (n) => (n < 1 ? n.toFixed(3) : n < 100 ? n.toFixed(2) : n.toFixed(0));
  const pct = (x) => `${(100 * x).toFixed(1)} %`;
  const names = {
    ours: "Dateline (wasm)",
    minisearch: "MiniSearch",
    flexsearch: "FlexSearch",
  };
  console.log(
    "| articles | engine | index load / build | memory after | words: median / p95 (ms) | prefixes: median / p95 | typos: median / p95 | top-10 recall words / prefixes / typos | typos: a wanted article in the top 5 (all / edited only) |",
  );
  console.log("| ---: | --- | ---: | --- | --- | --- | --- | --- | ---: |");
  for (const r of rows) {
    for (const [key, e] of Object.entries(r.engines)) {
      const version = key === "ours" ? "" : ` ${r.versions[key]}`;
      const time =
        key === "ours"
          ? `${ms(e.load)} ms (warm ${ms(e.loadWarm)} ms; + ${ms(e.start)} ms wasm start)`
          : `${ms(e.build)} ms`;
      const memory =
        key === "ours"
          ? `${mb(e.wasmMemory)} wasm (index ${mb(e.indexBytes)}) + ${mb(Math.max(e.heap, 0))} JS`
          : `${mb(e.heap)} JS heap`;
      const s = e.sets;
      const lat = (k) => `${ms(s[k].median)} / ${ms(s[k].p95)}`;
      console.log(
        `| ${r.articles.toLocaleString("en")} | ${names[key]}${version} | ${time} | ${memory} | ${lat("words")} | ${lat("prefixes")} | ${lat("typos")} | ${s.words.recall.toFixed(3)} / ${s.prefixes.recall.toFixed(3)} / ${s.typos.recall.toFixed(3)} | ${pct(s.typos.top5)} / ${s.typos.editedTop5 == null ? "–" : pct(s.typos.editedTop5)} |`,
      );
    }
  }
  console.log();
  console.log(
    "| articles | corpus text | Dateline search files raw / brotli (share of the text) | the same, brotli of the inflated payload | Pagefind bundle: total / index (meta + index chunks) / fragments |",
  );
  console.log("| ---: | ---: | --- | --- | --- |");
  for (const r of rows) {
    const d = r.disk;
    const pf = d.pagefind.skipped
      ? `– (${d.pagefind.skipped})`
      : `${mb(d.pagefind.total)} / ${mb(d.pagefind.index)} / ${mb(d.pagefind.fragments)} (built in ${d.pagefind.secs.toFixed(1)} s)`;
    console.log(
      `| ${r.articles.toLocaleString("en")} | ${mb(d.text)} | ${mb(d.searchRaw)} / ${mb(d.searchBrotli)} (${pct(d.searchRaw / d.text)} / ${pct(d.searchBrotli / d.text)}) | ${d.plainBrotli == null ? "–" : `${mb(d.plainBrotli)} (${pct(d.plainBrotli / d.text)})`} | ${pf} |`,
    );
  }
}
