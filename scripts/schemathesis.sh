#!/usr/bin/env bash
# Property-based tests of the REST API against its own OpenAPI document, with schemathesis
# (PyPI): every documented operation, every check, positive and negative requests.
#
# Starts the server binary on a free port with a temporary data directory, the local engine's
# weights and no HuggingFace token, waits for /readyz, replays the known regressions
# (scripts/schemathesis-regressions.txt), runs schemathesis against /api/openapi.json, stops the
# server. Exit status: non-zero when a regression fails or schemathesis finds a failure.
#   scripts/schemathesis.sh [extra schemathesis run options]
#       Reproducible (what CI runs): a fixed seed and no example database, so the same code
#       meets the same cases on every run and machine; a red run is this change's, not chance's.
#   scripts/schemathesis.sh --deep [extra options]     (or PRECIS_SCHEMATHESIS_DEEP=1)
#       A new random draw each run (schemathesis prints its seed: `--deep --seed N` repeats it)
#       and 2,000 cases per operation and phase: run it before closing an issue that touches
#       the API, and add what it finds to the regression list.
# Env: PRECIS_BIN (default target/debug/precis, which `cargo test` builds),
#      PRECIS_SCHEMATHESIS_EXAMPLES (test cases per operation and phase; default 500, about
#      2 minutes on 2 cores; 2,000 with --deep, about 30,000 cases in 8-9 minutes),
#      PRECIS_SCHEMATHESIS_SEED (the fixed seed, default 20261204),
#      PRECIS_MODELS_DIR (default ./models).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

SCHEMATHESIS_VERSION=4.32.5
# The generator itself: the same seed draws the same requests only with the same Hypothesis.
HYPOTHESIS_VERSION=6.170.27
venv="${PRECIS_SCHEMATHESIS_VENV:-$HOME/.cache/precis/schemathesis-venv}"
bin="${PRECIS_BIN:-$ROOT/target/debug/precis}"
deep=false
[ "${PRECIS_SCHEMATHESIS_DEEP:-}" = 1 ] && deep=true
if [ "${1:-}" = --deep ]; then deep=true; shift; fi
if $deep; then examples="${PRECIS_SCHEMATHESIS_EXAMPLES:-2000}"
else examples="${PRECIS_SCHEMATHESIS_EXAMPLES:-500}"; fi
seed="${PRECIS_SCHEMATHESIS_SEED:-20261204}"
[ -x "$bin" ] || die "$bin not found: build it first (cargo build --no-default-features --features ssr)"

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION" \
   || ! "$venv/bin/python" -c "import hypothesis, sys; sys.exit(hypothesis.__version__ != '$HYPOTHESIS_VERSION')" 2>/dev/null; then
  command -v python3 >/dev/null || apt_install python3
  log "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  rm -rf "$venv"
  # Debian's python3 makes virtual environments only with python3-venv installed
  python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; apt_install python3-venv; python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION" \
    "hypothesis==$HYPOTHESIS_VERSION"
fi

port=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
data=$(mktemp -d "${TMPDIR:-/tmp}/precis-schemathesis-XXXXXX")
server_pid=
stop() {
  if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
    kill -TERM "$server_pid" 2>/dev/null || true
    wait "$server_pid" 2>/dev/null || true
  fi
  rm -rf "$data"
}
trap stop EXIT

log "starting Precis on 127.0.0.1:$port (local engine, no HuggingFace token)"
# Limits out of the way: schemathesis sends thousands of requests from one address.
env -u HF_TOKEN -u HF_BASE_URL \
  LEPTOS_SITE_ADDR="127.0.0.1:$port" \
  PRECIS_DATA_DIR="$data" \
  PRECIS_MODELS_DIR="${PRECIS_MODELS_DIR:-$ROOT/models}" \
  PRECIS_PRELOAD_MODELS=false \
  PRECIS_RATE_LIMIT_BURST=1000000 \
  PRECIS_RATE_LIMIT_PER_MINUTE=60000000 \
  PRECIS_ASK_RATE_LIMIT_BURST=1000000 \
  PRECIS_ASK_RATE_LIMIT_PER_MINUTE=60000000 \
  PRECIS_CLASSIFIER_RATE_LIMIT_BURST=1000000 \
  PRECIS_CLASSIFIER_RATE_LIMIT_PER_MINUTE=60000000 \
  PRECIS_INFERENCE_QUEUE=1024 \
  RUST_LOG="${RUST_LOG:-warn}" \
  "$bin" >"$data/precis.log" 2>&1 &
server_pid=$!

ready=false
for _ in $(seq 1 120); do
  kill -0 "$server_pid" 2>/dev/null || { cat "$data/precis.log" >&2; die "Precis exited during start-up"; }
  if python3 -c "import urllib.request, sys; urllib.request.urlopen('http://127.0.0.1:$port/readyz', timeout=1)" 2>/dev/null; then
    ready=true; break
  fi
  sleep 0.5
done
$ready || { cat "$data/precis.log" >&2; die "Precis not ready after 60 s"; }

# Everything runs as one account, through an API key: resources one request creates are the
# same person's in the next (stateful tests), and the key routes are reachable.
key=$(python3 - "$port" <<'PY'
import http.cookiejar, json, sys, urllib.parse, urllib.request
base = f"http://127.0.0.1:{sys.argv[1]}"
browser = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar()))
def post(path, fields):
    body = urllib.parse.urlencode(fields).encode()
    with browser.open(urllib.request.Request(base + path, data=body)) as res:
        return json.load(res)
post("/api/ui/sign-up", {"email": "schemathesis@example.org", "password": "schemathesis password"})
print(post("/api/ui/keys/create", {"name": "schemathesis"})["secret"])
PY
) || die "could not create the account and API key schemathesis uses"

# The known regressions first, exactly as they were found: schemathesis 4.32 takes explicit cases
# only from the document's `example`s, and these (a NUL in a search) do not belong in the public
# API documentation. Every one is sent; a 5xx or no answer fails the run before schemathesis.
log "replaying the known regressions (scripts/schemathesis-regressions.txt)"
status=0
python3 - "http://127.0.0.1:$port" "$key" "$ROOT/scripts/schemathesis-regressions.txt" <<'PY' || status=$?
import sys, urllib.error, urllib.request
base, key, path = sys.argv[1:4]
sent = failed = 0
for number, line in enumerate(open(path, encoding="utf-8"), 1):
    line = line.strip()
    if not line or line.startswith("#"):
        continue
    method, target, *body = line.split(" ", 2)
    headers = {"Authorization": f"Bearer {key}"}
    if body:
        headers["Content-Type"] = "application/json"
    request = urllib.request.Request(base + target, data=body[0].encode() if body else None,
                                     headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=60) as response:
            status = response.status
    except urllib.error.HTTPError as error:
        status = error.code
    except Exception as error:  # no answer at all: the server crashed or hung
        status = f"no answer ({error})"
    ok = isinstance(status, int) and status < 500
    sent += 1
    failed += not ok
    print(f"  {'ok  ' if ok else 'FAIL'} {status}  {method} {target[:120]}  (line {number})", file=sys.stderr)
print(f"  {sent - failed} of {sent} regression requests answered without a server error", file=sys.stderr)
sys.exit(1 if failed else 0)
PY

# Reproducible by default: a fixed seed (each operation's cases derive from it and the
# operation's name) and no Hypothesis example database (`none`: one would replay cases saved by
# earlier runs on this machine). Not `--generation-deterministic`: a given seed overrides it, and
# it cannot be combined with `--generation-database`. schemathesis's own request cache (replayed
# while probing the API) goes to this run's temporary directory (see scripts/schemathesis.toml).
# --deep: the same, with a new seed each run (`--deep --seed N` repeats one exactly); what it
# finds is kept in scripts/schemathesis-regressions.txt, not in a database on one machine.
generation=(--generation-database none)
export PRECIS_SCHEMATHESIS_CACHE="$data/schemathesis-cache"
if $deep; then
  mode="a new random seed (--deep)"
  case " $* " in *" --seed "* | *" --seed="*) mode="the seed given (--deep)" ;; esac
else
  mode="seed $seed"
  generation+=(--seed "$seed")
fi
if [ "$status" = 0 ]; then
  log "schemathesis $SCHEMATHESIS_VERSION: all checks, up to $examples cases per operation and phase, $mode"
  # All checks are enabled in scripts/schemathesis.toml (with the exceptions it explains), not
  # with `--checks all`, which would override those exceptions.
  "$venv/bin/schemathesis" --config-file "$ROOT/scripts/schemathesis.toml" run \
    "http://127.0.0.1:$port/api/openapi.json" \
    --max-examples "$examples" \
    "${generation[@]}" \
    --header "Authorization: Bearer $key" \
    "$@" || status=$?
fi
if [ "$status" -ne 0 ]; then
  log "Precis's log (warnings and errors):"
  tail -n 50 "$data/precis.log" >&2
fi
exit "$status"
