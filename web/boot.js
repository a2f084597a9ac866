// Starts the Dateline reader. Trunk's default loader is an inline <script>,
// which a strict Content-Security-Policy (no 'unsafe-inline' scripts) blocks;
// this external module does the same job. Trunk.toml's pattern_script puts
// the hashed file names into <script id="dateline-app" data-js data-wasm>.
const cfg = document.getElementById("dateline-app");

function fail(err) {
  console.error("Dateline failed to start:", err);
  const p = document.createElement("p");
  p.className = "boot-error";
  p.setAttribute("role", "alert");
  p.textContent =
    "Dateline could not start: " +
    (err && err.message ? err.message : String(err)) +
    (err instanceof NotLoaded
      ? " The site may be part-way through an update, or the network is down: reload the page in a moment."
      : "");
  document.body.append(p);
}

/** One of the app's own files did not arrive (a 404 from a half-deployed site, no network). */
class NotLoaded extends Error {
  constructor(url, why) {
    super(`${new URL(url).pathname.split("/").pop()} could not be loaded (${why}).`);
  }
}

if (!cfg) {
  fail(new Error("missing #dateline-app (was the page built with Trunk?)"));
} else {
  const js = new URL(cfg.dataset.js, document.baseURI).href;
  const wasm = new URL(cfg.dataset.wasm, document.baseURI).href;
  // The wasm is fetched alongside the JS (as the JS would fetch it), so
  // that a missing one is named rather than reported as a compile error.
  const module = fetch(wasm).then(
    (res) => {
      if (!res.ok) throw new NotLoaded(wasm, `HTTP ${res.status}`);
      return res;
    },
    (err) => {
      throw new NotLoaded(wasm, err.message);
    },
  );
  module.catch(() => {}); // reported below, once the JS asks for it
  import(js)
    .catch((err) => {
      throw new NotLoaded(js, err.message);
    })
    .then((bindings) => bindings.default({ module_or_path: module }))
    .then((instance) => {
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
    })
    .catch(fail);
}

// Offline after the first visit: web/sw.js (written into dist/ by
// scripts/sw-precache.mjs) precaches this build, and keeps the bundle's
// chunks and search shards as the page fetches them. Only over http(s) (a
// service worker cannot run from file://, and the single-file build does not
// need one); relative URLs, so the scope is this page's folder, e.g. a GitHub
// Pages project site. Registered after the page has loaded, so the precache
// does not compete with the first render; once it is active, it is asked to
// fetch the parts no page has needed yet ("fill"), for offline reading, and
// so is a new version when it takes over. Failure only costs offline use.
if ("serviceWorker" in navigator && (location.protocol === "https:" || location.protocol === "http:")) {
  const fill = (worker) => worker?.postMessage({ type: "fill" });
  navigator.serviceWorker.addEventListener("controllerchange", () => fill(navigator.serviceWorker.controller));
  const register = () =>
    navigator.serviceWorker
      .register(new URL("sw.js", document.baseURI), { scope: new URL("./", document.baseURI).href })
      .then(() => navigator.serviceWorker.ready)
      .then((registration) => fill(registration.active))
      .catch((err) => console.warn("Dateline: offline use is unavailable:", err));
  if (document.readyState === "complete") register();
  else addEventListener("load", register, { once: true });
}
