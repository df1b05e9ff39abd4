# Shared by the example scripts: where Precis is, and who you are.
#   PRECIS_URL      the all-in-one server (default http://localhost:3000)
#   PRECIS_INGEST   the ingestion service (default: PRECIS_URL; compose profile: http://localhost:8001)
#   PRECIS_ASK      the question service  (default: PRECIS_URL; compose profile: http://localhost:8002)
#   PRECIS_API_KEY  an API key (prc_…, made on the Account page) — else a cookie jar in
#                   examples/.cookies keeps you the same anonymous person across scripts.
set -euo pipefail
PRECIS_URL="${PRECIS_URL:-http://localhost:3000}"
PRECIS_INGEST="${PRECIS_INGEST:-$PRECIS_URL}"
PRECIS_ASK="${PRECIS_ASK:-$PRECIS_URL}"
here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
if [ -n "${PRECIS_API_KEY:-}" ]; then
  who=(-H "Authorization: Bearer $PRECIS_API_KEY")
else
  who=(-b "$here/.cookies" -c "$here/.cookies")
fi
# curl that shows the status line on stderr and the body on stdout
call() { curl -sS "${who[@]}" -w '\n[HTTP %{http_code}]\n' "$@"; }
