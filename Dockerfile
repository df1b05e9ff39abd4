# syntax=docker/dockerfile:1
# Precis in one container: the server binary, the browser bundle, data on a volume.
# The build stage runs the same scripts as CI and the README (scripts/setup.sh, scripts/build.sh).

FROM rust:1-bookworm AS build
WORKDIR /src
RUN apt-get update \
 && apt-get install -y --no-install-recommends nodejs npm \
 && rm -rf /var/lib/apt/lists/*
ENV PRECIS_TOOLS_DIR=/opt/precis-tools
# Toolchain first (wasm target, wasm-bindgen CLI, wasm-opt): cached until the scripts change.
COPY scripts/ scripts/
RUN bash scripts/setup.sh
COPY . .
RUN bash scripts/build.sh --release

FROM debian:bookworm-slim AS runtime
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --user-group --home-dir /app precis \
 && mkdir -p /data && chown precis:precis /data
WORKDIR /app
COPY --from=build /src/target/release/precis /app/precis
COPY --from=build /src/target/site /app/site
ENV LEPTOS_SITE_ADDR=0.0.0.0:3000 \
    LEPTOS_SITE_ROOT=/app/site \
    PRECIS_DATA_DIR=/data \
    RUST_LOG=info
VOLUME ["/data"]
EXPOSE 3000
USER precis
HEALTHCHECK --interval=30s --timeout=5s --start-period=10s CMD ["/app/precis", "healthcheck"]
CMD ["/app/precis"]
