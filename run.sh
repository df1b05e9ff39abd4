#!/usr/bin/env bash
# Installs what is missing, builds Precis (release) and starts it at http://127.0.0.1:3000.
# Without HF_TOKEN it runs on the embedded local engine: no token, no internet needed.
# Configuration: environment variables, or a .env file here (see .env.example).
# Six numbered stages, each announced with its expected length: about 22 minutes in all the first
# time on a 2-core machine (tools, weights, release build, wasm bundle), seconds afterwards.
set -euo pipefail
cd "$(dirname "$0")"
if [ -f .env ]; then set -a; source .env; set +a; fi
source scripts/lib.sh
stages 6   # scripts/setup.sh: 4, scripts/build.sh --release: 2
bash scripts/setup.sh
bash scripts/build.sh --release
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
stages_end "set-up and build done; starting Precis at http://${LEPTOS_SITE_ADDR:-127.0.0.1:3000}"
exec target/release/precis
