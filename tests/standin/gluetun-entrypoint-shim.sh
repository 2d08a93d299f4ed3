#!/bin/sh
# Stand-in for gluetun's `/gluetun-entrypoint healthcheck` (the image's HEALTHCHECK): asks the stand-in's own /health.
[ "${1:-}" = healthcheck ] || { echo "stand-in gluetun: only 'healthcheck' is supported" >&2; exit 2; }
port=$(cut -d, -f1 /tmp/standin-ports 2>/dev/null || echo 8000)
exec busybox wget -q -O /dev/null "http://127.0.0.1:${port}/health"
