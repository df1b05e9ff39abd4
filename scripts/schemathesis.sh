#!/usr/bin/env bash
# Property-based tests of the REST API against its own OpenAPI document, with schemathesis
# (PyPI): every documented operation, every check, positive and negative requests.
#
# Starts the server binary on a free port with a temporary data directory, the local engine's
# weights and no HuggingFace token, waits for /readyz, runs schemathesis against
# /api/openapi.json, stops the server. Exit status: schemathesis's.
#   scripts/schemathesis.sh [extra schemathesis run options]
# Env: PRECIS_BIN (default target/debug/precis, which `cargo test` builds),
#      PRECIS_SCHEMATHESIS_EXAMPLES (test cases per operation and phase, default 500: ~1,400
#      requests, about 1.5 minutes on 2 cores),
#      PRECIS_MODELS_DIR (default ./models).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

SCHEMATHESIS_VERSION=4.32.5
venv="${PRECIS_SCHEMATHESIS_VENV:-$HOME/.cache/precis/schemathesis-venv}"
bin="${PRECIS_BIN:-$ROOT/target/debug/precis}"
examples="${PRECIS_SCHEMATHESIS_EXAMPLES:-500}"
[ -x "$bin" ] || die "$bin not found: build it first (cargo build --no-default-features --features ssr)"

if ! "$venv/bin/schemathesis" --version 2>/dev/null | grep -qx "schemathesis, version $SCHEMATHESIS_VERSION"; then
  command -v python3 >/dev/null || apt_install python3
  log "installing schemathesis $SCHEMATHESIS_VERSION into $venv"
  rm -rf "$venv"
  # Debian's python3 makes virtual environments only with python3-venv installed
  python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; apt_install python3-venv; python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check "schemathesis==$SCHEMATHESIS_VERSION"
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

log "schemathesis $SCHEMATHESIS_VERSION: all checks, up to $examples cases per operation and phase"
# All checks are enabled in scripts/schemathesis.toml (with the exceptions it explains), not
# with `--checks all`, which would override those exceptions.
status=0
"$venv/bin/schemathesis" --config-file "$ROOT/scripts/schemathesis.toml" run \
  "http://127.0.0.1:$port/api/openapi.json" \
  --max-examples "$examples" \
  --header "Authorization: Bearer $key" \
  "$@" || status=$?
if [ "$status" -ne 0 ]; then
  log "Precis's log (warnings and errors):"
  tail -n 50 "$data/precis.log" >&2
fi
exit "$status"
