#!/usr/bin/env node
// Assembles the single-file build (scripts/single-file runs it):
//   node scripts/single-file.mjs GLUE.js APP_bg.wasm BUNDLE_DIR OUT.html IMPORT.js IMPORT_bg.wasm
// GLUE.js is wasm-bindgen's `--target no-modules` output, APP_bg.wasm the
// optimised wasm; IMPORT.js and IMPORT_bg.wasm the same for the import
// worker (`dateline-import`, glue built with --no-modules-global dateline_import). The page is one self-contained HTML file that works when
// opened from disk (file://), where module scripts and fetch() are blocked:
//   - assets/style.css in a <style>, assets/icon.svg as a data: favicon;
//   - the wasm as base64 in a data block (<script type="application/octet-stream">,
//     never executed);
//   - the glue and a small loader as classic inline <script>s, allowed by
//     their SHA-256 hashes in the page's Content-Security-Policy (no
//     'unsafe-inline' for scripts); the loader decodes the wasm and calls
//     wasm_bindgen({ module_or_path: bytes });
//   - the import worker (it reads and tags the articles the reader adds; only
//     its wasm holds the entity model): a worker cannot load from file://, so
//     its glue is an inline <script id="dateline-import-js"> (allowed by hash;
//     it only defines `dateline_import`, used by the page if no worker can
//     start) and its wasm base64 in #dateline-import-wasm; src/app/tagger.rs
//     starts the worker from a Blob URL of that glue (worker-src blob:) and
//     sends it the wasm's bytes;
//   - connect-src 'none' and default-src 'none': the page cannot make any
//     request at all.
// Prints the file's size, raw and gzipped.
import { createHash } from "node:crypto";
import { mkdirSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { brotliCompressSync, gzipSync } from "node:zlib";

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "..");
const [gluePath, wasmPath, bundleDir, outPath, importGluePath, importWasmPath] = process.argv.slice(2);
if (!gluePath || !wasmPath || !bundleDir || !outPath || !importGluePath || !importWasmPath) {
  console.error("usage: node scripts/single-file.mjs GLUE.js APP_bg.wasm BUNDLE_DIR OUT.html IMPORT.js IMPORT_bg.wasm");
  process.exit(2);
}

// (CRLF would be normalised by the HTML parser and break the CSP hashes.)
const glue = readFileSync(gluePath, "utf8").replace(/\r\n?/g, "\n");
const wasm = readFileSync(wasmPath);
const css = readFileSync(path.join(ROOT, "assets/style.css"), "utf8").replace(/\r\n?/g, "\n");
const icon = readFileSync(path.join(ROOT, "assets/icon.svg"));
if (wasm.subarray(0, 4).toString("latin1") !== "\0asm") throw new Error(`${wasmPath} is not a wasm module`);
if (!/\blet wasm_bindgen\b/.test(glue)) throw new Error(`${gluePath} is not wasm-bindgen --target no-modules output`);
const importGlue = readFileSync(importGluePath, "utf8").replace(/\r\n?/g, "\n");
const importWasm = readFileSync(importWasmPath);
if (importWasm.subarray(0, 4).toString("latin1") !== "\0asm") throw new Error(`${importWasmPath} is not a wasm module`);
if (!/\blet dateline_import\b/.test(importGlue)) {
  throw new Error(`${importGluePath} is not wasm-bindgen --target no-modules --no-modules-global dateline_import output`);
}

/** Inline text must not end its element early (or open a comment/script state). */
function assertInlineable(what, text, tag) {
  for (const bad of [`</${tag}`, "<!--", "<script"]) {
    if (text.toLowerCase().includes(bad)) throw new Error(`${what} contains "${bad}": it cannot be inlined in <${tag}>`);
  }
}

// The loader: the same contract as web/boot.js (TrunkApplicationStarted,
// a .boot-error alert on failure), without fetch or modules.
const loader = `
(function () {
  "use strict";
  function fail(err) {
    console.error("Dateline failed to start:", err);
    var p = document.createElement("p");
    p.className = "boot-error";
    p.setAttribute("role", "alert");
    p.textContent = "Dateline could not start: " + (err && err.message ? err.message : String(err));
    (document.body || document.documentElement).append(p);
  }
  try {
    var data = document.getElementById("dateline-wasm");
    var b64 = data.textContent.replace(/\\s+/g, "");
    data.remove();
    var bytes;
    if (typeof Uint8Array.fromBase64 === "function") {
      bytes = Uint8Array.fromBase64(b64);
    } else {
      var bin = atob(b64);
      bytes = new Uint8Array(bin.length);
      for (var i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);
    }
    wasm_bindgen({ module_or_path: bytes })
      .then(function (instance) {
        dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
      })
      .catch(fail);
  } catch (err) {
    fail(err);
  }
})();
`;

assertInlineable("the wasm-bindgen glue", glue, "script");
assertInlineable("the loader", loader, "script");
assertInlineable("the import worker's glue", importGlue, "script");
assertInlineable("assets/style.css", css, "style");

const sha = (text) => `'sha256-${createHash("sha256").update(text, "utf8").digest("base64")}'`;
const csp = [
  "default-src 'none'",
  `script-src ${sha(glue)} ${sha(importGlue)} ${sha(loader)} 'wasm-unsafe-eval'`,
  // The import worker, from a Blob URL of the embedded glue (tagger.rs).
  "worker-src blob:",
  // Yew sets style="" attributes; the stylesheet is inline too.
  "style-src 'unsafe-inline'",
  "img-src data:",
  "connect-src 'none'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join("; ");

// Base64 in lines of 76 characters: easier on editors and diff tools.
const base64Lines = (bytes) => bytes.toString("base64").replace(/.{1,76}/g, "$&\n");
const b64 = base64Lines(wasm);

// The corpus bundle (`dateline bundle`): each file as base64 in a data-only
// <script> the reader looks up by name (src/app/bundle.rs) instead of
// fetching it. Base64 has no "<", so it cannot end its element early.
// Every file `dateline bundle` wrote (it removes an earlier build's), whatever
// its name: a part the page looks for and cannot find here would be fetched,
// and fail, from file://.
const bundleNames = readdirSync(bundleDir).filter((n) => n.endsWith(".bin")).sort();
if (!bundleNames.includes("boot.bin")) throw new Error(`${bundleDir} has no boot.bin: run scripts/bundle-corpus first`);
let bundleBytes = 0;
const bundleTags = bundleNames
  .map((name) => {
    const bytes = readFileSync(path.join(bundleDir, name));
    bundleBytes += bytes.length;
    return `    <script type="application/octet-stream" data-bundle-file="${name}">${bytes.toString("base64")}</script>`;
  })
  .join("\n");

const html = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="color-scheme" content="light dark" />
    <!--
      Dateline, single-file build (scripts/single-file): the whole reader and
      its corpus in this one page, for opening from disk. Nothing is ever
      requested: connect-src 'none'. Inline scripts are allowed by hash only;
      the import worker runs from a Blob URL (worker-src blob:).
    -->
    <meta http-equiv="Content-Security-Policy" content="${csp}" />
    <meta name="description" content="Dateline: a news corpus as a timeline, with dated events and linked entities." />
    <title>Dateline</title>
    <link rel="icon" href="data:image/svg+xml;base64,${icon.toString("base64")}" />
    <style>
${css}
    </style>
    <script type="application/octet-stream" id="dateline-wasm">
${b64}</script>
${bundleTags}
    <script type="application/octet-stream" id="dateline-import-wasm">
${base64Lines(importWasm)}</script>
    <script id="dateline-import-js">${importGlue}</script>
    <script>${glue}</script>
    <script>${loader}</script>
  </head>
  <body>
    <noscript>
      <p>Dateline is a WebAssembly application: please enable JavaScript to read the corpus.</p>
    </noscript>
  </body>
</html>
`;

mkdirSync(path.dirname(path.resolve(outPath)), { recursive: true });
writeFileSync(outPath, html);

const kib = (n) => `${(n / 1024).toFixed(0)} KiB`;
const raw = Buffer.byteLength(html);
const gz = gzipSync(html, { level: 9 }).length;
const br = brotliCompressSync(html).length;
console.log(`${path.relative(process.cwd(), path.resolve(outPath))}: ${raw} bytes (${kib(raw)}), gzip ${gz} bytes (${kib(gz)}), brotli ${br} bytes (${kib(br)})`);
console.log(`  of which wasm ${wasm.length} bytes (${kib(wasm.length)}) as base64, glue ${Buffer.byteLength(glue)} bytes, corpus bundle ${bundleBytes} bytes in ${bundleNames.length} files`);
console.log(`  and the import worker: wasm ${importWasm.length} bytes (${kib(importWasm.length)}) as base64, glue ${Buffer.byteLength(importGlue)} bytes`);
