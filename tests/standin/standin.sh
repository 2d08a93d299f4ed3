#!/bin/sh
# Stand-in service for tests (DESIGN §5): serves /health and /status on STANDIN_PORTS with busybox httpd and exits
# promptly on SIGTERM, like a well-behaved service. STANDIN_HEALTH=fail makes /health answer 404 (an unhealthy image).
set -eu
ports="${STANDIN_PORTS:-8080}"
mkdir -p /www
if [ "${STANDIN_HEALTH:-ok}" = "ok" ]; then echo ok > /www/health; else rm -f /www/health; fi
echo "{\"service\":\"${STANDIN_NAME:-standin}\",\"version\":\"${STANDIN_VERSION:-1}\"}" > /www/status
# Gluetun-like control server (issue 5): with STANDIN_VPN_STATUS set, /v1/vpn/status and /v1/publicip/ip answer the
# shapes gluetun's control server gives ({"status":"running"}, {"public_ip":"…"}); tests rewrite them via docker exec.
if [ -n "${STANDIN_VPN_STATUS:-}" ]; then
  mkdir -p /www/v1/vpn /www/v1/publicip
  echo "{\"status\":\"${STANDIN_VPN_STATUS}\"}" > /www/v1/vpn/status
  echo "{\"public_ip\":\"${STANDIN_PUBLIC_IP:-203.0.113.10}\"}" > /www/v1/publicip/ip
fi
pids=""
for p in $(echo "$ports" | tr ',' ' '); do
  httpd -f -p "$p" -h /www &
  pids="$pids $!"
done
trap 'kill $pids 2>/dev/null; exit 0' TERM INT
wait
