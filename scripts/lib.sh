# shellcheck shell=bash
# Shared by scripts/setup, scripts/serve, scripts/test and scripts/measure.
# Source it; it cds to the repository root and puts the pinned tools on PATH.

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
cd "$ROOT"

# Pinned tool versions. WASM_BINDGEN_VERSION must equal the `wasm-bindgen`
# version in Cargo.lock (Cargo.toml pins it with `=`) and Trunk.toml [tools].
TRUNK_VERSION="0.21.14"
WASM_BINDGEN_VERSION="0.2.130"
WASM_OPT_VERSION="version_132" # npm binaryen@132.0.0, see package.json

# npm's bin dir first: Debian's binaryen (if installed) has a wasm-opt that
# cannot parse current rustc output. Cargo's bin dir for trunk/wasm-bindgen.
export PATH="$ROOT/node_modules/.bin:${CARGO_HOME:-$HOME/.cargo}/bin:$PATH"
# Trunk must never try to download tools (only registries are reachable).
export TRUNK_OFFLINE=true
export CARGO_TERM_COLOR="${CARGO_TERM_COLOR:-never}"
export DEBIAN_FRONTEND=noninteractive

LOG_DIR="${DATELINE_LOG_DIR:-$ROOT/target/logs}"
mkdir -p "$LOG_DIR"

# step NAME CMD...: print a header, run CMD (a command or a shell function,
# run in a subshell with errexit on), print its duration; exit on failure.
# (`if fn` would silently disable errexit inside fn, hence set +e / $?.)
step() {
  local name="$1"; shift
  local t0=$SECONDS rc
  echo
  echo "==> $name"
  set +e
  ( set -e; "$@" )
  rc=$?
  set -e
  if [ "$rc" -eq 0 ]; then
    echo "<== $name: ok ($((SECONDS - t0)) s)"
  else
    echo "<== $name: FAILED (exit $rc, $((SECONDS - t0)) s)" >&2
    exit "$rc"
  fi
}

# quiet NAME CMD...: run CMD with its output in a log file; on failure show
# the log's tail and return its exit code. For installs, whose output nobody
# wants to read.
quiet() {
  local name="$1"; shift
  local log="$LOG_DIR/$name.log"
  local t0=$SECONDS rc
  echo "    $name (log: ${log#"$ROOT"/})"
  set +e
  ( set -e; "$@" ) >"$log" 2>&1 </dev/null
  rc=$?
  set -e
  if [ "$rc" -eq 0 ]; then
    echo "    $name: done ($((SECONDS - t0)) s)"
  else
    echo "    $name: FAILED (exit $rc); last lines of $log:" >&2
    tail -n 40 "$log" >&2
    return "$rc"
  fi
}

as_root() {
  if [ "$(id -u)" -eq 0 ]; then "$@"; else sudo "$@"; fi
}
