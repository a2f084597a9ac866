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
    "Dateline could not start: " + (err && err.message ? err.message : String(err));
  document.body.append(p);
}

if (!cfg) {
  fail(new Error("missing #dateline-app (was the page built with Trunk?)"));
} else {
  const js = new URL(cfg.dataset.js, document.baseURI).href;
  const wasm = new URL(cfg.dataset.wasm, document.baseURI).href;
  import(js)
    .then((bindings) => bindings.default({ module_or_path: wasm }))
    .then((instance) => {
      dispatchEvent(new CustomEvent("TrunkApplicationStarted", { detail: { wasm: instance } }));
    })
    .catch(fail);
}
