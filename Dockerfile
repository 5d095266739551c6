# scs-bot as a container: build stage with the Rust toolchain, then a small runtime image
# (distroless/cc: glibc and libgcc only, no shell, no package manager) running as non-root.
#
#   docker build -t scs-bot .
#   docker run -d --name scs-bot -e DISCORD_TOKEN \
#     -v scs-content:/data/content -v scs-index:/data/index -v scs-db:/data/db scs-bot
#
# Volumes: /data/content (the markdown pages; the image's copy of content/ seeds a new volume),
# /data/index (the search index, rebuilt when the content changes: must be writable),
# /data/db (the feedback database). The config is /etc/scs-bot/config.toml (deploy/container.toml);
# mount your own over it to change it.

FROM rust:1.95-slim-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked \
    && install -D -m 0755 target/release/scs-bot /out/usr/local/bin/scs-bot \
    && install -D -m 0644 deploy/container.toml /out/etc/scs-bot/config.toml \
    && mkdir -p /out/data/index /out/data/db \
    && cp -r content /out/data/content

FROM gcr.io/distroless/cc-debian12:nonroot
# uid/gid 65532 ("nonroot") owns the writable volumes.
COPY --from=build --chown=65532:65532 /out/data /data
COPY --from=build /out/usr/local/bin/scs-bot /usr/local/bin/scs-bot
COPY --from=build /out/etc/scs-bot /etc/scs-bot
USER 65532:65532
WORKDIR /data
VOLUME ["/data/content", "/data/index", "/data/db"]
ENV RUST_LOG=scs_bot=info,serenity=warn
EXPOSE 8080
# `healthcheck` GETs http://127.0.0.1:8080/healthz with a plain TCP stream (no curl in the image).
HEALTHCHECK --interval=30s --timeout=5s --start-period=60s --retries=3 \
    CMD ["/usr/local/bin/scs-bot", "--config", "/etc/scs-bot/config.toml", "healthcheck", "--listen", "127.0.0.1:8080"]
ENTRYPOINT ["/usr/local/bin/scs-bot", "--config", "/etc/scs-bot/config.toml"]
CMD ["bot"]
