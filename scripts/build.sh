#!/usr/bin/env bash
# Builds Precis: the server binary and the browser bundle (target/site).
#   scripts/build.sh --release  release server + browser bundle (what you run and deploy)
#   scripts/build.sh            debug server + browser bundle
#   scripts/build.sh --site     browser bundle only (the tests build their own server binary)
# Same steps as `cargo leptos build`, done by hand so that they also work where cargo-leptos
# cannot be installed or the toolchain needs -Zbuild-std (see scripts/lib.sh).
set -euo pipefail
source "$(dirname "$0")/lib.sh"
cd "$ROOT"

profile_flag=(); server_dir=debug; build_server=true
case "${1:-}" in
  --release) profile_flag=(--release); server_dir=release ;;
  --site) build_server=false ;;
  "") ;;
  *) die "usage: scripts/build.sh [--release|--site]" ;;
esac

pick_wasm_toolchain || die "no wasm32 toolchain: run scripts/setup.sh first"
# Two stages (one with --site); expected lengths are a first build's on a 2-core machine.
if $build_server; then stages 2; else stages 1; fi
command -v wasm-bindgen >/dev/null || die "wasm-bindgen not found: run scripts/setup.sh first"
command -v precis-wasm-split >/dev/null || die "precis-wasm-split not found: run scripts/setup.sh first"

if $build_server; then
  if [ "$server_dir" = release ]; then first="about 8-12 min"; else first="several minutes"; fi
  if [ -x "target/$server_dir/precis" ]; then again="rebuilds what changed"
  else again="first build, $first"; fi
  stage "building the server (${server_dir})" "$again"
  cpu=()
  if [ "$server_dir" = release ]; then
    # candle's SIMD kernels (avx2, fma, f16c) are only compiled in for a CPU that has them:
    # 3-4x faster inference. PRECIS_TARGET_CPU=x86-64-v3 builds a portable binary instead.
    # Server only: a host CPU flag breaks the wasm bundle built below. Given with --config, which
    # adds to .cargo/config.toml's flags (RUSTFLAGS would replace them: erase_components, which
    # the server and the bundle must share).
    cpu=(--config "build.rustflags = [\"-C\", \"target-cpu=${PRECIS_TARGET_CPU:-native}\"]")
  fi
  cargo build "${cpu[@]}" "${profile_flag[@]}" --no-default-features --features ssr --bin precis
fi

if [ -f "target/front/wasm32-unknown-unknown/wasm-release/$NAME.wasm" ]; then
  again="rebuilds what changed, then wasm-opt"
else again="first build, about 2-4 min with wasm-opt"; fi
stage "building the browser bundle (wasm, release)" "$again"
${WASM_SMALL:-false} || log "without the size-optimised std (scripts/lib.sh, wasm_small): a larger bundle"
# Never instrumented for coverage (run_tests.sh's cargo-llvm-cov wrapper is for native code only).
env -u RUSTC_WRAPPER -u __CARGO_LLVM_COV_RUSTC_WRAPPER \
  "${WASM_CARGO[@]}" build --lib --target wasm32-unknown-unknown --profile wasm-release \
  --no-default-features --features hydrate "${WASM_CARGO_ARGS[@]}" --target-dir target/front

site=target/site
rm -rf "$site.new" && mkdir -p "$site.new/pkg"
# Split at the lazy pages (src/ui/pages.rs): the main module (the studio and what every page
# shares), one chunk per page and the chunks they share, the loader script, and the manifest
# from which the server names a page's chunks in its <head>.
split=target/front/split
rm -rf "$split"
precis-wasm-split "target/front/wasm32-unknown-unknown/wasm-release/$NAME.wasm" "$split" "$NAME" >/dev/null
wasm-bindgen --target web --no-typescript --keep-lld-exports --no-demangle --out-name "$NAME" \
  --out-dir "$site.new/pkg" "$split/${NAME}_split.wasm"
mv "$site.new/pkg/${NAME}_bg.wasm" "$site.new/pkg/$NAME.wasm"
rm "$split/${NAME}_split.wasm"
mv "$split"/* "$site.new/pkg/"
for wasm in "$site.new/pkg"/*.wasm; do
  wasm-opt -Oz --enable-bulk-memory --enable-nontrapping-float-to-int "$wasm" -o "$wasm"
done
cp style/main.css "$site.new/pkg/$NAME.css"
cp -r public/. "$site.new/"
# The API page's Swagger UI (scripts/setup.sh installs it): served by Precis itself, no CDN.
swagger=tools/api-docs/node_modules/swagger-ui-dist
[ -f "$swagger/swagger-ui-bundle.js" ] || die "Swagger UI missing ($swagger): run scripts/setup.sh first"
mkdir -p "$site.new/api-docs"
cp "$swagger"/{swagger-ui-bundle.js,swagger-ui-bundle.js.LICENSE.txt,swagger-ui.css,favicon-32x32.png} \
  "$site.new/api-docs/"
cp "$swagger/LICENSE" "$site.new/api-docs/swagger-ui-LICENSE.txt"
cp "$swagger/NOTICE" "$site.new/api-docs/swagger-ui-NOTICE.txt"

# Content-hashed names, cached for good by browsers (a new build, new names). The stylesheet is
# named by its own content; the scripts and modules, which name one another, by the content of
# them all: precis.<hash>.js and .wasm, __wasm_split.<hash>.js, the chunks' <name>.<hash>.wasm
# and the manifest. The hash file is the one Leptos reads to name them in pages (16 hex digits:
# src/server/startup/static_files.rs).
pkg="$site.new/pkg"
css_hash=$(sha256sum "$pkg/$NAME.css" | cut -c1-16)
mv "$pkg/$NAME.css" "$pkg/$NAME.$css_hash.css"
hash=$(cd "$pkg" && find . -maxdepth 1 -type f ! -name '*.css' -printf '%f\n' | LC_ALL=C sort \
  | xargs sha256sum | sha256sum | cut -c1-16)
for file in "$pkg"/*; do
  case "$file" in *.css) continue ;; esac
  base=${file##*/}
  mv "$file" "$pkg/${base%.*}.$hash.${base##*.}"
done
# What each names: the main script its loader (in its `import`s only: the import object's keys
# are the module names compiled into the wasm), the loader the main script and the chunks, the
# manifest the chunks (by name without .wasm, as the server writes them).
sed -i "s#from \"\./__wasm_split\.js\"#from \"./__wasm_split.$hash.js\"#g" "$pkg/$NAME.$hash.js"
sed -i -E "s#\./$NAME\.js#./$NAME.$hash.js#g; s#\./([A-Za-z0-9_]+)\.wasm\"#./\1.$hash.wasm\"#g" \
  "$pkg/__wasm_split.$hash.js"
sed -i -E "s#^(\s+)\"([^\"]+)\"(,?)\$#\1\"\2.$hash\"\3#" "$pkg/__wasm_split_manifest.$hash.json"
printf 'js: %s\nwasm: %s\ncss: %s\nmanifest: %s\nsplit: %s\n' "$hash" "$hash" "$css_hash" "$hash" "$hash" \
  >"$site.new/hash.txt"
# Precompressed copies next to each file worth compressing (brotli, best; gzip -9 for browsers
# without brotli), served to the browsers that accept them. A copy no smaller is not kept.
command -v brotli >/dev/null || die "brotli not found: run scripts/setup.sh first"
compress() {
  brotli -q 11 -k -f "$1" && gzip -9 -n -k -f "$1"
  for copy in "$1.br" "$1.gz"; do
    [ "$(stat -c %s "$copy")" -lt "$(stat -c %s "$1")" ] || rm -f "$copy"
  done
}
export -f compress
find "$site.new" -type f \( -name '*.wasm' -o -name '*.js' -o -name '*.css' -o -name '*.svg' \
  -o -name '*.txt' -o -name '*.json' -o -name '*.html' \) ! -name hash.txt -print0 \
  | xargs -0 -n1 -P2 bash -c 'compress "$0"'
rm -rf "$site" && mv "$site.new" "$site"
wasm=$(sed -n 's/^wasm: //p' "$site/hash.txt")
log "built: $($build_server && echo "target/$server_dir/precis and ")$site (wasm: $(stat -c %s "$site/pkg/$NAME.$wasm.wasm") bytes, $(stat -c %s "$site/pkg/$NAME.$wasm.wasm.br") brotli)"
