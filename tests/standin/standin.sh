#!/bin/sh
# Stand-in service for tests (DESIGN §5): serves /health and /status on STANDIN_PORTS with busybox httpd and exits
# promptly on SIGTERM, like a well-behaved service. STANDIN_HEALTH=fail makes /health answer 404 (an unhealthy image).
# Without STANDIN_PORTS it listens on 8080, or — when tagged as a catalog image and started from the generated
# compose.yaml — on the port the real image would use, recognised from the environment compose gives that service,
# so the unchanged compose file (ports, health checks) works whoever tagged the image (a variant: STANDIN_SERVICE). It also answers the paths the
# catalog's health checks and the app call (/ping, /identity, gluetun's /v1/publicip/ip and /v1/vpn/status, …).
set -eu
infer_ports() {
  # A per-image variant (build.sh) knows which real image it stands in for.
  case "${STANDIN_SERVICE:-}" in
    vpn) echo 8000; return ;;
    proxy) echo 8080,81; return ;;
    plex) echo 32400; return ;;
    qbittorrent) echo "${WEBUI_PORT:-8080}"; return ;;
    nzbget) echo 6789; return ;;
    prowlarr) echo 9696; return ;;
    radarr) echo 7878; return ;;
    sonarr) echo 8989; return ;;
    bazarr) echo 8080,6767; return ;;
    seerr) echo "${PORT:-5055}"; return ;;
    tdarr) echo "${webUIPort:-8265}"; return ;;
    flaresolverr) echo "${PORT:-8191}"; return ;;
  esac
  if [ -n "${VPN_SERVICE_PROVIDER:-}" ]; then echo 8000; return; fi      # gluetun control server
  if [ -n "${WEBUI_PORT:-}" ]; then echo "$WEBUI_PORT"; return; fi        # linuxserver qbittorrent
  if [ -n "${NZBGET_USER:-}" ]; then echo 6789; return; fi                # nzbget
  if [ -n "${RADARR__AUTH__APIKEY:-}" ]; then echo 7878; return; fi
  if [ -n "${SONARR__AUTH__APIKEY:-}" ]; then echo 8989; return; fi
  if [ -n "${PROWLARR__AUTH__APIKEY:-}" ]; then echo 9696; return; fi
  if [ -n "${PLEX_CLAIM+x}" ]; then echo 32400; return; fi
  if [ -n "${webUIPort:-}" ]; then echo "$webUIPort"; return; fi          # tdarr
  if [ -n "${LOG_LEVEL:-}" ]; then echo 8191; return; fi                  # flaresolverr
  if [ -n "${PORT:-}" ]; then echo "$PORT"; return; fi                    # seerr
  if [ -n "${PUID:-}" ]; then echo 8080,6767; return; fi                  # bazarr (linuxserver, no own variable)
  if [ -n "${TZ:-}" ]; then echo 8080,81; return; fi                      # nginx proxy manager admin
  echo 8080
}
ports="${STANDIN_PORTS:-$(infer_ports)}"
echo "$ports" > /tmp/standin-ports
mkdir -p /www/api/v1 /www/api/v2 /www/jsonrpc /www/v1/publicip /www/v1/vpn
ok_files="/www/health /www/index.html /www/ping /www/identity /www/api/index.html /www/api/v1/status /www/api/v2/status /www/jsonrpc/version"
if [ "${STANDIN_HEALTH:-ok}" = "ok" ]; then
  for f in $ok_files; do echo ok > "$f"; done
else
  rm -f $ok_files
fi
echo "{\"service\":\"${STANDIN_NAME:-standin}\",\"version\":\"${STANDIN_VERSION:-1}\"}" > /www/status
echo "{\"public_ip\":\"${STANDIN_PUBLIC_IP:-203.0.113.7}\"}" > /www/v1/publicip/ip
echo "{\"status\":\"${STANDIN_VPN_STATUS:-running}\"}" > /www/v1/vpn/status
pids=""
for p in $(echo "$ports" | tr ',' ' '); do
  httpd -f -p "$p" -h /www &
  pids="$pids $!"
done
trap 'kill $pids 2>/dev/null; exit 0' TERM INT
wait
