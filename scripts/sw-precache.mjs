#!/usr/bin/env node
// Writes the service worker of a build: web/sw.js with its VERSION and
// PRECACHE lines filled in from the files of the build.
//
//   Trunk post_build hook (Trunk.toml): the build's folder is TRUNK_STAGING_DIR
//   (dist/.stage, moved to dist/ when the build succeeds).
//   By hand:  node scripts/sw-precache.mjs DIR   (e.g. to re-version a copy)
//
// PARTS are the corpus bundle's numbered parts (bundle/chunk-*, the search
// index's bundle/search-NNNNN-* shards): most of a large bundle's bytes
// (104 of 112 MB at 100,000 articles), which the page fetches itself, so the
// service worker keeps them as they are fetched rather than downloading them
// a second time at install. Their names carry the build's id, so a name
// never holds two contents. PRECACHE is every other file of DIR except
// sw.js itself (index.html, the hashed JS, wasm and CSS, boot.js, the
// manifest, the icon, the bundle's boot, names, links and search head), as
// URLs relative to sw.js. VERSION is a SHA-256 over all those files' names
// and contents and the template itself, so any change to what is served
// makes a new version, and the browser (which compares sw.js byte for byte)
// installs it.
import { createHash } from "node:crypto";
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const TEMPLATE = path.join(ROOT, "web", "sw.js");

const dir = path.resolve(process.argv[2] ?? process.env.TRUNK_STAGING_DIR ?? "");
if (!process.argv[2] && !process.env.TRUNK_STAGING_DIR) {
  console.error("usage: node scripts/sw-precache.mjs DIR (or run as a Trunk post_build hook)");
  process.exit(2);
}

/** Files under dir, as sorted relative URL paths (a/b.css), skipping dotfiles and sw.js. */
function files(base, rel = "") {
  const out = [];
  for (const e of readdirSync(path.join(base, rel), { withFileTypes: true })) {
    if (e.name.startsWith(".")) continue;
    const r = rel ? `${rel}/${e.name}` : e.name;
    if (e.isDirectory()) out.push(...files(base, r));
    else if (e.isFile() && r !== "sw.js") out.push(r);
  }
  return out.sort();
}

const list = files(dir);
/** A numbered bundle part, named after its build (see PARTS above). */
const isPart = (f) => /^bundle\/(chunk|search)-\d+-[0-9a-f]{16}\.bin$/.test(f);
if (!list.includes("index.html")) {
  console.error(`sw-precache: ${dir}/index.html is missing`);
  process.exit(1);
}

const template = readFileSync(TEMPLATE, "utf8");
const hash = createHash("sha256");
hash.update(template);
for (const f of list) {
  hash.update(`\0${f}\0`);
  hash.update(readFileSync(path.join(dir, f)));
}
const version = hash.digest("hex").slice(0, 16);

const urls = (fs) => JSON.stringify(fs.map((f) => f.split("/").map(encodeURIComponent).join("/")), null, 2);
let replaced = 0;
const sw = template
  .replace(/^const VERSION = .*\/\/ @generated VERSION$/m, () => {
    replaced++;
    return `const VERSION = ${JSON.stringify(version)};`;
  })
  .replace(/^const PRECACHE = .*\/\/ @generated PRECACHE$/m, () => {
    replaced++;
    return `const PRECACHE = ${urls(list.filter((f) => !isPart(f)))};`;
  })
  .replace(/^const PARTS = .*\/\/ @generated PARTS$/m, () => {
    replaced++;
    return `const PARTS = ${urls(list.filter(isPart))};`;
  });
if (replaced !== 3) {
  console.error(`sw-precache: ${TEMPLATE} lacks the "// @generated VERSION/PRECACHE/PARTS" lines`);
  process.exit(1);
}
writeFileSync(path.join(dir, "sw.js"), sw);
const parts = list.filter(isPart).length;
console.log(`sw-precache: sw.js version ${version}, ${list.length - parts} files to precache, ${parts} bundle parts kept as fetched`);
