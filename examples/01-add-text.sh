#!/usr/bin/env bash
# Adds a text (Markdown or plain) with a title: 201 when indexed, 200 if you already added it.
#   bash examples/01-add-text.sh ["title"] [file.md]   (default: the sample handbook)
source "$(dirname "$0")/common.sh"
title="${1:-Staff handbook}"
file="${2:-$here/handbook.md}"
python3 -c 'import json,sys; print(json.dumps({"title": sys.argv[1], "text": open(sys.argv[2], encoding="utf-8").read()}))' "$title" "$file" \
  | call -X POST "$PRECIS_INGEST/api/v1/documents" -H 'Content-Type: application/json' --data-binary @-
