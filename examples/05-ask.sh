#!/usr/bin/env bash
# Asks your documents; the answer cites its passages as [1], [2]…
#   bash examples/05-ask.sh "How many days of holiday do we get?" [model]
#   model: extractive (default: quotes, no language model) or one of 08-models.sh
source "$(dirname "$0")/common.sh"
[ $# -ge 1 ] || { echo "usage: $0 \"question\" [model]" >&2; exit 2; }
python3 -c 'import json,sys; b={"question": sys.argv[1]}; b.update({"model": sys.argv[2]} if len(sys.argv) > 2 else {}); print(json.dumps(b))' "$@" \
  | call -X POST "$PRECIS_ASK/api/v1/questions" -H 'Content-Type: application/json' --data-binary @-
