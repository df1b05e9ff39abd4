# Shared settings for the scripts in this folder. Source it; do not run it.
# shellcheck shell=bash

ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
NAME=precis

# Versions that must match each other (see README, "Building").
WASM_BINDGEN_VERSION=0.2.130   # == the `=0.2.130` pin in Cargo.toml
BINARYEN_NPM_VERSION=132.0.0   # modern wasm-opt; Debian's binaryen 108 corrupts wasm-bindgen output
RUST_WEB_PACKAGES="rustc-web cargo-web rust-web-src lld-22"

# Tools we install live outside the checkout so that clones share them.
TOOLS="${PRECIS_TOOLS_DIR:-$HOME/.cache/precis/tools}"
export PATH="$TOOLS/bin:$TOOLS/wasm-opt-bin:$PATH"
export PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 NPM_CONFIG_FUND=false NPM_CONFIG_AUDIT=false

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

# Numbered stages, each announced with what to expect, and the time the whole command took:
#   stages N                 the command's number of stages (only the outermost script's counts)
#   stage "title" ["expect"] "==> [3/6] title (expect)"; a stage skipped because it is done
#                            still counts, announced briefly ("...: already installed")
#   stages_end "message"     the summary now (run.sh, before it execs the server); otherwise
#                            the outermost script prints it when it exits, success or failure.
# Scripts run by the outermost one carry on its numbering through a small file named in
# PRECIS_STAGES (one line per stage started: start time, title). Expected times are those of a
# first run on a 2-core machine, measured on fresh clones.
stages() {
  if [ -n "${PRECIS_STAGES:-}" ] && [ -f "$PRECIS_STAGES" ]; then return 0; fi
  PRECIS_STAGES=$(mktemp "${TMPDIR:-/tmp}/precis-stages-XXXXXX")
  export PRECIS_STAGES PRECIS_STAGES_TOTAL="$1"
  _stages_t0=$(date +%s)
  trap '_stages_summary $?' EXIT
}
stage() {
  local title=$1 expect=${2:-} n=""
  if [ -n "${PRECIS_STAGES:-}" ] && [ -f "$PRECIS_STAGES" ]; then
    n=$(($(wc -l <"$PRECIS_STAGES") + 1))
    printf '%s\t%s\n' "$(date +%s)" "$title" >>"$PRECIS_STAGES"
    n="[$n/$PRECIS_STAGES_TOTAL] "
  fi
  log "$n$title${expect:+ ($expect)}"
}
stages_end() {
  trap - EXIT
  _stages_summary 0 "$@"
}
duration() { # seconds -> "1m 05s"
  if [ "$1" -ge 60 ]; then printf '%dm %02ds' $(($1 / 60)) $(($1 % 60)); else printf '%ds' "$1"; fi
}
_stages_summary() { # exit status [message]
  [ -n "${_stages_t0:-}" ] || return 0
  local rc=$1 message=${2:-done} now n=0 total start title next times
  now=$(date +%s)
  mapfile -t times < <(cut -f1 "$PRECIS_STAGES"; echo "$now")
  if [ "$rc" = 0 ]; then
    log "$message in $(duration $((now - _stages_t0)))"
  else
    n=$(wc -l <"$PRECIS_STAGES")
    log "FAILED (exit status $rc) $( [ "$n" = 0 ] && echo "before the first stage" \
      || echo "during [$n/$PRECIS_STAGES_TOTAL] $(tail -n1 "$PRECIS_STAGES" | cut -f2-)"), after $(duration $((now - _stages_t0)))"
    n=0
  fi
  total=$PRECIS_STAGES_TOTAL
  # Each stage's time, when there is something to tell (a failure or a run of a minute or more).
  if [ "$rc" != 0 ] || [ $((now - _stages_t0)) -ge 60 ]; then
    while IFS=$'\t' read -r start title; do
      n=$((n + 1)); next=${times[$n]}
      printf '      [%d/%d] %8s  %s\n' "$n" "$total" "$(duration $((next - start)))" "$title" >&2
    done <"$PRECIS_STAGES"
  fi
  rm -f "$PRECIS_STAGES"
  unset PRECIS_STAGES PRECIS_STAGES_TOTAL _stages_t0
}

as_root() {
  if [ "$(id -u)" = 0 ]; then "$@"; elif command -v sudo >/dev/null; then sudo "$@"; else
    die "need root to run: $*"; fi
}

# The named Debian packages that are not installed, space-separated (empty when all are).
missing_packages() {
  local missing=()
  for p in "$@"; do dpkg -s "$p" >/dev/null 2>&1 || missing+=("$p"); done
  echo "${missing[*]}"
}

apt_install() {
  local missing
  read -ra missing <<<"$(missing_packages "$@")"
  [ ${#missing[@]} -eq 0 ] && return 0
  command -v apt-get >/dev/null || die "missing system packages: ${missing[*]} (no apt-get here: install them by hand)"
  log "apt-get install ${missing[*]}"
  as_root apt-get update -qq
  DEBIAN_FRONTEND=noninteractive as_root apt-get install -y -qq "${missing[@]}" >/dev/null
}

# The smaller bundle (about 8 % smaller brotli, README "Delivery: first load"): std rebuilt for
# size, and a panic in the browser stops the module at once, with no message (no panic strings,
# no formatting machinery, no source locations, and `{:?}` prints nothing). Needs the toolchain's
# std source (rustup component rust-src, scripts/setup.sh) and unstable flags, allowed on the
# stable compiler by RUSTC_BOOTSTRAP for this build only. PRECIS_WASM_SMALL=0 builds without it
# (panic messages in the browser's console, for debugging); so does a toolchain without rust-src.
WASM_SMALL_FLAGS='["-Zunstable-options", "-Cpanic=immediate-abort", "-Zlocation-detail=none", "-Zfmt-debug=none"]'
# Whether the default toolchain has its std source (rust-src).
have_std_source() {
  [ -d "$(rustc --print sysroot)/lib/rustlib/src/rust/library/std" ]
}
wasm_small() {
  WASM_SMALL=false
  [ "${PRECIS_WASM_SMALL:-1}" = 0 ] && return 0
  have_std_source || return 0
  WASM_SMALL=true
  WASM_CARGO=(env RUSTC_BOOTSTRAP=1 cargo)
  WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort -Zbuild-std-features=optimize_for_size
    --config "target.wasm32-unknown-unknown.rustflags = $WASM_SMALL_FLAGS")
}

# How to compile the wasm half. Sets WASM_CARGO (command) and WASM_CARGO_ARGS (array).
# 1. the standard path: a toolchain with a prebuilt wasm32-unknown-unknown std (rustup target add);
# 2. otherwise Debian's rustc-web + rust-web-src, building std from source (-Zbuild-std).
pick_wasm_toolchain() {
  if [ "${PRECIS_WASM_TOOLCHAIN:-}" = debian ]; then   # force the fallback (to test it)
    WASM_CARGO=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo)
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort)
    [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]
    return
  fi
  if rustc --print sysroot >/dev/null 2>&1 \
     && [ -d "$(rustc --print sysroot)/lib/rustlib/wasm32-unknown-unknown/lib" ]; then
    WASM_CARGO=(cargo); WASM_CARGO_ARGS=(); wasm_small
    return 0
  fi
  if command -v rustup >/dev/null && rustup target add wasm32-unknown-unknown >/dev/null 2>&1; then
    WASM_CARGO=(cargo); WASM_CARGO_ARGS=(); wasm_small
    return 0
  fi
  if [ -x /usr/bin/cargo ] && [ -d /usr/lib/rustlib/src/rust/library ]; then
    WASM_CARGO=(env RUSTC_BOOTSTRAP=1 RUSTC=/usr/bin/rustc /usr/bin/cargo)
    WASM_CARGO_ARGS=(-Zbuild-std=std,panic_abort)
    return 0
  fi
  return 1
}
