#!/usr/bin/env bash
# The same, streamed: `passages` first, then `token` pieces of the answer, then `done`.
#   bash examples/06-ask-stream.sh "When are taxis refunded?" [model]
source "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || { echo "usage: $0 \"question\" [model]" >&2; exit 2; }
python3 -c 'import json,sys; b={"question": sys.argv[1]}; b.update({"model": sys.argv[2]} if len(sys.argv) > 2 else {}); print(json.dumps(b))' "$@" \
  | curl -sSN "${who[@]}" -X POST "$PRECIS_ASK/api/v1/questions/stream" -H 'Content-Type: application/json' --data-binary @-
