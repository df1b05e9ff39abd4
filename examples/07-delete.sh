#!/usr/bin/env bash
# Removes one of your documents (204); its passages go with it.
#   bash examples/07-delete.sh <document id>
source "$(dirname "$0")/common.sh"
[ $# -eq 1 ] || { echo "usage: $0 <document id>" >&2; exit 2; }
call -X DELETE "$PRECIS_INGEST/api/v1/documents/$1"
