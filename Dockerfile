# syntax=docker/dockerfile:1
#
# One image for every Hyte process: the broker, the four services and the `hyte` CLI.
# docker-compose.yml runs one container per process from it, each with its own `command:`.
#
#   docker build -t hyte:local .
#   docker run --rm hyte:local hyte --help
#
# The build stage needs BuildKit (the default builder since Docker 23) for its cache mounts.

# Swift 6.2 or later: swift-log 1.16.2 and swift-service-lifecycle 2.13.0 declare
# swift-tools-version 6.2. Pass `--build-arg SWIFT_IMAGE=swift:6.3-bookworm` to match a newer
# toolchain; keep a bookworm image so that libzmq matches the runtime stage (4.3.4).
ARG SWIFT_IMAGE=swift:6.2-bookworm
ARG RUNTIME_IMAGE=debian:bookworm-slim

# ---------------------------------------------------------------------------------------------
# Build stage
# ---------------------------------------------------------------------------------------------
FROM ${SWIFT_IMAGE} AS build

# System libraries the package links: libzmq through a `.systemLibrary` target found with
# pkg-config, and SQLite for GRDB.
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libzmq3-dev libsqlite3-dev pkg-config \
    && rm -rf /var/lib/apt/lists/*

WORKDIR /build
COPY . .

# The executables that go into the image (products in Package.swift).
ARG PRODUCTS="hyte hyte-broker hyte-storage hyte-indicators hyte-participation hyte-reporting"

# `.build` and the package cache live in cache mounts so that a rebuild after a source change
# recompiles only what changed instead of every dependency (a clean release build takes about
# 15 minutes). The binaries are copied out of the cache mount in the same step.
# --static-swift-stdlib links the Swift runtime and Foundation into each binary, so the runtime
# stage needs no Swift toolchain.
RUN --mount=type=cache,target=/build/.build \
    --mount=type=cache,target=/root/.cache/org.swift.swiftpm \
    set -eu \
    && for product in ${PRODUCTS}; do \
         swift build -c release --static-swift-stdlib --product "${product}"; \
       done \
    && bin="$(swift build -c release --show-bin-path)" \
    && mkdir -p /staging/bin \
    && for product in ${PRODUCTS}; do cp "${bin}/${product}" /staging/bin/; done \
    && cp /usr/libexec/swift/linux/swift-backtrace-static /staging/swift-backtrace-static

# ---------------------------------------------------------------------------------------------
# Runtime stage
# ---------------------------------------------------------------------------------------------
FROM ${RUNTIME_IMAGE}

# libzmq5 and libsqlite3-0 are the shared libraries the binaries link; ca-certificates for TLS
# to PostgreSQL and web sources; tzdata so that Foundation can resolve time zones; chromium and
# fonts for the reporting service's PDF output (`--build-arg WITH_PDF=0` leaves them out).
ARG WITH_PDF=1
RUN export DEBIAN_FRONTEND=noninteractive \
    && apt-get -q update \
    && apt-get -q install -y --no-install-recommends libzmq5 libsqlite3-0 ca-certificates tzdata \
    && if [ "$WITH_PDF" = "1" ]; then apt-get -q install -y --no-install-recommends chromium fonts-dejavu-core; fi \
    && rm -rf /var/lib/apt/lists/*

# A system user without a login shell; /var/lib/hyte is its data directory. A named volume
# mounted there starts with this directory's owner, so the storage service can write to it.
RUN groupadd --system --gid 10001 hyte \
    && useradd --system --uid 10001 --gid hyte --home-dir /var/lib/hyte --shell /usr/sbin/nologin hyte \
    && mkdir -p /var/lib/hyte \
    && chown hyte:hyte /var/lib/hyte

COPY --from=build /staging/bin/ /usr/local/bin/
COPY --from=build /staging/swift-backtrace-static /usr/local/libexec/hyte/swift-backtrace-static

# Defaults for a container; docker-compose.yml sets them explicitly too. HYTE_DATABASE_URL
# defaults to sqlite://$HYTE_DATA_DIR/hyte.sqlite.
ENV HYTE_DATA_DIR=/var/lib/hyte \
    HYTE_LOG_FORMAT=json \
    SWIFT_BACKTRACE=enable=yes,sanitize=yes,threads=all,images=all,interactive=no,swift-backtrace=/usr/local/libexec/hyte/swift-backtrace-static

USER hyte:hyte
WORKDIR /var/lib/hyte

# The broker's port (HYTE_BUS). Only the broker listens; every other process connects to it.
EXPOSE 5570

# Every process handles SIGTERM gracefully (a worker says DISCONNECT and finishes the request
# in hand). Choose the process with the command, e.g. `hyte-broker` or `hyte-storage`.
STOPSIGNAL SIGTERM
CMD ["hyte", "--help"]
