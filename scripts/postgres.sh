#!/usr/bin/env bash
# A real PostgreSQL 16 with pgvector for the knowledge store's tests (crates/knowledge), from the
# PyPI package pgserver (PostgreSQL binaries + pgvector in a wheel: no system packages, no Docker).
#
#   bash scripts/postgres.sh start   starts it (once; again is harmless) and prints its URL last
#   bash scripts/postgres.sh url     the URL of the running server
#   bash scripts/postgres.sh stop    stops it (the data stays)
#
# Use: eval "export PRECIS_TEST_POSTGRES_URL=$(bash scripts/postgres.sh start)"
#
# The server listens only on a Unix socket in its data folder (no TCP port), trusts local
# connections, and keeps running after this script exits. Run as root, pgserver runs PostgreSQL
# as a system user `pgserver` (created on first use) and makes the data folder's parent folders
# readable and traversable by others (PostgreSQL refuses to run as root).
#
# Settings: PRECIS_PGSERVER_VENV (default ~/.cache/precis/pgserver-venv),
#           PRECIS_PGDATA (default ~/.cache/precis/pgdata).
set -euo pipefail
source "$(dirname "$0")/lib.sh"

PGSERVER_VERSION=0.1.4   # PostgreSQL 16.2 + pgvector 0.6.2
cache="${XDG_CACHE_HOME:-$HOME/.cache}/precis"
venv="${PRECIS_PGSERVER_VENV:-$cache/pgserver-venv}"
pgdata="${PRECIS_PGDATA:-$HOME/.cache/precis/pgdata}"

install() {
  if "$venv/bin/python" -c "import importlib.metadata as m, sys; sys.exit(m.version('pgserver') != '$PGSERVER_VERSION')" 2>/dev/null; then
    return 0
  fi
  command -v python3 >/dev/null || apt_install python3
  log "installing pgserver $PGSERVER_VERSION into $venv"
  rm -rf "$venv"
  mkdir -p "$(dirname "$venv")"
  # Debian's python3 makes virtual environments only with python3-venv installed
  python3 -m venv "$venv" 2>/dev/null || { rm -rf "$venv"; apt_install python3-venv; python3 -m venv "$venv"; }
  "$venv/bin/pip" install -q --disable-pip-version-check "pgserver==$PGSERVER_VERSION"
}

# Runs Python with pgserver; $1 is the action (start, url, stop), the data folder in PGDATA.
pgserver() {
  PGDATA="$pgdata" "$venv/bin/python" -W ignore - "$1" <<'PY'
import os, sys
from pathlib import Path
from pgserver import _commands
from pgserver.utils import PostmasterInfo

pgdata = Path(os.environ["PGDATA"]).expanduser().resolve()
action = sys.argv[1]

def url(info):
    # sqlx and libpq both read the socket folder from `host` (a path); the URL's own host part
    # must not be empty when it has a user, or URL parsers refuse it.
    return f"postgresql://postgres@localhost/postgres?host={info.socket_dir}"

def running():
    info = PostmasterInfo.read_from_pgdata(pgdata) if pgdata.exists() else None
    return info if info is not None and info.is_running() and info.status == "ready" else None

if action == "start":
    info = running()
    if info is None:
        import time
        import pgserver
        pgdata.parent.mkdir(parents=True, exist_ok=True)
        try:
            # cleanup_mode=None: the server outlives this process (pg_ctl runs it in its own
            # session)
            server = pgserver.get_server(pgdata, cleanup_mode=None)
            info = server.get_postmaster_info()
        except Exception:
            # pgserver's pg_ctl gives up after 10 s, but the server goes on starting: after an
            # unclean stop PostgreSQL first syncs its data folder and replays its log, which
            # takes longer on a busy machine. Wait for it to be ready rather than fail.
            deadline = time.monotonic() + 180
            while (info := running()) is None and time.monotonic() < deadline:
                time.sleep(1)
            if info is None:
                raise
            print("PostgreSQL was slow to start (a recovery), and is ready", file=sys.stderr)
    print(url(info))
elif action == "url":
    info = running()
    if info is None:
        sys.exit("no server is running in %s (start it: bash scripts/postgres.sh start)" % pgdata)
    print(url(info))
elif action == "stop":
    if running() is None:
        print("not running", file=sys.stderr)
        sys.exit(0)
    # pg_ctl refuses to run as root: as root, pgserver runs the server as the user `pgserver`
    user = "pgserver" if os.geteuid() == 0 else None
    _commands.pg_ctl(["-w", "stop"], pgdata=pgdata, user=user)
    print("stopped", file=sys.stderr)
else:
    sys.exit("unknown action " + action)
PY
}

case "${1:-}" in
  start)
    install
    out=$(pgserver start) || die "pgserver could not start PostgreSQL (log: $pgdata/log)"
    url=$(tail -n1 <<<"$out")
    # pgvector must be there: the knowledge store runs CREATE EXTENSION vector in its databases
    psql=$("$venv/bin/python" -W ignore -c 'import pgserver._commands as c; print(c.POSTGRES_BIN_PATH / "psql")')
    "$psql" "$url" -qAtc "SELECT 1 FROM pg_available_extensions WHERE name = 'vector'" | grep -qx 1 \
      || die "this PostgreSQL has no pgvector"
    log "PostgreSQL is running (data: $pgdata)"
    echo "$url"
    ;;
  url)
    [ -x "$venv/bin/python" ] || die "pgserver is not installed (run: bash scripts/postgres.sh start)"
    pgserver url
    ;;
  stop)
    [ -x "$venv/bin/python" ] || exit 0
    pgserver stop
    ;;
  *)
    die "usage: bash scripts/postgres.sh start|url|stop"
    ;;
esac
