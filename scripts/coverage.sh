#!/usr/bin/env bash
# Code coverage of the whole test suite, with cargo-llvm-cov over rustc's -C instrument-coverage.
#   scripts/coverage.sh install   llvm-tools (rustup) and cargo-llvm-cov (crates.io), once
#   scripts/coverage.sh env       prints the exports that make every later cargo build (tests, the
#                                 server the API fuzzing and browser tests start) instrumented;
#                                 run_tests.sh evals it. The wasm bundle is built without them.
#   scripts/coverage.sh report    the per-file table (target/llvm-cov/summary.txt), an HTML report
#                                 (target/llvm-cov/html) and the total printed last
set -euo pipefail
source "$(dirname "$0")/lib.sh"

LLVM_COV_VERSION=0.9.1

case "${1:-}" in
  install)
    if ! rustup component list --installed 2>/dev/null | grep -q '^llvm-tools'; then
      log "rustup component add llvm-tools"
      rustup component add llvm-tools >&2 || die "llvm-tools is needed for coverage: rustup component add llvm-tools"
    fi
    if ! cargo llvm-cov --version 2>/dev/null | grep -q "$LLVM_COV_VERSION"; then
      log "installing cargo-llvm-cov $LLVM_COV_VERSION (cargo install, first time only, about 2 min)"
      installer=cargo; [ -x /usr/bin/cargo ] && installer=/usr/bin/cargo
      "$installer" install -q cargo-llvm-cov --version "$LLVM_COV_VERSION" --locked --root "$TOOLS" >&2
    fi
    ;;
  env)
    # Profiles of every instrumented process go to target/llvm-cov-target; stale ones are cleared.
    cargo llvm-cov clean --workspace >&2
    cargo llvm-cov show-env --sh
    ;;
  report)
    mkdir -p target/llvm-cov
    # Every crate of the workspace; test files, benches and examples are left out (the defaults).
    cargo llvm-cov report --workspace --summary-only > target/llvm-cov/summary.txt
    cargo llvm-cov report --workspace --html --output-dir target/llvm-cov >/dev/null
    log "per-file table: target/llvm-cov/summary.txt, HTML: target/llvm-cov/html/index.html"
    total=$(grep '^TOTAL' target/llvm-cov/summary.txt)
    echo "$total"
    echo "$total" | awk '{printf "coverage: %s of lines, %s of regions, %s of functions\n", $10, $4, $7}'
    ;;
  *) die "usage: scripts/coverage.sh install|env|report" ;;
esac
