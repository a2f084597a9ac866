// Test harness shared by the end-to-end test and scripts/measure:
// a static server (python's http.server on a free loopback port), Debian's
// Chromium driven by playwright-core (no browser download), and guards that
// record requests to other origins, HTTP errors, console errors and
// uncaught page errors.
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { existsSync } from "node:fs";
import path from "node:path";
import { after, before } from "node:test";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), "../..");
export const DIST = path.resolve(process.env.DATELINE_DIST ?? path.join(ROOT, "dist"));
export const CHROMIUM = process.env.CHROMIUM ?? "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--headless",
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** Fails early, with a hint, when dist/ has not been built. */
export function requireDist(dir = DIST) {
  if (!existsSync(path.join(dir, "index.html"))) {
    throw new Error(`${dir}/index.html is missing: run \`trunk build --release\` first (scripts/test does)`);
  }
}

/**
 * Serves `dir` with `python3 -m http.server` on 127.0.0.1 and a free port
 * (port 0: the OS picks one; the server prints which). Resolves to
 * { origin, close() }.
 */
export function startServer(dir) {
  return new Promise((resolve, reject) => {
    const proc = spawn(
      "python3",
      ["-u", "-m", "http.server", "0", "--bind", "127.0.0.1", "--directory", dir],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    let out = "";
    let settled = false;
    const timer = setTimeout(() => {
      if (!settled) {
        settled = true;
        proc.kill("SIGKILL");
        reject(new Error(`http.server did not start within 15 s:\n${out}`));
      }
    }, 15_000);
    const onData = (chunk) => {
      out += chunk;
      if (out.length > 100_000) out = out.slice(-50_000); // request log: keep the tail
      const m = /Serving HTTP on \S+ port (\d+)/.exec(out);
      if (m && !settled) {
        settled = true;
        clearTimeout(timer);
        const origin = `http://127.0.0.1:${m[1]}`;
        const exited = new Promise((r) => proc.once("exit", r));
        resolve({
          origin,
          log: () => out,
          close: async () => {
            if (proc.exitCode === null && proc.signalCode === null) proc.kill("SIGTERM");
            await exited;
          },
        });
      }
    };
    proc.stdout.setEncoding("utf8").on("data", onData);
    proc.stderr.setEncoding("utf8").on("data", onData);
    proc.once("error", (err) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(err);
      }
    });
    proc.once("exit", (code) => {
      if (!settled) {
        settled = true;
        clearTimeout(timer);
        reject(new Error(`http.server exited (${code}) before serving:\n${out}`));
      }
    });
  });
}

/** Debian's Chromium, headless; Playwright gives it a fresh temporary profile. */
export function launchBrowser({ args = [] } = {}) {
  return chromium.launch({ executablePath: CHROMIUM, headless: true, args: [...CHROMIUM_ARGS, ...args] });
}

/**
 * Records what a page does that the app must never do. Call before goto().
 * `origin` is the page's own origin; data: and blob: URLs are not network.
 */
export function guard(page, origin) {
  const g = { foreign: [], httpErrors: [], consoleErrors: [], pageErrors: [] };
  page.on("request", (req) => {
    const url = req.url();
    if (url.startsWith("data:") || url.startsWith("blob:")) return;
    if (new URL(url).origin !== origin) g.foreign.push(`${req.method()} ${url}`);
  });
  page.on("response", (res) => {
    if (res.status() >= 400) g.httpErrors.push(`${res.status()} ${res.url()}`);
  });
  page.on("console", (msg) => {
    if (msg.type() === "error") {
      const loc = msg.location();
      g.consoleErrors.push(`${msg.text()}${loc && loc.url ? ` (${loc.url}:${loc.lineNumber})` : ""}`);
    }
  });
  page.on("pageerror", (err) => g.pageErrors.push(String(err && err.stack ? err.stack : err)));
  g.assertClean = () => {
    assert.deepEqual(g.foreign, [], "requests to other origins");
    assert.deepEqual(g.httpErrors, [], "HTTP error responses");
    assert.deepEqual(g.consoleErrors, [], "console errors");
    assert.deepEqual(g.pageErrors, [], "uncaught page errors");
  };
  return g;
}

/**
 * Waits until the corpus bundle is open: every article's text loaded, not
 * only the boot part (the tagline's data-corpus, see src/app/workspace.rs).
 */
export async function corpusOpen(page, timeout = 60_000) {
  await page.locator('.tagline[data-corpus="open"]').waitFor({ timeout });
}

/** Marks window.__datelineStarted when web/boot.js reports the wasm started. */
export async function watchStart(context) {
  await context.addInitScript(() => {
    addEventListener("TrunkApplicationStarted", () => {
      window.__datelineStarted = performance.now();
    });
  });
}

/**
 * For a describe() block: serves dist/ and launches Chromium before its
 * tests, stops both after. Tests read `env.server` and `env.browser`.
 */
export function servedDist() {
  const env = {};
  before(async () => {
    requireDist();
    env.server = await startServer(DIST);
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    await env.server?.close();
  });
  return env;
}
