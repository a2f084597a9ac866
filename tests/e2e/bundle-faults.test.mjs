// A bundle that cannot be read gives a clear message in the page, never a
// blank page or a panic, and the rest of the page (your articles, import)
// still works: boot.bin missing, truncated, corrupted, of another format
// version, names.bin missing, links.bin corrupted, and a chunk or the
// names of another build (a half-deployed site).
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, readFileSync, readdirSync, rmSync, writeFileSync } from "node:fs";
import path from "node:path";
import { after, before, describe, test } from "node:test";
import { DIST, ROOT, guard, launchBrowser, requireDist, startServer } from "./harness.mjs";

const WORK = path.join(ROOT, "target", "e2e-faults");

/** A copy of dist/ with its bundle damaged by `damage(bundleDir)`. */
function damaged(name, damage) {
  const dir = path.join(WORK, name);
  rmSync(dir, { recursive: true, force: true });
  cpSync(DIST, dir, { recursive: true });
  damage(path.join(dir, "bundle"));
  return dir;
}

const FAULTS = [
  {
    name: "missing",
    damage: (b) => rmSync(path.join(b, "boot.bin")),
    message: /The corpus could not be opened: bundle\/boot\.bin could not be loaded \(HTTP 404\)/,
  },
  {
    name: "truncated",
    damage: (b) => {
      const f = path.join(b, "boot.bin");
      const bytes = readFileSync(f);
      writeFileSync(f, bytes.subarray(0, bytes.length - 10));
    },
    message: /bundle\/boot\.bin: the file is truncated/,
  },
  {
    name: "corrupt",
    damage: (b) => flipLastByte(path.join(b, "boot.bin")),
    message: /bundle\/boot\.bin: the file is corrupt \(its checksum does not match\)/,
  },
  {
    name: "version",
    damage: (b) => {
      const f = path.join(b, "boot.bin");
      const bytes = readFileSync(f);
      bytes.writeUInt16LE(99, 8);
      writeFileSync(f, bytes);
    },
    message: /format version 99 but this reader reads version \d+: rebuild the bundle/,
  },
  {
    name: "names-missing",
    damage: (b) => rmSync(path.join(b, "names.bin")),
    message: /The corpus could not be opened: bundle\/names\.bin could not be loaded \(HTTP 404\)/,
  },
  {
    name: "links-corrupt",
    damage: (b) => flipLastByte(path.join(b, "links.bin")),
    message: /bundle\/links\.bin: the file is corrupt \(its checksum does not match\)/,
  },
  {
    name: "chunk-of-another-build",
    // A half-deployed site: the boot part of this build, a chunk of another.
    damage: (b) => cpSync(path.join(otherBuild(), firstChunk(otherBuild())), path.join(b, firstChunk(b))),
    message: /chunk-00000-[0-9a-f]{16}\.bin is from another build of the corpus/,
  },
  {
    name: "names-of-another-build",
    damage: (b) => cpSync(path.join(otherBuild(), "names.bin"), path.join(b, "names.bin")),
    message: /names\.bin is from another build of the corpus/,
  },
];

/** The first chunk's file name in a bundle folder (named after its build). */
const firstChunk = (dir) => readdirSync(dir).find((f) => /^chunk-00000-[0-9a-f]{16}\.bin$/.test(f));

/** Damages a bundle file's payload (its checksum no longer matches). */
function flipLastByte(file) {
  const bytes = readFileSync(file);
  bytes[bytes.length - 1] ^= 0x55;
  writeFileSync(file, bytes);
}

/** The bundle of one seed article: another build of the corpus. */
function otherBuild() {
  const other = path.join(WORK, "other-build");
  rmSync(other, { recursive: true, force: true });
  execFileSync(
    path.join(ROOT, "target/release/dateline"),
    ["bundle", path.join(ROOT, "assets/corpus/000_fd1aee54e6a12c6a.txt"), "-o", other],
    { stdio: "ignore" },
  );
  return other;
}

describe("a damaged corpus bundle", () => {
  let browser;
  before(async () => {
    requireDist();
    browser = await launchBrowser();
  });
  after(async () => browser?.close());

  for (const fault of FAULTS) {
    test(`${fault.name}: a clear message, and the page stays usable`, async () => {
      const dir = damaged(fault.name, fault.damage);
      const server = await startServer(dir);
      const context = await browser.newContext();
      try {
        const page = await context.newPage();
        const g = guard(page, server.origin);
        await page.goto(`${server.origin}/`);
        const alert = page.getByRole("alert").filter({ hasText: "The corpus could not be opened" });
        await alert.waitFor({ timeout: 30_000 });
        assert.match(await alert.textContent(), fault.message);
        assert.equal(await page.locator(".tagline").getAttribute("data-corpus"), "failed");
        // Still usable: the masthead, search and the library's import.
        await page.getByRole("combobox", { name: "Search" }).waitFor();
        await page.getByRole("region", { name: "Your articles" }).waitFor();
        assert.deepEqual(g.pageErrors, [], "no uncaught error (no panic)");
        assert.deepEqual(g.foreign, []);
      } finally {
        await context.close();
        await server.close();
      }
    });
  }
});
