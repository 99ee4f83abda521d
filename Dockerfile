# The HTTP sidecar (docs/sidecar.md#in-a-container). Build from a checkout: docker build -t cuishou-guard .
# Stage 1 builds the package (npm ci runs prepare, the build) and packs it as npm would publish it.
FROM node:20-alpine AS build
WORKDIR /src
COPY . .
RUN npm ci --no-audit --no-fund && npm pack --ignore-scripts --pack-destination /tmp && mv /tmp/cuishou-guard-*.tgz /tmp/cuishou-guard.tgz

# Stage 2: only the packed package and its runtime dependencies, run by an unprivileged user.
FROM node:20-alpine
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /tmp/cuishou-guard.tgz /tmp/cuishou-guard.tgz
RUN npm init -y >/dev/null && npm install --omit=dev --no-audit --no-fund /tmp/cuishou-guard.tgz && rm /tmp/cuishou-guard.tgz
USER node
EXPOSE 8181
HEALTHCHECK --interval=10s --timeout=3s --retries=3 CMD ["node", "-e", "fetch('http://127.0.0.1:8181/healthz').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"]
# Exec form: node is the container's main process and gets SIGTERM itself (no npm, no shell between),
# so `docker stop` drains requests in flight and exits 0. Loopback only: callers share the pod's network;
# to listen beyond it add --host 0.0.0.0 and a --token-file.
CMD ["node", "node_modules/cuishou-guard/dist/cli.js", "serve"]
