#!/usr/bin/env bash
# Uploads a file (PDF, HTML, Markdown, plain text in any common encoding), up to 20 MiB.
# A long one answers 202 "processing": follow it with 03-watch.sh <id>.
#   bash examples/02-add-file.sh report.pdf ["title"]
source "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || { echo "usage: $0 <file> [title]" >&2; exit 2; }
args=(-F "file=@$1")
[ -n "${2:-}" ] && args+=(-F "title=$2")
call -X POST "$PRECIS_INGEST/api/v1/documents" "${args[@]}"
