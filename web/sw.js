// Dateline's service worker: the reader keeps working offline after the
// first visit, the corpus bundle included.
//
// This file is a template: at build time scripts/sw-precache.mjs (a Trunk
// post_build hook, see Trunk.toml) writes it into dist/ with the three lines
// marked below replaced: VERSION, a content hash of every file of the build
// (and of this template); PARTS, the bundle's numbered parts (article
// chunks, search index shards: most of a large corpus's bytes, named after
// the build, so a name never holds two contents); PRECACHE, every other file.
//
// - install: every PRECACHE file of this version is fetched into a new cache
//   named after VERSION; if any fetch fails the cache is deleted and the
//   install fails (the previous version stays in charge). Only a complete
//   cache activates, so old JS never meets new wasm.
// - parts are not downloaded at install, where they would be fetched a
//   second time beside the page's own requests (112 MB at 100,000
//   articles): each is kept in this version's cache as it is fetched
//   (one download shared by the page and the worker), and once a page asks
//   for it ("fill", boot.js) the worker fetches the parts no page has
//   needed yet, one at a time, so the whole corpus works offline.
// - activate: the caches of older versions (of this scope only: several
//   Dateline sites may share one origin, e.g. USER.github.io/A/ and /B/)
//   are deleted, and open pages are taken over.
// - fetch: page loads (navigations) go to the network first, so that a new
//   deploy is seen at once, and fall back to this version's index.html when
//   offline or when the server answers with an error (e.g. a deploy
//   part-way through); everything else in scope comes from this version's
//   cache first.
//   Bundle parts come from the cache, or from the network into the cache.
//   Nothing else fetched at run time is added to the cache, and no other
//   origin is ever touched.
"use strict";

const VERSION = "development"; // @generated VERSION
const PRECACHE = []; // @generated PRECACHE
const PARTS = []; // @generated PARTS

const SCOPE = self.registration.scope;
const PREFIX = `dateline:${SCOPE}:`;
const CACHE = PREFIX + VERSION;
const INDEX = new URL("index.html", SCOPE).href;
const HASHED = /-[0-9a-f]{16}(_bg)?\.[a-z]+$/;
const PART_URLS = PARTS.map((url) => new URL(url, SCOPE).href);
const IS_PART = new Set(PART_URLS);

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
  if (req.mode === "navigate") event.respondWith(networkFirst(req));
  else if (IS_PART.has(req.url)) event.respondWith(part(req.url));
  else event.respondWith(cacheFirst(req));
});

self.addEventListener("message", (event) => {
  if (event.data?.type === "fill") event.waitUntil(fill());
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

/** A bundle part: from this version's cache, or fetched into it. */
async function part(url) {
  return (await cached(url)) ?? keep(url);
}

/** Parts being fetched, by URL: the page and fill() share one download. */
const fetching = new Map();

/** Fetches a part and keeps it in this version's cache (if that cache still
 *  exists: a newer version may have replaced it). Its name is unique to its
 *  content, so the browser's HTTP cache may answer. */
function keep(url) {
  let pending = fetching.get(url);
  if (!pending) {
    pending = (async () => {
      const res = await fetch(url);
      if (res.ok && (await caches.has(CACHE))) await (await caches.open(CACHE)).put(url, res.clone());
      return res;
    })();
    fetching.set(url, pending);
    pending.then(
      () => fetching.delete(url),
      () => fetching.delete(url),
    );
  }
  return pending.then((res) => res.clone());
}

let filling;

/** Every part not yet in this version's cache, fetched one at a time (it
 *  runs beside the page's own loading). Stops at the first failure (e.g.
 *  offline): the next page to load asks again. */
function fill() {
  filling ??= (async () => {
    try {
      if (!(await caches.has(CACHE))) return;
      const have = new Set((await (await caches.open(CACHE)).keys()).map((r) => r.url));
      for (const url of PART_URLS) {
        if (have.has(url)) continue;
        const res = await keep(url);
        if (!res.ok) return;
      }
    } catch {
      // offline, or the server is gone: nothing lost, the next visit resumes
    } finally {
      filling = undefined;
    }
  })();
  return filling;
}
