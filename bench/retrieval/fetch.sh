#!/usr/bin/env bash
# The retrieval benchmark's corpus: the Debian FAQ 11.1 in English, French and Portuguese (Debian
# packages debian-faq, debian-faq-fr, debian-faq-pt), one plain-text document per chapter.
#
#   bash bench/retrieval/fetch.sh          fetch (once), check, convert; prints the corpus folder
#   bash bench/retrieval/fetch.sh --check  only check what is there (exit 1 when incomplete)
#
# Into ${PRECIS_CACHE_DIR:-~/.cache/precis}/retrieval: debs/ (the .deb files, sha256-checked),
# <lang>/ (<chapter>.txt + manifest.json). Idempotent: a complete corpus is left as it is. The
# .deb files come from Debian's archive through `apt-get download` (pinned version); nothing large
# is committed. The gold answer spans in bench/retrieval/questions.<lang>.jsonl are substrings of
# the text written here, so the conversion (corpus.py, standard library only) must not change.
set -euo pipefail
HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
CACHE="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}"
OUT="$CACHE/retrieval"
VERSION=11.1
# package  sha256 of the .deb  folder of the HTML inside it
PACKAGES="
debian-faq    427426e0cfa6888622fc1d72631071cb4b5a1f86ccde722e7820bcef284de5d0 usr/share/doc/debian/FAQ en
debian-faq-fr e83cbcc28106fc35f6665a6b0c54c2bd66db481de409764ce35b715baca510df usr/share/doc/debian/FAQ/fr fr
debian-faq-pt ec3c25671b78da0359611fb904976d5a62f4054953a97a3db0f42883b21d45ea usr/share/doc/debian/FAQ/pt pt
"
log() { printf '\033[1m==> %s\033[0m\n' "$*" >&2; }
die() { printf 'error: %s\n' "$*" >&2; exit 1; }

complete() {
  for lang in en fr pt; do
    [ -f "$OUT/$lang/manifest.json" ] || return 1
    python3 - "$OUT/$lang" <<'PY' || return 1
import hashlib, json, sys, pathlib
d = pathlib.Path(sys.argv[1])
for m in json.loads((d / "manifest.json").read_text()):
    f = d / m["file"]
    if not f.exists() or hashlib.sha256(f.read_bytes()).hexdigest() != m["sha256"]:
        sys.exit(1)
PY
  done
}

if [ "${1:-}" = "--check" ]; then
  complete && { echo "retrieval corpus complete: $OUT"; exit 0; }
  echo "retrieval corpus incomplete: run bash bench/retrieval/fetch.sh" >&2
  exit 1
fi

mkdir -p "$OUT/debs"
echo "$PACKAGES" | while read -r pkg sha dir lang; do
  [ -n "$pkg" ] || continue
  deb="$OUT/debs/${pkg}_${VERSION}_all.deb"
  if [ ! -f "$deb" ] || [ "$(sha256sum "$deb" | cut -d' ' -f1)" != "$sha" ]; then
    log "downloading $pkg=$VERSION (apt-get download)"
    rm -f "$deb"
    (cd "$OUT/debs" && apt-get download -q "$pkg=$VERSION" 2>/dev/null) || {
      log "apt-get download failed; updating the package lists once and retrying"
      apt-get update -qq && (cd "$OUT/debs" && apt-get download -q "$pkg=$VERSION")
    } || die "cannot download $pkg=$VERSION (is this Debian 12 'bookworm'?)"
  fi
  got="$(sha256sum "$deb" | cut -d' ' -f1)"
  [ "$got" = "$sha" ] || die "$deb: sha256 $got, expected $sha"
  if [ ! -f "$OUT/$lang/manifest.json" ]; then
    tmp="$(mktemp -d)"
    dpkg-deb -x "$deb" "$tmp"
    python3 "$HERE/corpus.py" "$tmp/$dir" "$lang" "$OUT/$lang" >&2
    rm -rf "$tmp"
  fi
done
complete || die "the corpus in $OUT does not match its manifests (delete $OUT/<lang> and run again)"
echo "$OUT"
