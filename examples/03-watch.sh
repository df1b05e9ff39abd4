#!/usr/bin/env bash
# Follows a document's indexing as Server-Sent Events until it is ready (or failed).
#   bash examples/03-watch.sh <document id>
source "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || { echo "usage: $0 <document id>" >&2; exit 2; }
curl -sSN "${who[@]}" "$PRECIS_INGEST/api/v1/documents/$1/events"
