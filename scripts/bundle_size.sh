#!/usr/bin/env bash
# What the browser downloads, from the built site (scripts/build.sh): the main module (what the
# studio needs) and, for each page split out of it (src/ui/pages.rs), the chunks that page
# adds, raw and as sent (brotli). README, "Delivery: first load".
#   scripts/bundle_size.sh [SITE]     default target/site
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"
site="${1:-target/site}"
[ -f "$site/hash.txt" ] || die "no hash file in $site: run scripts/build.sh first"
python3 - "$site" <<'PY'
import json, os, re, sys
site = sys.argv[1]
hashes = dict(line.split(": ", 1) for line in open(f"{site}/hash.txt").read().split("\n") if ": " in line)
pkg = f"{site}/pkg"
def size(name):
    raw = os.path.getsize(f"{pkg}/{name}")
    br = f"{pkg}/{name}.br"
    return raw, os.path.getsize(br) if os.path.exists(br) else raw
rows = []
h = hashes["wasm"]
main = [f"precis.{h}.wasm", f"precis.{hashes['js']}.js", f"precis.{hashes['css']}.css"]
if "split" in hashes:
    main.append(f"__wasm_split.{hashes['split']}.js")
total = [sum(size(n)[i] for n in main) for i in (0, 1)]
print(f"{'':36} {'raw':>10} {'brotli':>10}")
print(f"{'main module (wasm)':36} {size(main[0])[0]:>10,} {size(main[0])[1]:>10,}")
print(f"{'studio: wasm + js + css':36} {total[0]:>10,} {total[1]:>10,}")
if "manifest" in hashes:
    manifest = json.load(open(f"{pkg}/__wasm_split_manifest.{hashes['manifest']}.json"))
    for key in sorted(manifest):
        # a page (#[lazy_route]), or code the studio loads once hydrated (#[lazy] fn NAME)
        page = re.match(r"^__(.*)_route_view_\d+$", key)
        label = f"+ {page.group(1)} page" if page else "+ " + re.sub(r"_\d+$", "", key) + " (after load)"
        files = [f"{m}.wasm" for m in manifest[key]]
        raw = sum(size(f)[0] for f in files); br = sum(size(f)[1] for f in files)
        print(f"{label:36} {raw:>10,} {br:>10,}")
PY
