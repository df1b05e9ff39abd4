#!/usr/bin/env bash
# Builds the image from the repository's own Dockerfile without a Docker engine (buildah, chroot
# isolation), then runs the built image's command against its own root file system and checks
# what an operator relies on: /healthz and /readyz, a summary from the local engine (no token),
# the unprivileged user, the data volume, the health-check command, and the image's size.
#   scripts/container-check.sh            build (layers cached between runs) and check
#   scripts/container-check.sh --no-build  check the image built last time
#   scripts/container-check.sh --compose   only validate docker-compose.yml (seconds)
# docker-compose.yml, its anchors and profiles included, is validated against the Compose
# specification's JSON schema (check-jsonschema's vendored compose-spec, pinned, own venv).
# Base images: pulled where a registry answers; otherwise made here — debian:bookworm-slim by
# debootstrap (Debian's package server), rust:1-bookworm as that plus rustup's stable toolchain
# (scripts/container/rust-bookworm.Containerfile). Needs root (buildah, debootstrap: installed
# with apt-get when missing). A first build takes ~30-40 min on 2 cores (the release server and
# the wasm bundle are compiled inside). Results: target/container-check/results.md.
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

IMAGE=localhost/precis:check
OUT="$ROOT/target/container-check"
CHECK_JSONSCHEMA_VERSION=0.39.0
build=true compose_only=false
case "${1:-}" in
  --no-build) build=false ;;
  --compose) compose_only=true ;;
  "") ;;
  *) die "usage: scripts/container-check.sh [--no-build|--compose]" ;;
esac
mkdir -p "$OUT"
if $compose_only; then stages 1; else stages 5; fi

stage "docker-compose.yml against the Compose specification's schema" "seconds once installed"
venv="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}/compose-check-venv"
if ! "$venv/bin/check-jsonschema" --version 2>/dev/null | grep -q "$CHECK_JSONSCHEMA_VERSION"; then
  python3 -m venv "$venv"
  "$venv/bin/pip" install -q --disable-pip-version-check "check-jsonschema==$CHECK_JSONSCHEMA_VERSION"
fi
"$venv/bin/check-jsonschema" --builtin-schema vendor.compose-spec docker-compose.yml
$compose_only && exit 0

stage "container tools (buildah, debootstrap)" "seconds once installed"
if ! command -v buildah >/dev/null || ! command -v debootstrap >/dev/null \
   || ! command -v podman >/dev/null; then
  [ "$(id -u)" = 0 ] || die "buildah, podman and debootstrap are missing: install them (root)"
  apt-get install -y --no-install-recommends buildah podman debootstrap >/dev/null
fi

# A machine behind a TLS-inspecting proxy trusts its certificate authority from
# /usr/local/share/ca-certificates; the build steps that download (rustup, crates.io, npm,
# PyPI) need it too. Mounted during the build only: update-ca-certificates in the image's own
# apt step then includes it in that image's bundle.
mounts=()
if compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  mounts=(-v /usr/local/share/ca-certificates:/usr/local/share/ca-certificates:ro)
fi

stage "base images (pulled, or made with debootstrap and rustup)" "about 1 min when made"
base() { buildah images --quiet "$1" >/dev/null 2>&1; }
if ! base docker.io/library/debian:bookworm-slim; then
  if ! buildah pull -q docker.io/library/debian:bookworm-slim >/dev/null 2>&1; then
    log "no registry: making debian:bookworm-slim with debootstrap"
    root="$(mktemp -d)"
    debootstrap --variant=minbase bookworm "$root" http://deb.debian.org/debian >"$OUT/debootstrap.log"
    tar -C "$root" -c . | podman import - docker.io/library/debian:bookworm-slim >/dev/null
    rm -rf "$root"
  fi
fi
if ! base docker.io/library/rust:1-bookworm; then
  if ! buildah pull -q docker.io/library/rust:1-bookworm >/dev/null 2>&1; then
    log "no registry: making rust:1-bookworm (bookworm + rustup's stable toolchain)"
    empty="$(mktemp -d)"
    buildah bud --isolation chroot "${mounts[@]}" -t docker.io/library/rust:1-bookworm \
      -f scripts/container/rust-bookworm.Containerfile "$empty" >"$OUT/rust-base.log"
    rmdir "$empty"
  fi
fi

if $build; then
  stage "building the image from the Dockerfile (buildah bud --isolation chroot)" \
    "first time about 30-40 min on 2 cores"
  # the committed tree only (git archive): no target dirs, weights or local files go in
  context="$(mktemp -d)"
  git archive HEAD | tar -x -C "$context"
  t0=$(date +%s)
  # docker format: OCI images cannot hold HEALTHCHECK
  buildah bud --isolation chroot --format docker --layers "${mounts[@]}" -t "$IMAGE" "$context" \
    >"$OUT/build.log" 2>&1 || { tail -30 "$OUT/build.log"; die "the build failed: $OUT/build.log"; }
  build_secs=$(($(date +%s) - t0))
  rm -rf "$context"
else
  stage "building the image: skipped (--no-build)"
  base "$IMAGE" || die "no $IMAGE: run without --no-build first"
  build_secs="(not built this run)"
fi

stage "running the image and checking it" "about 1 min"
fail=0
check() { # check "what" command...
  local what=$1; shift
  if "$@"; then printf '  ok    %s\n' "$what"; else printf '  FAIL  %s\n' "$what"; fail=1; fi
}
inspect() { buildah inspect --type image --format "$1" "$IMAGE"; }
size_h=$(buildah images --format '{{.Size}}' "$IMAGE" | head -1)

user=$(inspect '{{.Docker.Config.User}}')
check "runs as the unprivileged user (USER $user)" test "$user" = precis
contains() { [[ "$1" == *"$2"* ]]; }
volumes=$(inspect '{{.Docker.Config.Volumes}}')
check "declares the data volume /data ($volumes)" contains "$volumes" /data
health=$(inspect '{{.Docker.Config.Healthcheck.Test}}')
check "has a health check ($health)" contains "$health" healthcheck

ctr=$(buildah from --pull=never "$IMAGE")
port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
cleanup() {
  [ -n "${server_pid:-}" ] && kill "$server_pid" 2>/dev/null || true
  wait 2>/dev/null || true
  buildah rm "$ctr" >/dev/null 2>&1 || true
}
trap 'rc=$?; cleanup; _stages_summary $rc' EXIT
uid=$(buildah run --isolation chroot "$ctr" -- id -u)
check "its processes run as uid 10001 (got $uid)" test "$uid" = 10001
# chroot isolation shares the host's network: the server listens on a free local port. (Its
# /data is the working container's own: buildah's chroot isolation does not bind host folders.)
buildah run --isolation chroot --env "LEPTOS_SITE_ADDR=127.0.0.1:$port" \
  "$ctr" -- /app/precis >"$OUT/server.log" 2>&1 &
server_pid=$!
base_url="http://127.0.0.1:$port"
ready=false
for _ in $(seq 1 120); do
  if curl -fsS "$base_url/readyz" >/dev/null 2>&1; then ready=true; break; fi
  sleep 1
done
check "answers /readyz within 2 min" $ready
check "answers /healthz" curl -fsS -o /dev/null "$base_url/healthz"
check "the health-check command passes" buildah run --isolation chroot \
  --env "LEPTOS_SITE_ADDR=127.0.0.1:$port" "$ctr" -- /app/precis healthcheck
summary=$(curl -sS -X POST "$base_url/api/v1/summaries" -H 'content-type: application/json' \
  -d '{"text":"The city council approved a new transport budget on Tuesday after a long debate. The plan raises spending on buses and trams by ten percent and adds two night lines. Critics said fares should have been frozen, but the mayor said the plan pays for itself within five years."}' \
  -w '\n%{http_code}' || true)
code=${summary##*$'\n'}
summarized() { [ "$code" = 201 ] && contains "$summary" '"summary"'; }
check "summarizes with the local engine, no token (HTTP $code)" summarized
owner=$(buildah run --isolation chroot "$ctr" -- stat -c %u:%a /data/precis.db /data/cookie.key \
  2>/dev/null | tr '\n' ' ')
check "keeps its database and cookie key in /data, owned by the user ($owner)" \
  contains "$owner" "10001:644 10001:600"
page=$(curl -fsS "$base_url/" || true)
check "serves the studio page with its hashed bundle" contains "$page" '/pkg/precis.'
# A split page names its chunks (src/server/startup/chunks.rs), and the first one is served.
link=$(curl -fsSI "$base_url/ask" | tr -d '\r' | sed -n 's/^[Ll]ink: //p' || true)
chunk=$(printf '%s' "$link" | grep -o '/pkg/split___ask_route_view_[^>]*\.wasm' | head -1)
chunk_code=$(curl -s -o /dev/null -w '%{http_code}' -H 'Accept-Encoding: br' "$base_url${chunk:-/pkg/none}")
check "names the Ask page's chunks in its Link header, and serves them (${chunk:-none}: HTTP $chunk_code)" \
  test -n "$chunk" -a "$chunk_code" = 200


{
  printf '| image | size | build | checks |\n|---|--:|--:|---|\n'
  printf '| %s | %s | %s s | %s |\n' "$IMAGE" "$size_h" "$build_secs" \
    "$([ $fail = 0 ] && echo 'all passed' || echo FAILED)"
} | tee "$OUT/results.md"
[ $fail = 0 ] || die "some checks failed (server log: $OUT/server.log)"
