#!/usr/bin/env bash
# Installs what is missing, builds Precis (release) and starts it at http://127.0.0.1:3000.
# Without HF_TOKEN it runs on the embedded local engine: no token, no internet needed.
# Configuration: environment variables, or a .env file here (see .env.example).
set -euo pipefail
cd "$(dirname "$0")"
if [ -f .env ]; then set -a; source .env; set +a; fi
bash scripts/setup.sh
bash scripts/build.sh --release
export LEPTOS_SITE_ROOT="${LEPTOS_SITE_ROOT:-target/site}"
exec target/release/precis
