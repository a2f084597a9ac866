// Dateline's service worker: the reader keeps working offline after the
// first visit. The corpus is compiled into the wasm, so caching the app shell
// caches the articles too.
//
// This file is a template: at build time scripts/sw-precache.mjs (a Trunk
// post_build hook, see Trunk.toml) writes it into dist/ with the two lines
// marked below replaced: VERSION, a content hash of every file of the build
// (and of this template), and PRECACHE, the list of those files.
//
// - install: every file of this version is fetched into a new cache named
//   after VERSION; if any fetch fails the cache is deleted and the install
//   fails (the previous version stays in charge). Only a complete cache
//   activates, so old JS never meets new wasm.
// - activate: the caches of older versions (of this scope only: several
//   Dateline sites may share one origin, e.g. USER.github.io/A/ and /B/)
//   are deleted, and open pages are taken over.
// - fetch: page loads (navigations) go to the network first, so that a new
//   deploy is seen at once, and fall back to this version's index.html when
//   offline or when the server answers with an error (e.g. a deploy
//   part-way through); everything else in scope comes from this version's
//   cache first.
//   Nothing fetched at run time is added to the cache, and no other origin is
//   ever touched.
"use strict";

const VERSION = "development"; // @generated VERSION
const PRECACHE = []; // @generated PRECACHE

const SCOPE = self.registration.scope;
const PREFIX = `dateline:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", SCOPE).href;
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;

self.addEventListener("install", (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      try {
        // Files named with Trunk's content hash (app-0123456789abcdef.js)
        // never change: "no-cache" revalidates them, and a 304 reuses the
        // HTTP cache, so the wasm is not downloaded twice on the first visit.
        // The others (index.html, the manifest, the icon) are fetched afresh
        // ("reload"): a 304 from a validator that cannot tell two deploys
        // apart (Last-Modified has one-second steps) would mix versions.
        // addAll is all or nothing: it rejects if any response is not ok.
        await cache.addAll(
          PRECACHE.map((url) => new Request(url, { cache: HASHED.test(url) ? "no-cache" : "reload" })),
        );
      } catch (err) {
        await caches.delete(CACHE);
        throw err;
      }
      // The new cache is complete: no need to wait for every tab to close.
      await self.skipWaiting();
    })(),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    (async () => {
      const keys = await caches.keys();
      await Promise.all(keys.filter((k) => k.startsWith(PREFIX) && k !== CACHE).map((k) => caches.delete(k)));
      await self.clients.claim();
    })(),
  );
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET" || !req.url.startsWith(SCOPE)) return; // not ours: the browser handles it
  event.respondWith(req.mode === "navigate" ? networkFirst(req) : cacheFirst(req));
});

async function networkFirst(req) {
  let res;
  try {
    // "reload": always the server's current index.html (a small file), never
    // one the HTTP cache considers fresh, nor a 304 from a validator that
    // cannot tell two deploys apart.
    res = await fetch(new Request(req, { cache: "reload" }));
  } catch (err) {
    const hit = await ownCopy(req);
    if (hit) return hit;
    throw err;
  }
  // A page the server cannot give (a deploy part-way through, a server
  // error): this version's complete copy rather than an error page.
  if (!res.ok) return (await ownCopy(req)) ?? res;
  return res;
}

/** This version's copy of a page, if it has one. */
async function ownCopy(req) {
  const url = new URL(req.url);
  url.search = "";
  url.hash = "";
  return (await cached(url.href)) ?? (url.href === SCOPE ? await cached(INDEX) : undefined);
}

async function cacheFirst(req) {
  return (await cached(req)) ?? fetch(req);
}

/** This version's copy, if any. (caches.match, unlike caches.open, never
 *  re-creates the cache of a version that a newer one has deleted.) */
function cached(req) {
  return caches.match(req, { cacheName: CACHE });
}
